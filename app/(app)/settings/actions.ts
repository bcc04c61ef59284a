"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { workspaceAction, userAction } from "@/lib/web/actions";
import { setCurrentWorkspace } from "@/lib/web/session";
import { sendInviteEmail } from "@/lib/workspaces/invite-mail";
import { createInvite, createInviteSchema, revokeInvite } from "@/lib/workspaces/invites";
import { changeMemberRole, removeMember, roleSchema } from "@/lib/workspaces/members";
import { createApiToken, createTokenSchema, revokeApiToken } from "@/lib/workspaces/tokens";
import { createWorkspace, deleteWorkspace, renameWorkspace } from "@/lib/workspaces/workspaces";
import { getEnv } from "@/lib/env";
import { MODEL_KINDS, rollbackModel } from "@/lib/ml/registry";
import { updatePrivacySettings } from "@/lib/workspaces/settings";

const id = z.string().min(1).max(64);
const refresh = () => revalidatePath("/", "layout");

export const renameWorkspaceAction = workspaceAction(
  { schema: z.object({ name: z.string() }), permission: "workspace.update" },
  async (ctx, { name }) => {
    await renameWorkspace(ctx, name);
    refresh();
    return { message: "Workspace renamed" };
  },
);

export const createWorkspaceAction = userAction({ schema: z.object({ name: z.string() }) }, async (user, { name }) => {
  const ws = await createWorkspace(await getDb(), user.id, name);
  await setCurrentWorkspace(user.id, ws.id);
  refresh();
  return { message: `Created ${ws.name} and switched to it` };
});

export const deleteWorkspaceAction = workspaceAction(
  { schema: z.object({ confirm: z.string() }), permission: "workspace.delete" },
  async (ctx, { confirm }) => {
    await deleteWorkspace(ctx, confirm);
    refresh();
    return { message: "Workspace deleted" };
  },
);

export const changeRoleAction = workspaceAction(
  { schema: z.object({ membershipId: id, role: roleSchema }), permission: "members.manage" },
  async (ctx, { membershipId, role }) => {
    await changeMemberRole(ctx, membershipId, role);
    refresh();
    return { message: "Role changed" };
  },
);

// Leaving is open to every member; removing others is checked in lib.
export const removeMemberAction = workspaceAction(
  { schema: z.object({ membershipId: id }), permission: "workspace.read" },
  async (ctx, { membershipId }) => {
    await removeMember(ctx, membershipId);
    refresh();
    return { message: "Member removed" };
  },
);

export const createInviteAction = workspaceAction(
  { schema: createInviteSchema, permission: "members.manage" },
  async (ctx, input) => {
    const { invite, path } = await createInvite(ctx, input);
    const url = new URL(path, getEnv().NEXTAUTH_URL ?? `http://localhost:${getEnv().PORT}`).toString();
    const emailed = await sendInviteEmail(ctx, invite, url);
    refresh();
    const note =
      emailed === "sent"
        ? ` We e-mailed it to ${invite.email} too.`
        : emailed === "failed"
          ? " Sending the e-mail failed, so pass the link on yourself."
          : "";
    return {
      message: `Invite created. Send this link to ${invite.email}; it works once and is shown only now.${note}`,
      data: { secret: url },
    };
  },
);

export const revokeInviteAction = workspaceAction(
  { schema: z.object({ inviteId: id }), permission: "members.manage" },
  async (ctx, { inviteId }) => {
    await revokeInvite(ctx, inviteId);
    refresh();
    return { message: "Invite revoked" };
  },
);

export const createTokenAction = workspaceAction(
  { schema: createTokenSchema, permission: "tokens.create" },
  async (ctx, input) => {
    const { token, record } = await createApiToken(ctx, input);
    refresh();
    return { message: `Token "${record.name}" created. Copy it now: it is shown only once.`, data: { secret: token } };
  },
);

export const revokeTokenAction = workspaceAction(
  { schema: z.object({ tokenId: id }), permission: "workspace.read" },
  async (ctx, { tokenId }) => {
    await revokeApiToken(ctx, tokenId);
    refresh();
    return { message: "Token revoked" };
  },
);

export const rollbackModelAction = workspaceAction(
  {
    schema: z.object({ kind: z.enum(MODEL_KINDS), version: z.coerce.number().int().min(1) }),
    permission: "models.manage",
  },
  async (ctx, { kind, version }) => {
    await rollbackModel(ctx, kind, version);
    refresh();
    return { message: `Jobs now use ${kind.toLowerCase()} model v${version}` };
  },
);

export const updatePrivacyAction = workspaceAction(
  { schema: z.object({ redactPii: z.enum(["redact", "keep"]) }), permission: "workspace.update" },
  async (ctx, { redactPii }) => {
    await updatePrivacySettings(ctx, { redactPii: redactPii === "redact" });
    refresh();
    return {
      message:
        redactPii === "redact"
          ? "Personal data in imported text will be redacted"
          : "Imported text will be kept as it is",
    };
  },
);
