/**
 * The durable queue: pg-boss 10, in the `pgboss` schema of the app's own
 * database (PostgreSQL or the embedded PGlite). pg-boss stores deliveries,
 * retries with backoff and the SKIP LOCKED fetch that lets any number of
 * workers share one database; the Job table holds what users see.
 */
import PgBoss from "pg-boss";
import { onClose, type Db, type DbHandle, type DbTx, type QueueSql } from "../db/client.ts";
import { JOB_KINDS, KIND_POLICY, queueName } from "./kinds.ts";

export type Boss = PgBoss;

/** The database schema pg-boss keeps its tables in. */
export const QUEUE_SCHEMA = "pgboss";

// On globalThis, so the several copies Next's bundles make of this module share one queue per database.
const g = globalThis as unknown as { __foresightQueues?: WeakMap<Db, Promise<PgBoss>> };
const instances = (g.__foresightQueues ??= new WeakMap<Db, Promise<PgBoss>>());

/**
 * The started pg-boss of a database, with one queue per job kind; one per
 * database and process, stopped when the database is closed.
 */
export function getQueue(handle: DbHandle): Promise<PgBoss> {
  const key = handle.prisma;
  let boss = instances.get(key);
  if (!boss) {
    boss = startQueue(handle);
    boss.catch(() => instances.delete(key));
    instances.set(key, boss);
    onClose(key, () => stopQueue(handle));
  }
  return boss;
}

async function startQueue(handle: DbHandle): Promise<PgBoss> {
  const boss = new PgBoss({
    db: handle.queueSql,
    schema: QUEUE_SCHEMA,
    // Workers run maintenance themselves (runner.ts), so the web app does no background queue work.
    supervise: false,
    // Cron scheduling and state monitoring are not used.
    schedule: false,
    migrate: true,
  });
  boss.on("error", (e: unknown) => console.error("[queue]", e instanceof Error ? e.message : e));
  await boss.start();
  // Processes starting together race to create the queues (pg-boss creates a
  // table per queue): the loser of a deadlock or duplicate tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      await ensureQueues(boss);
      break;
    } catch (e) {
      if (attempt >= 8 || !isRace(e)) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
  return boss;
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  const existing = new Map((await boss.getQueues()).map((q) => [q.name, q]));
  for (const kind of JOB_KINDS) {
    const name = queueName(kind);
    const p = KIND_POLICY[kind];
    const settings = {
      name,
      retryLimit: p.retryLimit,
      retryDelay: p.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: p.expireInSeconds,
    };
    const q = existing.get(name);
    if (!q) await boss.createQueue(name, settings);
    else if (
      q.retryLimit !== settings.retryLimit ||
      q.retryDelay !== settings.retryDelay ||
      q.expireInSeconds !== settings.expireInSeconds
    ) {
      await boss.updateQueue(name, settings);
    }
  }
}

/** Another process was creating the same queue at the same moment. */
function isRace(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return (
    code === "40P01" ||
    code === "23505" ||
    (e instanceof Error && /deadlock|duplicate key|already exists/.test(e.message))
  );
}

/** Stops the queue of a handle (before closing the database). */
export async function stopQueue(handle: DbHandle): Promise<void> {
  const boss = instances.get(handle.prisma);
  if (!boss) return;
  instances.delete(handle.prisma);
  await (await boss.catch(() => undefined))?.stop({ graceful: false, close: false, wait: true });
}

/** pg-boss SQL run inside a Prisma transaction, so queue and Job rows change together or not at all. */
export function inTransaction(tx: DbTx): { db: QueueSql } {
  return {
    db: {
      executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe(text, ...(values ?? [])) }),
    },
  };
}

/** State of a delivery as pg-boss sees it (read in the caller's transaction). */
export async function deliveryState(tx: DbTx, queue: string, id: string): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ state: string }[]>(
    `SELECT state::text AS state FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND id = $2::uuid`,
    queue,
    id,
  );
  return rows[0]?.state ?? null;
}
