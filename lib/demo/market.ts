/**
 * Synthetic market data: a dozen series with trend, seasonality, noise and the
 * storyline's step changes (timeline.ts), and TAM/SAM/SOM for two years.
 *
 * Dates are period starts at midnight UTC: days, Mondays, first of the month.
 * Only complete periods are included (daily series end yesterday, weekly ones
 * with the last full week, monthly ones with last month), so a forecast never
 * sees a half-finished period as a drop.
 */
import type { Frequency, MarketSizeLevel, SeriesKind } from "../db/generated/enums.ts";
import type { Random } from "./random.ts";
import {
  addDays,
  addMonths,
  COMPETITORS,
  during,
  EVENTS,
  LONG_MONTHS,
  ramp,
  startOfMonthUtc,
  startOfWeekUtc,
  WINDOW_MONTHS,
  type Timeline,
} from "./timeline.ts";

export interface DemoPoint {
  date: Date;
  value: number;
}

export interface DemoSeries {
  name: string;
  kind: SeriesKind;
  unit: string;
  frequency: Frequency;
  points: DemoPoint[];
}

export interface DemoMarketSize {
  level: MarketSizeLevel;
  year: number;
  value: number;
  currency: string;
  source: string;
}

export const MARKET_SIZE_SOURCE = "Demo estimate (synthetic)";

/** Period starts covering the last `months` months before today, complete periods only. */
export function periodStarts(tl: Timeline, frequency: "DAILY" | "WEEKLY" | "MONTHLY", months: number): Date[] {
  const from = addMonths(tl.today, -months);
  const out: Date[] = [];
  if (frequency === "DAILY") {
    for (let d = from; d < tl.today; d = addDays(d, 1)) out.push(d);
  } else if (frequency === "WEEKLY") {
    const first = startOfWeekUtc(from);
    const end = startOfWeekUtc(tl.today); // the current week is not complete yet
    for (let d = first < from ? addDays(first, 7) : first; d < end; d = addDays(d, 7)) out.push(d);
  } else {
    const end = startOfMonthUtc(tl.today);
    for (let k = months; k >= 1; k--) out.push(addMonths(end, -k));
  }
  return out;
}

/** Weekday effect on web traffic, Sunday first (getUTCDay order). */
const WEEKDAY_TRAFFIC = [0.64, 1.12, 1.16, 1.13, 1.08, 0.95, 0.6];

/** Category demand by calendar month: budgets spent in Q4, a summer lull. */
const DEMAND_SEASON = [1.04, 0.97, 1.03, 1.0, 0.98, 0.9, 0.83, 0.81, 0.99, 1.1, 1.15, 1.2];

/** Late December and the first days of January are quiet for B2B. */
function holiday(d: Date, depth = 0.35): number {
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  return (m === 11 && day >= 20) || (m === 0 && day <= 3) ? 1 - depth : 1;
}

