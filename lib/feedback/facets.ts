/**
 * Values for the explorer's filter menus, computed without reading the workspace's items:
 *
 * - channel, segment, plan, country, company size, product area: FeedbackFacet, a summary of
 *   how many items hold each value, which triggers on FeedbackItem keep exact;
 * - attribute keys (the file's other columns): the keys of a few items of each recent import,
 *   since every row of one file has the same columns.
 */
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import { Prisma } from "../db/generated/client.ts";

/** At most this many values per menu; beyond it the menu becomes a text box. */
export const FACET_LIMIT = 100;

export const FACET_FIELDS = ["channel", "segment", "plan", "country", "companySize", "productArea"] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export interface FeedbackFacets {
  /** Distinct values, sorted; `more` lists fields that have more than FACET_LIMIT. */
  values: Record<FacetField, string[]>;
  /** How many items hold each listed value. */
  counts: Record<FacetField, Record<string, number>>;
  more: FacetField[];
  attributeKeys: string[];
  /** The workspace has feedback at all (else the page invites an import). */
  hasFeedback: boolean;
  /** Some items have been scored for sentiment (the sentiment filter is offered). */
  hasSentiment: boolean;
}

export async function listFeedbackFacets(ctx: WorkspaceContext): Promise<FeedbackFacets> {
  requirePermission(ctx, "workspace.read");
  const ws = ctx.workspaceId;
  const [rows, keys, flags] = await Promise.all([
    // Each field's first FACET_LIMIT + 1 values (one more tells the menu there are too many).
    ctx.db.$queryRaw<{ field: FacetField; value: string; items: number }[]>`
      SELECT "field", "value", "items" FROM (
        SELECT c.*, row_number() OVER (PARTITION BY c."field" ORDER BY c."value") AS "rank"
        FROM "FeedbackFacet" c WHERE c."workspaceId" = ${ws} AND c."field" IN (${Prisma.join([...FACET_FIELDS])})
      ) c WHERE c."rank" <= ${FACET_LIMIT + 1}
      ORDER BY c."field", c."value"`,
    ctx.db.$queryRaw<{ key: string }[]>`
      SELECT DISTINCT k."key" FROM (
        SELECT b."id" FROM "ImportBatch" b
        WHERE b."workspaceId" = ${ws} AND b."kind" = 'FEEDBACK'
        ORDER BY b."createdAt" DESC LIMIT 100
      ) b
      CROSS JOIN LATERAL (
        SELECT f."attributes" FROM "FeedbackItem" f
        WHERE f."batchId" = b."id" AND f."workspaceId" = ${ws} AND jsonb_typeof(f."attributes") = 'object'
        LIMIT 20
      ) a
      CROSS JOIN LATERAL jsonb_object_keys(a."attributes") AS k("key")
      ORDER BY 1 LIMIT ${FACET_LIMIT}`,
    ctx.db.$queryRaw<{ hasFeedback: boolean; hasSentiment: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM "FeedbackItem" WHERE "workspaceId" = ${ws}) AS "hasFeedback",
             EXISTS (SELECT 1 FROM "SentimentResult" WHERE "workspaceId" = ${ws}) AS "hasSentiment"`,
  ]);
  const values = Object.fromEntries(FACET_FIELDS.map((f) => [f, [] as string[]])) as Record<FacetField, string[]>;
  const counts = Object.fromEntries(FACET_FIELDS.map((f) => [f, {}])) as FeedbackFacets["counts"];
  for (const r of rows) {
    values[r.field].push(r.value);
    counts[r.field][r.value] = r.items;
  }
  const more = FACET_FIELDS.filter((f) => values[f].length > FACET_LIMIT);
  for (const f of more) values[f] = values[f].slice(0, FACET_LIMIT);
  return {
    values,
    counts,
    more,
    attributeKeys: keys.map((k) => k.key),
    hasFeedback: Boolean(flags[0]?.hasFeedback),
    hasSentiment: Boolean(flags[0]?.hasSentiment),
  };
}
