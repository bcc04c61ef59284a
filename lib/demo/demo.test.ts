/**
 * Demo data: the generator is deterministic and realistic (every channel and
 * segment, ratings on their scales that follow the words, the storyline's
 * trends, seasonal market series), and seeding writes exactly what it
 * generated into a real database, with --reset semantics.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../auth/login.ts";
import { followUps } from "../jobs/pipeline.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { makeUser } from "../testing/factories.ts";
import { createWorkspace } from "../workspaces/workspaces.ts";
import { CHANNELS, COMPANY_SIZES, PLANS, type DemoFeedbackItem } from "./feedback.ts";
import { generateDemoData, type DemoData } from "./generate.ts";
import { MARKET_SIZE_SOURCE, type DemoSeries } from "./market.ts";
import { THEMES, THEME_WORDS } from "./phrases.ts";
import { DEMO_EMAIL, DEMO_SLUG, DEMO_WORKSPACE_NAME, FEEDBACK_FILE_NAME, seedDemo } from "./seed.ts";
import { addMonths, EVENTS } from "./timeline.ts";

const NOW = new Date("2026-03-15T12:00:00Z");
const TODAY = new Date("2026-03-15T00:00:00Z");
const DAY = 86_400_000;

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function pearson(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Residuals of a least-squares line through log values: the series without its trend. */
function detrend(values: number[]): number[] {
  const y = values.map((v) => Math.log(v));
  const x = y.map((_, i) => i);
  const mx = mean(x);
  const my = mean(y);
  const slope = x.reduce((s, xi, i) => s + (xi - mx) * (y[i]! - my), 0) / x.reduce((s, xi) => s + (xi - mx) ** 2, 0);
  return y.map((yi, i) => yi - my - slope * (i - mx));
}

/** Autocorrelation at `lag` of a zero-mean series. */
function acf(r: number[], lag: number): number {
  let num = 0;
  for (let i = lag; i < r.length; i++) num += r[i]! * r[i - lag]!;
  return num / r.reduce((s, x) => s + x * x, 0);
}

const POSITIVE_WORDS =
  /\b(love|loves|great|easy|fast|quick|helpful|clear|painless|smooth|useful|excellent|fair|generous|simple|instantly|handy|friendly|happy|recommend|thanks)\b/gi;
const NEGATIVE_WORDS =
  /\b(charged twice|wrong|missing|broken|crash|crashes|crashing|slow|confusing|failed|fail|fails|useless|annoying|frustrating|expensive|ridiculous|late|freezes|terrible|disappointed|mess|worrying)\b/gi;
const wordScore = (text: string) =>
  (text.match(POSITIVE_WORDS)?.length ?? 0) - (text.match(NEGATIVE_WORDS)?.length ?? 0);

const seriesNamed = (data: DemoData, name: string): DemoSeries => {
  const s = data.series.find((x) => x.name === name);
  if (!s) throw new Error(`No series "${name}"`);
  return s;
};

