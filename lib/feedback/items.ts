/**
 * The workspace's recent feedback imports, for the history beside the explorer. (The items
 * themselves are listed by searchFeedback in explore.ts.)
 */
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";

export interface ImportSummary {
  id: string;
  fileName: string;
  status: string;
  rowsNew: number;
  rowsDuplicate: number;
  rowsInvalid: number;
  message: string | null;
  createdAt: string;
  createdBy: string | null;
  durationMs: number | null;
}

export async function listRecentImports(
  ctx: WorkspaceContext,
  opts: { limit?: number } = {},
): Promise<ImportSummary[]> {
  requirePermission(ctx, "workspace.read");
  const imports = await ctx.db.importBatch.findMany({
    where: { workspaceId: ctx.workspaceId, kind: "FEEDBACK" },
    orderBy: { createdAt: "desc" },
    take: Math.min(opts.limit ?? 10, 100),
  });
  const userIds = [...new Set(imports.map((b) => b.createdById).filter((x): x is string => !!x))];
  const users = await ctx.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return imports.map((b) => ({
    id: b.id,
    fileName: b.fileName,
    status: b.status,
    rowsNew: b.rowsNew,
    rowsDuplicate: b.rowsDuplicate,
    rowsInvalid: b.rowsInvalid,
    message: b.message,
    createdAt: b.createdAt.toISOString(),
    createdBy: b.createdById ? (names.get(b.createdById) ?? "Former member") : null,
    durationMs: b.startedAt && b.finishedAt ? b.finishedAt.getTime() - b.startedAt.getTime() : null,
  }));
}

/** The file name of one of the workspace's imports, or null when it is not the workspace's. */
export async function getImportName(ctx: WorkspaceContext, batchId: string): Promise<string | null> {
  requirePermission(ctx, "workspace.read");
  const batch = await ctx.db.importBatch.findFirst({
    where: { id: batchId, workspaceId: ctx.workspaceId },
    select: { fileName: true },
  });
  return batch?.fileName ?? null;
}
