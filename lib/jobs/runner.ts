/**
 * The worker: takes deliveries from pg-boss, runs the handler of each job's
 * kind, and keeps the Job row (what users see) in step.
 *
 * Guarantees, and how:
 * - Each attempt is fenced by its number (`Job.attempts`): every write an
 *   attempt makes (progress, heartbeat, result) only applies while that number
 *   is current, so a worker that lost its job (declared dead, then came back)
 *   can no longer change anything.
 * - A handler's final writes (`outcome.commit`), the job's success, its
 *   follow-up jobs and the pg-boss completion commit in one transaction: a
 *   job's results are written once, however often it ran.
 * - A running attempt writes a heartbeat every few seconds. Every worker looks
 *   for attempts whose heartbeat is older than `staleAfterMs` and hands them
 *   back to pg-boss, which retries them with backoff (or fails them when the
 *   retries are spent).
 * - Cancel sets `cancelRequestedAt`; the attempt sees it at its next heartbeat
 *   or progress report and stops at its next checkpoint.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db, DbHandle, DbTx } from "../db/client.ts";
import { Prisma, type Job } from "../db/generated/client.ts";
import { isAppError } from "../errors.ts";
import { enqueueInTransaction, TX_OPTIONS, type NewJob } from "./enqueue.ts";
import { announceQueued, onQueued } from "./events.ts";
import { JOB_KINDS, queueName, type JobKind } from "./kinds.ts";
import { withoutRedundant } from "./pipeline.ts";
import { deliveryState, getQueue, inTransaction, type Boss } from "./queue.ts";

// ───────────────────────────── what handlers see ─────────────────────────────

export interface JobInfo {
  id: string;
  workspaceId: string;
  kind: JobKind;
  input: unknown;
  /** 1 for the first attempt. */
  attempt: number;
  createdById: string | null;
}

export interface JobContext {
  job: JobInfo;
  db: Db;
  handle: DbHandle;
  /** Aborted when the job is cancelled, taken over by another worker, or the worker stops. */
  signal: AbortSignal;
  /**
   * Reports progress (0–100, with a message such as "12,400 / 80,000 items").
   * Written at most twice a second; throws JobCancelledError once cancel was asked for.
   */
  progress(percent: number, message?: string): Promise<void>;
  /** Throws if the job should stop here (cancelled, taken over, worker stopping). */
  checkpoint(): void;
}

export interface JobOutcome {
  message?: string;
  resultType?: string;
  resultId?: string;
  model?: string;
  backend?: string;
  /**
   * Final writes, committed together with the job's success (and rolled back
   * with it). What they return (the final message, follow-up jobs) is only
   * known once they ran, so it joins the outcome here.
   */
  commit?: (tx: DbTx) => Promise<void | Pick<JobOutcome, "message" | "followUps">>;
  /** Jobs to queue when this one succeeds (pipelines), in the same transaction. */
  followUps?: NewJob[];
  /** How long `commit` may take (a large import publishes a million rows there); default one minute. */
  commitTimeoutMs?: number;
}

export type JobHandler = (ctx: JobContext) => Promise<JobOutcome | void>;
export type JobHandlers = Partial<Record<JobKind, JobHandler>>;

/** The job was cancelled by a user; not a failure. */
export class JobCancelledError extends Error {
  override name = "JobCancelledError";
  constructor() {
    super("Cancelled");
  }
}

/** A failure that another attempt cannot fix (bad input, missing data): no retry. */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

/** Another attempt owns the job now; this one must leave everything alone. */
class SupersededError extends Error {
  override name = "SupersededError";
}

class WorkerStoppingError extends Error {
  override name = "WorkerStoppingError";
  constructor() {
    super("The worker was stopped before this job finished; it will run again.");
  }
}

/** A failure message fit for the Jobs page. */
export function describeError(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const oneLine = text.replace(/\s+/g, " ").trim() || "Unknown error";
  return oneLine.length > 1000 ? `${oneLine.slice(0, 997)}…` : oneLine;
}

const isPermanent = (e: unknown) =>
  e instanceof PermanentJobError || (isAppError(e) && ["invalid_input", "not_found", "forbidden"].includes(e.code));

// ───────────────────────────── the worker ─────────────────────────────

export interface WorkerOptions {
  handle: DbHandle;
  handlers: JobHandlers;
  /** Kinds this worker takes (default: every kind it has a handler for). */
  kinds?: JobKind[];
  /** Jobs run at once. */
  concurrency?: number;
  pollIntervalMs?: number;
  heartbeatMs?: number;
  /** An attempt whose heartbeat is older than this is taken to be dead. */
  staleAfterMs?: number;
  /** "app" for the worker inside the web server, "worker" for `npm run worker`. */
  mode: "app" | "worker";
  log?: (line: string) => void;
}