/** Search-style seasonality for weekly data: higher in autumn, lower in summer and at Christmas. */
function searchSeason(d: Date): number {
  const dayOfYear = (d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000;
  return (1 + 0.14 * Math.cos((2 * Math.PI * (dayOfYear - 290)) / 365)) * holiday(d, 0.3);
}

/** Own list price of the Pro plan, per seat per month. */
function ownPrice(month: number): number {
  return month < -6 ? 25 : month < EVENTS.priceIncrease ? 29 : 35;
}

/** Log of paid seats: 3.5 %/month growth, slower after the price increase, slower still after the competitor's cut. */
function logSeats(month: number): number {
  const seg = (from: number, to: number) => Math.max(0, Math.min(month, to) - from);
  return (
    Math.log(3000) +
    0.035 * seg(-LONG_MONTHS + WINDOW_MONTHS, EVENTS.priceIncrease) +
    0.02 * seg(EVENTS.priceIncrease, EVENTS.competitorCut) +
    0.01 * seg(EVENTS.competitorCut, Infinity)
  );
}

/** Scales a series so its largest value is 100, as search-interest indexes are published. */
function indexTo100(points: DemoPoint[]): DemoPoint[] {
  const max = Math.max(...points.map((p) => p.value));
  return points.map((p) => ({ date: p.date, value: Math.max(0, Math.round((100 * p.value) / max)) }));
}

const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

type Maker = (r: Random, tl: Timeline) => DemoSeries;

function series(
  name: string,
  kind: SeriesKind,
  unit: string,
  frequency: "DAILY" | "WEEKLY" | "MONTHLY",
  months: number,
  value: (r: Random, date: Date, month: number) => number,
): Maker {
  return (r, tl) => ({
    name,
    kind,
    unit,
    frequency,
    points: periodStarts(tl, frequency, months).map((date) => ({
      date,
      value: Math.max(0, value(r, date, tl.monthOf(date))),
    })),
  });
}

const SERIES: readonly Maker[] = [
  series("Weekly sign-ups", "SIGNUPS", "sign-ups", "WEEKLY", WINDOW_MONTHS, (r, d, m) =>
    Math.round(
      170 *
        Math.exp(0.058 * m) *
        (1 + 0.12 * ramp(m, EVENTS.onboardingRedesign)) *
        (1 - 0.1 * during(m, EVENTS.priceIncrease, EVENTS.priceIncrease + 2)) *
        holiday(d) *
        (1 + r.normal(0, 0.06)),
    ),
  ),
  series("Daily web traffic", "TRAFFIC", "visits", "DAILY", WINDOW_MONTHS, (r, d, m) =>
    Math.round(
      3100 *
        Math.exp(0.045 * m) *
        WEEKDAY_TRAFFIC[d.getUTCDay()]! *
        holiday(d) *
        (r.chance(0.006) ? 1.8 : 1) * // a launch or a press mention
        (1 + r.normal(0, 0.05)),
    ),
  ),
  series("Pricing page views", "TRAFFIC", "views", "WEEKLY", WINDOW_MONTHS, (r, d, m) =>
    Math.round(
      820 *
        Math.exp(0.04 * m) *
        (1 + 0.7 * during(m, EVENTS.priceIncrease, EVENTS.priceIncrease + 1.5, 0.25)) *
        (1 + 0.3 * ramp(m, EVENTS.competitorCut)) *
        holiday(d) *
        (1 + r.normal(0, 0.07)),
    ),
  ),
  series("Weekly demo requests", "DEMAND", "requests", "WEEKLY", WINDOW_MONTHS, (r, d, m) => {
    const mean =
      38 *
      Math.exp(0.045 * m) *
      (1 + 0.2 * ramp(m, EVENTS.ssoLaunch)) *
      (1 - 0.12 * ramp(m, EVENTS.competitorCut)) *
      holiday(d);
    return Math.round(mean + r.normal(0, Math.sqrt(mean))); // counts: Poisson-like noise
  }),
  series("Category demand (new seats)", "DEMAND", "seats", "MONTHLY", LONG_MONTHS, (r, d, m) =>
    Math.round(
      12000 * Math.exp(0.012 * (m + LONG_MONTHS)) * DEMAND_SEASON[d.getUTCMonth()]! * (1 + r.normal(0, 0.025)),
    ),
  ),
  series("Sales revenue", "SALES", "USD", "MONTHLY", LONG_MONTHS, (r, d, m) => {
    const q4 = [0.95, 0.97, 1.02, 0.98, 0.99, 1.01, 0.96, 0.95, 1.01, 1.03, 1.05, 1.12][d.getUTCMonth()]!;
    return Math.round(Math.exp(logSeats(m)) * ownPrice(m) * 0.85 * q4 * (1 + r.normal(0, 0.03)));
  }),
  series(
    'Search interest: "customer feedback software"',
    "SEARCH_INTEREST",
    "index (0-100)",
    "WEEKLY",
    LONG_MONTHS,
    (r, d, m) => (1 + 0.012 * (m + LONG_MONTHS)) * searchSeason(d) * (1 + r.normal(0, 0.05)),
  ),
  series(
    `Search interest: "${COMPETITORS[0]}"`,
    "SEARCH_INTEREST",
    "index (0-100)",
    "WEEKLY",
    LONG_MONTHS,
    (r, d, m) =>
      (0.35 +
        0.004 * (m + LONG_MONTHS) +
        0.3 * ramp(m, EVENTS.competitorCut, 1) +
        0.35 * during(m, EVENTS.competitorCut, EVENTS.competitorCut + 0.7, 0.2)) *
      holiday(d, 0.25) *
      (1 + r.normal(0, 0.08)),
  ),
  series("Own price: Pro plan", "PRICE", "USD per seat per month", "MONTHLY", LONG_MONTHS, (_r, _d, m) => ownPrice(m)),
  series(
    `Competitor price: ${COMPETITORS[0]} Pro`,
    "COMPETITOR_PRICE",
    "USD per seat per month",
    "MONTHLY",
    LONG_MONTHS,
    (_r, _d, m) => (m < -10 ? 32 : m < EVENTS.competitorCut ? 34 : 27),
  ),
  series(
    `Competitor price: ${COMPETITORS[1]} Team`,
    "COMPETITOR_PRICE",
    "USD per seat per month",
    "MONTHLY",
    LONG_MONTHS,
    (_r, _d, m) => (m < 2 ? 39 : m < 15 ? 45 : 42),
  ),
  series("Market share", "MARKET_SHARE", "%", "MONTHLY", LONG_MONTHS, (r, _d, m) => {
    const gain = 0.11 * (Math.min(m, EVENTS.priceIncrease) + LONG_MONTHS - WINDOW_MONTHS);
    const loss = 0.08 * Math.max(0, m - EVENTS.priceIncrease) + 0.1 * Math.max(0, m - EVENTS.competitorCut);
    return round(3 + gain - loss + r.normal(0, 0.06), 2);
  }),
];

/** The dozen demo series; each draws from its own stream, so changing one leaves the others as they were. */
export function generateSeries(r: Random, tl: Timeline): DemoSeries[] {
  return SERIES.map((make, i) => {
    const s = make(r.fork(`series-${i}`), tl);
    return s.kind === "SEARCH_INTEREST" ? { ...s, points: indexTo100(s.points) } : s;
  });
}

/** TAM, SAM and SOM for last year and this year, in USD. */
export function generateMarketSizes(tl: Timeline): DemoMarketSize[] {
  const year = tl.today.getUTCFullYear();
  const sizes: [MarketSizeLevel, number, number][] = [
    ["TAM", 8_200_000_000, 9_100_000_000],
    ["SAM", 1_150_000_000, 1_320_000_000],
    ["SOM", 12_000_000, 16_500_000],
  ];
  return sizes.flatMap(([level, last, current]) => [
    { level, year: year - 1, value: last, currency: "USD", source: MARKET_SIZE_SOURCE },
    { level, year, value: current, currency: "USD", source: MARKET_SIZE_SOURCE },
  ]);
}
