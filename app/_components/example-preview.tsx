"use client";

import { AreaChart, BarList } from "@tremor/react";
import { chartColors } from "./chart-theme";
import { formatNumber } from "./format";

// Illustrative only: never shown as real figures. Labelled "Example" everywhere it renders.
const exampleDemand = [
  { month: "Jan", Actual: 420, Forecast: null },
  { month: "Feb", Actual: 465, Forecast: null },
  { month: "Mar", Actual: 510, Forecast: null },
  { month: "Apr", Actual: 498, Forecast: null },
  { month: "May", Actual: 560, Forecast: 560 },
  { month: "Jun", Actual: null, Forecast: 602 },
  { month: "Jul", Actual: null, Forecast: 641 },
  { month: "Aug", Actual: null, Forecast: 675 },
];

const exampleOpportunities = [
  { name: "Faster bulk CSV import", value: 86 },
  { name: "Native Slack alerts", value: 74 },
  { name: "Usage-based pricing tier", value: 61 },
  { name: "SSO for small teams", value: 48 },
];

/** A labelled, obviously-illustrative preview of the Overview charts for empty workspaces. */
export function ExamplePreview() {
  return (
    <figure className="rounded-tremor-default border border-dashed border-tremor-border bg-tremor-background-muted p-4 text-left sm:p-6 dark:border-dark-tremor-border dark:bg-dark-tremor-background-muted">
      <div className="mb-4 flex items-center justify-between gap-3">
        <p className="text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
          Preview
        </p>
        <span className="rounded-tremor-small bg-amber-50 px-2 py-0.5 text-tremor-label font-semibold uppercase tracking-wide text-amber-800 ring-1 ring-inset ring-amber-600/30 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/30">
          Example data
        </span>
      </div>
      <div aria-hidden="true" className="grid gap-6 lg:grid-cols-2">
        <div>
          <p className="text-tremor-label font-medium text-tremor-content dark:text-dark-tremor-content">
            Demand forecast (example)
          </p>
          <AreaChart
            className="mt-2 h-40"
            data={exampleDemand}
            index="month"
            categories={["Actual", "Forecast"]}
            colors={[chartColors.primary, chartColors.secondary]}
            valueFormatter={(value) => formatNumber(value)}
            showYAxis={false}
            showAnimation={false}
            showTooltip={false}
            autoMinValue
            curveType="monotone"
          />
        </div>
        <div>
          <p className="text-tremor-label font-medium text-tremor-content dark:text-dark-tremor-content">
            Top opportunities by score (example)
          </p>
          {/* Shapes only: invented scores are not printed, even as an example. */}
          <BarList className="mt-3" data={exampleOpportunities} color={chartColors.primary} valueFormatter={() => ""} />
        </div>
      </div>
      <figcaption className="mt-4 text-center text-tremor-label text-tremor-content dark:text-dark-tremor-content">
        Example — your data will replace this
      </figcaption>
    </figure>
  );
}
