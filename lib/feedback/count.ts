/**
 * How many feedback items match, cheaply at any size: exact while a LIMITed count stays small,
 * the planner's estimate beyond it (shown as "about"). The estimate comes from EXPLAIN, which
 * reads no rows; for text matches it uses the GIN expression's own statistics.
 */
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";

/**
 * Counts are exact up to these; beyond them the planner's estimate is shown as "about". Counting
 * items by workspace, import or date reads an index only; other filters and words read items.
 */
export const COUNT_CAP = 10_000;
export const FILTERED_COUNT_CAP = 1_000;

/** "exact": the number; "about": the planner's estimate; "atLeast": more than the number. */
export interface ResultCount {
  kind: "exact" | "about" | "atLeast";
  value: number;
}

/**
 * How many items match: exact up to `cap` (a LIMITed count reads at most cap + 1 index entries),
 * beyond it the planner's row estimate, which is cheap and usually within a few per cent.
 */
export async function countMatches(
  db: Db,
  where: Prisma.Sql,
  cap: number,
  knownEstimate: number | null = null,
): Promise<ResultCount> {
  // Text-match estimates come from the index's own statistics and are close; ten times the cap
  // is not worth counting to the cap (for a common word that reads and parses thousands of texts).
  if (knownEstimate !== null && knownEstimate >= 10 * cap) return { kind: "about", value: knownEstimate };
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS "n" FROM (SELECT 1 FROM "FeedbackItem" f WHERE ${where} LIMIT ${cap + 1}) s`;
  const n = Number(row?.n ?? 0);
  if (n <= cap) return { kind: "exact", value: n };
  const estimate = knownEstimate ?? (await estimateRows(db, where));
  return estimate > cap ? { kind: "about", value: estimate } : { kind: "atLeast", value: cap };
}

/** The planner's estimate of the items matching `where` (EXPLAIN; nothing is read). */
export async function estimateRows(db: Db, where: Prisma.Sql): Promise<number> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "FeedbackItem" f WHERE ${where}`;
  let plan = rows[0] ? Object.values(rows[0])[0] : undefined;
  if (typeof plan === "string") plan = JSON.parse(plan);
  const top = Array.isArray(plan) ? (plan[0] as { Plan?: { "Plan Rows"?: number } } | undefined) : undefined;
  return Math.round(Number(top?.Plan?.["Plan Rows"] ?? 0));
}
