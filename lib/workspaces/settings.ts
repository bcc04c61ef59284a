/**
 * Workspace settings, kept as validated JSON on the workspace. Every key has a default, so a
 * workspace created before a setting existed reads the same as a new one.
 */
import { z } from "zod";
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import type { DbTx } from "../db/client.ts";
import { audit } from "./workspaces.ts";

export const workspaceSettingsSchema = z.object({
  privacy: z
    .object({
      /** Redact e-mail addresses, phone numbers, card numbers and IBANs in imported text. */
      redactPii: z.boolean().default(true),
    })
    .prefault({}),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** Reads settings; values that no longer validate fall back to their defaults rather than failing. */
export function parseSettings(raw: unknown): WorkspaceSettings {
  const parsed = workspaceSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : workspaceSettingsSchema.parse({});
}

export async function getWorkspaceSettings(db: DbTx, workspaceId: string): Promise<WorkspaceSettings> {
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { settings: true } });
  return parseSettings(ws.settings);
}

export const privacySettingsSchema = z.object({ redactPii: z.boolean() });

export async function updatePrivacySettings(
  ctx: WorkspaceContext,
  input: z.infer<typeof privacySettingsSchema>,
): Promise<WorkspaceSettings> {
  requirePermission(ctx, "workspace.update");
  const current = await getWorkspaceSettings(ctx.db, ctx.workspaceId);
  const next: WorkspaceSettings = { ...current, privacy: { ...current.privacy, ...input } };
  await ctx.db.workspace.update({ where: { id: ctx.workspaceId }, data: { settings: next } });
  await audit(ctx, "settings.privacy", { metadata: input });
  return next;
}
