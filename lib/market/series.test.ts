import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../auth/context.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { addMember, makeUser } from "../testing/factories.ts";
import { getMarketSeries, LIST_CHART_POINTS, listMarketSeries, listMarketSizes } from "./series.ts";
import type { Frequency, SeriesKind } from "./series.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

const DAY_MS = 86_400_000;

/** Seeds a series with points directly (the import pipeline is tested on its own). */
async function seedSeries(
  ctx: WorkspaceContext,
  s: { name: string; kind: SeriesKind; unit?: string; frequency?: Frequency },
  points: { date: string; value: number }[],
) {
  const series = await ctx.db.marketSeries.create({
    data: { workspaceId: ctx.workspaceId, name: s.name, kind: s.kind, unit: s.unit, frequency: s.frequency },
  });
  if (points.length) {
    await ctx.db.marketPoint.createMany({
      data: points.map((p) => ({
        seriesId: series.id,
        workspaceId: ctx.workspaceId,
        date: new Date(`${p.date}T00:00:00Z`),
        value: p.value,
      })),
    });
  }
  return series;
}

const months = (start: string, values: number[]) => {
  const [y, m] = start.split("-").map(Number) as [number, number];
  return values.map((value, i) => ({ date: new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 10), value }));
};

const days = (start: string, values: number[]) => {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return values.map((value, i) => ({ date: new Date(t0 + i * DAY_MS).toISOString().slice(0, 10), value }));
};

