/**
 * Display helpers for market series, shared by the server pages and the client charts:
 * values in their unit, periods by frequency, kind colours and the charts' text summaries.
 */
import { chartColors } from "@/app/_components/chart-theme";
import {
  formatCompact,
  formatCompactCurrency,
  formatCurrency,
  formatDate,
  formatNumber,
} from "@/app/_components/format";
import type { SeriesKind } from "@/lib/market/series";
import type { Frequency, SeriesStats } from "@/lib/market/stats";
import { unitFormat } from "@/lib/market/units";

/** One hue per kind (all in the Tailwind safelist), so a kind looks the same everywhere. */
export const KIND_COLOR: Record<SeriesKind, string> = {
  DEMAND: chartColors.primary,
  SALES: chartColors.positive,
  SIGNUPS: chartColors.secondary,
  TRAFFIC: chartColors.tertiary,
  SEARCH_INTEREST: chartColors.warning,
  PRICE: "indigo",
  COMPETITOR_PRICE: "rose",
  MARKET_SHARE: "teal",
};

export const FREQUENCY_LABEL: Record<Frequency, string> = {
  DAILY: "Daily",
  WEEKLY: "Weekly",
  MONTHLY: "Monthly",
  QUARTERLY: "Quarterly",
  YEARLY: "Yearly",
};

/**
 * A value in the series' unit. `compact` shortens large numbers for cards ("$12.4M");
 * small values keep their decimals (a $49.99 price, a 0.35 ratio).
 */
export function formatSeriesValue(value: number | null | undefined, unit: string | null, compact = false): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const f = unitFormat(unit);
  const abs = Math.abs(value);
  const digits = abs < 10 ? 2 : abs < 1000 ? 1 : 0;
  if (f.kind === "currency") {
    return compact && abs >= 10_000
      ? formatCompactCurrency(value, f.currency)
      : formatCurrency(value, f.currency, abs < 1000 ? 2 : 0);
  }
  if (f.kind === "percent") return `${formatNumber(value, 1)}%`;
  const n = compact && abs >= 10_000 ? formatCompact(value) : formatNumber(value, digits);
  return f.suffix ? `${n} ${f.suffix}` : n;
}

/** The period a point stands for: "Mar 7, 2025", "week of Mar 3, 2025", "Jan 2025", "Q1 2025", "2025". */
export function formatPeriod(date: string | null, frequency: Frequency | null): string {
  if (!date) return "—";
  const year = date.slice(0, 4);
  switch (frequency) {
    case "WEEKLY":
      return `week of ${formatDate(date, "medium")}`;
    case "MONTHLY":
      return formatDate(date, "month");
    case "QUARTERLY":
      return `Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1} ${year}`;
    case "YEARLY":
      return year;
    default:
      return formatDate(date, "medium");
  }
}

/** Short axis label for a point. */
export function formatAxisDate(date: string, frequency: Frequency | null): string {
  if (frequency === "MONTHLY" || frequency === "QUARTERLY" || frequency === "YEARLY") {
    return formatPeriod(date, frequency);
  }
  return formatDate(date, "medium");
}

/** A sentence describing a series' chart for screen readers, from its statistics. */
export function describeSeries(name: string, unit: string | null, stats: SeriesStats): string {
  if (stats.count === 0) return `${name}: no data points yet.`;
  const f = stats.frequency;
  const v = (x: number | null | undefined) => formatSeriesValue(x, unit);
  const latest = `latest ${v(stats.lastValue)} in ${formatPeriod(stats.lastDate, f)}`;
  if (stats.count === 1) return `${name}: one data point, ${latest}.`;
  const freq = f ? `${FREQUENCY_LABEL[f].toLowerCase()} ` : "";
  return (
    `${name}: ${formatNumber(stats.count)} ${freq}points from ${formatPeriod(stats.firstDate, f)} ` +
    `to ${formatPeriod(stats.lastDate, f)}, ranging from ${v(stats.min?.value)} (${formatPeriod(stats.min?.date ?? null, f)}) ` +
    `to ${v(stats.max?.value)} (${formatPeriod(stats.max?.date ?? null, f)}); ${latest}.`
  );
}
