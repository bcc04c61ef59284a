"use client";

import { BarChart } from "@tremor/react";
import { sentimentColors } from "@/app/_components/chart-theme";
import { formatNumber } from "@/app/_components/format";

export interface TrendRow {
  /** "Mar 2026". */
  month: string;
  negative: number;
  neither: number;
  positive: number;
}

const CATEGORIES = ["Negative", "Neither", "Positive"] as const;

/**
 * A theme's items per month, stacked negative / neither / positive. Assistive tech skips the
 * drawing and reads `summary`; the page shows the same numbers as a table too.
 */
export function ThemeTrendChart({ rows, summary }: { rows: TrendRow[]; summary: string }) {
  const data = rows.map((r) => ({ month: r.month, Negative: r.negative, Neither: r.neither, Positive: r.positive }));
  return (
    <div>
      <div aria-hidden="true">
        <BarChart
          className="h-72"
          data={data}
          index="month"
          categories={[...CATEGORIES]}
          colors={[sentimentColors.negative, sentimentColors.neutral, sentimentColors.positive]}
          stack
          allowDecimals={false}
          valueFormatter={(v) => formatNumber(v)}
          showAnimation={false}
          yAxisWidth={48}
          noDataText="No dated items yet"
        />
      </div>
      <p className="sr-only" data-testid="chart-summary">
        {summary}
      </p>
    </div>
  );
}
