import { apiRoute } from "@/lib/web/routes";
import { sendInviteEmail } from "@/lib/workspaces/invite-mail";
import { createInvite, createInviteSchema, listInvites } from "@/lib/workspaces/invites";

export const GET = apiRoute({ permission: "members.manage" }, async (ctx) => ({ invites: await listInvites(ctx) }));

export const POST = apiRoute({ permission: "members.manage", body: createInviteSchema }, async (ctx, { body, req }) => {
  const { invite, path } = await createInvite(ctx, body);
  const url = new URL(path, req.url).toString();
  const emailed = await sendInviteEmail(ctx, invite, url);
  return Response.json(
    { invite: { id: invite.id, email: invite.email, role: invite.role, expiresAt: invite.expiresAt }, url, emailed },
    { status: 201 },
  );
});
