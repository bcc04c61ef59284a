/**
 * The workspace context every tenant-scoped operation takes. It is created
 * only here: from a verified session user plus their membership, or from a
 * verified API token. Operations read `ctx.workspaceId`, never a workspace id
 * from the request body or URL.
 */
import { createHash } from "node:crypto";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { can, ROLE_LABEL, type Permission, type Role } from "./roles.ts";

export type Actor = { kind: "user"; userId: string } | { kind: "token"; tokenId: string; userId: string };

export interface WorkspaceContext {
  db: Db;
  workspaceId: string;
  workspaceSlug: string;
  role: Role;
  actor: Actor;
}

/** The user behind the actor (a token acts for the user who created it). */
export const actorUserId = (ctx: WorkspaceContext): string => ctx.actor.userId;

export function requirePermission(ctx: WorkspaceContext, permission: Permission): void {
  if (!can(ctx.role, permission)) {
    throw new AppError(
      "forbidden",
      `Your role (${ROLE_LABEL[ctx.role]}) does not allow this. Ask a workspace admin or owner.`,
    );
  }
}

/**
 * Context for a signed-in user in a workspace. A workspace the user does not
 * belong to is reported as not found, so other tenants' ids reveal nothing.
 */
export async function userWorkspaceContext(db: Db, userId: string, workspaceId: string): Promise<WorkspaceContext> {
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    include: { workspace: { select: { slug: true } } },
  });
  if (!membership) throw new AppError("not_found", "Workspace not found");
  return {
    db,
    workspaceId,
    workspaceSlug: membership.workspace.slug,
    role: membership.role,
    actor: { kind: "user", userId },
  };
}

/** Same as userWorkspaceContext, addressed by the workspace's slug (CLI, URLs). */
export async function userWorkspaceContextBySlug(db: Db, userId: string, slug: string): Promise<WorkspaceContext> {
  const ws = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
  if (!ws) throw new AppError("not_found", `Workspace "${slug}" not found`);
  return userWorkspaceContext(db, userId, ws.id);
}

export const API_TOKEN_PREFIX = "fs_";

export function hashToken(raw: string): string {
  return createHash("sha256").update(raw).digest("hex");
}

/**
 * Context for an API token (Authorization: Bearer fs_…). Revoked, expired or
 * unknown tokens, and tokens whose creator has left the workspace, are refused.
 * A token never acts above its creator's current role.
 */
export async function tokenWorkspaceContext(db: Db, raw: string): Promise<WorkspaceContext> {
  const unauthenticated = new AppError("unauthenticated", "Invalid or revoked API token");
  if (!raw.startsWith(API_TOKEN_PREFIX) || raw.length < 20 || raw.length > 200) throw unauthenticated;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(raw) },
    include: { workspace: { select: { slug: true } } },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= new Date())) throw unauthenticated;
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: token.workspaceId, userId: token.createdById } },
  });
  if (!membership) throw unauthenticated;
  const rank = ["VIEWER", "ANALYST", "ADMIN", "OWNER"];
  const role = rank.indexOf(membership.role) < rank.indexOf(token.role) ? membership.role : token.role;
  // Best effort: a failed timestamp write must not fail the request.
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  return {
    db,
    workspaceId: token.workspaceId,
    workspaceSlug: token.workspace.slug,
    role,
    actor: { kind: "token", tokenId: token.id, userId: token.createdById },
  };
}
