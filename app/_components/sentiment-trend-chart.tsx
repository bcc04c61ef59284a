"use client";

import { AreaChart } from "@tremor/react";
import { cx } from "./cx";
import { formatNumber } from "./format";
import {
  formatInsightPeriod,
  SENTIMENT_CHART_COLORS,
  SENTIMENT_FILL,
  SENTIMENT_KEYS,
  SENTIMENT_NAME,
} from "./sentiment-display";

export interface TrendPoint {
  /** First day of the week or month, YYYY-MM-DD. */
  period: string;
  negative: number;
  neutral: number;
  positive: number;
}

export interface SentimentTrendChartProps {
  points: TrendPoint[];
  interval: "week" | "month";
  /** What a screen reader hears instead of the drawing. */
  summary: string;
  /** "mini": a small chart without axes or legend (Overview); "full": axes, legend and tooltip. */
  size?: "mini" | "full";
  className?: string;
}

const CATEGORIES = SENTIMENT_KEYS.map((k) => SENTIMENT_NAME[k]);

/**
 * Scored items per week or month, stacked negative / neutral / positive. The drawing is hidden
 * from assistive tech (recharts' SVG says nothing useful); `summary` is read instead, and the
 * pages offer the same figures as a table.
 */
export function SentimentTrendChart({ points, interval, summary, size = "full", className }: SentimentTrendChartProps) {
  const mini = size === "mini";
  const data = points.map((p) => ({
    period: formatInsightPeriod(p.period, interval, "axis"),
    [SENTIMENT_NAME.negative]: p.negative,
    [SENTIMENT_NAME.neutral]: p.neutral,
    [SENTIMENT_NAME.positive]: p.positive,
  }));
  return (
    <div className={className}>
      <div aria-hidden="true">
        <AreaChart
          className={cx(mini ? "h-32" : "h-72")}
          data={data}
          index="period"
          categories={CATEGORIES}
          colors={SENTIMENT_CHART_COLORS}
          stack
          valueFormatter={(v) => formatNumber(v)}
          allowDecimals={false}
          showAnimation={false}
          curveType="monotone"
          showLegend={!mini}
          showYAxis={!mini}
          yAxisWidth={mini ? undefined : 48}
          showGridLines={!mini}
          showTooltip={!mini}
          startEndOnly={mini}
          intervalType="preserveStartEnd"
          noDataText="No scored feedback in this period"
        />
      </div>
      {mini ? (
        <ul
          aria-hidden="true"
          className="mt-2 flex flex-wrap gap-3 text-tremor-label text-tremor-content dark:text-dark-tremor-content"
        >
          {SENTIMENT_KEYS.map((k) => (
            <li key={k} className="flex items-center gap-1.5">
              <span className={cx("size-2 rounded-full", SENTIMENT_FILL[k])} />
              {SENTIMENT_NAME[k]}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="sr-only" data-testid="chart-summary">
        {summary}
      </p>
    </div>
  );
}
