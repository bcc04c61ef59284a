/**
 * The explorer's queries against a real database: the embedded one, and PostgreSQL when
 * DATABASE_URL is set. Search rules, every filter, every sort, keyset pages (with ties), counts,
 * facets, the detail view and workspace isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../auth/context.ts";
import type { Prisma } from "../db/generated/client.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { addMember, makeUser } from "../testing/factories.ts";
import { countMatches } from "./count.ts";
import { matchConditions, searchFeedback, type FeedbackListItem } from "./explore.ts";
import { listFeedbackFacets } from "./facets.ts";
import { getFeedbackItemOrThrow } from "./item.ts";
import { deleteImport } from "../ingest/imports.ts";
import { listRecentImports } from "./items.ts";
import {
  feedbackQuerySchema,
  hasFilters,
  SORTS,
  toSearchParams,
  type FeedbackQueryInput,
  type FeedbackSort,
} from "./query.ts";

let t: TestDatabase;
let A: WorkspaceContext;
let B: WorkspaceContext;
let C: WorkspaceContext;
let batchA: string;
let batchA2: string;
let batchB: string;
const ids: Record<string, string> = {};

type Item = Omit<Prisma.FeedbackItemCreateManyInput, "workspaceId" | "batchId" | "dedupeKey"> & { key?: string };

async function seed(ctx: WorkspaceContext, fileName: string, items: Item[]): Promise<string> {
  const batch = await t.prisma.importBatch.create({
    data: { workspaceId: ctx.workspaceId, kind: "FEEDBACK", fileName, status: "COMPLETED", rowsNew: items.length },
  });
  for (const [i, { key, ...item }] of items.entries()) {
    const row = await t.prisma.feedbackItem.create({
      data: { ...item, workspaceId: ctx.workspaceId, batchId: batch.id, dedupeKey: `${fileName}:${i}` },
    });
    if (key) ids[key] = row.id;
  }
  return batch.id;
}

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
const stars = (n: number) => ({ rating: n, ratingScale: "STARS_5" as const, ratingNorm: (n - 1) / 4 });
const nps = (n: number) => ({ rating: n, ratingScale: "NPS_10" as const, ratingNorm: n / 10 });
const thumbs = (up: boolean) => ({ rating: up ? 1 : 0, ratingScale: "THUMBS" as const, ratingNorm: up ? 1 : 0 });

const search = (ctx: WorkspaceContext, q: FeedbackQueryInput) => searchFeedback(ctx, q);
const keysOf = (items: FeedbackListItem[]) =>
  items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0] ?? i.id);
const plain = (i: FeedbackListItem) => i.snippet.map((s) => s.text).join("");

beforeAll(async () => {
  t = await createTestDatabase();
  A = (await makeUser(t.prisma, "Ann")).ctx;
  B = (await makeUser(t.prisma, "Bo")).ctx;
  C = (await makeUser(t.prisma, "Cy")).ctx;
  batchA = await seed(A, "reviews.csv", [
    {
      key: "crashLogin",
      text: "The app crashes every time I log in",
      occurredAt: d("2026-03-01"),
      ...stars(1),
      channel: "app_store",
      segment: "smb",
      productArea: "mobile",
      country: "DE",
      attributes: { os: "ios", app_version: "3.1" },
    },
    {
      key: "crashAgain",
      text: "Crash on login again, please fix",
      occurredAt: d("2026-03-01"),
      ...stars(2),
      channel: "app_store",
      segment: "smb",
      productArea: "mobile",
      attributes: { os: "android" },
    },
    {
      key: "billing",
      text: "Billing page shows the wrong invoice total",
      occurredAt: d("2026-02-15"),
      ...nps(3),
      channel: "email",
      segment: "enterprise",
      plan: "business",
      companySize: "201+",
      productArea: "billing",
    },
    {
      key: "dashboard",
      text: "Love the new dashboard, export to CSV works great",
      occurredAt: d("2026-02-01"),
      ...nps(10),
      channel: "survey",
      segment: "enterprise",
      plan: "pro",
    },
    {
      key: "cannotLogIn",
      text: "I cannot log in since the update",
      occurredAt: d("2026-01-10"),
      ...thumbs(false),
      channel: "chat",
    },
    { key: "notWorking", text: "Not working after the update, turned off sync", channel: "email" },
    { key: "syncBroken", text: "Sync is broken on my tablet", ...stars(3) },
    {
      key: "html",
      text: '<script>alert("x")</script> the app crashed & <b>froze</b>',
      occurredAt: d("2025-12-24"),
      ...thumbs(true),
    },
    {
      key: "long",
      text: `${"Lorem ipsum dolor sit amet. ".repeat(20)}Then the export crashed badly. ${"Consectetur adipiscing elit. ".repeat(20)}`,
      occurredAt: d("2025-11-30"),
    },
  ]);
  batchA2 = await seed(A, "survey.csv", [
    {
      key: "surveyPricing",
      text: "Pricing is too expensive for small teams",
      occurredAt: d("2026-03-02"),
      ...nps(6),
      channel: "survey",
      attributes: { os: "web", wave: "2" },
    },
  ]);
  batchB = await seed(B, "other.csv", [
    {
      key: "bCrash",
      text: "The app crashes every time I log in (other tenant)",
      occurredAt: d("2026-03-03"),
      channel: "app_store",
    },
  ]);
});

afterAll(async () => {
  await t?.destroy();
});

describe("text search", () => {
  it("matches words as prefixes, case-insensitively, on the 'simple' configuration", async () => {
    const r = await search(A, { q: "CRASH" });
    expect(new Set(keysOf(r.items))).toEqual(new Set(["crashLogin", "crashAgain", "html", "long"]));
    // Short words (under three letters) match whole words only: "in" is not "invoice".
    expect(keysOf((await search(A, { q: "in" })).items).sort()).toEqual(["cannotLogIn", "crashLogin"].sort());
    // No stemming beyond prefixes: "crashing" does not find "crashes".
    expect((await search(A, { q: "crashing" })).items).toHaveLength(0);
  });

  it("requires every word, and keeps stop words such as 'not'", async () => {
    expect(keysOf((await search(A, { q: "crash login" })).items)).toEqual(["crashAgain"]);
    expect(keysOf((await search(A, { q: "not working" })).items)).toEqual(["notWorking"]);
  });

  it("matches a quoted phrase as exact words in order, and supports or and -exclusion", async () => {
    expect(keysOf((await search(A, { q: '"log in"', sort: "newest" })).items)).toEqual(["crashLogin", "cannotLogIn"]);
    expect(new Set(keysOf((await search(A, { q: "invoice or dashboard" })).items))).toEqual(
      new Set(["billing", "dashboard"]),
    );
    expect(keysOf((await search(A, { q: "crash -login", sort: "newest" })).items)).toEqual([
      "crashLogin",
      "html",
      "long",
    ]);
  });

  it("returns the matches marked as segments, never as HTML", async () => {
    const r = await search(A, { q: "crash", sort: "newest" });
    const first = r.items.find((i) => i.id === ids.crashLogin)!;
    expect(first.snippet).toEqual([
      { text: "The app " },
      { text: "crashes", match: true },
      { text: " every time I log in" },
    ]);
    const html = r.items.find((i) => i.id === ids.html)!;
    expect(plain(html)).toBe('<script>alert("x")</script> the app crashed & <b>froze</b>');
    expect(html.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(["crashed"]);
    // A long text is shown as the passages around the match.
    const long = r.items.find((i) => i.id === ids.long)!;
    expect(long.truncated).toBe(true);
    expect(long.snippet.some((s) => s.match && s.text === "crashed")).toBe(true);
    expect(plain(long).length).toBeLessThan(400);
  });

  it("treats the search words as data: quotes, SQL and tsquery syntax cannot change the query", async () => {
    for (const q of [
      `'); DROP TABLE "FeedbackItem"; --`,
      `crash' OR '1'='1`,
      `a & b | !c <-> d:*`,
      `\\'; SELECT pg_sleep(5); --`,
      `"unterminated phrase`,
    ]) {
      const r = await search(A, { q });
      expect(r.items.every((i) => i.batchId === batchA || i.batchId === batchA2)).toBe(true);
    }
    expect(await t.prisma.feedbackItem.count()).toBeGreaterThan(0);
    // Read as words: "crash" or the phrase "1 1", which is not everything.
    expect((await search(A, { q: `crash' OR '1'='1` })).items).toHaveLength(4);
  });

  it("finds nothing for words that hold nothing to search for", async () => {
    const r = await search(A, { q: "!!! ???" });
    expect(r).toMatchObject({ items: [], emptySearch: true, count: { kind: "exact", value: 0 } });
  });

  it("ranks best matches first by default when searching, and says so in the sort", async () => {
    const r = await search(A, { q: "crash" });
    expect(r.sort).toBe("relevance");
    expect(r.rankedWithin).toBeNull();
    expect(r.items).toHaveLength(4);
  });
});

describe("filters", () => {
  const keys = async (q: FeedbackQueryInput) => keysOf((await search(A, { sort: "newest", ...q })).items);

  it("filters by date range, inclusive of both days, leaving undated items out", async () => {
    const range = await keys({ from: "2026-02-01", to: "2026-03-01" });
    // Two items share 2026-03-01: the larger id comes first when newest first.
    expect(range).toEqual([
      ...[ids.crashLogin!, ids.crashAgain!]
        .sort()
        .reverse()
        .map((id) => keysOf([{ id } as FeedbackListItem])[0]),
      "billing",
      "dashboard",
    ]);
    expect(await keys({ from: "2026-03-02" })).toEqual(["surveyPricing"]);
    expect(await keys({ to: "2025-11-30" })).toEqual(["long"]);
  });

  it("filters by one or several channels and by each customer field", async () => {
    expect((await keys({ channel: "email" })).sort()).toEqual(["billing", "notWorking"]);
    expect((await keys({ channel: ["chat", "survey"] })).sort()).toEqual(["cannotLogIn", "dashboard", "surveyPricing"]);
    expect((await keys({ segment: "enterprise" })).sort()).toEqual(["billing", "dashboard"]);
    expect(await keys({ plan: "business" })).toEqual(["billing"]);
    expect(await keys({ country: "DE" })).toEqual(["crashLogin"]);
    expect(await keys({ companySize: "201+" })).toEqual(["billing"]);
    expect((await keys({ productArea: "mobile" })).sort()).toEqual(["crashAgain", "crashLogin"]);
  });

  it("filters ratings on one scale in its own units, or on the normalised 0-1 value across scales", async () => {
    expect((await keys({ ratingScale: "STARS_5", ratingMin: 1, ratingMax: 2 })).sort()).toEqual([
      "crashAgain",
      "crashLogin",
    ]);
    expect((await keys({ ratingScale: "NPS_10", ratingMax: 6 })).sort()).toEqual(["billing", "surveyPricing"]);
    expect(await keys({ ratingScale: "THUMBS", ratingMin: 1 })).toEqual(["html"]);
    // Normalised: stars 1-2 (0, 0.25), NPS 3 (0.3), thumbs down (0).
    expect((await keys({ ratingMax: 0.3 })).sort()).toEqual(
      ["billing", "cannotLogIn", "crashAgain", "crashLogin"].sort(),
    );
    // 6 of 10 is 0.6 however it was computed.
    expect(await keys({ ratingMin: 0.6, ratingMax: 0.6 })).toEqual(["surveyPricing"]);
  });

  it("rejects ratings outside the scale and ranges that end before they start", () => {
    expect(feedbackQuerySchema.safeParse({ ratingScale: "STARS_5", ratingMin: 0 }).success).toBe(false);
    expect(feedbackQuerySchema.safeParse({ ratingMin: 2 }).success).toBe(false);
    expect(feedbackQuerySchema.safeParse({ ratingMin: 0.8, ratingMax: 0.2 }).success).toBe(false);
    expect(feedbackQuerySchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
    expect(feedbackQuerySchema.safeParse({ from: "2026-03-02", to: "2026-03-01" }).success).toBe(false);
    expect(feedbackQuerySchema.safeParse({ attr: "no-equals-sign" }).success).toBe(false);
    expect(feedbackQuerySchema.safeParse({ limit: 500 }).success).toBe(false);
  });

  it("filters by any imported column (attributes), by import, and by several filters at once", async () => {
    expect(await keys({ attr: "os=android" })).toEqual(["crashAgain"]);
    expect(await keys({ attr: ["os=web", "wave=2"] })).toEqual(["surveyPricing"]);
    expect(await keys({ attr: "os=windows" })).toEqual([]);
    expect(await keys({ batch: batchA2 })).toEqual(["surveyPricing"]);
    expect(await keys({ q: "crash", channel: "app_store", ratingScale: "STARS_5", ratingMax: 1 })).toEqual([
      "crashLogin",
    ]);
  });

  it("filters by sentiment and shows it once items are scored, and not before", async () => {
    const before = await search(A, { q: "billing" });
    expect(before.items[0]!.sentiment).toBeNull();
    await t.prisma.sentimentResult.create({
      data: { itemId: ids.billing!, workspaceId: A.workspaceId, label: "NEGATIVE", score: -0.8, confidence: 0.9 },
    });
    const after = await search(A, { q: "billing" });
    expect(after.items[0]!.sentiment).toEqual({ label: "NEGATIVE", score: -0.8 });
    expect(await keys({ sentiment: "NEGATIVE" })).toEqual(["billing"]);
    expect(await keys({ sentiment: ["POSITIVE", "NEUTRAL"] })).toEqual([]);
    expect((await listFeedbackFacets(A)).hasSentiment).toBe(true);
  });

  it("filters by theme, within the workspace only, and together with other filters", async () => {
    const theme = (ctx: WorkspaceContext, label: string) =>
      t.prisma.theme.create({ data: { workspaceId: ctx.workspaceId, label, keywords: [label.toLowerCase()] } });
    const [login, sync, other] = [await theme(A, "Login"), await theme(A, "Sync"), await theme(B, "Login")];
    const assign = (ctx: WorkspaceContext, themeId: string, keys: string[]) =>
      t.prisma.itemTheme.createMany({
        data: keys.map((k) => ({ itemId: ids[k]!, themeId, workspaceId: ctx.workspaceId, weight: 1 })),
      });
    await assign(A, login.id, ["crashLogin", "crashAgain", "cannotLogIn"]);
    await assign(A, sync.id, ["notWorking", "syncBroken", "crashAgain"]);
    await assign(B, other.id, ["bCrash"]);

    const sorted = async (q: FeedbackQueryInput) => (await keys(q)).sort();
    expect(await sorted({ theme: login.id })).toEqual(["cannotLogIn", "crashAgain", "crashLogin"]);
    expect(await sorted({ theme: sync.id, sort: "oldest" })).toEqual(["crashAgain", "notWorking", "syncBroken"]);
    expect(await keys({ theme: login.id, channel: "app_store", ratingScale: "STARS_5", ratingMax: 1 })).toEqual([
      "crashLogin",
    ]);
    expect(await keys({ theme: login.id, q: "update" })).toEqual(["cannotLogIn"]);
    const counted = await search(A, { theme: sync.id });
    expect(counted.count).toEqual({ kind: "exact", value: 3 });
    // Another workspace's theme id finds nothing here, and this workspace's finds nothing there.
    expect(await keys({ theme: other.id })).toEqual([]);
    expect((await search(B, { theme: login.id })).items).toEqual([]);
    expect(await keys({ theme: "no-such-theme" })).toEqual([]);
    // The explorer's URLs keep the filter.
    expect(toSearchParams(feedbackQuerySchema.parse({ theme: login.id, q: "x" })).toString()).toBe(
      `q=x&theme=${login.id}`,
    );
    expect(hasFilters(feedbackQuerySchema.parse({ theme: login.id }))).toBe(true);
    expect(feedbackQuerySchema.safeParse({ theme: "x".repeat(65) }).success).toBe(false);
    await t.prisma.itemTheme.deleteMany({ where: { themeId: { in: [login.id, sync.id, other.id] } } });
    await t.prisma.theme.deleteMany({ where: { id: { in: [login.id, sync.id, other.id] } } });
  });
});

describe("sorting and pages", () => {
  const TOTAL = 67;
  const dates = ["2025-05-01", "2025-05-02", "2025-05-03"];

  beforeAll(async () => {
    // Many ties: 67 items on 3 dates (and 10 without a date), ratings on 4 values and null.
    await seed(
      C,
      "ties.csv",
      Array.from({ length: TOTAL }, (_, i) => ({
        text: `Item ${i} about widgets ${"widget ".repeat(1 + (i % 4))}`,
        occurredAt: i % 7 === 0 ? null : d(dates[i % 3]!),
        ...(i % 5 === 0 ? {} : stars(1 + (i % 4))),
      })),
    );
  });

  async function walk(q: FeedbackQueryInput, textPlan?: "matches-first" | "walk") {
    const pages: FeedbackListItem[][] = [];
    let cursor: string | undefined;
    const cursors: (string | null)[] = [];
    for (;;) {
      const r = await searchFeedback(C, { ...q, cursor, limit: 10 }, { textPlan });
      pages.push(r.items);
      cursors.push(r.prevCursor);
      if (!r.nextCursor) break;
      cursor = r.nextCursor;
      expect(pages.length).toBeLessThan(20);
    }
    return { pages, cursors };
  }

  function expectedOrder(
    rows: { id: string; occurredAt: Date | null; ratingNorm: number | null }[],
    sort: FeedbackSort,
  ) {
    const key = (r: (typeof rows)[number]) =>
      sort === "newest" || sort === "oldest" ? (r.occurredAt?.getTime() ?? null) : r.ratingNorm;
    const desc = sort === "newest" || sort === "rating_high";
    return [...rows]
      .sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        if (ka === null && kb !== null) return 1;
        if (kb === null && ka !== null) return -1;
        if (ka !== null && kb !== null && ka !== kb) return desc ? kb - ka : ka - kb;
        return desc ? (a.id < b.id ? 1 : -1) : a.id < b.id ? -1 : 1;
      })
      .map((r) => r.id);
  }

  for (const sort of SORTS.filter((s) => s !== "relevance")) {
    it(`pages through every item once in ${sort} order, with ties and missing keys, both ways`, async () => {
      const rows = await t.prisma.feedbackItem.findMany({
        where: { workspaceId: C.workspaceId },
        select: { id: true, occurredAt: true, ratingNorm: true },
      });
      const { pages } = await walk({ sort });
      const seen = pages.flat().map((i) => i.id);
      expect(seen).toHaveLength(TOTAL);
      expect(new Set(seen).size).toBe(TOTAL);
      // Byte order of ids, as the database's "C"-like comparison of cuids gives.
      expect(seen).toEqual(expectedOrder(rows, sort));
      expect(pages.slice(0, -1).every((p) => p.length === 10)).toBe(true);

      // Back from the last page with prevCursor gives the same pages in reverse.
      const last = await search(C, { sort, limit: 10, cursor: (await lastCursor(sort))! });
      let prev = last.prevCursor;
      const back: string[][] = [last.items.map((i) => i.id)];
      while (prev) {
        const r = await search(C, { sort, limit: 10, cursor: prev });
        back.unshift(r.items.map((i) => i.id));
        prev = r.prevCursor;
      }
      expect(back.flat()).toEqual(seen);
    });
  }

  async function lastCursor(sort: FeedbackSort) {
    let r = await search(C, { sort, limit: 10 });
    let before: string | null = null;
    while (r.nextCursor) {
      before = r.nextCursor;
      r = await search(C, { sort, limit: 10, cursor: r.nextCursor });
    }
    return before;
  }

  for (const textPlan of ["matches-first", "walk"] as const) {
    it(`pages through search results by date with the ${textPlan} plan, like the list without words`, async () => {
      const all = (await walk({ sort: "oldest" })).pages.flat().map((i) => i.id);
      const found = (await walk({ q: "widgets", sort: "oldest" }, textPlan)).pages.flat().map((i) => i.id);
      expect(found).toEqual(all);
      const some = (await walk({ q: "item 1*", sort: "newest" }, textPlan)).pages.flat();
      expect(some.length).toBeGreaterThan(0);
      expect(new Set(some.map((i) => i.id)).size).toBe(some.length);
    });

    it(`pages through best matches with the ${textPlan} plan`, async () => {
      const seen = (await walk({ q: "widget" }, textPlan)).pages.flat().map((i) => i.id);
      expect(seen).toHaveLength(TOTAL);
      expect(new Set(seen).size).toBe(TOTAL);
    });
  }

  it("pages through best matches by rank, ties broken by id, without repeats", async () => {
    const { pages } = await walk({ q: "widget" });
    const seen = pages.flat().map((i) => i.id);
    expect(new Set(seen).size).toBe(TOTAL);
    expect(seen).toHaveLength(TOTAL);
    // More "widget"s rank higher: the first page holds the items with four of them.
    const first = await t.prisma.feedbackItem.findMany({ where: { id: { in: pages[0]!.map((i) => i.id) } } });
    expect(first.every((i) => (i.text.match(/widget /g) ?? []).length === 4)).toBe(true);
    const second = await search(C, {
      q: "widget",
      limit: 10,
      cursor: (await search(C, { q: "widget", limit: 10 })).nextCursor!,
    });
    const back = await search(C, { q: "widget", limit: 10, cursor: second.prevCursor! });
    expect(back.items.map((i) => i.id)).toEqual(pages[0]!.map((i) => i.id));
  });

  it("refuses a cursor from another sort order or a forged one", async () => {
    const r = await search(C, { sort: "newest", limit: 5 });
    await expect(search(C, { sort: "oldest", cursor: r.nextCursor! })).rejects.toMatchObject({ code: "invalid_input" });
    const forged = Buffer.from(JSON.stringify({ s: "newest", d: "a", part: "value", k: "'; DROP", id: "x" })).toString(
      "base64url",
    );
    await expect(search(C, { sort: "newest", cursor: forged })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(search(C, { cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("counts exactly while cheap, then says 'about' or 'at least'", async () => {
    expect((await search(C, {})).count).toEqual({ kind: "exact", value: TOTAL });
    expect((await search(C, { q: "item" })).count).toEqual({ kind: "exact", value: TOTAL });
    const where = matchConditions(C.workspaceId, feedbackQuerySchema.parse({}), null);
    const capped = await countMatches(t.prisma, where, 20);
    expect(capped.kind).not.toBe("exact");
    expect(capped.value).toBeGreaterThanOrEqual(20);
  });
});

describe("facets", () => {
  it("lists the distinct values of each filter field and the imported column names", async () => {
    const f = await listFeedbackFacets(A);
    expect(f.values.channel).toEqual(["app_store", "chat", "email", "survey"]);
    expect(f.values.segment).toEqual(["enterprise", "smb"]);
    expect(f.values.plan).toEqual(["business", "pro"]);
    expect(f.values.productArea).toEqual(["billing", "mobile"]);
    expect(f.values.country).toEqual(["DE"]);
    expect(f.attributeKeys).toEqual(["app_version", "os", "wave"]);
    expect(f.hasFeedback).toBe(true);
    const empty = await listFeedbackFacets((await makeUser(t.prisma)).ctx);
    expect(empty).toMatchObject({ hasFeedback: false, hasSentiment: false, attributeKeys: [] });
    expect(empty.values.channel).toEqual([]);
  });

  it("counts the items of each value, and stays exact when batches are deleted or items change", async () => {
    const D = (await makeUser(t.prisma, "Di")).ctx;
    const first = await seed(D, "one.csv", [
      { text: "a", channel: "email", segment: "smb" },
      { text: "b", channel: "email" },
      { text: "c", channel: "chat", plan: "pro" },
    ]);
    await seed(D, "two.csv", [{ text: "d", channel: "email", plan: "pro" }]);
    let f = await listFeedbackFacets(D);
    expect(f.values.channel).toEqual(["chat", "email"]);
    expect(f.counts.channel).toEqual({ chat: 1, email: 3 });
    expect(f.counts.plan).toEqual({ pro: 2 });
    expect(f.counts.segment).toEqual({ smb: 1 });

    await deleteImport(D, first);
    f = await listFeedbackFacets(D);
    expect(f.values).toMatchObject({ channel: ["email"], segment: [], plan: ["pro"] });
    expect(f.counts.channel).toEqual({ email: 1 });

    await t.prisma.feedbackItem.updateMany({ where: { workspaceId: D.workspaceId }, data: { channel: "phone" } });
    expect((await listFeedbackFacets(D)).counts.channel).toEqual({ phone: 1 });
    // Other workspaces' menus are untouched.
    expect((await listFeedbackFacets(B)).counts.channel).toEqual({ app_store: 1 });
  });
});

describe("workspace isolation", () => {
  it("never shows another workspace's items, whatever the filters say", async () => {
    const all = await search(A, { q: "crashes every time", limit: 200 });
    expect(keysOf(all.items)).toEqual(["crashLogin"]);
    expect((await search(A, { batch: batchB })).items).toEqual([]);
    expect((await search(B, {})).items.map((i) => i.id)).toEqual([ids.bCrash]);
    const facets = await listFeedbackFacets(B);
    expect(facets.values.channel).toEqual(["app_store"]);
    expect(facets.attributeKeys).toEqual([]);
  });

  it("answers another workspace's item id with not found, like an unknown id", async () => {
    await expect(getFeedbackItemOrThrow(A, ids.bCrash!)).rejects.toMatchObject({ code: "not_found" });
    await expect(getFeedbackItemOrThrow(A, "nope")).rejects.toMatchObject({ code: "not_found" });
    expect((await getFeedbackItemOrThrow(B, ids.bCrash!)).text).toContain("other tenant");
  });

  it("lets viewers search and read items", async () => {
    const viewerUser = await makeUser(t.prisma);
    const viewer = await addMember(A, viewerUser.user.id, "VIEWER");
    expect((await search(viewer, { q: "billing" })).items).toHaveLength(1);
    expect((await getFeedbackItemOrThrow(viewer, ids.billing!)).channel).toBe("email");
  });
});

describe("detail and history", () => {
  it("loads one item with every field, its attributes, import and (when scored) sentiment", async () => {
    const item = await getFeedbackItemOrThrow(A, ids.crashLogin!, { q: "crash" });
    expect(item).toMatchObject({
      text: "The app crashes every time I log in",
      rating: 1,
      ratingScale: "STARS_5",
      channel: "app_store",
      segment: "smb",
      country: "DE",
      productArea: "mobile",
      attributes: [
        { key: "app_version", value: "3.1" },
        { key: "os", value: "ios" },
      ],
      batch: { id: batchA, fileName: "reviews.csv" },
      sentiment: null,
      themes: [],
    });
    expect(item.highlighted?.find((s) => s.match)?.text).toBe("crashes");
    expect((await getFeedbackItemOrThrow(A, ids.billing!)).sentiment).toMatchObject({ label: "NEGATIVE", score: -0.8 });
  });

  it("explains the sentiment: each sentence with its label, and the phrases that moved the score", async () => {
    const text = "The app crashes every time I log in";
    await t.prisma.sentimentResult.create({
      data: {
        itemId: ids.crashLogin!,
        workspaceId: A.workspaceId,
        label: "NEGATIVE",
        score: -0.6,
        confidence: 0.8,
        explanation: {
          sentences: [
            { start: 0, end: 15, score: -0.7, label: "negative" },
            { start: 16, end: text.length, score: 0, label: "neutral" },
            { start: 30, end: 99, score: 0.5, label: "positive" }, // beyond the text: dropped
          ],
          highlights: [
            { start: 8, end: 15, weight: -0.9 },
            { start: 10, end: 12, weight: 0.2 }, // overlaps the one before: dropped
            { start: 31, end: 35, weight: 0.1 },
          ],
        },
      },
    });
    const item = await getFeedbackItemOrThrow(A, ids.crashLogin!);
    expect(item.sentiment).toMatchObject({
      label: "NEGATIVE",
      sentences: [
        { start: 0, end: 15, score: -0.7, label: "NEGATIVE" },
        { start: 16, end: text.length, score: 0, label: "NEUTRAL" },
      ],
      highlights: [
        { start: 8, end: 15, weight: -0.9 },
        { start: 31, end: 35, weight: 0.1 },
      ],
    });
    expect(text.slice(8, 15)).toBe("crashes");
    // A result stored before explanations existed shows none, without failing.
    await t.prisma.sentimentResult.update({ where: { itemId: ids.crashLogin! }, data: { explanation: {} } });
    expect((await getFeedbackItemOrThrow(A, ids.crashLogin!)).sentiment).toMatchObject({
      sentences: [],
      highlights: [],
    });
    await t.prisma.sentimentResult.delete({ where: { itemId: ids.crashLogin! } });
  });

  it("keeps the import history: newest first, with who imported", async () => {
    const history = await listRecentImports(A);
    expect(history.map((b) => b.fileName)).toEqual(["survey.csv", "reviews.csv"]);
    expect(history[0]).toMatchObject({ status: "COMPLETED", rowsNew: 1, createdBy: null });
  });
});
