/** Workspaces as seen by a user: list, create, rename, delete, audit. */
import type { WorkspaceContext } from "../auth/context.ts";
import { requirePermission } from "../auth/context.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { createWorkspaceFor, workspaceNameSchema } from "./create-workspace.ts";

export interface WorkspaceSummary {
  id: string;
  name: string;
  slug: string;
  isDemo: boolean;
  role: "OWNER" | "ADMIN" | "ANALYST" | "VIEWER";
}

export async function listWorkspacesForUser(db: Db, userId: string): Promise<WorkspaceSummary[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { workspace: { select: { id: true, name: true, slug: true, isDemo: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ ...m.workspace, role: m.role }));
}

export async function createWorkspace(db: Db, userId: string, name: string) {
  const ws = await db.$transaction((tx) => createWorkspaceFor(tx, userId, name));
  await db.auditLog.create({ data: { workspaceId: ws.id, actorUserId: userId, action: "workspace.create" } });
  return ws;
}

export async function renameWorkspace(ctx: WorkspaceContext, name: string) {
  requirePermission(ctx, "workspace.update");
  const clean = parseInput(workspaceNameSchema, name);
  const ws = await ctx.db.workspace.update({ where: { id: ctx.workspaceId }, data: { name: clean } });
  await audit(ctx, "workspace.rename", { metadata: { name: clean } });
  return ws;
}

/** Deletes the workspace and everything in it. Owners only; the slug must be typed to confirm. */
export async function deleteWorkspace(ctx: WorkspaceContext, confirmSlug: string) {
  requirePermission(ctx, "workspace.delete");
  if (confirmSlug.trim() !== ctx.workspaceSlug) {
    throw new AppError("invalid_input", `Type "${ctx.workspaceSlug}" to confirm`, {
      confirm: `Type "${ctx.workspaceSlug}" to confirm`,
    });
  }
  await ctx.db.workspace.delete({ where: { id: ctx.workspaceId } });
}

export async function getWorkspace(ctx: WorkspaceContext) {
  return ctx.db.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId } });
}

export async function audit(
  ctx: WorkspaceContext,
  action: string,
  extra: { targetType?: string; targetId?: string; metadata?: Prisma.InputJsonValue } = {},
) {
  await ctx.db.auditLog.create({
    data: {
      workspaceId: ctx.workspaceId,
      actorUserId: ctx.actor.userId,
      actorToken: ctx.actor.kind === "token" ? ctx.actor.tokenId : null,
      action,
      ...extra,
    },
  });
}
