/**
 * The one Prisma client factory. Nothing else constructs a PrismaClient.
 *
 * - DATABASE_URL set: PostgreSQL through @prisma/adapter-pg (any number of
 *   processes may share it).
 * - otherwise: the embedded PostgreSQL (PGlite, WebAssembly) kept in
 *   DATA_DIR/pglite, owned by exactly one process at a time (a lock file says which).
 *
 * Pending migrations are applied when the database is opened (MIGRATE_ON_START).
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { getEnv } from "../env.ts";
import { PrismaClient } from "./generated/client.ts";
import { acquireDirLock, type DirLock } from "./lock.ts";
import { migrate, type SqlRunner } from "./migrate.ts";

export type DatabaseKind = "postgres" | "embedded";

/** Secret columns are left out of every query unless a query asks for them. */
const OMIT = {
  user: { passwordHash: true },
  apiToken: { tokenHash: true },
  invite: { tokenHash: true },
  reportShare: { tokenHash: true },
} as const;

function makeClient(adapter: NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>) {
  return new PrismaClient({ adapter, omit: OMIT });
}

export type Db = ReturnType<typeof makeClient>;
/** The client inside `db.$transaction(async (tx) => …)`; functions that may run in one take this. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface DbHandle {
  prisma: Db;
  kind: DatabaseKind;
  /** Raw SQL access for the few things Prisma cannot express (migrations, COPY, locks). */
  sql: SqlRunner;
  /** The connection the job queue (pg-boss) runs its own SQL on: several statements per call allowed. */
  queueSql: QueueSql;
  /**
   * Bulk load: runs `copy` (a `COPY … FROM STDIN` statement, text format) fed with `data`, whose
   * chunks must each end on a row boundary. Returns the rows loaded. PostgreSQL streams the data
   * on one connection; the embedded database loads it in blobs of a few megabytes.
   */
  copyIn(copy: string, data: AsyncIterable<string>): Promise<number>;
  close(): Promise<void>;
}

/** What pg-boss needs of a database: `executeSql` returning `{ rows }`. */
export interface QueueSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded database is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; absent with no URL means in memory (tests). */
  dataDir?: string;
  migrate?: boolean;
}

// On globalThis: Next bundles this module into several chunks, and each must find the same handles.
const registry = globalThis as unknown as {
  __foresightHandles?: WeakMap<Db, DbHandle>;
  __foresightCloseHooks?: WeakMap<Db, (() => Promise<void>)[]>;
};
const handles = (registry.__foresightHandles ??= new WeakMap<Db, DbHandle>());

/** The handle a Prisma client belongs to (for the queue, which needs more than Prisma). */
export function handleOf(db: Db): DbHandle {
  const handle = handles.get(db);
  if (!handle) throw new Error("This Prisma client was not opened by openDatabase()");
  return handle;
}

const closeHooks = (registry.__foresightCloseHooks ??= new WeakMap<Db, (() => Promise<void>)[]>());

/** Runs `fn` when the database is closed, before its connections go (the queue stops there). */
export function onClose(db: Db, fn: () => Promise<void>): void {
  closeHooks.get(db)?.push(fn);
}

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  const opened = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openEmbedded(opts.dataDir);
  const hooks: (() => Promise<void>)[] = [];
  const handle: DbHandle = {
    ...opened,
    close: async () => {
      for (const fn of hooks.splice(0).reverse()) await fn().catch(() => undefined);
      await opened.close();
    },
  };
  closeHooks.set(handle.prisma, hooks);
  handles.set(handle.prisma, handle);
  if (opts.migrate ?? true) {
    try {
      await migrateWithLock(handle);
    } catch (err) {
      await handle.close();
      throw err;
    }
  }
  return handle;
}

async function migrateWithLock(handle: DbHandle): Promise<void> {
  if (handle.kind === "embedded") {
    await migrate(handle.sql);
    return;
  }
  // One migrator at a time when several processes start together: a
  // transaction-level advisory lock, held on one connection until commit.
  await handle.sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(727274)");
    await migrate({
      exec: (s) => tx.exec(s),
      query: (s, p) => tx.query(s, p),
      // Already inside a transaction: nest as savepoints so one failing
      // migration rolls back alone and the error surfaces.
      transaction: async (fn) => {
        await tx.exec("SAVEPOINT migration");
        try {
          const r = await fn(tx);
          await tx.exec("RELEASE SAVEPOINT migration");
          return r;
        } catch (e) {
          await tx.exec("ROLLBACK TO SAVEPOINT migration");
          throw e;
        }
      },
    });
  });
}

