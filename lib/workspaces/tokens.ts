/**
 * API tokens, one workspace each. The token is shown once at creation; only
 * its SHA-256 is stored (it has 256 bits of entropy, so a slow hash adds
 * nothing). Analysts and above create tokens for themselves, with a role no
 * higher than their own; admins see and revoke every token.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { API_TOKEN_PREFIX, hashToken, requirePermission, type WorkspaceContext } from "../auth/context.ts";
import { atLeast, can } from "../auth/roles.ts";
import { AppError, parseInput } from "../errors.ts";
import { roleSchema } from "./members.ts";
import { audit } from "./workspaces.ts";

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token (e.g. 'CI import')").max(80, "Use at most 80 characters"),
  role: roleSchema.default("ANALYST"),
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});

export async function createApiToken(ctx: WorkspaceContext, input: z.input<typeof createTokenSchema>) {
  requirePermission(ctx, "tokens.create");
  const data = parseInput(createTokenSchema, input);
  if (!atLeast(ctx.role, data.role)) {
    throw new AppError("forbidden", "A token cannot have a higher role than yours.", { role: "Higher than your role" });
  }
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record = await ctx.db.apiToken.create({
    data: {
      workspaceId: ctx.workspaceId,
      createdById: ctx.actor.userId,
      name: data.name,
      role: data.role,
      prefix: token.slice(0, 10),
      tokenHash: hashToken(token),
      expiresAt: data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86_400_000) : null,
    },
  });
  await audit(ctx, "token.create", {
    targetType: "apiToken",
    targetId: record.id,
    metadata: { name: data.name, role: data.role },
  });
  return { token, record };
}

/** Admins see every token of the workspace; others see their own. */
export async function listApiTokens(ctx: WorkspaceContext) {
  const all = can(ctx.role, "members.manage");
  return ctx.db.apiToken.findMany({
    where: { workspaceId: ctx.workspaceId, ...(all ? {} : { createdById: ctx.actor.userId }) },
    include: { createdBy: { select: { name: true, email: true } } },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(ctx: WorkspaceContext, tokenId: string) {
  const token = await ctx.db.apiToken.findFirst({ where: { id: tokenId, workspaceId: ctx.workspaceId } });
  // People may revoke their own tokens whatever their role; a token acting on
  // its own needs admin rights, so a read-only token cannot revoke its siblings.
  const own = token?.createdById === ctx.actor.userId && ctx.actor.kind === "user";
  const mayRevoke = token && (own || can(ctx.role, "members.manage"));
  if (!token || !mayRevoke) throw new AppError("not_found", "Token not found");
  if (token.revokedAt) return token;
  const revoked = await ctx.db.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
  await audit(ctx, "token.revoke", { targetType: "apiToken", targetId: token.id });
  return revoked;
}