export interface Worker {
  id: string;
  kinds: JobKind[];
  /** Records the ML backend this process chose, for the Jobs page. */
  setBackend(backend: string, reason: string): Promise<void>;
  /** Stops taking jobs; running ones get `graceMs` to finish, then are handed back to the queue. */
  stop(graceMs?: number): Promise<void>;
}

/** Postgres' clock in UTC, the form Prisma stores timestamps in; every heartbeat uses the database's clock. */
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

interface Delivery {
  id: string;
  data: { jobId?: string } | null;
}

export async function startWorker(opts: WorkerOptions): Promise<Worker> {
  const { handle, handlers } = opts;
  const db = handle.prisma;
  const kinds = (opts.kinds ?? JOB_KINDS.filter((k) => handlers[k])).filter((k) => handlers[k]);
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const pollIntervalMs = opts.pollIntervalMs ?? 2000;
  const heartbeatMs = opts.heartbeatMs ?? 5000;
  const staleAfterMs = opts.staleAfterMs ?? 30_000;
  const log = opts.log ?? ((line: string) => console.log(`[worker] ${line}`));
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const boss = await getQueue(handle);

  await db.workerNode.create({
    data: { id, host: hostname(), pid: process.pid, mode: opts.mode, kinds, concurrency },
  });

  let stopping = false;
  const running = new Map<string, AbortController>();
  const wakers = new Set<() => void>();
  const wakeAll = () => {
    for (const w of [...wakers]) w();
  };
  const offQueued = onQueued((kind) => {
    if (kinds.includes(kind)) wakeAll();
  });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });

  type Claim = { kind: JobKind; delivery: Delivery; row: Job; attempt: number };

  /**
   * Takes the next delivery of a kind and claims its Job row in one
   * transaction: a worker killed in between leaves both as they were.
   */
  const claimFrom = (kind: JobKind) =>
    db.$transaction(async (tx): Promise<Claim | "empty" | "skipped"> => {
      const q = queueName(kind);
      const [delivery] = (await boss.fetch(q, { batchSize: 1, ...inTransaction(tx) })) as Delivery[];
      if (!delivery) return "empty";
      const jobId = delivery.data?.jobId;
      const row = jobId ? await tx.job.findUnique({ where: { id: jobId } }) : null;
      if (!row || row.queueId !== delivery.id || row.state === "SUCCEEDED" || row.state === "FAILED") {
        // Its workspace was deleted, or this delivery was replaced (retry) or is already done.
        await boss.complete(q, delivery.id, {}, inTransaction(tx));
        return "skipped";
      }
      const attempt = row.attempts + 1;
      const claimed =
        row.state === "CANCELLED" || row.cancelRequestedAt
          ? 0
          : await tx.$executeRaw`UPDATE "Job" SET "state" = 'RUNNING', "attempts" = ${attempt},
              "startedAt" = COALESCE("startedAt", ${NOW}), "heartbeatAt" = ${NOW}, "workerId" = ${id},
              "finishedAt" = NULL, "progressMessage" = ${attempt > 1 ? `Attempt ${attempt} started` : "Started"}
            WHERE "id" = ${row.id} AND "attempts" = ${row.attempts} AND "state" IN ('QUEUED', 'RUNNING')
              AND "cancelRequestedAt" IS NULL`;
      if (claimed !== 1) {
        // Cancelled before it started.
        await tx.$executeRaw`UPDATE "Job" SET "state" = 'CANCELLED', "finishedAt" = ${NOW}, "heartbeatAt" = NULL
          WHERE "id" = ${row.id} AND "state" IN ('QUEUED', 'RUNNING')`;
        await boss.cancel(q, delivery.id, inTransaction(tx));
        return "skipped";
      }
      return { kind, delivery, row, attempt };
    }, TX_OPTIONS);

  let rotation = 0;
  async function claimNext(): Promise<Claim | "empty" | "skipped"> {
    rotation = (rotation + 1) % kinds.length;
    for (let i = 0; i < kinds.length; i++) {
      const got = await claimFrom(kinds[(rotation + i) % kinds.length]!);
      if (got !== "empty") return got;
    }
    return "empty";
  }

  async function slot(): Promise<void> {
    while (!stopping) {
      let next: Awaited<ReturnType<typeof claimNext>> = "empty";
      try {
        next = await claimNext();
      } catch (e) {
        log(`taking a job failed: ${describeError(e)}`);
      }
      if (next === "skipped") continue;
      if (next === "empty") {
        await sleep(pollIntervalMs);
        continue;
      }
      try {
        await run(next);
      } catch (e) {
        // Bookkeeping failed (database gone?): the heartbeat stops, so the job is retried elsewhere.
        log(`job ${next.row.id}: ${describeError(e)}`);
      }
    }
  }

  async function run({ kind, delivery, row, attempt }: Claim): Promise<void> {
    const q = queueName(kind);
    const fence = Prisma.sql`"id" = ${row.id} AND "attempts" = ${attempt} AND "state" = 'RUNNING'`;
    const controller = new AbortController();
    running.set(row.id, controller);

    /** Why the fenced write matched nothing: cancel asked for, or another attempt took over. */
    const explainMiss = async () => {
      const now = await db.job.findUnique({ where: { id: row.id } });
      const ours = now && now.attempts === attempt && now.state === "RUNNING";
      controller.abort(ours && now.cancelRequestedAt ? new JobCancelledError() : new SupersededError());
    };
    const beat = async () => {
      if (controller.signal.aborted) return;
      const n = await db.$executeRaw`UPDATE "Job" SET "heartbeatAt" = ${NOW}
        WHERE ${fence} AND "cancelRequestedAt" IS NULL`;
      if (n !== 1) await explainMiss();
    };
    const heartbeat = setInterval(
      () => beat().catch((e) => log(`heartbeat ${row.id}: ${describeError(e)}`)),
      heartbeatMs,
    );

    let lastWrite = 0;
    let lastPercent = -1;
    const ctx: JobContext = {
      job: {
        id: row.id,
        workspaceId: row.workspaceId,
        kind,
        input: row.input,
        attempt,
        createdById: row.createdById,
      },
      db,
      handle,
      signal: controller.signal,
      checkpoint: () => {
        if (controller.signal.aborted) throw controller.signal.reason;
      },
      progress: async (percent, message) => {
        ctx.checkpoint();
        const p = Math.max(0, Math.min(100, Math.round(percent)));
        const now = Date.now();
        // At most twice a second, except the first report of 100%.
        if (now - lastWrite < 500 && (p < 100 || p === lastPercent)) return;
        lastWrite = now;
        lastPercent = p;
        const n = await db.$executeRaw`UPDATE "Job" SET "progress" = ${p}, "progressMessage" = ${message ?? null},
            "heartbeatAt" = ${NOW}
          WHERE ${fence} AND "cancelRequestedAt" IS NULL`;
        if (n !== 1) await explainMiss();
        ctx.checkpoint();
      },
    };

    try {
      const outcome = (await handlers[kind]!(ctx)) ?? {};
      ctx.checkpoint();
      const followed = await db.$transaction(
        async (tx) => {
          const n = await tx.$executeRaw`UPDATE "Job" SET "state" = 'SUCCEEDED', "progress" = 100,
            "progressMessage" = ${outcome.message ?? "Done"}, "finishedAt" = ${NOW}, "heartbeatAt" = NULL,
            "error" = NULL, "resultType" = ${outcome.resultType ?? null}, "resultId" = ${outcome.resultId ?? null},
            "model" = ${outcome.model ?? null}, "backend" = ${outcome.backend ?? null}
          WHERE ${fence}`;
          if (n !== 1) throw new SupersededError();
          const late = (await outcome.commit?.(tx)) ?? {};
          if (late.message) await tx.job.update({ where: { id: row.id }, data: { progressMessage: late.message } });
          const next = [...(outcome.followUps ?? []), ...(late.followUps ?? [])];
          const refs = await enqueueInTransaction(tx, boss, await withoutRedundant(tx, next));
          await boss.complete(q, delivery.id, {}, inTransaction(tx));
          return refs;
        },
        { ...TX_OPTIONS, timeout: outcome.commitTimeoutMs ?? TX_OPTIONS.timeout },
      );
      announceQueued(followed.map((r) => r.kind));
      await db.$executeRaw`UPDATE "WorkerNode" SET "jobsDone" = "jobsDone" + 1 WHERE "id" = ${id}`;
    } catch (thrown) {
      const e = controller.signal.aborted ? controller.signal.reason : thrown;
      if (e instanceof SupersededError) {
        log(`job ${row.id}: attempt ${attempt} was taken over by another worker; its work is discarded`);
      } else if (e instanceof JobCancelledError) {
        await db.$transaction(async (tx) => {
          const n = await tx.$executeRaw`UPDATE "Job" SET "state" = 'CANCELLED', "finishedAt" = ${NOW},
              "heartbeatAt" = NULL, "progressMessage" = ${"Cancelled"}
            WHERE ${fence}`;
          if (n === 1) await boss.cancel(q, delivery.id, inTransaction(tx));
        }, TX_OPTIONS);
      } else {
        await recordFailure(boss, db, { jobId: row.id, kind, queueId: delivery.id, attempt, fence }, e);
      }
    } finally {
      clearInterval(heartbeat);
      running.delete(row.id);
    }
  }

  // Workers' own liveness, dead attempts and pg-boss housekeeping.
  let lastMaintenance = 0;
  async function supervise(): Promise<void> {
    await db.$executeRaw`UPDATE "WorkerNode" SET "heartbeatAt" = ${NOW} WHERE "id" = ${id}`;
    await reclaimStale(boss, db, staleAfterMs, log);
    if (Date.now() - lastMaintenance > 60_000) {
      lastMaintenance = Date.now();
      await boss.maintain();
      await db.$executeRaw`DELETE FROM "WorkerNode" WHERE "heartbeatAt" < ${NOW} - interval '1 day'`;
    }
  }
  const supervisor = setInterval(
    () => supervise().catch((e) => log(`supervisor: ${describeError(e)}`)),
    Math.max(250, Math.min(heartbeatMs, staleAfterMs / 3)),
  );

  const slots = kinds.length ? Array.from({ length: concurrency }, () => slot()) : [];
  log(`${id} started (${opts.mode}); kinds: ${kinds.join(", ") || "none"}; ${concurrency} at a time`);

  return {
    id,
    kinds,
    setBackend: async (backend, reason) => {
      await db.workerNode.update({ where: { id }, data: { backend, backendReason: reason } });
    },
    stop: async (graceMs = 10_000) => {
      if (stopping) return;
      stopping = true;
      offQueued();
      wakeAll();
      const idle = Promise.all(slots);
      const timer = new Promise<void>((r) => setTimeout(r, graceMs).unref());
      await Promise.race([idle, timer]);
      for (const c of running.values()) c.abort(new WorkerStoppingError());
      await Promise.race([idle, new Promise<void>((r) => setTimeout(r, 5000).unref())]);
      clearInterval(supervisor);
      await db.$executeRaw`UPDATE "WorkerNode" SET "stoppedAt" = ${NOW} WHERE "id" = ${id}`.catch(() => 0);
      log(`${id} stopped`);
    },
  };
}