async function openPostgres(url: string): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server closes (restart, failover, admin) must not take the
  // process down; the pool replaces it on next use.
  pool.on("error", (e) => console.error(`[db] idle PostgreSQL connection lost: ${e.message}`));
  const adapter = new PrismaPg(pool);
  const prisma = makeClient(adapter);
  const sql: SqlRunner = {
    exec: async (s) => {
      await pool.query(s);
    },
    query: async <T>(s: string, p?: unknown[]) => (await pool.query(s, p)).rows as T[],
    transaction: async (fn) => {
      const conn = await pool.connect();
      const runner: SqlRunner = {
        exec: async (s) => {
          await conn.query(s);
        },
        query: async <T>(s: string, p?: unknown[]) => (await conn.query(s, p)).rows as T[],
        transaction: (inner) => inner(runner),
      };
      try {
        await conn.query("BEGIN");
        const r = await fn(runner);
        await conn.query("COMMIT");
        return r;
      } catch (e) {
        await conn.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        conn.release();
      }
    },
  };
  const queueSql: QueueSql = {
    executeSql: async (text, values) => {
      // Several statements in one call come back as one result each; pg-boss wants the last.
      const r = (await pool.query(text, values)) as pg.QueryResult | pg.QueryResult[];
      return Array.isArray(r) ? (r[r.length - 1] ?? { rows: [] }) : r;
    },
  };
  const copyIn = async (copy: string, data: AsyncIterable<string>) => {
    const conn = await pool.connect();
    try {
      const stream = conn.query(copyFrom(copy));
      await pipeline(Readable.from(data), stream);
      return stream.rowCount;
    } finally {
      conn.release();
    }
  };
  return {
    prisma,
    kind: "postgres",
    sql,
    queueSql,
    copyIn,
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

async function openEmbedded(dataDir?: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  let lock: DirLock | undefined;
  let pglite: InstanceType<typeof PGlite>;
  if (dataDir) {
    const dir = path.resolve(dataDir, "pglite");
    await mkdir(dir, { recursive: true });
    lock = await acquireDirLock(path.resolve(dataDir), "embedded database");
    pglite = await PGlite.create(dir);
  } else {
    pglite = await PGlite.create();
  }
  type Tx = Parameters<Parameters<typeof pglite.transaction>[0]>[0];
  const wrap = (q: Pick<Tx, "exec" | "query">): SqlRunner => {
    const runner: SqlRunner = {
      exec: async (s) => {
        await q.exec(s);
      },
      query: async <T>(s: string, p?: unknown[]) => (await q.query<T>(s, p)).rows,
      transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    };
    return runner;
  };
  const prisma = makeClient(new PrismaPGlite(pglite));
  const queueSql: QueueSql = {
    executeSql: async (text, values) => {
      if (values?.length) return pglite.query(text, values);
      // pg-boss installs and maintains itself with several statements per call: only exec takes those.
      const results = await pglite.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
  const copyIn = async (copy: string, data: AsyncIterable<string>) => {
    // PGlite reads COPY data from a blob: load a few megabytes at a time, whole rows each.
    const statement = copy.replace(/FROM\s+STDIN/i, "FROM '/dev/blob'");
    let rows = 0;
    let parts: string[] = [];
    let size = 0;
    const load = async () => {
      if (!parts.length) return;
      const r = await pglite.query(statement, [], { blob: new Blob(parts) });
      rows += r.affectedRows ?? 0;
      parts = [];
      size = 0;
    };
    for await (const chunk of data) {
      parts.push(chunk);
      size += chunk.length;
      // Small loads: PGlite runs on this thread, and the web server must keep answering meanwhile.
      if (size >= 1024 * 1024) await load();
    }
    await load();
    return rows;
  };
  return {
    prisma,
    kind: "embedded",
    sql: wrap(pglite),
    queueSql,
    copyIn,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      await lock?.release();
    },
  };
}

// ───────────── the process-wide handle used by the app, the CLI and workers ─────────────

const globalForDb = globalThis as unknown as { __foresightDb?: Promise<DbHandle> };

/** The process-wide database, opened (and migrated) on first use from the environment. */
export function getDatabase(): Promise<DbHandle> {
  if (!globalForDb.__foresightDb) {
    const env = getEnv();
    const opening = openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
      migrate: env.MIGRATE_ON_START,
    });
    // A failed open is not cached: the next call tries again and reports afresh.
    opening.catch(() => {
      if (globalForDb.__foresightDb === opening) globalForDb.__foresightDb = undefined;
    });
    globalForDb.__foresightDb = opening;
  }
  return globalForDb.__foresightDb;
}

/** Makes `handle` the process-wide database (tests that exercise app code use this). */
export function useDatabase(handle: DbHandle): void {
  globalForDb.__foresightDb = Promise.resolve(handle);
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).prisma;
}

export async function closeDatabase(): Promise<void> {
  const current = globalForDb.__foresightDb;
  globalForDb.__foresightDb = undefined;
  if (current) await (await current).close();
}
