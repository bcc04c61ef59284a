import Link from "next/link";
import { SERIES_KIND_LABEL, type MarketSeriesSummary } from "@/lib/market/series";
import { downsample } from "@/lib/market/stats";
import { ChangeChip } from "./change-chip";
import { describeSeries, FREQUENCY_LABEL, formatPeriod, formatSeriesValue, KIND_COLOR } from "./market-format";
import { SeriesChart } from "./series-chart";

/** A card's chart is ~300px wide: 100 points (extremes kept) draw the same line as 200. */
const CARD_POINTS = 100;

export function FrequencyBadge({ stats }: { stats: MarketSeriesSummary["stats"] }) {
  if (!stats.frequency) return null;
  return (
    <span
      title={stats.frequencyInferred ? "Frequency read from the dates" : undefined}
      className="inline-flex shrink-0 items-center rounded-tremor-small bg-tremor-background-subtle px-1.5 py-0.5 text-tremor-label font-medium text-tremor-content-emphasis dark:bg-dark-tremor-background-subtle dark:text-dark-tremor-content-emphasis"
    >
      {FREQUENCY_LABEL[stats.frequency]}
    </span>
  );
}

/** The two standard comparisons of a series' latest point, as chips. */
export function SeriesChanges({ stats }: { stats: MarketSeriesSummary["stats"] }) {
  const f = stats.frequency;
  const chips = [
    stats.previous !== null && stats.previousDate
      ? { key: "previous", value: stats.previous, label: `vs ${formatPeriod(stats.previousDate, f)}` }
      : null,
    stats.yearAgo !== null && stats.yearAgoDate && f !== "YEARLY"
      ? { key: "year", value: stats.yearAgo, label: `vs ${formatPeriod(stats.yearAgoDate, f)}` }
      : null,
  ].filter((c) => c !== null);
  if (!chips.length) return null;
  return (
    <div className="flex flex-wrap gap-1.5">
      {chips.map((c) => (
        <ChangeChip key={c.key} value={c.value} label={c.label} />
      ))}
    </div>
  );
}

export function SeriesCard({ series }: { series: MarketSeriesSummary }) {
  const { stats } = series;
  const headingId = `series-${series.id}`;
  return (
    <article
      aria-labelledby={headingId}
      data-testid="series-card"
      className="relative flex flex-col gap-3 rounded-tremor-default border border-tremor-border bg-tremor-background p-4 shadow-tremor-card transition-colors hover:border-tremor-brand-muted dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card dark:hover:border-dark-tremor-brand-muted"
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h3
            id={headingId}
            className="truncate text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
          >
            {/* The link covers the whole card (after:inset-0): one tab stop per card. */}
            <Link
              href={`/market/${series.id}`}
              className="after:absolute after:inset-0 after:rounded-tremor-default focus-visible:outline-none focus-visible:after:outline focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-brand-600 dark:focus-visible:after:outline-brand-400"
            >
              {series.name}
            </Link>
          </h3>
          <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
            {SERIES_KIND_LABEL[series.kind]}
            {series.unit ? ` · ${series.unit}` : ""}
          </p>
        </div>
        <FrequencyBadge stats={stats} />
      </div>
      <div>
        <p
          className="text-2xl font-semibold tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong"
          data-testid="series-latest"
        >
          {formatSeriesValue(stats.lastValue, series.unit, true)}
        </p>
        <p className="text-tremor-label text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
          {stats.count
            ? `Latest: ${formatPeriod(stats.lastDate, stats.frequency)} · ${stats.count.toLocaleString("en-US")} points`
            : "No data points yet"}
        </p>
      </div>
      <SeriesChanges stats={stats} />
      {stats.count > 1 ? (
        <SeriesChart
          size="card"
          className="mt-auto"
          name={series.name}
          points={downsample(series.points, CARD_POINTS)}
          unit={series.unit}
          frequency={stats.frequency}
          color={KIND_COLOR[series.kind]}
          summary={describeSeries(series.name, series.unit, stats)}
        />
      ) : null}
    </article>
  );
}
