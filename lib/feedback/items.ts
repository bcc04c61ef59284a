/** Reading a workspace's feedback items and imports. */
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";

export interface FeedbackPage {
  total: number;
  items: { id: string; text: string; occurredAt: string | null; rating: number | null; channel: string | null }[];
  imports: {
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
  }[];
}

export async function listFeedback(
  ctx: WorkspaceContext,
  opts: { batchId?: string; limit?: number } = {},
): Promise<FeedbackPage> {
  requirePermission(ctx, "workspace.read");
  const where = { workspaceId: ctx.workspaceId, ...(opts.batchId ? { batchId: opts.batchId } : {}) };
  const [total, items, imports] = await Promise.all([
    ctx.db.feedbackItem.count({ where }),
    ctx.db.feedbackItem.findMany({
      where,
      orderBy: [{ occurredAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      take: Math.min(opts.limit ?? 50, 200),
      select: { id: true, text: true, occurredAt: true, rating: true, channel: true },
    }),
    ctx.db.importBatch.findMany({
      where: { workspaceId: ctx.workspaceId, kind: "FEEDBACK" },
      orderBy: { createdAt: "desc" },
      take: 10,
    }),
  ]);
  const userIds = [...new Set(imports.map((b) => b.createdById).filter((x): x is string => !!x))];
  const users = await ctx.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    total,
    items: items.map((i) => ({ ...i, occurredAt: i.occurredAt?.toISOString() ?? null })),
    imports: imports.map((b) => ({
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
    })),
  };
}
