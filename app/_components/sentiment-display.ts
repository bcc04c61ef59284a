/**
 * Display helpers for sentiment figures, shared by the Feedback insights, the Overview and the
 * model card (server pages and client charts): series order and colours, signed numbers, period
 * labels and links down to the explorer.
 */
import { sentimentColors } from "./chart-theme";
import { formatDate, formatNumber } from "./format";
import { toSearchParams, type FeedbackQuery, type SentimentLabelName } from "@/lib/feedback/query";

export const SENTIMENT_KEYS = ["negative", "neutral", "positive"] as const;
export type SentimentKey = (typeof SENTIMENT_KEYS)[number];

export const SENTIMENT_NAME: Record<SentimentKey, string> = {
  negative: "Negative",
  neutral: "Neutral",
  positive: "Positive",
};

export const SENTIMENT_LABEL: Record<SentimentKey, SentimentLabelName> = {
  negative: "NEGATIVE",
  neutral: "NEUTRAL",
  positive: "POSITIVE",
};

/** Chart colours (Tailwind palette names, safelisted), in SENTIMENT_KEYS order. */
export const SENTIMENT_CHART_COLORS: string[] = SENTIMENT_KEYS.map((k) => sentimentColors[k]);

/** Solid fills for HTML bars and legend dots, light and dark. */
export const SENTIMENT_FILL: Record<SentimentKey, string> = {
  negative: "bg-rose-500 dark:bg-rose-400",
  neutral: "bg-slate-400 dark:bg-slate-500",
  positive: "bg-emerald-500 dark:bg-emerald-400",
};

/** "+16.7", "−25", "0": a figure whose sign matters (net sentiment, NPS, mean score). */
export function formatSigned(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const text = formatNumber(Math.abs(value), digits);
  if (text === formatNumber(0, digits)) return text;
  return `${value > 0 ? "+" : "−"}${text}`;
}

/** The tone of a signed figure, for colour (always shown with its sign as well). */
export function signedTone(value: number | null | undefined): string {
  if (value === null || value === undefined || Math.abs(value) < 1e-9) {
    return "text-tremor-content-strong dark:text-dark-tremor-content-strong";
  }
  return value > 0 ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-400";
}

/** A week or month by its first day: "Jan 2026", "Week of Jan 5, 2026". */
export function formatInsightPeriod(day: string, interval: "week" | "month", style: "long" | "axis" = "long"): string {
  if (interval === "month") return formatDate(day, "month");
  return style === "axis" ? formatDate(day, "short") : `Week of ${formatDate(day, "medium")}`;
}

/** The explorer, filtered: `/feedback?channel=Email&sentiment=NEGATIVE`. */
export function explorerHref(filters: Partial<FeedbackQuery>): string {
  const s = toSearchParams(filters).toString();
  return s ? `/feedback?${s}` : "/feedback";
}

interface Counts {
  negative: number;
  neutral: number;
  positive: number;
}

const countWords = (c: Counts) =>
  `${formatNumber(c.negative)} negative, ${formatNumber(c.neutral)} neutral, ${formatNumber(c.positive)} positive`;

/** A sentence for screen readers: the range, the totals and the latest period. */
export function describeTrend(points: (Counts & { period: string })[], interval: "week" | "month"): string {
  if (!points.length) return "No scored feedback in this period.";
  const noun = interval === "month" ? "month" : "week";
  const total = points.reduce(
    (t, p) => ({
      negative: t.negative + p.negative,
      neutral: t.neutral + p.neutral,
      positive: t.positive + p.positive,
    }),
    { negative: 0, neutral: 0, positive: 0 },
  );
  const first = formatInsightPeriod(points[0]!.period, interval);
  const last = points.at(-1)!;
  return (
    `Scored feedback per ${noun}, ${points.length} ${noun}${points.length === 1 ? "" : "s"} from ${first} to ` +
    `${formatInsightPeriod(last.period, interval)}: ${countWords(total)} in all; latest ${noun}: ${countWords(last)}.`
  );
}