interface Attempt {
  jobId: string;
  kind: JobKind;
  queueId: string;
  attempt: number;
  fence: Prisma.Sql;
}

/** A failed attempt: pg-boss decides between retry (with backoff) and giving up; the Job row follows. */
async function recordFailure(boss: Boss, db: Db, a: Attempt, e: unknown): Promise<void> {
  const message = describeError(e);
  const q = queueName(a.kind);
  await db.$transaction(async (tx) => {
    const mine = await tx.$executeRaw`UPDATE "Job" SET "heartbeatAt" = NULL WHERE ${a.fence}`;
    if (mine !== 1) return;
    let retrying = false;
    if (isPermanent(e)) {
      await boss.complete(q, a.queueId, { failed: message }, inTransaction(tx));
    } else {
      await boss.fail(q, a.queueId, { message }, inTransaction(tx));
      retrying = (await deliveryState(tx, q, a.queueId)) === "retry";
    }
    if (retrying) {
      await tx.$executeRaw`UPDATE "Job" SET "state" = 'QUEUED', "error" = ${message}, "workerId" = NULL,
          "progressMessage" = ${`Attempt ${a.attempt} failed; it will be retried shortly`}
        WHERE "id" = ${a.jobId}`;
    } else {
      await tx.$executeRaw`UPDATE "Job" SET "state" = 'FAILED', "error" = ${message}, "finishedAt" = ${NOW},
          "progressMessage" = ${a.attempt > 1 ? `Failed after ${a.attempt} attempts` : "Failed"}
        WHERE "id" = ${a.jobId}`;
    }
  }, TX_OPTIONS);
}

