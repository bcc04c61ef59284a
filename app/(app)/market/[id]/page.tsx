import type { Metadata } from "next";
import { ColumnHeads } from "@/app/_components/column-heads";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache, type ReactNode } from "react";
import { z } from "zod";
import { RiArrowLeftLine } from "@remixicon/react";
import { buttonStyles } from "@/app/_components/button-styles";
import { cx } from "@/app/_components/cx";
import { formatDelta, formatNumber } from "@/app/_components/format";
import { PageHeader } from "@/app/_components/page-header";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import { isAppError } from "@/lib/errors";
import { getMarketSeries, SERIES_KIND_LABEL } from "@/lib/market/series";
import { downsample, percentChange } from "@/lib/market/stats";
import { getSessionWorkspace } from "@/lib/web/session";
import { ChangeChip } from "../change-chip";
import { describeSeries, FREQUENCY_LABEL, formatPeriod, formatSeriesValue, KIND_COLOR } from "../market-format";
import { SeriesChart } from "../series-chart";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;
/** The full-size chart draws at most this many points (extremes kept); the table has them all. */
const CHART_POINTS = 1000;

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
const querySchema = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).catch(1) });

/** The series for this request, or null when it is not in the current workspace (404). */
const loadSeries = cache(async (id: string) => {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const parsed = paramsSchema.safeParse({ id });
  if (!parsed.success) return null;
  try {
    return await getMarketSeries(s.ctx, parsed.data.id);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") return null;
    throw e;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const series = await loadSeries((await params).id);
  return { title: series ? `${series.name} · Market` : "Market" };
}

function Stat({ label, children, detail }: { label: string; children: ReactNode; detail?: ReactNode }) {
  return (
    <div className="rounded-tremor-default border border-tremor-border bg-tremor-background p-4 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card">
      <dt className="text-tremor-label font-medium text-tremor-content dark:text-dark-tremor-content">{label}</dt>
      <dd className="mt-1 text-tremor-title font-semibold tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong">
        {children}
      </dd>
      {detail ? (
        <dd className="mt-1 text-tremor-label text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
          {detail}
        </dd>
      ) : null}
    </div>
  );
}

const muted = "text-tremor-default font-normal text-tremor-content-subtle dark:text-dark-tremor-content-subtle";

export default async function MarketSeriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const series = await loadSeries((await params).id);
  if (!series) notFound();
  const { stats, unit } = series;
  const f = stats.frequency;
  const value = (v: number | null | undefined) => formatSeriesValue(v, unit);

  const pageCount = Math.max(1, Math.ceil(stats.count / PAGE_SIZE));
  const page = Math.min(querySchema.parse(await searchParams).page, pageCount);
  // Newest first; each row's change is against the point before it in time.
  const end = stats.count - (page - 1) * PAGE_SIZE;
  const rows = [];
  for (let i = end - 1; i >= Math.max(0, end - PAGE_SIZE); i--) {
    const p = series.points[i]!;
    const prior = series.points[i - 1];
    rows.push({ ...p, change: prior ? percentChange(prior.value, p.value) : null });
  }
  const pageHref = (n: number) => `/market/${series.id}${n > 1 ? `?page=${n}` : ""}`;
  const description = [SERIES_KIND_LABEL[series.kind], f ? FREQUENCY_LABEL[f] : null, unit ? `Unit: ${unit}` : null]
    .filter(Boolean)
    .join(" · ");

  return (
    <div className="space-y-8">
      <PageHeader
        title={series.name}
        description={
          <>
            {description}
            {stats.frequencyInferred ? " (frequency read from the dates)" : ""}
          </>
        }
        actions={
          <Link href="/market" className={buttonStyles("secondary")}>
            <RiArrowLeftLine aria-hidden="true" className="size-4" />
            All market data
          </Link>
        }
      />

      <section aria-labelledby="stats-heading" className="space-y-3">
        <h2 id="stats-heading" className="sr-only">
          Statistics
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Stat label="Latest value" detail={stats.count ? formatPeriod(stats.lastDate, f) : "No data points yet"}>
            {value(stats.lastValue)}
          </Stat>
          <Stat
            label="Change vs previous period"
            detail={
              stats.previousDate
                ? `${formatPeriod(stats.previousDate, f)}: ${value(series.points.at(-2)?.value)}`
                : undefined
            }
          >
            {stats.previous !== null ? (
              <ChangeChip value={stats.previous} label={`vs ${formatPeriod(stats.previousDate, f)}`} />
            ) : (
              <span className={muted}>
                {stats.previousDate
                  ? "Not defined from zero"
                  : stats.count > 1
                    ? "Previous period missing"
                    : "Needs two points"}
              </span>
            )}
          </Stat>
          <Stat
            label="Change vs a year earlier"
            detail={
              stats.yearAgoDate
                ? `${formatPeriod(stats.yearAgoDate, f)}: ${value(series.points.find((p) => p.date === stats.yearAgoDate)?.value)}`
                : undefined
            }
          >
            {stats.yearAgo !== null ? (
              <ChangeChip value={stats.yearAgo} label={`vs ${formatPeriod(stats.yearAgoDate, f)}`} />
            ) : (
              <span className={muted}>
                {stats.yearAgoDate ? "Not defined from zero" : "Less than a year of history"}
              </span>
            )}
          </Stat>
          <Stat
            label="Compound annual growth"
            detail={
              stats.cagr !== null
                ? `Over ${formatNumber(stats.years, 1)} years, ${formatPeriod(stats.firstDate, f)} to ${formatPeriod(stats.lastDate, f)}`
                : undefined
            }
          >
            {stats.cagr !== null ? (
              `${formatDelta(stats.cagr)} a year`
            ) : (
              <span className={muted}>
                {stats.years < 1 ? "Needs a year of history" : "Not defined for zero or negative values"}
              </span>
            )}
          </Stat>
          <Stat label="Lowest" detail={stats.min ? formatPeriod(stats.min.date, f) : undefined}>
            {value(stats.min?.value)}
          </Stat>
          <Stat label="Highest" detail={stats.max ? formatPeriod(stats.max.date, f) : undefined}>
            {value(stats.max?.value)}
          </Stat>
          <Stat label="Average" detail={stats.count ? `Mean of ${formatNumber(stats.count)} points` : undefined}>
            {value(stats.mean)}
          </Stat>
          <Stat
            label="Change over the history"
            detail={stats.count > 1 ? `${value(stats.firstValue)} in ${formatPeriod(stats.firstDate, f)}` : undefined}
          >
            {stats.totalChange !== null ? formatDelta(stats.totalChange) : <span className={muted}>—</span>}
          </Stat>
        </dl>
      </section>

      <section
        aria-labelledby="chart-heading"
        className="space-y-2 rounded-tremor-default border border-tremor-border bg-tremor-background p-4 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card"
      >
        <h2
          id="chart-heading"
          className="text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong"
        >
          History{" "}
          <span className="font-normal text-tremor-content dark:text-dark-tremor-content">
            {stats.count > CHART_POINTS
              ? `${formatNumber(CHART_POINTS)} of ${formatNumber(stats.count)} points drawn, highs and lows kept; the table lists all`
              : `${formatNumber(stats.count)} points`}
          </span>
        </h2>
        <SeriesChart
          name={series.name}
          points={downsample(series.points, CHART_POINTS)}
          unit={unit}
          frequency={f}
          color={KIND_COLOR[series.kind]}
          summary={describeSeries(series.name, unit, stats)}
        />
      </section>

      <section aria-labelledby="data-heading" className="space-y-2">
        <h2
          id="data-heading"
          className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
        >
          Data points
        </h2>
        {stats.count === 0 ? (
          <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">No data points yet.</p>
        ) : (
          <>
            <div className={tableFrame}>
              <table className="w-full text-left text-tremor-default" aria-label={`Data points of ${series.name}`}>
                <caption className="sr-only">
                  Newest first, page {page} of {pageCount}
                </caption>
                <thead className={tableHead}>
                  <ColumnHeads
                    columns={[
                      "Period",
                      { label: "Value", numeric: true },
                      { label: "Change vs the point before", numeric: true },
                    ]}
                    cellClassName="px-4 py-2"
                  />
                </thead>
                <tbody className={tableBody}>
                  {rows.map((r) => (
                    <tr key={r.date}>
                      <td className="whitespace-nowrap px-4 py-2 text-tremor-content-strong dark:text-dark-tremor-content-strong">
                        <time dateTime={r.date}>{formatPeriod(r.date, f)}</time>
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong">
                        {value(r.value)}
                      </td>
                      <td
                        className={cx(
                          "px-4 py-2 text-right tabular-nums",
                          r.change === null || Math.round(r.change * 1000) === 0
                            ? "text-tremor-content dark:text-dark-tremor-content"
                            : r.change > 0
                              ? "text-emerald-700 dark:text-emerald-400"
                              : "text-rose-700 dark:text-rose-400",
                        )}
                      >
                        {formatDelta(r.change)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {pageCount > 1 ? (
              <nav aria-label="Data point pages" className="flex items-center justify-between gap-3">
                {page > 1 ? (
                  <Link href={pageHref(page - 1)} className={buttonStyles("secondary", "sm")}>
                    Newer points
                  </Link>
                ) : (
                  <span />
                )}
                <span className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
                  Page {page} of {pageCount} · {formatNumber(stats.count)} points
                </span>
                {page < pageCount ? (
                  <Link href={pageHref(page + 1)} className={buttonStyles("secondary", "sm")}>
                    Older points
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
