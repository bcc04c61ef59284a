/**
 * `npm run bench:explore [-- --rows 1000000 --embedded]`
 *
 * Times the Feedback explorer's queries on a fresh database filled with synthetic feedback:
 * the first page, a filtered page, a text search (best match and newest first), page 50 reached
 * by cursor, and the filter menus. Each figure is the median of 5 runs after one warm-up, for the
 * whole `searchFeedback` call (page + count), as the page and the API make it.
 *
 * PostgreSQL: DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres; the database is made
 * for the run and dropped after. `--embedded` uses the embedded database (PGlite) in memory
 * instead (default 100,000 rows there). `--keep` leaves the PostgreSQL database in place and
 * `--reuse URL` times the queries on such a kept database again. The last line printed is JSON.
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import type { WorkspaceContext } from "../lib/auth/context.ts";
import { searchFeedback } from "../lib/feedback/explore.ts";
import { listFeedbackFacets } from "../lib/feedback/facets.ts";
import type { FeedbackQueryInput } from "../lib/feedback/query.ts";
import { openDatabase } from "../lib/db/client.ts";
import { createTestDatabase, type TestDatabase } from "../lib/testing/db.ts";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string" },
    embedded: { type: "boolean", default: false },
    /** Leave the database in place (its URL is printed) … */
    keep: { type: "boolean", default: false },
    /** … and time the queries again on it later, without loading. */
    reuse: { type: "string" },
  },
});
const EMBEDDED = args.embedded;
const ROWS = Number(args.rows ?? (EMBEDDED ? 100_000 : 1_000_000));
const SERVER_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const CHUNK = 100_000;

const log = (line: string) => console.log(`[bench] ${line}`);

/** Words of the synthetic feedback; earlier ones are drawn far more often (a skewed, Zipf-like mix). */
const VOCABULARY = (
  "the app is and to it but I my a of for not when after great slow crashes login page billing love new " +
  "dashboard export csv fails support was helpful please add dark mode sync broken update pricing too expensive " +
  "onboarding confusing search works well notifications missing invoice wrong password reset email never arrives " +
  "fast reliable integration slack calendar mobile android iphone tablet offline feature request bug report team " +
  "admin permissions api docs unclear refund cancel subscription trial upgrade plan checkout payment declined card " +
  "crash freeze lag battery drain language translation german french spanish accessibility font small contrast " +
  "keyboard shortcut undo history backup restore import duplicate filter sort chart graph pdf print share link " +
  "invite member role token security privacy gdpr data delete account profile avatar settings theme colour layout " +
  "sidebar menu button form field validation error message timeout server outage status latency performance memory " +
  "cpu loading spinner blank screen white black"
).split(" ");

const CHANNELS = ["app_store", "play_store", "email", "chat", "survey", "twitter"];
const SEGMENTS = ["smb", "mid_market", "enterprise", "consumer"];
const PLANS = ["free", "pro", "business"];
const COUNTRIES = ["US", "GB", "DE", "FR", "ES", "IN", "BR", "JP", "CA", "AU"];
const SIZES = ["1-10", "11-50", "51-200", "201+"];
const AREAS = ["billing", "onboarding", "mobile", "reporting", "integrations", "search", "admin", "performance"];

/**
 * Inserts rows [from, to) of the synthetic set with one INSERT … SELECT over generate_series:
 * 6–25 words each, dates over two years (many items share a day), 5 % undated, stars / NPS /
 * thumbs ratings with 20 % unrated, and two imported columns kept as attributes.
 */
const INSERT = `
INSERT INTO "FeedbackItem" ("id", "workspaceId", "batchId", "dedupeKey", "text", "occurredAt", "rating", "ratingScale",
  "ratingNorm", "channel", "segment", "plan", "country", "companySize", "productArea", "attributes")
SELECT 'bench' || lpad(to_hex(g), 10, '0'), $1, $2, 'k' || g,
  (SELECT string_agg(($3::text[])[1 + floor(power(random(), 2.2) * cardinality($3::text[]))::int + s * 0], ' ')
     FROM generate_series(1, 6 + (g % 20)) s),
  CASE WHEN g % 20 = 0 THEN NULL
       ELSE timestamp '2026-11-01' - ((g::bigint * 7919) % 730) * interval '1 day' - (g % 3) * interval '1 hour' END,
  r.rating, r.scale::"RatingScale", r.norm,
  ($4::text[])[1 + g % 6], ($5::text[])[1 + (g / 7) % 4], ($6::text[])[1 + (g / 3) % 3],
  ($7::text[])[1 + (g / 11) % 10], ($8::text[])[1 + (g / 13) % 4], ($9::text[])[1 + (g / 5) % 8],
  jsonb_build_object('app_version', '3.' || (g % 17), 'os', (ARRAY['ios', 'android', 'web'])[1 + g % 3])
FROM generate_series($10::int, $11::int - 1) g,
LATERAL (SELECT
  CASE WHEN g % 5 = 0 THEN NULL WHEN g % 3 = 0 THEN (g % 11)::float8 WHEN g % 7 = 0 THEN (g % 2)::float8
       ELSE (1 + g % 5)::float8 END AS rating,
  CASE WHEN g % 5 = 0 THEN NULL WHEN g % 3 = 0 THEN 'NPS_10' WHEN g % 7 = 0 THEN 'THUMBS' ELSE 'STARS_5' END AS scale,
  CASE WHEN g % 5 = 0 THEN NULL WHEN g % 3 = 0 THEN (g % 11) / 10.0 WHEN g % 7 = 0 THEN (g % 2)::float8
       ELSE (g % 5) / 4.0 END AS norm) r`;

