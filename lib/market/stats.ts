/**
 * Statistics of one market series, computed from its stored points. Framework-free and pure.
 *
 * Points are `{ date: "YYYY-MM-DD", value }` sorted by date ascending (one point per date, as
 * MarketPoint's key guarantees). Every function answers `null` rather than a misleading number
 * when the history does not allow the figure (too short, a gap, a zero or negative base).
 */

export type Frequency = "DAILY" | "WEEKLY" | "MONTHLY" | "QUARTERLY" | "YEARLY";

export interface SeriesPoint {
  /** Calendar date, "YYYY-MM-DD" (UTC). */
  date: string;
  value: number;
}

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.2425;

export const toDay = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
export const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Relative change from `from` to `to` as a ratio (0.05 = +5%). The base is taken in absolute
 * value so the sign always says the direction (−10 → −5 is +50%). A zero base has no relative
 * change (null), except 0 → 0 which is no change.
 */
export function percentChange(from: number | null | undefined, to: number | null | undefined): number | null {
  if (from === null || from === undefined || to === null || to === undefined) return null;
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  if (from === 0) return to === 0 ? 0 : null;
  return (to - from) / Math.abs(from);
}

/**
 * Compound annual growth rate between two values `years` apart: (last / first)^(1 / years) − 1.
 * Only defined for a positive start, a non-negative end and a positive span.
 */
export function cagr(first: number, last: number, years: number): number | null {
  if (![first, last, years].every(Number.isFinite)) return null;
  if (first <= 0 || last < 0 || years <= 0) return null;
  return Math.pow(last / first, 1 / years) - 1;
}

/**
 * The largest gap (days) still read as "the previous period": weekends and holidays for daily
 * data, a week's slack for weekly, month lengths for monthly. A longer gap means data is missing.
 */
const MAX_PREVIOUS_GAP: Record<Frequency, number> = { DAILY: 4, WEEKLY: 10, MONTHLY: 45, QUARTERLY: 135, YEARLY: 550 };

/** How far from "exactly one year earlier" a point may lie and still be that period a year ago. */
const YEAR_AGO_TOLERANCE: Record<Frequency, number> = { DAILY: 3, WEEKLY: 3, MONTHLY: 15, QUARTERLY: 45, YEARLY: 183 };

/** The frequency the dates themselves show (median gap), for series imported without one. */
export function inferFrequency(points: readonly SeriesPoint[]): Frequency | null {
  if (points.length < 2) return null;
  const gaps: number[] = [];
  for (let i = 1; i < points.length; i++) gaps.push(toDay(points[i]!.date) - toDay(points[i - 1]!.date));
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  if (median <= 2) return "DAILY";
  if (median <= 10) return "WEEKLY";
  if (median <= 45) return "MONTHLY";
  if (median <= 135) return "QUARTERLY";
  return "YEARLY";
}

/** Same calendar date one year earlier (29 February → 28 February). */
function oneYearBefore(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const lastDayOfMonth = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return Math.round(Date.UTC(y - 1, m - 1, Math.min(d, lastDayOfMonth)) / DAY_MS);
}

/** Index of the point whose date is nearest to `day` within `tolerance` days, searching `points[0..end)`. */
function nearestIndex(points: readonly SeriesPoint[], day: number, tolerance: number, end: number): number | null {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toDay(points[mid]!.date) < day) lo = mid + 1;
    else hi = mid;
  }
  let best: number | null = null;
  for (const i of [lo - 1, lo]) {
    if (i < 0 || i >= end) continue;
    const distance = Math.abs(toDay(points[i]!.date) - day);
    if (distance <= tolerance && (best === null || distance < Math.abs(toDay(points[best]!.date) - day))) best = i;
  }
  return best;
}

export interface SeriesChanges {
  /** The last point's value vs the point one period before it; null when that period is missing. */
  previous: number | null;
  previousDate: string | null;
  /** The last point's value vs the same period one year earlier; null when the history is shorter. */
  yearAgo: number | null;
  yearAgoDate: string | null;
}

