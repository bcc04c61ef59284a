import { getDatabase } from "./client.ts";

export async function databaseHealth(): Promise<{ ok: boolean; database?: "postgres" | "embedded" }> {
  try {
    const db = await getDatabase();
    await db.sql.query("SELECT 1");
    return { ok: true, database: db.kind };
  } catch (e) {
    console.error("health check: database unavailable", e);
    return { ok: false };
  }
}