/**
 * Attempts whose worker stopped sending heartbeats (killed, machine lost) go
 * back to pg-boss as failed attempts: retried with backoff, or failed for good
 * when the retries are spent. Safe to run from every worker at once.
 */
export async function reclaimStale(
  boss: Boss,
  db: Db,
  staleAfterMs: number,
  log: (line: string) => void = () => undefined,
): Promise<number> {
  const seconds = staleAfterMs / 1000;
  const stale = await db.$queryRaw<{ id: string; kind: JobKind; attempts: number; queueId: string | null }[]>`
    SELECT "id", "kind", "attempts", "queueId" FROM "Job"
    WHERE "state" = 'RUNNING' AND "heartbeatAt" < ${NOW} - make_interval(secs => ${seconds})
    LIMIT 100`;
  let reclaimed = 0;
  for (const s of stale) {
    if (!s.queueId) continue;
    const fence = Prisma.sql`"id" = ${s.id} AND "attempts" = ${s.attempts} AND "state" = 'RUNNING'
      AND "heartbeatAt" < ${NOW} - make_interval(secs => ${seconds})`;
    const lost = new Error(`The worker running attempt ${s.attempts} stopped responding`);
    await recordFailure(boss, db, { jobId: s.id, kind: s.kind, queueId: s.queueId, attempt: s.attempts, fence }, lost);
    log(`job ${s.id}: worker of attempt ${s.attempts} stopped responding; handed back to the queue`);
    reclaimed++;
  }
  return reclaimed;
}