describe("listMarketSeries", () => {
  it("lists each series with its statistics, by kind then name", async () => {
    const { ctx } = await makeUser(t.prisma);
    // 13 months of demand: last vs previous month and vs the same month a year earlier.
    await seedSeries(
      ctx,
      { name: "Category demand", kind: "DEMAND", unit: "units", frequency: "MONTHLY" },
      months("2024-01", [100, 104, 108, 112, 116, 120, 124, 128, 132, 136, 140, 144, 150]),
    );
    await seedSeries(
      ctx,
      { name: "Our price", kind: "PRICE", unit: "USD", frequency: "MONTHLY" },
      months("2025-01", [49, 49, 59]),
    );
    await seedSeries(ctx, { name: "Acme price", kind: "COMPETITOR_PRICE", unit: "USD" }, months("2025-01", [39, 45]));
    await seedSeries(ctx, { name: "Brand searches", kind: "SEARCH_INTEREST" }, []);
    await seedSeries(ctx, { name: "App sign-ups", kind: "DEMAND", frequency: "WEEKLY" }, [
      { date: "2025-03-03", value: 10 },
    ]);

    const list = await listMarketSeries(ctx);
    expect(list.map((s) => [s.kind, s.name])).toEqual([
      ["DEMAND", "App sign-ups"],
      ["DEMAND", "Category demand"],
      ["SEARCH_INTEREST", "Brand searches"],
      ["PRICE", "Our price"],
      ["COMPETITOR_PRICE", "Acme price"],
    ]);

    const demand = list.find((s) => s.name === "Category demand")!;
    expect(demand).toMatchObject({ unit: "units", storedFrequency: "MONTHLY" });
    expect(demand.stats).toMatchObject({
      count: 13,
      firstDate: "2024-01-01",
      lastDate: "2025-01-01",
      lastValue: 150,
      frequency: "MONTHLY",
      previousDate: "2024-12-01",
      yearAgoDate: "2024-01-01",
    });
    expect(demand.stats.previous).toBeCloseTo(150 / 144 - 1);
    expect(demand.stats.yearAgo).toBeCloseTo(0.5);
    expect(demand.stats.cagr).toBeCloseTo(0.5, 2);
    expect(demand.points).toHaveLength(13);
    expect(demand.points[12]).toEqual({ date: "2025-01-01", value: 150 });

    const price = list.find((s) => s.name === "Our price")!;
    expect(price.stats.previous).toBeCloseTo(59 / 49 - 1);
    expect(price.stats.yearAgo).toBeNull();
    expect(price.stats.cagr).toBeNull();

    // No stored frequency: read from the dates.
    const acme = list.find((s) => s.name === "Acme price")!;
    expect(acme.storedFrequency).toBeNull();
    expect(acme.stats).toMatchObject({ frequency: "MONTHLY", frequencyInferred: true });

    const empty = list.find((s) => s.name === "Brand searches")!;
    expect(empty.stats).toMatchObject({ count: 0, lastValue: null, previous: null, frequency: null });
    expect(empty.points).toEqual([]);

    const single = list.find((s) => s.name === "App sign-ups")!;
    expect(single.stats).toMatchObject({ count: 1, lastValue: 10, previous: null, yearAgo: null });
  });

  it("downsamples long series for the charts, keeping first, last and the extremes", async () => {
    const { ctx } = await makeUser(t.prisma);
    const values = Array.from({ length: 1500 }, (_, i) => 500 + 100 * Math.sin(i / 20));
    values[333] = 9_999;
    values[1111] = -42;
    await seedSeries(
      ctx,
      { name: "Daily visits", kind: "TRAFFIC", unit: "visits", frequency: "DAILY" },
      days("2021-01-01", values),
    );
    const [s] = await listMarketSeries(ctx);
    expect(s!.stats.count).toBe(1500);
    expect(s!.points.length).toBeLessThanOrEqual(LIST_CHART_POINTS);
    expect(s!.points[0]).toEqual({ date: "2021-01-01", value: values[0] });
    expect(s!.points.at(-1)).toEqual({ date: days("2021-01-01", values).at(-1)!.date, value: values[1499] });
    expect(s!.points.map((p) => p.value)).toEqual(expect.arrayContaining([9_999, -42]));
    expect(s!.stats.max?.value).toBe(9_999);
    expect(s!.stats.min?.value).toBe(-42);

    const full = await getMarketSeries(ctx, s!.id);
    expect(full.points).toHaveLength(1500);
    expect(full.stats).toEqual(s!.stats);
  });

  it("shows a workspace only its own series", async () => {
    const a = await makeUser(t.prisma);
    const b = await makeUser(t.prisma);
    const aSeries = await seedSeries(a.ctx, { name: "Shared name", kind: "SALES" }, months("2025-01", [1, 2]));
    await seedSeries(b.ctx, { name: "Shared name", kind: "SALES" }, months("2025-01", [7, 8, 9]));

    const listA = await listMarketSeries(a.ctx);
    const listB = await listMarketSeries(b.ctx);
    expect(listA.map((s) => s.stats.count)).toEqual([2]);
    expect(listB.map((s) => s.stats.count)).toEqual([3]);
    expect(listB.map((s) => s.id)).not.toContain(aSeries.id);

    // Another workspace's id is not found, even for its owner's other workspace.
    await expect(getMarketSeries(b.ctx, aSeries.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getMarketSeries(a.ctx, "no-such-id")).rejects.toMatchObject({ code: "not_found" });
    const own = await getMarketSeries(a.ctx, aSeries.id);
    expect(own.points).toEqual([
      { date: "2025-01-01", value: 1 },
      { date: "2025-02-01", value: 2 },
    ]);
  });

  it("is open to viewers", async () => {
    const owner = await makeUser(t.prisma);
    const other = await makeUser(t.prisma);
    const viewer = await addMember(owner.ctx, other.user.id, "VIEWER");
    const s = await seedSeries(owner.ctx, { name: "Sign-ups", kind: "SIGNUPS" }, months("2025-01", [3]));
    expect((await listMarketSeries(viewer)).map((x) => x.id)).toEqual([s.id]);
    expect((await getMarketSeries(viewer, s.id)).name).toBe("Sign-ups");
    expect((await listMarketSizes(viewer)).latest).toEqual([]);
  });

  it("stays quick for 50 series of 3 years of daily points", async () => {
    const { ctx } = await makeUser(t.prisma);
    for (let i = 0; i < 50; i++) {
      await seedSeries(
        ctx,
        { name: `Series ${String(i).padStart(2, "0")}`, kind: "DEMAND", frequency: "DAILY" },
        days(
          "2022-01-01",
          Array.from({ length: 1095 }, (_, d) => 100 + i + Math.sin(d / 7)),
        ),
      );
    }
    const started = performance.now();
    const list = await listMarketSeries(ctx);
    const ms = performance.now() - started;
    expect(list).toHaveLength(50);
    expect(list.every((s) => s.points.length <= LIST_CHART_POINTS && s.stats.count === 1095)).toBe(true);
    expect(JSON.stringify(list).length).toBeLessThan(1_000_000);
    expect(ms).toBeLessThan(5_000);
  });
});

describe("listMarketSizes", () => {
  it("gives each level's latest year with its source, change from the year before and share of its parent", async () => {
    const { ctx } = await makeUser(t.prisma);
    const row = (
      level: "TAM" | "SAM" | "SOM",
      year: number,
      value: number,
      source: string | null,
      currency = "USD",
    ) => ({
      workspaceId: ctx.workspaceId,
      level,
      year,
      value,
      currency,
      source,
    });
    await ctx.db.marketSize.createMany({
      data: [
        row("TAM", 2024, 10e9, "Gartner 2024"),
        row("SAM", 2024, 2e9, "Gartner 2024"),
        row("TAM", 2025, 12e9, "Gartner 2025"),
        row("SAM", 2025, 2.4e9, "Own analysis"),
        row("SOM", 2025, 60e6, null),
      ],
    });
    // A later re-import of the 2025 TAM replaces the earlier estimate.
    await ctx.db.marketSize.create({ data: row("TAM", 2025, 12.5e9, "Gartner 2025 (revised)") });

    const sizes = await listMarketSizes(ctx);
    expect(sizes.values.map((v) => `${v.year} ${v.level} ${v.value}`)).toEqual([
      "2024 TAM 10000000000",
      "2024 SAM 2000000000",
      "2025 TAM 12500000000",
      "2025 SAM 2400000000",
      "2025 SOM 60000000",
    ]);
    const [tam, sam, som] = sizes.latest;
    expect(tam).toMatchObject({ level: "TAM", year: 2025, value: 12.5e9, source: "Gartner 2025 (revised)" });
    expect(tam!.previousYear).toBe(2024);
    expect(tam!.change).toBeCloseTo(0.25);
    expect(tam!.shareOfParent).toBeNull();
    expect(sam).toMatchObject({ level: "SAM", year: 2025, source: "Own analysis", previousYear: 2024 });
    expect(sam!.change).toBeCloseTo(0.2);
    expect(sam!.shareOfParent).toBeCloseTo(2.4 / 12.5);
    expect(som).toMatchObject({ level: "SOM", year: 2025, source: null, previousYear: null, change: null });
    expect(som!.shareOfParent).toBeCloseTo(0.025);
  });

  it("compares nothing across currencies and shows nothing of other workspaces", async () => {
    const a = await makeUser(t.prisma);
    const b = await makeUser(t.prisma);
    await a.ctx.db.marketSize.createMany({
      data: [
        { workspaceId: a.ctx.workspaceId, level: "TAM", year: 2024, value: 5, currency: "EUR" },
        { workspaceId: a.ctx.workspaceId, level: "TAM", year: 2025, value: 6, currency: "USD" },
      ],
    });
    const sizes = await listMarketSizes(a.ctx);
    expect(sizes.latest).toHaveLength(1);
    expect(sizes.latest[0]).toMatchObject({ year: 2025, currency: "USD", previousYear: 2024, change: null });
    expect(await listMarketSizes(b.ctx)).toEqual({ values: [], latest: [] });
  });
});
