"use client";

import { AreaChart, LineChart } from "@tremor/react";
import type { SeriesPoint, Frequency } from "@/lib/market/stats";
import { cx } from "@/app/_components/cx";
import { formatAxisDate, formatSeriesValue } from "./market-format";

export interface SeriesChartProps {
  /** Series name: the chart's category (and tooltip label). */
  name: string;
  points: SeriesPoint[];
  unit: string | null;
  frequency: Frequency | null;
  color: string;
  /** What a screen reader hears instead of the drawing. */
  summary: string;
  /** "card": a small chart without axes or tooltip; "full": axes, grid and tooltip. */
  size?: "card" | "full";
  className?: string;
}

/**
 * One series as an area chart. Assistive tech skips the drawing (recharts' SVG says nothing
 * useful) and reads a sentence with the range and latest value instead.
 */
export function SeriesChart({
  name,
  points,
  unit,
  frequency,
  color,
  summary,
  size = "full",
  className,
}: SeriesChartProps) {
  const data = points.map((p) => ({ date: formatAxisDate(p.date, frequency), [name]: p.value }));
  const card = size === "card";
  return (
    <div className={className}>
      <div aria-hidden="true">
        <AreaChart
          className={cx(card ? "h-28" : "h-72 sm:h-80")}
          data={data}
          index="date"
          categories={[name]}
          colors={[color]}
          valueFormatter={(v) => formatSeriesValue(v, unit, true)}
          showLegend={false}
          showAnimation={false}
          autoMinValue
          curveType="linear"
          connectNulls
          showYAxis={!card}
          yAxisWidth={card ? undefined : 80}
          showGridLines={!card}
          showTooltip={!card}
          startEndOnly={card}
          noDataText="No data points yet"
        />
      </div>
      <p className="sr-only" data-testid="chart-summary">
        {summary}
      </p>
    </div>
  );
}

export interface OverlayChartProps {
  series: { name: string; points: SeriesPoint[] }[];
  unit: string | null;
  frequency: Frequency | null;
  colors: string[];
  summary: string;
  className?: string;
}

/** Several series of one unit on one chart (e.g. our price against competitors'). */
export function OverlayChart({ series, unit, frequency, colors, summary, className }: OverlayChartProps) {
  const byDate = new Map<string, Record<string, number | string>>();
  for (const s of series) {
    for (const p of s.points) {
      const row = byDate.get(p.date) ?? { date: formatAxisDate(p.date, frequency) };
      row[s.name] = p.value;
      byDate.set(p.date, row);
    }
  }
  const data = [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  return (
    <div className={className}>
      <div aria-hidden="true">
        <LineChart
          className="h-72"
          data={data}
          index="date"
          categories={series.map((s) => s.name)}
          colors={colors}
          valueFormatter={(v) => formatSeriesValue(v, unit, true)}
          showAnimation={false}
          autoMinValue
          connectNulls
          yAxisWidth={80}
        />
      </div>
      <p className="sr-only" data-testid="chart-summary">
        {summary}
      </p>
    </div>
  );
}
