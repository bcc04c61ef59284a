import { expect, test } from "vitest";
import { createTestDatabase } from "../testing/db.ts";

test.skipIf(!process.env.DATABASE_URL)(
  "PostgreSQL: connections the server closes do not crash the process, and the next query reconnects",
  async () => {
    const db = await createTestDatabase({ migrate: false });
    try {
      await db.sql.query("SELECT 1");
      const [{ name }] = await db.sql.query<{ name: string }>("SELECT current_database() AS name");
      // Another session closes every idle connection of ours, as a server restart or an admin would.
      const admin = await createTestDatabase({ migrate: false });
      await admin.sql.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      );
      await admin.destroy();
      await new Promise((r) => setTimeout(r, 200));
      expect(await db.sql.query("SELECT 2 AS n")).toEqual([{ n: 2 }]);
    } finally {
      await db.destroy();
    }
  },
);
