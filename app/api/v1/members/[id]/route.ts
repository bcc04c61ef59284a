import { z } from "zod";
import { apiRoute } from "@/lib/web/routes";
import { changeMemberRole, removeMember, roleSchema } from "@/lib/workspaces/members";

const params = z.object({ id: z.string().min(1).max(64) });

export const PATCH = apiRoute(
  { permission: "members.manage", params, body: z.object({ role: roleSchema }) },
  async (ctx, { params, body }) => {
    const m = await changeMemberRole(ctx, params.id, body.role);
    return { member: { id: m.id, role: m.role } };
  },
);

// Any member may remove themself; removing others needs members.manage (checked in lib).
export const DELETE = apiRoute({ permission: "workspace.read", params }, async (ctx, { params }) => {
  await removeMember(ctx, params.id);
  return { ok: true };
});
