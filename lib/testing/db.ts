/**
 * Test databases: a fresh, migrated database per test file.
 * With DATABASE_URL set, a new PostgreSQL database is created on that server
 * (and dropped afterwards); otherwise an in-memory embedded PGlite is used.
 * Tests run against real databases: no mocked client.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type DbHandle } from "../db/client.ts";

export interface TestDatabase extends DbHandle {
  /** The new database's URL (PostgreSQL only), for other processes to connect to. */
  url?: string;
  /** Drops the database (PostgreSQL) or closes it (embedded). */
  destroy(): Promise<void>;
}

export async function createTestDatabase(
  opts: {
    migrate?: boolean;
    /** PostgreSQL server to create it on (default DATABASE_URL). */ serverUrl?: string;
    prefix?: string;
  } = {},
): Promise<TestDatabase> {
  const url = opts.serverUrl ?? process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ migrate: opts.migrate });
    return { ...handle, destroy: handle.close };
  }
  const name = `${opts.prefix ?? "foresight_test"}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: testUrl.toString(), migrate: opts.migrate });
  return {
    ...handle,
    url: testUrl.toString(),
    destroy: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}
