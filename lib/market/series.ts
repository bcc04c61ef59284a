/** Reading a workspace's market series, their points and market-size estimates. */
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import type { Frequency, MarketSizeLevel, SeriesKind } from "../db/generated/enums.ts";
import { AppError } from "../errors.ts";
import { downsample, percentChange, seriesStats, type SeriesPoint, type SeriesStats } from "./stats.ts";

export type { Frequency, MarketSizeLevel, SeriesKind };

/** Points per series in the listing: enough for a card's chart, light for 50 series. */
export const LIST_CHART_POINTS = 200;

/** Display order and labels of series kinds (prices and competitor prices are shown together). */
export const SERIES_KINDS: readonly SeriesKind[] = [
  "DEMAND",
  "SALES",
  "SIGNUPS",
  "TRAFFIC",
  "SEARCH_INTEREST",
  "PRICE",
  "COMPETITOR_PRICE",
  "MARKET_SHARE",
];

export const SERIES_KIND_LABEL: Record<SeriesKind, string> = {
  DEMAND: "Demand",
  SALES: "Sales",
  SIGNUPS: "Sign-ups",
  TRAFFIC: "Web traffic",
  SEARCH_INTEREST: "Search interest",
  PRICE: "Price",
  COMPETITOR_PRICE: "Competitor price",
  MARKET_SHARE: "Market share",
};

export interface MarketSeriesInfo {
  id: string;
  name: string;
  kind: SeriesKind;
  unit: string | null;
  /** As stored; `stats.frequency` falls back to the one the dates show. */
  storedFrequency: Frequency | null;
}

export interface MarketSeriesSummary extends MarketSeriesInfo {
  stats: SeriesStats;
  /** At most LIST_CHART_POINTS points, first, last and extremes kept. */
  points: SeriesPoint[];
}

export interface MarketSeriesDetail extends MarketSeriesInfo {
  stats: SeriesStats;
  /** Every stored point, oldest first. */
  points: SeriesPoint[];
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

const seriesOrder = (a: MarketSeriesInfo, b: MarketSeriesInfo) =>
  SERIES_KINDS.indexOf(a.kind) - SERIES_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, "en");

/** Every series of the workspace with its statistics and a light chart, by kind then name. */
export async function listMarketSeries(ctx: WorkspaceContext): Promise<MarketSeriesSummary[]> {
  requirePermission(ctx, "workspace.read");
  const [series, aggregates] = await Promise.all([
    ctx.db.marketSeries.findMany({
      where: { workspaceId: ctx.workspaceId },
      select: { id: true, name: true, kind: true, unit: true, frequency: true },
    }),
    // One row per series with its dates and values as arrays: 4–5× faster than reading every
    // point as a Prisma row (50 series × 3 years of daily data: ~70 ms instead of ~300 ms).
    ctx.db.$queryRaw<{ seriesId: string; dates: string; values: (number | string)[] }[]>`
      SELECT "seriesId",
             string_agg(to_char("date", 'YYYY-MM-DD'), ',' ORDER BY "date") AS "dates",
             array_agg("value" ORDER BY "date") AS "values"
      FROM "MarketPoint"
      WHERE "workspaceId" = ${ctx.workspaceId}
      GROUP BY "seriesId"`,
  ]);
  const bySeries = new Map<string, SeriesPoint[]>();
  for (const a of aggregates) {
    const dates = a.dates.split(",");
    bySeries.set(
      a.seriesId,
      dates.map((date, i) => ({ date, value: Number(a.values[i]) })),
    );
  }
  return series
    .map((s) => {
      const all = bySeries.get(s.id) ?? [];
      return {
        id: s.id,
        name: s.name,
        kind: s.kind,
        unit: s.unit,
        storedFrequency: s.frequency,
        stats: seriesStats(all, s.frequency),
        points: downsample(all, LIST_CHART_POINTS),
      };
    })
    .sort(seriesOrder);
}

/** One series with every point. Another workspace's id is not found. */
export async function getMarketSeries(ctx: WorkspaceContext, id: string): Promise<MarketSeriesDetail> {
  requirePermission(ctx, "workspace.read");
  const s = await ctx.db.marketSeries.findFirst({
    where: { id, workspaceId: ctx.workspaceId },
    select: { id: true, name: true, kind: true, unit: true, frequency: true },
  });
  if (!s) throw new AppError("not_found", "Market series not found");
  const rows = await ctx.db.marketPoint.findMany({
    where: { seriesId: s.id, workspaceId: ctx.workspaceId },
    orderBy: { date: "asc" },
    select: { date: true, value: true },
  });
  const points = rows.map((p) => ({ date: isoDay(p.date), value: p.value }));
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    unit: s.unit,
    storedFrequency: s.frequency,
    stats: seriesStats(points, s.frequency),
    points,
  };
}

export const MARKET_SIZE_LEVELS: readonly MarketSizeLevel[] = ["TAM", "SAM", "SOM"];

export interface MarketSizeValue {
  level: MarketSizeLevel;
  year: number;
  value: number;
  currency: string;
  source: string | null;
}

export interface MarketSizeLatest extends MarketSizeValue {
  /** The level's previous recorded year, and the change to this one (null across currencies). */
  previousYear: number | null;
  previousValue: number | null;
  change: number | null;
  /** This level as a share of the one above it in the same year and currency (SAM of TAM, SOM of SAM). */
  shareOfParent: number | null;
}

export interface MarketSizes {
  /** Every estimate, one per level and year (the latest imported wins), by year then level. */
  values: MarketSizeValue[];
  /** Each level's most recent year, in TAM, SAM, SOM order; levels never imported are left out. */
  latest: MarketSizeLatest[];
}

export async function listMarketSizes(ctx: WorkspaceContext): Promise<MarketSizes> {
  requirePermission(ctx, "workspace.read");
  const rows = await ctx.db.marketSize.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { level: true, year: true, value: true, currency: true, source: true },
  });
  // Re-imports add rows: the newest estimate of a level and year replaces older ones.
  const byKey = new Map<string, MarketSizeValue>();
  for (const r of rows) if (!byKey.has(`${r.level}:${r.year}`)) byKey.set(`${r.level}:${r.year}`, r);
  const values = [...byKey.values()].sort(
    (a, b) => a.year - b.year || MARKET_SIZE_LEVELS.indexOf(a.level) - MARKET_SIZE_LEVELS.indexOf(b.level),
  );
  const find = (level: MarketSizeLevel, year: number) => byKey.get(`${level}:${year}`) ?? null;
  const latest: MarketSizeLatest[] = [];
  for (const level of MARKET_SIZE_LEVELS) {
    const ofLevel = values.filter((v) => v.level === level);
    const last = ofLevel[ofLevel.length - 1];
    if (!last) continue;
    const prev = ofLevel[ofLevel.length - 2] ?? null;
    const parentLevel = level === "SOM" ? "SAM" : level === "SAM" ? "TAM" : null;
    const parent = parentLevel ? find(parentLevel, last.year) : null;
    latest.push({
      ...last,
      previousYear: prev?.year ?? null,
      previousValue: prev?.value ?? null,
      change: prev && prev.currency === last.currency ? percentChange(prev.value, last.value) : null,
      shareOfParent: parent && parent.currency === last.currency && parent.value > 0 ? last.value / parent.value : null,
    });
  }
  return { values, latest };
}