describe("generateDemoData", () => {
  let data: DemoData;
  beforeAll(() => {
    data = generateDemoData({ seed: 42, now: NOW });
  });

  it("gives the same data for the same seed and day, and different data for another seed", () => {
    const a = generateDemoData({ seed: 7, items: 500, now: NOW });
    const b = generateDemoData({ seed: 7, items: 500, now: new Date("2026-03-15T23:59:00Z") });
    expect([b.feedback, b.series, b.sizes, b.timeline.start]).toEqual([
      a.feedback,
      a.series,
      a.sizes,
      a.timeline.start,
    ]);
    const c = generateDemoData({ seed: 8, items: 500, now: NOW });
    expect(c.feedback.map((i) => i.text)).not.toEqual(a.feedback.map((i) => i.text));
    // The market has its own random stream: more feedback leaves it as it was.
    expect(generateDemoData({ seed: 7, items: 900, now: NOW }).series).toEqual(a.series);
  });

  it("has about 4,000 items by default across every channel and segment", () => {
    const f = data.feedback;
    expect(f).toHaveLength(4000);
    const share = (pred: (i: DemoFeedbackItem) => boolean) => f.filter(pred).length / f.length;
    for (const c of CHANNELS)
      expect(
        share((i) => i.channel === c),
        c,
      ).toBeGreaterThan(0.03);
    for (const p of PLANS)
      expect(
        share((i) => i.plan === p),
        p,
      ).toBeGreaterThan(0.05);
    for (const s of COMPANY_SIZES)
      expect(
        share((i) => i.companySize === s),
        s,
      ).toBeGreaterThan(0.02);
    expect(new Set(f.map((i) => i.segment))).toEqual(new Set(["SMB", "Mid-market", "Enterprise"]));
    expect(new Set(f.map((i) => i.productArea))).toEqual(new Set(THEMES.map((t) => THEME_WORDS[t].productArea)));
    expect(new Set(f.map((i) => i.country)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(f.map((i) => i.externalId)).size).toBe(f.length);
    // Some people write more than once.
    expect(new Set(f.map((i) => i.authorId)).size).toBeLessThan(f.length * 0.8);
  });

  it("rates on each channel's scale", () => {
    for (const i of data.feedback) {
      if (i.channel === "App Store" || i.channel === "Google Play") {
        expect(i.ratingScale).toBe("STARS_5");
        expect([1, 2, 3, 4, 5]).toContain(i.rating);
        expect(i.ratingNorm).toBeCloseTo((i.rating! - 1) / 4, 10);
      } else if (i.channel === "NPS survey") {
        expect(i.ratingScale).toBe("NPS_10");
        expect(Number.isInteger(i.rating) && i.rating! >= 0 && i.rating! <= 10).toBe(true);
        expect(i.ratingNorm).toBeCloseTo(i.rating! / 10, 10);
      } else if (i.channel === "Intercom" && i.rating !== null) {
        expect(i.ratingScale).toBe("THUMBS");
        expect([0, 1]).toContain(i.rating);
        expect(i.ratingNorm).toBe(i.rating);
      } else {
        expect([i.rating, i.ratingScale, i.ratingNorm]).toEqual([null, null, null]);
      }
    }
    const intercom = data.feedback.filter((i) => i.channel === "Intercom");
    expect(intercom.some((i) => i.rating === null) && intercom.some((i) => i.rating !== null)).toBe(true);
  });

  it("dates every item within the last 18 months, every month, more recently than long ago", () => {
    const start = addMonths(TODAY, -18);
    const months = new Set<string>();
    for (const i of data.feedback) {
      expect(i.occurredAt >= start && i.occurredAt < TODAY, i.occurredAt.toISOString()).toBe(true);
      months.add(i.occurredAt.toISOString().slice(0, 7));
    }
    expect(months.size).toBeGreaterThanOrEqual(18);
    const firstHalf = data.feedback.filter((i) => i.occurredAt < addMonths(TODAY, -9)).length;
    expect(data.feedback.length - firstHalf).toBeGreaterThan(firstHalf);
  });

  it("writes short, varied texts with mixed feelings, typos and emoji now and then", () => {
    const texts = data.feedback.map((i) => i.text);
    for (const t of texts) {
      const words = t.split(/\s+/).filter(Boolean).length;
      expect(words >= 8 && words <= 60, t).toBe(true);
      expect(t).not.toMatch(/\{\w+\}/); // every slot filled
    }
    const share = (re: RegExp) => texts.filter((t) => re.test(t)).length / texts.length;
    expect(new Set(texts).size).toBeGreaterThan(texts.length * 0.85);
    expect(share(/\p{Extended_Pictographic}/u)).toBeGreaterThan(0.02);
    expect(share(/\b(but|although|however)\b/i)).toBeGreaterThan(0.04);
    expect(
      share(/\b(recieve|definately|seperate|realy|becuase|wich|untill|invioce|evry|frustating|anoying)\b/),
    ).toBeGreaterThan(0.005);
    expect(new Set(texts.map((t) => t.split(/\s+/).slice(0, 2).join(" "))).size).toBeGreaterThan(300);
    const labels = new Set(data.feedback.map((i) => i.truth.label));
    expect(labels).toEqual(new Set(["positive", "negative", "neutral", "mixed"]));
  });

  it("rates in line with the sentiment words of the text", () => {
    const rated = data.feedback.filter((i) => i.ratingNorm !== null);
    const r = pearson(
      rated.map((i) => wordScore(i.text)),
      rated.map((i) => i.ratingNorm!),
    );
    expect(r).toBeGreaterThan(0.4);
    const stars = (pred: (score: number) => boolean) =>
      mean(data.feedback.filter((i) => i.ratingScale === "STARS_5" && pred(wordScore(i.text))).map((i) => i.rating!));
    expect(stars((s) => s > 0) - stars((s) => s < 0)).toBeGreaterThan(1.2);
  });

  it("tells the storyline: billing worsens in the last 4 months, onboarding improves after the redesign", () => {
    const start = addMonths(TODAY, -18);
    const monthOf = (i: DemoFeedbackItem) =>
      ((i.occurredAt.getTime() - start.getTime()) / (TODAY.getTime() - start.getTime())) * 18;
    const rating = (area: string, from: number, to: number) =>
      mean(
        data.feedback
          .filter((i) => i.productArea === area && i.ratingNorm !== null && monthOf(i) >= from && monthOf(i) < to)
          .map((i) => i.ratingNorm!),
      );
    expect(rating("Billing", EVENTS.billingMigration + 0.5, 18)).toBeLessThan(
      rating("Billing", 0, EVENTS.billingMigration) - 0.15,
    );
    expect(rating("Onboarding", EVENTS.onboardingRedesign + 1, 18)).toBeGreaterThan(
      rating("Onboarding", 0, EVENTS.onboardingRedesign) + 0.15,
    );
    const billingShare = (from: number, to: number) => {
      const inRange = data.feedback.filter((i) => monthOf(i) >= from && monthOf(i) < to);
      return inRange.filter((i) => i.productArea === "Billing").length / inRange.length;
    };
    expect(billingShare(EVENTS.billingMigration + 0.5, 18)).toBeGreaterThan(
      billingShare(0, EVENTS.billingMigration) * 1.4,
    );
  });

  it("makes a dozen series of every kind, on their calendars, none negative", () => {
    expect(data.series).toHaveLength(12);
    expect(new Set(data.series.map((s) => s.name)).size).toBe(12);
    expect(new Set(data.series.map((s) => s.kind))).toEqual(
      new Set([
        "DEMAND",
        "SALES",
        "SIGNUPS",
        "TRAFFIC",
        "SEARCH_INTEREST",
        "PRICE",
        "COMPETITOR_PRICE",
        "MARKET_SHARE",
      ]),
    );
    for (const s of data.series) {
      expect(s.unit).toBeTruthy();
      const first = s.points[0]!.date;
      const last = s.points.at(-1)!.date;
      expect(last < TODAY).toBe(true);
      expect(first >= new Date("2023-03-01T00:00:00Z")).toBe(true); // 36 complete months at most
      for (let i = 1; i < s.points.length; i++) {
        const gap = (s.points[i]!.date.getTime() - s.points[i - 1]!.date.getTime()) / DAY;
        if (s.frequency === "DAILY") expect(gap).toBe(1);
        else if (s.frequency === "WEEKLY") expect(gap).toBe(7);
        else expect(gap >= 28 && gap <= 31 && s.points[i]!.date.getUTCDate() === 1).toBe(true);
      }
      if (s.frequency === "WEEKLY") expect(s.points.every((p) => p.date.getUTCDay() === 1)).toBe(true);
      for (const p of s.points) {
        expect(Number.isFinite(p.value) && p.value >= 0, `${s.name} ${p.value}`).toBe(true);
        if (s.kind === "MARKET_SHARE") expect(p.value).toBeLessThan(100);
        if (s.kind === "SEARCH_INTEREST") expect(Number.isInteger(p.value) && p.value <= 100).toBe(true);
      }
      if (s.kind === "SEARCH_INTEREST") expect(Math.max(...s.points.map((p) => p.value))).toBe(100);
    }
    const monthly = data.series.filter((s) => s.frequency === "MONTHLY");
    expect(monthly.length).toBeGreaterThanOrEqual(5);
    for (const s of monthly) expect(s.points).toHaveLength(36);
    expect(seriesNamed(data, "Weekly sign-ups").points.length).toBeGreaterThanOrEqual(76);
    expect(seriesNamed(data, "Daily web traffic").points.length).toBeGreaterThanOrEqual(540);
  });

  it("gives the series their trend, seasonality and step changes", () => {
    const demand = detrend(seriesNamed(data, "Category demand (new seats)").points.map((p) => p.value));
    expect(acf(demand, 12)).toBeGreaterThan(0.3);
    expect(acf(demand, 6)).toBeLessThan(0);

    const traffic = detrend(seriesNamed(data, "Daily web traffic").points.map((p) => p.value));
    expect(acf(traffic, 7)).toBeGreaterThan(0.5);
    expect(acf(traffic, 7) - acf(traffic, 3)).toBeGreaterThan(0.4);

    const signups = seriesNamed(data, "Weekly sign-ups").points.map((p) => p.value);
    expect(mean(signups.slice(-13))).toBeGreaterThan(2 * mean(signups.slice(0, 13)));

    for (const s of data.series.filter((x) => x.kind === "PRICE" || x.kind === "COMPETITOR_PRICE")) {
      const steps = s.points.filter((p, i) => i > 0 && p.value !== s.points[i - 1]!.value);
      expect(steps.length, s.name).toBeGreaterThanOrEqual(1);
      expect(steps.length, s.name).toBeLessThanOrEqual(3);
    }
    const own = seriesNamed(data, "Own price: Pro plan").points;
    expect(own.at(-1)!.value).toBeGreaterThan(own.at(-13)!.value);
  });

  it("estimates TAM, SAM and SOM for two years", () => {
    expect(data.sizes).toHaveLength(6);
    for (const year of [2025, 2026]) {
      const v = (level: string) => data.sizes.find((s) => s.level === level && s.year === year)!.value;
      expect(v("TAM")).toBeGreaterThan(v("SAM"));
      expect(v("SAM")).toBeGreaterThan(v("SOM"));
    }
    expect(data.sizes.every((s) => s.source === MARKET_SIZE_SOURCE && s.currency === "USD")).toBe(true);
  });
});

describe("seedDemo", () => {
  let db: TestDatabase;
  const PASSWORD = "demo-password-for-tests";
  const expected = generateDemoData({ seed: 42, items: 300, now: NOW });
  const pointCount = expected.series.reduce((n, s) => n + s.points.length, 0);

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const counts = async (workspaceId: string) => ({
    items: await db.prisma.feedbackItem.count({ where: { workspaceId } }),
    series: await db.prisma.marketSeries.count({ where: { workspaceId } }),
    points: await db.prisma.marketPoint.count({ where: { workspaceId } }),
    sizes: await db.prisma.marketSize.count({ where: { workspaceId } }),
  });

  it("creates the labelled demo workspace with exactly the generated data, and a demo user who can sign in", async () => {
    const lines: string[] = [];
    const r = await seedDemo(db, { items: 300, now: NOW, password: PASSWORD }, (l) => lines.push(l));
    if (r.status !== "created") throw new Error("expected a new demo workspace");
    expect(r.replaced).toBe(false);
    expect(r.owner).toMatchObject({ email: DEMO_EMAIL, created: true, password: PASSWORD });
    expect(lines.some((l) => l.includes("300 of 300"))).toBe(true);

    const ws = await db.prisma.workspace.findUniqueOrThrow({
      where: { slug: DEMO_SLUG },
      include: { memberships: true },
    });
    expect(ws).toMatchObject({ id: r.workspace.id, name: DEMO_WORKSPACE_NAME, isDemo: true });
    expect(ws.memberships.map((m) => [m.userId, m.role])).toEqual([[r.owner.id, "OWNER"]]);
    expect(await authenticate(db.prisma, { email: DEMO_EMAIL, password: PASSWORD, ip: "127.0.0.1" })).toMatchObject({
      id: r.owner.id,
    });

    expect(await counts(ws.id)).toEqual({ items: 300, series: 12, points: pointCount, sizes: 6 });
    expect(r.counts).toMatchObject({ feedbackItems: 300, series: 12, points: pointCount, marketSizes: 6 });

    const batches = await db.prisma.importBatch.findMany({ where: { workspaceId: ws.id }, orderBy: { kind: "asc" } });
    expect(batches.map((b) => [b.kind, b.status, b.rowsTotal, b.rowsNew])).toEqual([
      ["FEEDBACK", "COMPLETED", 300, 300],
      ["MARKET", "COMPLETED", pointCount + 6, pointCount + 6],
    ]);
    expect(batches[0]!.fileName).toBe(FEEDBACK_FILE_NAME);
    expect(await db.prisma.feedbackItem.count({ where: { batchId: batches[0]!.id } })).toBe(300);
    expect(await db.prisma.marketPoint.count({ where: { batchId: batches[1]!.id } })).toBe(pointCount);
    expect(await db.prisma.marketSize.count({ where: { batchId: batches[1]!.id } })).toBe(6);

    const first = expected.feedback[0]!;
    const stored = await db.prisma.feedbackItem.findFirstOrThrow({
      where: { workspaceId: ws.id, externalId: first.externalId },
    });
    expect(stored).toMatchObject({
      dedupeKey: `id:${first.externalId}`,
      text: first.text,
      occurredAt: first.occurredAt,
      rating: first.rating,
      ratingScale: first.ratingScale,
      channel: first.channel,
      plan: first.plan,
      productArea: first.productArea,
    });
    expect(stored.authorHash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(await db.prisma.feedbackItem.findMany({ where: { workspaceId: ws.id } }))).not.toContain(
      "demo-author-",
    );

    const series = await db.prisma.marketSeries.findMany({ where: { workspaceId: ws.id }, include: { points: true } });
    const demand = series.find((s) => s.name === "Category demand (new seats)")!;
    expect(demand).toMatchObject({ kind: "DEMAND", frequency: "MONTHLY", unit: "seats" });
    expect(demand.points).toHaveLength(36);

    // The pipeline jobs an import queues (none while sentiment, themes and forecasts are not in this version).
    const by = { workspaceId: ws.id, createdById: r.owner.id };
    const wanted = [
      ...followUps({ kind: "feedback-imported", batchId: batches[0]!.id, newItems: 300 }, by),
      ...followUps({ kind: "market-changed", seriesIds: series.map((s) => s.id) }, by),
    ];
    expect(await db.prisma.job.count({ where: { workspaceId: ws.id } })).toBe(wanted.length);
    expect(r.counts.jobs).toBe(wanted.length);
  });

  it("leaves an existing demo workspace alone without --reset", async () => {
    const before = await db.prisma.workspace.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    const r = await seedDemo(db, { items: 50, now: NOW });
    expect(r).toEqual({ status: "exists", workspace: { id: before.id, name: DEMO_WORKSPACE_NAME, slug: DEMO_SLUG } });
    expect(await counts(before.id)).toEqual({ items: 300, series: 12, points: pointCount, sizes: 6 });
    expect(await db.prisma.user.count()).toBe(1);
  });

  it("replaces it with --reset, reusing the demo user", async () => {
    const before = await db.prisma.workspace.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    const r = await seedDemo(db, { items: 120, reset: true, now: NOW, seed: 3 });
    if (r.status !== "created") throw new Error("expected a new demo workspace");
    expect(r.replaced).toBe(true);
    expect(r.owner).toMatchObject({ email: DEMO_EMAIL, created: false });
    expect(r.owner.password).toBeUndefined();
    expect(r.workspace.id).not.toBe(before.id);
    expect(await db.prisma.workspace.findUnique({ where: { id: before.id } })).toBeNull();
    expect(await db.prisma.feedbackItem.count({ where: { workspaceId: before.id } })).toBe(0);
    expect(await db.prisma.workspace.count({ where: { isDemo: true } })).toBe(1);
    expect(await counts(r.workspace.id)).toEqual({ items: 120, series: 12, points: pointCount, sizes: 6 });
  });

  it("makes an existing user the owner with --email", async () => {
    const { user } = await makeUser(db.prisma, "Ann");
    const r = await seedDemo(db, { email: user.email, reset: true, items: 40, now: NOW });
    if (r.status !== "created") throw new Error("expected a new demo workspace");
    expect(r.owner).toMatchObject({ id: user.id, created: false });
    const members = await db.prisma.membership.findMany({ where: { workspaceId: r.workspace.id } });
    expect(members.map((m) => [m.userId, m.role])).toEqual([[user.id, "OWNER"]]);
    await expect(seedDemo(db, { email: "nobody@example.com", reset: true, now: NOW })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await db.prisma.workspace.findUnique({ where: { id: r.workspace.id } })).not.toBeNull();
  });

  it("never touches a workspace that holds the slug but is not a demo", async () => {
    await db.prisma.workspace.delete({ where: { slug: DEMO_SLUG } });
    const { user } = await makeUser(db.prisma, "Bob");
    const theirs = await createWorkspace(db.prisma, user.id, "Demo");
    expect(theirs.slug).toBe(DEMO_SLUG);
    await expect(seedDemo(db, { reset: true, items: 20, now: NOW })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.prisma.workspace.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ isDemo: false });
  });
});
