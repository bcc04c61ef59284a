/**
 * The Feedback explorer's query: full-text search, filters, sort and keyset pagination over a
 * workspace's feedback items, built to stay fast at a million rows.
 *
 * - Always scoped by `ctx.workspaceId`; nothing in the query can name another workspace.
 * - SQL is composed from Prisma.sql fragments: every value is a bind parameter; only constant
 *   identifiers and keywords are spliced in. Prisma's query builder cannot express row-value
 *   keyset comparisons or text search, so the whole list is one raw query rather than two code
 *   paths that could disagree.
 * - Pages are found by keyset (sort key, id), never OFFSET, so page 500 costs what page 1 does.
 *   Items without the sort key (no date, no rating) come after the others in both directions.
 * - Text search matches `to_tsvector('simple', text)`, the expression of the GIN index added in
 *   migration 20261123160000_feedback_search (see text-search.ts for the rules).
 * - "Best match" ranks the most recent RANK_WINDOW matches only: ranking needs every candidate's
 *   text parsed again, which for a word found in 200,000 items takes seconds. The answer says
 *   when that limit applied.
 * - Counts are exact up to a cap and estimated by the planner beyond it (count.ts); when a text
 *   search gathers its matches first, the same query counts them exactly.
 * - A text search's plan is chosen from the planner's estimate of the matches: few matches are
 *   gathered through the GIN index first and then sorted; many are found by walking the sort
 *   order and testing each item, which stops after a page. PostgreSQL's planner underrates the
 *   cost of parsing each text in the second plan, so left to itself it picks it for a few
 *   thousand matches too, and reads far more rows than a page.
 */
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { parseInput } from "../errors.ts";
import { COUNT_CAP, countMatches, estimateRows, FILTERED_COUNT_CAP, type ResultCount } from "./count.ts";
import { decodeCursor, encodeCursor, type Cursor } from "./cursor.ts";
import {
  effectiveSort,
  filtersReadingItems,
  feedbackQuerySchema,
  type FeedbackQuery,
  type FeedbackQueryInput,
  type FeedbackSort,
  type RatingScaleName,
  type SentimentLabelName,
} from "./query.ts";
import { headlineSegments, MATCH_END, MATCH_START, withPrefixMatching, type TextSegment } from "./text-search.ts";

/** Candidates ranked by "Best match" (the most recent matches). */
export const RANK_WINDOW = 500;
/**
 * Text searches with at most this many estimated matches gather them through the GIN index first
 * (for pages by date or rating; "Best match", which needs RANK_WINDOW candidates, up to the
 * second figure).
 */
export const MATCHES_FIRST_MAX = 10_000;
export const RANK_MATCHES_FIRST_MAX = 50_000;
/** Characters of an item shown in a result row. */
export const SNIPPET_CHARS = 300;