async function fill(db: TestDatabase, workspaceId: string, batchId: string, rows: number, offset: number) {
  for (let from = offset; from < offset + rows; from += CHUNK) {
    const to = Math.min(offset + rows, from + CHUNK);
    await db.sql.query(INSERT, [
      workspaceId,
      batchId,
      VOCABULARY,
      CHANNELS,
      SEGMENTS,
      PLANS,
      COUNTRIES,
      SIZES,
      AREAS,
      from,
      to,
    ]);
    if (rows >= CHUNK) log(`${(to - offset).toLocaleString("en-US")} rows`);
  }
}

async function time(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)]! * 10) / 10;
}

async function main(): Promise<number> {
  let db: TestDatabase;
  try {
    db = args.reuse
      ? {
          ...(await openDatabase({ databaseUrl: args.reuse, migrate: false })),
          url: args.reuse,
          destroy: async () => undefined,
        }
      : EMBEDDED
        ? await createTestDatabase({ serverUrl: "" })
        : await createTestDatabase({ serverUrl: SERVER_URL, prefix: "foresight_bench" });
  } catch (e) {
    console.error(`PostgreSQL is needed at ${SERVER_URL} (set DATABASE_URL): ${e instanceof Error ? e.message : e}`);
    return 2;
  }
  try {
    let bench: { ws: { id: string; slug: string } };
    let user: { id: string };
    let loadSeconds = 0;
    if (args.reuse) {
      user = await db.prisma.user.findFirstOrThrow({ where: { email: "bench@example.com" } });
      bench = { ws: await db.prisma.workspace.findUniqueOrThrow({ where: { slug: "bench" } }) };
    } else {
      const owner = await db.prisma.user.create({
        data: { email: "bench@example.com", name: "Bench", passwordHash: "-" },
      });
      const mk = async (slug: string) => {
        const ws = await db.prisma.workspace.create({
          data: { name: slug, slug, memberships: { create: { userId: owner.id, role: "VIEWER" } } },
        });
        const batch = await db.prisma.importBatch.create({
          data: { workspaceId: ws.id, kind: "FEEDBACK", fileName: `${slug}.csv`, status: "COMPLETED" },
        });
        return { ws, batch };
      };
      const made = await mk("bench");
      // Another tenant's rows in the same tables, as in any shared database.
      const other = await mk("neighbour");
      const t0 = performance.now();
      await fill(db, made.ws.id, made.batch.id, ROWS, 0);
      await fill(db, other.ws.id, other.batch.id, Math.ceil(ROWS / 10), ROWS);
      loadSeconds = Math.round((performance.now() - t0) / 100) / 10;
      log(
        `loaded ${ROWS.toLocaleString("en-US")} rows (+${Math.ceil(ROWS / 10).toLocaleString("en-US")} in another workspace) in ${loadSeconds} s`,
      );
      await db.sql.exec(`VACUUM ANALYZE "FeedbackItem"`);
      user = owner;
      bench = made;
    }
    const rows = args.reuse ? await db.prisma.feedbackItem.count({ where: { workspaceId: bench.ws.id } }) : ROWS;

    const ctx: WorkspaceContext = {
      db: db.prisma,
      workspaceId: bench.ws.id,
      workspaceSlug: bench.ws.slug,
      role: "VIEWER",
      actor: { kind: "user", userId: user.id },
    };
    const run = (q: FeedbackQueryInput) => searchFeedback(ctx, q);
    const filter: FeedbackQueryInput = { channel: ["email"], segment: "enterprise", productArea: "billing" };
    const words: FeedbackQueryInput = { q: "refund invoice" };

    const firstPageMs = await time(() => run({}));
    const filterMs = await time(() => run(filter));
    const searchMs = await time(() => run(words));
    const searchNewestMs = await time(() => run({ ...words, sort: "newest" }));
    const commonWordMs = await time(() => run({ q: "login" }));
    const ratingSortMs = await time(() => run({ sort: "rating_low" }));
    const facetsMs = await time(() => listFeedbackFacets(ctx));
    let cursor: string | undefined;
    for (let page = 1; page < 50; page++) cursor = (await run({ cursor })).nextCursor ?? undefined;
    if (!cursor) throw new Error("fewer than 50 pages");
    const deepPageMs = await time(() => run({ cursor }));

    const counts = {
      all: (await run({})).count,
      filter: (await run(filter)).count,
      search: (await run(words)).count,
      commonWord: (await run({ q: "login" })).count,
    };
    log(`counts: ${JSON.stringify(counts)}`);
    console.log(
      JSON.stringify({
        rows,
        firstPageMs,
        filterMs,
        searchMs,
        searchNewestMs,
        commonWordMs,
        ratingSortMs,
        facetsMs,
        deepPageMs,
        searchMatches: counts.search,
        loadSeconds,
        database: db.kind,
      }),
    );
    return 0;
  } finally {
    if ((args.keep || args.reuse) && db.url) {
      log(`kept ${db.url}`);
      await db.close();
    } else await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