export function seriesChanges(points: readonly SeriesPoint[], frequency: Frequency | null): SeriesChanges {
  const none: SeriesChanges = { previous: null, previousDate: null, yearAgo: null, yearAgoDate: null };
  const freq = frequency ?? inferFrequency(points);
  if (!freq || points.length < 2) return none;
  const last = points[points.length - 1]!;
  const prior = points[points.length - 2]!;
  const gap = toDay(last.date) - toDay(prior.date);
  const hasPrevious = gap > 0 && gap <= MAX_PREVIOUS_GAP[freq];
  const yearIdx = nearestIndex(points, oneYearBefore(last.date), YEAR_AGO_TOLERANCE[freq], points.length - 1);
  const yearAgo = yearIdx === null ? null : points[yearIdx]!;
  return {
    previous: hasPrevious ? percentChange(prior.value, last.value) : null,
    previousDate: hasPrevious ? prior.date : null,
    yearAgo: yearAgo ? percentChange(yearAgo.value, last.value) : null,
    yearAgoDate: yearAgo?.date ?? null,
  };
}

export interface SeriesStats extends SeriesChanges {
  count: number;
  firstDate: string | null;
  lastDate: string | null;
  firstValue: number | null;
  lastValue: number | null;
  min: SeriesPoint | null;
  max: SeriesPoint | null;
  mean: number | null;
  /** Last vs first value, over the whole history. */
  totalChange: number | null;
  /**
   * Compound annual growth from the first to the last point. Only for histories of at least a
   * year: annualising a few weeks' movement would print absurd rates.
   */
  cagr: number | null;
  /** Span of the history in years. */
  years: number;
  /** The stored frequency, or the one the dates show when none was stored. */
  frequency: Frequency | null;
  frequencyInferred: boolean;
}

export function seriesStats(points: readonly SeriesPoint[], storedFrequency: Frequency | null = null): SeriesStats {
  const frequency = storedFrequency ?? inferFrequency(points);
  const first = points[0] ?? null;
  const last = points[points.length - 1] ?? null;
  let min: SeriesPoint | null = null;
  let max: SeriesPoint | null = null;
  let sum = 0;
  for (const p of points) {
    if (!min || p.value < min.value) min = p;
    if (!max || p.value > max.value) max = p;
    sum += p.value;
  }
  const years = first && last ? (toDay(last.date) - toDay(first.date)) / YEAR_DAYS : 0;
  return {
    count: points.length,
    firstDate: first?.date ?? null,
    lastDate: last?.date ?? null,
    firstValue: first?.value ?? null,
    lastValue: last?.value ?? null,
    min,
    max,
    mean: points.length ? sum / points.length : null,
    totalChange: points.length >= 2 ? percentChange(first!.value, last!.value) : null,
    cagr: first && last && years >= 1 - 1e-9 ? cagr(first.value, last.value, years) : null,
    years,
    frequency,
    frequencyInferred: storedFrequency === null && frequency !== null,
    ...seriesChanges(points, frequency),
  };
}

/**
 * At most `max` points (≥ 4) for a chart, keeping the first and last points and every bucket's
 * lowest and highest point (so the series' extremes always survive), in date order.
 */
export function downsample<P extends SeriesPoint>(points: readonly P[], max = 200): P[] {
  if (max < 4) throw new RangeError("downsample needs max >= 4");
  if (points.length <= max) return points.slice();
  const interior = points.length - 2;
  const buckets = Math.floor((max - 2) / 2);
  const keep: number[] = [0];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * interior) / buckets);
    const end = 1 + Math.floor(((b + 1) * interior) / buckets);
    if (start >= end) continue;
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      if (points[i]!.value < points[lo]!.value) lo = i;
      if (points[i]!.value > points[hi]!.value) hi = i;
    }
    if (lo === hi) keep.push(lo);
    else keep.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  keep.push(points.length - 1);
  return keep.map((i) => points[i]!);
}
