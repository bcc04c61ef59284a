/**
 * Members of a workspace. Admins manage analysts and viewers; only owners
 * appoint or demote owners; a workspace always keeps at least one owner.
 */
import { z } from "zod";
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import { ROLES, type Role } from "../auth/roles.ts";
import { AppError, parseInput } from "../errors.ts";
import { audit } from "./workspaces.ts";

export const roleSchema = z.enum(ROLES, { message: "Choose a role: owner, admin, analyst or viewer" });

export async function listMembers(ctx: WorkspaceContext) {
  const rows = await ctx.db.membership.findMany({
    where: { workspaceId: ctx.workspaceId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({ id: m.id, role: m.role, joinedAt: m.createdAt, user: m.user }));
}

async function loadMember(ctx: WorkspaceContext, membershipId: string) {
  // Compound key: another workspace's membership id is simply not found.
  const m = await ctx.db.membership.findFirst({ where: { id: membershipId, workspaceId: ctx.workspaceId } });
  if (!m) throw new AppError("not_found", "Member not found");
  return m;
}

async function assertOwnersRemain(ctx: WorkspaceContext, leaving: { role: Role }) {
  if (leaving.role !== "OWNER") return;
  const owners = await ctx.db.membership.count({ where: { workspaceId: ctx.workspaceId, role: "OWNER" } });
  if (owners <= 1) {
    throw new AppError("conflict", "A workspace needs at least one owner. Make someone else owner first.");
  }
}

export async function changeMemberRole(ctx: WorkspaceContext, membershipId: string, role: Role) {
  requirePermission(ctx, "members.manage");
  const newRole = parseInput(roleSchema, role);
  const member = await loadMember(ctx, membershipId);
  if ((member.role === "OWNER" || newRole === "OWNER") && ctx.role !== "OWNER") {
    throw new AppError("forbidden", "Only an owner can appoint or change an owner.");
  }
  if (member.role === newRole) return member;
  if (newRole !== "OWNER") await assertOwnersRemain(ctx, member);
  const updated = await ctx.db.membership.update({ where: { id: member.id }, data: { role: newRole } });
  await audit(ctx, "member.role", {
    targetType: "membership",
    targetId: member.id,
    metadata: { from: member.role, to: newRole },
  });
  return updated;
}

/** Removes a member (admins), or the caller themself (anyone may leave). */
export async function removeMember(ctx: WorkspaceContext, membershipId: string) {
  const member = await loadMember(ctx, membershipId);
  // Leaving is a person's own choice: an API token (even one its creator made) cannot do it for them.
  const self = member.userId === ctx.actor.userId && ctx.actor.kind === "user";
  if (!self) requirePermission(ctx, "members.manage");
  if (!self && member.role === "OWNER" && ctx.role !== "OWNER") {
    throw new AppError("forbidden", "Only an owner can remove an owner.");
  }
  await assertOwnersRemain(ctx, member);
  await ctx.db.$transaction([
    // Tokens act for their creator: they stop working when the creator leaves.
    ctx.db.apiToken.updateMany({
      where: { workspaceId: ctx.workspaceId, createdById: member.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    }),
    ctx.db.membership.delete({ where: { id: member.id } }),
  ]);
  await audit(ctx, "member.remove", { targetType: "membership", targetId: member.id });
}
