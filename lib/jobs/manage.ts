/**
 * Jobs as users see them: list, inspect, cancel, retry, recompute. Every
 * function takes a WorkspaceContext and touches only that workspace's jobs.
 */
import { z } from "zod";
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import { handleOf } from "../db/client.ts";
import type { Job, Prisma } from "../db/generated/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { audit } from "../workspaces/workspaces.ts";
import { deliver, enqueueJobs, TX_OPTIONS, type JobRef, type NewJob } from "./enqueue.ts";
import { announceQueued } from "./events.ts";
import { isReady, JOB_KINDS, JOB_STATES, KIND_POLICY, queueName, type JobKind, type JobState } from "./kinds.ts";
import { getQueue, inTransaction } from "./queue.ts";

export interface JobView {
  id: string;
  kind: JobKind;
  kindLabel: string;
  state: JobState;
  progress: number;
  progressMessage: string | null;
  attempts: number;
  error: string | null;
  backend: string | null;
  model: string | null;
  resultType: string | null;
  resultId: string | null;
  input: unknown;
  cancelRequested: boolean;
  createdBy: { id: string; name: string } | null;
  workerId: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Run time so far (running) or in all (finished), in milliseconds. */
  durationMs: number | null;
}

export const jobFilterSchema = z.object({
  kind: z.enum(JOB_KINDS).optional(),
  state: z.enum([...JOB_STATES, "ACTIVE"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobFilter = z.input<typeof jobFilterSchema>;

export interface JobList {
  jobs: JobView[];
  /** Jobs per state in this workspace (whatever the filter), for the filter chips. */
  counts: Record<JobState, number>;
}

export async function listJobs(ctx: WorkspaceContext, filter: JobFilter = {}): Promise<JobList> {
  requirePermission(ctx, "workspace.read");
  const f = parseInput(jobFilterSchema, filter);
  const where: Prisma.JobWhereInput = {
    workspaceId: ctx.workspaceId,
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.state === "ACTIVE" ? { state: { in: ["QUEUED", "RUNNING"] } } : f.state ? { state: f.state } : {}),
  };
  const [rows, grouped] = await Promise.all([
    ctx.db.job.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: f.limit }),
    ctx.db.job.groupBy({ by: ["state"], where: { workspaceId: ctx.workspaceId }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  for (const g of grouped) counts[g.state] = g._count._all;
  return { jobs: await toViews(ctx, rows), counts };
}

export async function getJob(ctx: WorkspaceContext, id: string): Promise<JobView> {
  requirePermission(ctx, "workspace.read");
  const [view] = await toViews(ctx, [await findJob(ctx, id)]);
  return view!;
}

async function findJob(ctx: WorkspaceContext, id: string): Promise<Job> {
  const row = await ctx.db.job.findFirst({ where: { id, workspaceId: ctx.workspaceId } });
  if (!row) throw new AppError("not_found", "Job not found");
  return row;
}

async function toViews(ctx: WorkspaceContext, rows: Job[]): Promise<JobView[]> {
  const userIds = [...new Set(rows.map((r) => r.createdById).filter((x): x is string => !!x))];
  const users = userIds.length
    ? await ctx.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name || u.email]));
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: KIND_POLICY[r.kind].label,
    state: r.state,
    progress: r.progress,
    progressMessage: r.progressMessage,
    attempts: r.attempts,
    error: r.error,
    backend: r.backend,
    model: r.model,
    resultType: r.resultType,
    resultId: r.resultId,
    input: r.input,
    cancelRequested: !!r.cancelRequestedAt && (r.state === "RUNNING" || r.state === "QUEUED"),
    createdBy: r.createdById ? { id: r.createdById, name: names.get(r.createdById) ?? "Former member" } : null,
    workerId: r.workerId,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.startedAt ? (r.finishedAt?.getTime() ?? now) - r.startedAt.getTime() : null,
  }));
}

/**
 * Cancels a job: a queued one at once; a running one at its next checkpoint
 * (it shows "Cancelling…" until then).
 */
