import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { RiGlobalLine } from "@remixicon/react";
import { buttonStyles } from "@/app/_components/button-styles";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { can } from "@/lib/auth/roles";
import { listMarketSeries, listMarketSizes, type MarketSeriesSummary, type SeriesKind } from "@/lib/market/series";
import { unitFormat } from "@/lib/market/units";
import { getSessionWorkspace } from "@/lib/web/session";
import { FREQUENCY_LABEL, formatPeriod } from "./market-format";
import { MarketSizeSection } from "./market-size";
import { SeriesCard } from "./series-card";
import { OverlayChart } from "./series-chart";

export const metadata: Metadata = { title: "Market" };
export const dynamic = "force-dynamic";

/** Sections of the page, in order; prices and competitor prices share one. */
const GROUPS: { id: string; title: string; kinds: SeriesKind[] }[] = [
  { id: "demand", title: "Demand", kinds: ["DEMAND"] },
  { id: "sales", title: "Sales", kinds: ["SALES"] },
  { id: "signups", title: "Sign-ups", kinds: ["SIGNUPS"] },
  { id: "traffic", title: "Web traffic", kinds: ["TRAFFIC"] },
  { id: "search", title: "Search interest", kinds: ["SEARCH_INTEREST"] },
  { id: "prices", title: "Prices & competitor prices", kinds: ["PRICE", "COMPETITOR_PRICE"] },
  { id: "share", title: "Market share", kinds: ["MARKET_SHARE"] },
];

const headingClass = "text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong";

/**
 * Price series drawn together when at least two share a unit (and so an axis): the largest
 * such set, our prices first.
 */
function priceOverlay(series: MarketSeriesSummary[]) {
  const drawable = series.filter((s) => s.stats.count > 1);
  const byUnit = new Map<string, MarketSeriesSummary[]>();
  for (const s of drawable) {
    const f = unitFormat(s.unit);
    const key = f.kind === "currency" ? f.currency : (s.unit ?? "");
    byUnit.set(key, [...(byUnit.get(key) ?? []), s]);
  }
  const best = [...byUnit.values()].sort((a, b) => b.length - a.length)[0];
  if (!best || best.length < 2) return null;
  const frequencies = new Set(best.map((s) => s.stats.frequency));
  const frequency = frequencies.size === 1 ? best[0]!.stats.frequency : null;
  const first = best.map((s) => s.stats.firstDate!).sort()[0]!;
  const last = best
    .map((s) => s.stats.lastDate!)
    .sort()
    .at(-1)!;
  return {
    series: best,
    unit: best[0]!.unit,
    frequency,
    summary:
      `${best.length} price series from ${formatPeriod(first, frequency)} to ${formatPeriod(last, frequency)}: ` +
      best.map((s) => s.name).join(", ") +
      ". Each series' own card and page give its values.",
  };
}

/** Our prices in cool hues, competitors' in warm ones; the first of each matches its cards. */
const OWN_PRICE_COLORS = ["indigo", "sky", "violet", "teal"];
const COMPETITOR_COLORS = ["rose", "amber", "fuchsia", "orange"];

function overlayColors(series: MarketSeriesSummary[]): string[] {
  let own = 0;
  let other = 0;
  return series.map((s) =>
    s.kind === "PRICE"
      ? OWN_PRICE_COLORS[own++ % OWN_PRICE_COLORS.length]!
      : COMPETITOR_COLORS[other++ % COMPETITOR_COLORS.length]!,
  );
}

export default async function MarketPage() {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const [series, sizes] = await Promise.all([listMarketSeries(s.ctx), listMarketSizes(s.ctx)]);
  const canImport = can(s.ctx.role, "data.write");
  const importLink = canImport ? (
    <Link href="/market/import" className={buttonStyles("primary")}>
      Import market data
    </Link>
  ) : null;
  const groups = GROUPS.map((g) => ({ ...g, series: series.filter((x) => g.kinds.includes(x.kind)) })).filter(
    (g) => g.series.length > 0,
  );

  return (
    <div className="space-y-8">
      <PageHeader
        title="Market"
        description="Market size and demand signals over time for the segments you sell into."
        actions={series.length || sizes.values.length ? importLink : null}
      />
      {series.length === 0 && sizes.values.length === 0 ? (
        <EmptyState
          icon={RiGlobalLine}
          title="No market data yet"
          description="Import time series such as monthly category revenue, search interest or competitor pricing, plus TAM, SAM and SOM estimates. Every series is charted and forecast automatically."
          highlights={[
            "TAM, SAM and SOM with sources and dates",
            "Each series charted with growth rates",
            "Trend and seasonality at a glance",
            "Series feed forecasts and opportunity scores",
          ]}
          primaryAction={{ label: "Import market data", href: "/market/import" }}
          secondaryAction={{ label: "Import feedback", href: "/feedback" }}
        />
      ) : (
        <>
          {sizes.latest.length ? (
            <MarketSizeSection sizes={sizes} />
          ) : (
            <p className="rounded-tremor-default border border-dashed border-tremor-border px-4 py-3 text-tremor-default text-tremor-content dark:border-dark-tremor-border dark:text-dark-tremor-content">
              No market size estimates yet. Import TAM, SAM and SOM by year to see them here.
            </p>
          )}
          {groups.length > 1 ? (
            <nav aria-label="Series kinds" className="flex flex-wrap gap-2">
              {groups.map((g) => (
                <a key={g.id} href={`#${g.id}`} className={buttonStyles("secondary", "sm")}>
                  {g.title}
                  <span className="tabular-nums text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                    {g.series.length}
                  </span>
                </a>
              ))}
            </nav>
          ) : null}
          {series.length === 0 ? (
            <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">
              No time series yet. Import demand, sales, traffic or price series to chart them here.
            </p>
          ) : null}
          {groups.map((g) => {
            const overlay = g.id === "prices" ? priceOverlay(g.series) : null;
            return (
              <section key={g.id} id={g.id} aria-labelledby={`${g.id}-heading`} className="scroll-mt-6 space-y-4">
                <h2 id={`${g.id}-heading`} className={headingClass}>
                  {g.title}{" "}
                  <span className="text-tremor-default font-normal text-tremor-content dark:text-dark-tremor-content">
                    {g.series.length} series
                  </span>
                </h2>
                {overlay ? (
                  <figure className="rounded-tremor-default border border-tremor-border bg-tremor-background p-4 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card">
                    <figcaption className="mb-2 text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
                      Prices compared{overlay.unit ? ` (${overlay.unit})` : ""}
                      {overlay.frequency ? (
                        <span className="font-normal text-tremor-content dark:text-dark-tremor-content">
                          {" "}
                          · {FREQUENCY_LABEL[overlay.frequency]}
                        </span>
                      ) : null}
                    </figcaption>
                    <OverlayChart
                      series={overlay.series.map((x) => ({ name: x.name, points: x.points }))}
                      unit={overlay.unit}
                      frequency={overlay.frequency}
                      colors={overlayColors(overlay.series)}
                      summary={overlay.summary}
                    />
                  </figure>
                ) : null}
                <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
                  {g.series.map((x) => (
                    <SeriesCard key={x.id} series={x} />
                  ))}
                </div>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
