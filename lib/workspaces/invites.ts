/**
 * Invites: an admin creates one for an e-mail and role; the app shows a
 * one-time link (and e-mails it when SMTP is configured). Only a hash of the
 * token is stored. The invitee signs up or signs in through the link and
 * joins with that role.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashToken, requirePermission, type WorkspaceContext } from "../auth/context.ts";
import { emailSchema } from "../auth/signup.ts";
import type { Db } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { roleSchema } from "./members.ts";
import { audit } from "./workspaces.ts";

export const INVITE_TTL_DAYS = 7;

export const createInviteSchema = z.object({ email: emailSchema, role: roleSchema });

export async function createInvite(ctx: WorkspaceContext, input: z.input<typeof createInviteSchema>) {
  requirePermission(ctx, "members.manage");
  const { email, role } = parseInput(createInviteSchema, input);
  if (role === "OWNER" && ctx.role !== "OWNER") {
    throw new AppError("forbidden", "Only an owner can invite another owner.", {
      role: "Only an owner can invite an owner",
    });
  }
  const already = await ctx.db.membership.findFirst({
    where: { workspaceId: ctx.workspaceId, user: { email } },
    select: { id: true },
  });
  if (already)
    throw new AppError("conflict", `${email} is already a member of this workspace.`, { email: "Already a member" });
  const token = `inv_${randomBytes(24).toString("base64url")}`;
  const invite = await ctx.db.invite.create({
    data: {
      workspaceId: ctx.workspaceId,
      email,
      role,
      tokenHash: hashToken(token),
      createdById: ctx.actor.userId,
      expiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 86_400_000),
    },
  });
  await audit(ctx, "invite.create", { targetType: "invite", targetId: invite.id, metadata: { email, role } });
  return { invite, token, path: `/invite/${token}` };
}

export async function listInvites(ctx: WorkspaceContext) {
  requirePermission(ctx, "members.manage");
  return ctx.db.invite.findMany({
    where: { workspaceId: ctx.workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    include: { createdBy: { select: { name: true, email: true } } },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeInvite(ctx: WorkspaceContext, inviteId: string) {
  requirePermission(ctx, "members.manage");
  const { count } = await ctx.db.invite.updateMany({
    where: { id: inviteId, workspaceId: ctx.workspaceId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("not_found", "Invite not found (it may already be used or revoked)");
  await audit(ctx, "invite.revoke", { targetType: "invite", targetId: inviteId });
}

export type InviteStatus = "valid" | "expired" | "revoked" | "accepted";

/** What the invite link page shows before the invitee signs in or up. */
export async function previewInvite(db: Db, token: string) {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { workspace: { select: { name: true } }, createdBy: { select: { name: true } } },
  });
  if (!invite) throw new AppError("not_found", "This invite link is not valid. Ask for a new one.");
  const status: InviteStatus = invite.acceptedAt
    ? "accepted"
    : invite.revokedAt
      ? "revoked"
      : invite.expiresAt <= new Date()
        ? "expired"
        : "valid";
  return {
    email: invite.email,
    role: invite.role,
    workspaceName: invite.workspace.name,
    invitedBy: invite.createdBy.name,
    expiresAt: invite.expiresAt,
    status,
  };
}

/**
 * The signed-in user joins the invite's workspace with its role. The invite is
 * marked used in the same transaction, so a link works once.
 */
export async function acceptInvite(db: Db, userId: string, token: string) {
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!invite) throw new AppError("not_found", "This invite link is not valid. Ask for a new one.");
    if (invite.acceptedAt) throw new AppError("gone", "This invite has already been used.");
    if (invite.revokedAt) throw new AppError("gone", "This invite was revoked. Ask for a new one.");
    if (invite.expiresAt <= new Date()) throw new AppError("gone", "This invite has expired. Ask for a new one.");
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null },
      data: { acceptedAt: new Date(), acceptedById: userId },
    });
    if (claimed.count === 0) throw new AppError("gone", "This invite has already been used.");
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId } },
    });
    const membership =
      existing ??
      (await tx.membership.create({ data: { workspaceId: invite.workspaceId, userId, role: invite.role } }));
    await tx.auditLog.create({
      data: {
        workspaceId: invite.workspaceId,
        actorUserId: userId,
        action: "invite.accept",
        targetType: "invite",
        targetId: invite.id,
      },
    });
    return { workspaceId: invite.workspaceId, role: membership.role };
  });
}
