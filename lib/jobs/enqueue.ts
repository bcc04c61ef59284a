/**
 * Queuing a job: the Job row users see and the pg-boss delivery are written in
 * one transaction, so there is never a job without a delivery or the reverse.
 */
import type { DbHandle, DbTx } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { announceQueued } from "./events.ts";
import { KIND_POLICY, queueName, type JobKind } from "./kinds.ts";
import { getQueue, inTransaction, type Boss } from "./queue.ts";

export interface NewJob {
  workspaceId: string;
  kind: JobKind;
  input?: Prisma.InputJsonObject;
  createdById?: string | null;
  /** Delay before the first attempt. */
  startAfterSeconds?: number;
  /** Overrides of the kind's retry policy (checks and tests use quick retries). */
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface JobRef {
  id: string;
  kind: JobKind;
}

/** Queues jobs inside an open transaction (for follow-ups written with a job's results). */
export async function enqueueInTransaction(tx: DbTx, boss: Boss, jobs: NewJob[]): Promise<JobRef[]> {
  const refs: JobRef[] = [];
  for (const j of jobs) {
    const row = await tx.job.create({
      data: { workspaceId: j.workspaceId, kind: j.kind, input: j.input ?? {}, createdById: j.createdById ?? null },
      select: { id: true, kind: true },
    });
    const queueId = await deliver(tx, boss, row.id, j.kind, j);
    await tx.job.update({ where: { id: row.id }, data: { queueId } });
    refs.push(row);
  }
  return refs;
}

/** A new pg-boss delivery for an existing Job row; returns its queue id. */
export async function deliver(
  tx: DbTx,
  boss: Boss,
  jobId: string,
  kind: JobKind,
  o: Pick<NewJob, "startAfterSeconds" | "retryLimit" | "retryDelaySeconds"> = {},
): Promise<string> {
  const p = KIND_POLICY[kind];
  const queueId = await boss.send(
    queueName(kind),
    { jobId },
    {
      ...inTransaction(tx),
      priority: p.priority,
      retryLimit: o.retryLimit ?? p.retryLimit,
      retryDelay: o.retryDelaySeconds ?? p.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: p.expireInSeconds,
      ...(o.startAfterSeconds ? { startAfter: o.startAfterSeconds } : {}),
    },
  );
  if (!queueId) throw new Error(`The queue refused job ${jobId}`);
  return queueId;
}

/** Queues jobs in a transaction of their own and wakes this process's worker. */
export async function enqueueJobs(handle: DbHandle, jobs: NewJob[]): Promise<JobRef[]> {
  if (jobs.length === 0) return [];
  const boss = await getQueue(handle);
  const refs = await handle.prisma.$transaction((tx) => enqueueInTransaction(tx, boss, jobs), TX_OPTIONS);
  announceQueued(refs.map((r) => r.kind));
  return refs;
}

export async function enqueueJob(handle: DbHandle, job: NewJob): Promise<JobRef> {
  const [ref] = await enqueueJobs(handle, [job]);
  return ref!;
}

/** Queue transactions wait for the embedded database's single connection under load. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 60_000 } as const;