export async function cancelJob(ctx: WorkspaceContext, id: string): Promise<JobView> {
  requirePermission(ctx, "data.write");
  const row = await findJob(ctx, id);
  if (row.state !== "QUEUED" && row.state !== "RUNNING") {
    throw new AppError(
      "conflict",
      `This job has already ${row.state === "SUCCEEDED" ? "finished" : row.state.toLowerCase()}.`,
    );
  }
  const handle = handleOf(ctx.db);
  const boss = await getQueue(handle);
  await ctx.db.$transaction(async (tx) => {
    if (row.state === "QUEUED") {
      const n = await tx.job.updateMany({
        where: { id: row.id, state: "QUEUED" },
        data: {
          state: "CANCELLED",
          cancelRequestedAt: new Date(),
          finishedAt: new Date(),
          progressMessage: "Cancelled before it started",
        },
      });
      if (n.count === 1 && row.queueId) await boss.cancel(queueName(row.kind), row.queueId, inTransaction(tx));
      if (n.count === 1 && row.kind === "IMPORT") {
        // The import never started: its batch says so too (a running one says it when it stops).
        const batchId = (row.input as { batchId?: unknown } | null)?.batchId;
        if (typeof batchId === "string") {
          await tx.importBatch.updateMany({
            where: { id: batchId, workspaceId: ctx.workspaceId, status: "PENDING" },
            data: {
              status: "CANCELLED",
              message: "Cancelled before it started; nothing was imported",
              finishedAt: new Date(),
            },
          });
        }
      }
      if (n.count === 1) return;
    }
    // Running (or it started a moment ago): the worker stops at its next checkpoint.
    await tx.job.updateMany({
      where: { id: row.id, state: { in: ["QUEUED", "RUNNING"] } },
      data: { cancelRequestedAt: new Date() },
    });
  }, TX_OPTIONS);
  return getJob(ctx, id);
}

/** Runs a failed or cancelled job again, as the same job (its attempts keep counting). */
export async function retryJob(ctx: WorkspaceContext, id: string): Promise<JobView> {
  requirePermission(ctx, "data.write");
  const row = await findJob(ctx, id);
  if (row.state !== "FAILED" && row.state !== "CANCELLED") {
    throw new AppError("conflict", "Only failed or cancelled jobs can be retried.");
  }
  if (!isReady(row.kind)) {
    throw new AppError("conflict", `${KIND_POLICY[row.kind].label} jobs cannot run in this version of Foresight.`);
  }
  const boss = await getQueue(handleOf(ctx.db));
  await ctx.db.$transaction(async (tx) => {
    const n = await tx.job.updateMany({
      where: { id: row.id, state: row.state },
      data: {
        state: "QUEUED",
        progress: 0,
        progressMessage: "Queued again",
        error: null,
        cancelRequestedAt: null,
        finishedAt: null,
        heartbeatAt: null,
        workerId: null,
      },
    });
    if (n.count !== 1) throw new AppError("conflict", "The job changed meanwhile; reload and try again.");
    const queueId = await deliver(tx, boss, row.id, row.kind);
    await tx.job.update({ where: { id: row.id }, data: { queueId } });
  }, TX_OPTIONS);
  announceQueued([row.kind]);
  await audit(ctx, "job.retry", { targetType: "Job", targetId: row.id });
  return getJob(ctx, id);
}

/** Queues jobs for this workspace, started by the context's user. */
export async function startJobs(
  ctx: WorkspaceContext,
  jobs: Omit<NewJob, "workspaceId" | "createdById">[],
): Promise<JobRef[]> {
  requirePermission(ctx, "data.write");
  const unready = jobs.find((j) => !isReady(j.kind));
  if (unready) {
    throw new AppError("conflict", `${KIND_POLICY[unready.kind].label} jobs cannot run in this version of Foresight.`);
  }
  return enqueueJobs(
    handleOf(ctx.db),
    jobs.map((j) => ({ ...j, workspaceId: ctx.workspaceId, createdById: ctx.actor.userId })),
  );
}

/**
 * The analyses "Recompute everything" queues, in pipeline order: each kind
 * that runs in this version and works on the whole workspace. Imports are not
 * re-run (their files were read already).
 */
export const RECOMPUTE_KINDS: readonly JobKind[] = ["SENTIMENT", "THEMES", "FORECAST", "SCORING"];

/** What "Recompute everything" would queue in this version (empty: nothing to recompute yet). */
export const recomputableKinds = (): JobKind[] => RECOMPUTE_KINDS.filter(isReady);

export async function recomputeEverything(ctx: WorkspaceContext): Promise<{ queued: JobRef[]; kinds: JobKind[] }> {
  requirePermission(ctx, "jobs.recompute");
  const kinds = recomputableKinds();
  if (kinds.length === 0) {
    throw new AppError(
      "conflict",
      "There is nothing to recompute yet: sentiment, theme, forecast and scoring analyses are not part of this version.",
    );
  }
  const queued = await enqueueJobs(
    handleOf(ctx.db),
    kinds.map((kind) => ({
      workspaceId: ctx.workspaceId,
      kind,
      input: { scope: "all" },
      createdById: ctx.actor.userId,
    })),
  );
  await audit(ctx, "jobs.recompute", { metadata: { kinds } });
  return { queued, kinds };
}
