/**
 * Semantic colours for Tremor charts. Values are Tailwind palette names that the
 * tailwind.config.ts safelist generates, so charts never fall back to grey.
 */
export const chartColors = {
  primary: "indigo",
  secondary: "violet",
  tertiary: "sky",
  positive: "emerald",
  negative: "rose",
  warning: "amber",
  neutral: "slate",
  forecast: "indigo",
  interval80: "violet",
  interval95: "fuchsia",
} as const;

export type ChartColorRole = keyof typeof chartColors;
export type ChartColor = (typeof chartColors)[ChartColorRole];

/** Sentiment buckets, in display order. */
export const sentimentColors = {
  positive: chartColors.positive,
  neutral: chartColors.neutral,
  negative: chartColors.negative,
} as const;

/** Risk severity, lowest to highest. */
export const severityColors = {
  low: "emerald",
  medium: "amber",
  high: "orange",
  critical: "rose",
} as const;

/** Default multi-series order: distinct hues first, brand first. */
export const seriesPalette: readonly string[] = [
  "indigo",
  "emerald",
  "amber",
  "sky",
  "rose",
  "violet",
  "teal",
  "fuchsia",
];