const HEADLINE_ALL = `HighlightAll=true, StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
const HEADLINE_FRAGMENTS = `MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=" … ", StartSel=${MATCH_START}, StopSel=${MATCH_END}`;

/** The fields an item shows in the list and on its page alike. */
export interface FeedbackItemFields {
  id: string;
  occurredAt: string | null;
  rating: number | null;
  ratingScale: RatingScaleName | null;
  ratingNorm: number | null;
  channel: string | null;
  segment: string | null;
  plan: string | null;
  country: string | null;
  companySize: string | null;
  productArea: string | null;
}

export interface FeedbackListItem extends FeedbackItemFields {
  /** The text (or, when searching, the passages that match) with the matches marked. */
  snippet: TextSegment[];
  /** The snippet is only part of the text. */
  truncated: boolean;
  batchId: string;
  /** Null until the sentiment job has scored the item. */
  sentiment: { label: SentimentLabelName; score: number } | null;
}

export interface FeedbackResults {
  items: FeedbackListItem[];
  sort: FeedbackSort;
  count: ResultCount;
  /** Cursor of the next page, or null on the last. */
  nextCursor: string | null;
  /** Cursor of the previous page, or null on the first. */
  prevCursor: string | null;
  /** Set when "Best match" ranked only this many of the most recent matches. */
  rankedWithin: number | null;
  /** The search words held nothing to search for (only punctuation, say): nothing matches. */
  emptySearch: boolean;
}

interface Row {
  id: string;
  occurredAt: Date | null;
  rating: number | null;
  ratingScale: string | null;
  ratingNorm: number | null;
  channel: string | null;
  segment: string | null;
  plan: string | null;
  country: string | null;
  companySize: string | null;
  productArea: string | null;
  batchId: string;
  snippet: string;
  truncated: boolean;
  sentimentLabel: string | null;
  sentimentScore: number | null;
  rank?: number;
  /** All matches, counted on the way when they were gathered first. */
  total?: bigint | number | null;
}

type Part = Cursor["part"];

interface KeyedSort {
  column: Prisma.Sql;
  /** The column's own name in the page subquery's output. */
  name: string;
  dir: "asc" | "desc";
  cast: Prisma.Sql;
}

const KEYED: Record<Exclude<FeedbackSort, "relevance">, KeyedSort> = {
  newest: { column: Prisma.raw(`f."occurredAt"`), name: "occurredAt", dir: "desc", cast: Prisma.raw("::timestamp(3)") },
  oldest: { column: Prisma.raw(`f."occurredAt"`), name: "occurredAt", dir: "asc", cast: Prisma.raw("::timestamp(3)") },
  rating_high: { column: Prisma.raw(`f."ratingNorm"`), name: "ratingNorm", dir: "desc", cast: Prisma.raw("::float8") },
  rating_low: { column: Prisma.raw(`f."ratingNorm"`), name: "ratingNorm", dir: "asc", cast: Prisma.raw("::float8") },
};

const ITEM_COLUMNS = Prisma.raw(
  `f."id", f."text", f."occurredAt", f."rating", f."ratingScale", f."ratingNorm", f."channel", f."segment", f."plan", f."country", f."companySize", f."productArea", f."batchId"`,
);

/**
 * One page of a workspace's feedback matching `input` (see feedbackQuerySchema), with a count and
 * cursors for the pages either side.
 */
export async function searchFeedback(
  ctx: WorkspaceContext,
  input: FeedbackQueryInput | Record<string, string | string[]>,
  /** Tests and the benchmark may force a text search's plan; normally the estimate chooses. */
  opts: { textPlan?: "matches-first" | "walk" } = {},
): Promise<FeedbackResults> {
  requirePermission(ctx, "workspace.read");
  const query = parseInput(feedbackQuerySchema, input);
  const sort = effectiveSort(query);
  const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;
  const tsquery = query.q ? await toTsquery(ctx.db, query.q) : null;
  if (tsquery === "") {
    return {
      items: [],
      sort,
      count: { kind: "exact", value: 0 },
      nextCursor: null,
      prevCursor: null,
      rankedWithin: null,
      emptySearch: true,
    };
  }
  const where = matchConditions(ctx.workspaceId, query, tsquery);
  // Only text searches need the estimate up front (to choose their plan); ~1 ms.
  const estimate = tsquery ? await estimateRows(ctx.db, where) : null;
  const matchesFirst =
    estimate !== null &&
    (opts.textPlan
      ? opts.textPlan === "matches-first"
      : estimate <= (sort === "relevance" ? RANK_MATCHES_FIRST_MAX : MATCHES_FIRST_MAX));
  const view: View = { db: ctx.db, where, tsquery, sort, limit: query.limit, matchesFirst };
  const cap = !tsquery && !filtersReadingItems(query) ? COUNT_CAP : FILTERED_COUNT_CAP;
  const fetchPage = () => (sort === "relevance" ? relevancePage(view, cursor) : keyedPage(view, cursor));
  let page: Page;
  let count: ResultCount;
  if (matchesFirst) {
    // The page's query counts the matches it gathers; count separately only if it found none.
    page = await fetchPage();
    count =
      page.total !== null ? { kind: "exact", value: page.total } : await countMatches(ctx.db, where, cap, estimate);
  } else {
    [page, count] = await Promise.all([fetchPage(), countMatches(ctx.db, where, cap, estimate)]);
  }
  const matches = count.kind === "exact" ? count.value : Infinity;
  const { total: _counted, ...shown } = page;
  return {
    ...shown,
    sort,
    count,
    rankedWithin: sort === "relevance" && matches > RANK_WINDOW ? RANK_WINDOW : null,
    emptySearch: false,
  };
}

/** The tsquery text for the user's words (prefix matching added), or "" when they hold no word. */
export async function toTsquery(db: Db, words: string): Promise<string> {
  const [row] = await db.$queryRaw<{ q: string }[]>`SELECT websearch_to_tsquery('simple', ${words})::text AS "q"`;
  const text = row?.q ?? "";
  return text.trim() ? withPrefixMatching(text) : "";
}

/** Every filter as one SQL condition on FeedbackItem `f`. */
export function matchConditions(workspaceId: string, q: FeedbackQuery, tsquery: string | null): Prisma.Sql {
  const c: Prisma.Sql[] = [Prisma.sql`f."workspaceId" = ${workspaceId}`];
  if (q.batch) c.push(Prisma.sql`f."batchId" = ${q.batch}`);
  if (q.from) c.push(Prisma.sql`f."occurredAt" >= ${q.from}::date`);
  if (q.to) c.push(Prisma.sql`f."occurredAt" < ${q.to}::date + 1`);
  if (q.channel.length) c.push(Prisma.sql`f."channel" IN (${Prisma.join(q.channel)})`);
  if (q.segment) c.push(Prisma.sql`f."segment" = ${q.segment}`);
  if (q.plan) c.push(Prisma.sql`f."plan" = ${q.plan}`);
  if (q.country) c.push(Prisma.sql`f."country" = ${q.country}`);
  if (q.companySize) c.push(Prisma.sql`f."companySize" = ${q.companySize}`);
  if (q.productArea) c.push(Prisma.sql`f."productArea" = ${q.productArea}`);
  if (q.ratingScale) {
    c.push(Prisma.sql`f."ratingScale" = ${q.ratingScale}::"RatingScale"`);
    if (q.ratingMin !== undefined) c.push(Prisma.sql`f."rating" >= ${q.ratingMin}::float8`);
    if (q.ratingMax !== undefined) c.push(Prisma.sql`f."rating" <= ${q.ratingMax}::float8`);
  } else {
    // A small tolerance: 0.6 computed as 6/10 on import must equal 0.6 typed here.
    if (q.ratingMin !== undefined) c.push(Prisma.sql`f."ratingNorm" >= ${q.ratingMin - 1e-9}::float8`);
    if (q.ratingMax !== undefined) c.push(Prisma.sql`f."ratingNorm" <= ${q.ratingMax + 1e-9}::float8`);
  }
  for (const a of q.attr) c.push(Prisma.sql`f."attributes" ->> ${a.key} = ${a.value}`);
  if (q.sentiment.length) {
    c.push(Prisma.sql`EXISTS (SELECT 1 FROM "SentimentResult" s
      WHERE s."itemId" = f."id" AND s."label"::text IN (${Prisma.join(q.sentiment)}))`);
  }
  if (q.theme) {
    c.push(Prisma.sql`EXISTS (SELECT 1 FROM "ItemTheme" it
      WHERE it."itemId" = f."id" AND it."themeId" = ${q.theme} AND it."workspaceId" = ${workspaceId})`);
  }
  // Must stay the index's expression, with 'simple' as a literal, for the GIN index to apply.
  if (tsquery) c.push(Prisma.sql`to_tsvector('simple', f."text") @@ ${tsquery}::tsquery`);
  return Prisma.join(c, " AND ");
}

interface View {
  db: Db;
  where: Prisma.Sql;
  tsquery: string | null;
  sort: FeedbackSort;
  limit: number;
  /** Gather the (few) matches through the text index before sorting them. */
  matchesFirst: boolean;
}

interface Page {
  items: FeedbackListItem[];
  nextCursor: string | null;
  prevCursor: string | null;
  /** The number of matches when the page's query counted them (matches first), else null. */
  total: number | null;
}

/** What the page subquery `p` is shown as: snippet with matches marked, sentiment when scored. */
function outputColumns(tsquery: string | null): Prisma.Sql {
  const snippet = tsquery
    ? Prisma.sql`CASE WHEN length(p."text") <= ${SNIPPET_CHARS}
        THEN ts_headline('simple', translate(p."text", ${MATCH_START + MATCH_END}, ''), ${tsquery}::tsquery, ${HEADLINE_ALL})
        ELSE ts_headline('simple', translate(p."text", ${MATCH_START + MATCH_END}, ''), ${tsquery}::tsquery, ${HEADLINE_FRAGMENTS})
      END`
    : Prisma.sql`left(p."text", ${SNIPPET_CHARS})`;
  return Prisma.sql`p."id", p."occurredAt", p."rating", p."ratingScale"::text AS "ratingScale", p."ratingNorm",
    p."channel", p."segment", p."plan", p."country", p."companySize", p."productArea", p."batchId",
    ${snippet} AS "snippet", length(p."text") > ${SNIPPET_CHARS} AS "truncated",
    s."label"::text AS "sentimentLabel", s."score" AS "sentimentScore"`;
}

const flip = (dir: "asc" | "desc") => (dir === "asc" ? "desc" : "asc");

/**
 * Up to `limit` rows of one part of a date or rating sort, after `bound` in the sort's order
 * (`backward`: before it, nearest first).
 */
async function fetchPart(
  v: View,
  spec: KeyedSort,
  part: Part,
  bound: Cursor | null,
  backward: boolean,
  limit: number,
): Promise<Row[]> {
  if (limit <= 0) return [];
  const dir = backward ? flip(spec.dir) : spec.dir;
  const op = Prisma.raw(dir === "desc" ? "<" : ">");
  const order = Prisma.raw(dir.toUpperCase());
  const col = spec.column;
  const conditions =
    part === "value"
      ? [
          Prisma.sql`${col} IS NOT NULL`,
          ...(bound ? [Prisma.sql`(${col}, f."id") ${op} (${bound.k}${spec.cast}, ${bound.id})`] : []),
        ]
      : [Prisma.sql`${col} IS NULL`, ...(bound ? [Prisma.sql`f."id" ${op} ${bound.id}`] : [])];
  const orderBy = part === "value" ? Prisma.sql`${col} ${order}, f."id" ${order}` : Prisma.sql`f."id" ${order}`;
  const outerOrder =
    part === "value"
      ? Prisma.sql`${Prisma.raw(`p."${spec.name}"`)} ${order}, p."id" ${order}`
      : Prisma.sql`p."id" ${order}`;
  const inPart = Prisma.join(conditions, " AND ");
  // Matches first: a MATERIALIZED CTE is planned on its own, without the ORDER BY … LIMIT that
  // would tempt the planner into walking the sort order; the page's rows are then read by id, and
  // the matches, all in hand, are counted too.
  const page = v.matchesFirst
    ? Prisma.sql`WITH m AS MATERIALIZED (
          SELECT f."id", f."occurredAt", f."ratingNorm" FROM "FeedbackItem" f WHERE ${v.where}
        ), top AS (
          SELECT f."id" FROM m f WHERE ${inPart} ORDER BY ${orderBy} LIMIT ${limit}
        )
        SELECT ${ITEM_COLUMNS}, (SELECT count(*) FROM m) AS "total"
        FROM top JOIN "FeedbackItem" f ON f."id" = top."id"`
    : Prisma.sql`SELECT ${ITEM_COLUMNS}, NULL::bigint AS "total" FROM "FeedbackItem" f
        WHERE ${v.where} AND ${inPart} ORDER BY ${orderBy} LIMIT ${limit}`;
  return v.db.$queryRaw<Row[]>`
    SELECT ${outputColumns(v.tsquery)}, p."total"
    FROM (${page}) p
    LEFT JOIN "SentimentResult" s ON s."itemId" = p."id"
    ORDER BY ${outerOrder}`;
}

async function keyedPage(v: View, cursor: Cursor | null): Promise<Page> {
  const spec = KEYED[v.sort as Exclude<FeedbackSort, "relevance">];
  const want = v.limit + 1;
  const keyOf = (r: Row) => (spec.name === "occurredAt" ? (r.occurredAt?.toISOString() ?? null) : r.ratingNorm);
  if (cursor?.d === "b") {
    const rows: Row[] = [];
    if (cursor.part === "null") rows.push(...(await fetchPart(v, spec, "null", cursor, true, want)));
    rows.push(
      ...(await fetchPart(v, spec, "value", cursor.part === "value" ? cursor : null, true, want - rows.length)),
    );
    // Fewer than a page before it: this is the first page; show it full.
    if (rows.length < want) return keyedPage(v, null);
    rows.reverse();
    return pageOf(v.sort, rows.slice(1), keyOf, { hasNext: true, hasPrev: true }, totalOf(rows));
  }
  const rows: Row[] = [];
  if (!cursor || cursor.part === "value") rows.push(...(await fetchPart(v, spec, "value", cursor, false, want)));
  rows.push(...(await fetchPart(v, spec, "null", cursor?.part === "null" ? cursor : null, false, want - rows.length)));
  return pageOf(
    v.sort,
    rows.slice(0, v.limit),
    keyOf,
    { hasNext: rows.length > v.limit, hasPrev: !!cursor },
    totalOf(rows),
  );
}

const totalOf = (rows: Row[]): number | null => {
  const t = rows.find((r) => r.total !== null && r.total !== undefined)?.total;
  return t === undefined || t === null ? null : Number(t);
};

/** "Best match": ts_rank_cd over the most recent RANK_WINDOW matches, pages by (rank, id). */
async function relevancePage(v: View, cursor: Cursor | null): Promise<Page> {
  const want = v.limit + 1;
  const backward = cursor?.d === "b";
  const dir = backward ? "asc" : "desc";
  const op = Prisma.raw(dir === "desc" ? "<" : ">");
  const order = Prisma.raw(dir.toUpperCase());
  // ts_rank_cd (cover density: more and closer matches, in shorter texts, rank higher) is a real; comparing in real keeps the cursor's value equal to the row's.
  const bound = cursor ? Prisma.sql`WHERE (r."rank", r."id") ${op} (${cursor.k}::real, ${cursor.id})` : Prisma.empty;
  // The candidates: the RANK_WINDOW most recent matches, found as in fetchPart.
  const candidates = v.matchesFirst
    ? Prisma.sql`WITH m AS MATERIALIZED (
          SELECT f."id", f."occurredAt" FROM "FeedbackItem" f WHERE ${v.where}
        ), top AS (
          SELECT f."id" FROM m f ORDER BY f."occurredAt" DESC, f."id" DESC LIMIT ${RANK_WINDOW}
        )
        SELECT ${ITEM_COLUMNS}, (SELECT count(*) FROM m) AS "total"
        FROM top JOIN "FeedbackItem" f ON f."id" = top."id"`
    : Prisma.sql`SELECT ${ITEM_COLUMNS}, NULL::bigint AS "total" FROM "FeedbackItem" f WHERE ${v.where}
        ORDER BY f."occurredAt" DESC, f."id" DESC LIMIT ${RANK_WINDOW}`;
  const rows = await v.db.$queryRaw<Row[]>`
    WITH c AS MATERIALIZED (${candidates}),
    r AS (
      SELECT c.*, ts_rank_cd(to_tsvector('simple', c."text"), ${v.tsquery}::tsquery, 1) AS "rank" FROM c
    )
    SELECT ${outputColumns(v.tsquery)}, p."rank", p."total"
    FROM (SELECT * FROM r ${bound} ORDER BY r."rank" ${order}, r."id" ${order} LIMIT ${want}) p
    LEFT JOIN "SentimentResult" s ON s."itemId" = p."id"
    ORDER BY p."rank" ${order}, p."id" ${order}`;
  const keyOf = (r: Row) => r.rank ?? 0;
  if (backward) {
    if (rows.length < want) return relevancePage(v, null);
    rows.reverse();
    return pageOf(v.sort, rows.slice(1), keyOf, { hasNext: true, hasPrev: true }, totalOf(rows));
  }
  return pageOf(
    v.sort,
    rows.slice(0, v.limit),
    keyOf,
    { hasNext: rows.length > v.limit, hasPrev: !!cursor },
    totalOf(rows),
  );
}

function pageOf(
  sort: FeedbackSort,
  rows: Row[],
  keyOf: (r: Row) => string | number | null,
  has: { hasNext: boolean; hasPrev: boolean },
  total: number | null,
): Page {
  const cursorAt = (r: Row, d: "a" | "b") => {
    const k = keyOf(r);
    return encodeCursor({ s: sort, d, part: k === null ? "null" : "value", k, id: r.id });
  };
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    items: rows.map(toItem),
    nextCursor: has.hasNext && last ? cursorAt(last, "a") : null,
    prevCursor: has.hasPrev && first ? cursorAt(first, "b") : null,
    total,
  };
}

function toItem(r: Row): FeedbackListItem {
  const segments = headlineSegments(r.snippet);
  return {
    id: r.id,
    snippet: segments,
    truncated: Boolean(r.truncated),
    occurredAt: r.occurredAt ? new Date(r.occurredAt).toISOString() : null,
    rating: r.rating === null ? null : Number(r.rating),
    ratingScale: (r.ratingScale as RatingScaleName | null) ?? null,
    ratingNorm: r.ratingNorm === null ? null : Number(r.ratingNorm),
    channel: r.channel,
    segment: r.segment,
    plan: r.plan,
    country: r.country,
    companySize: r.companySize,
    productArea: r.productArea,
    batchId: r.batchId,
    sentiment:
      r.sentimentLabel && r.sentimentScore !== null
        ? { label: r.sentimentLabel as SentimentLabelName, score: Number(r.sentimentScore) }
        : null,
  };
}

export type { ResultCount };
