import { formatCompactCurrency, formatCurrency, formatPercent } from "@/app/_components/format";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import { MARKET_SIZE_LEVELS, type MarketSizeLatest, type MarketSizes } from "@/lib/market/series";
import { ChangeChip } from "./change-chip";

const LEVEL_NAME = {
  TAM: "Total addressable market",
  SAM: "Serviceable addressable market",
  SOM: "Serviceable obtainable market",
} as const;

const PARENT = { TAM: null, SAM: "TAM", SOM: "SAM" } as const;

/** Fills of the nested bar, outermost first (brand tints; the inner ones darker). */
const LEVEL_FILL = {
  TAM: "bg-brand-100 ring-1 ring-inset ring-brand-200 dark:bg-brand-950 dark:ring-brand-900",
  SAM: "bg-brand-300 dark:bg-brand-700",
  SOM: "bg-brand-600 dark:bg-brand-400",
} as const;

function SizeCard({ size }: { size: MarketSizeLatest }) {
  const parent = PARENT[size.level];
  return (
    <div
      data-testid="market-size-card"
      className="flex flex-col gap-2 rounded-tremor-default border border-tremor-border bg-tremor-background p-4 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card"
    >
      <div className="flex items-center gap-2">
        <span aria-hidden="true" className={`size-3 rounded-full ${LEVEL_FILL[size.level]}`} />
        <h3 className="text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
          {size.level}{" "}
          <span className="font-normal text-tremor-content dark:text-dark-tremor-content">
            {LEVEL_NAME[size.level]}
          </span>
        </h3>
      </div>
      <p
        className="text-tremor-metric font-semibold tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong"
        title={formatCurrency(size.value, size.currency)}
      >
        {formatCompactCurrency(size.value, size.currency)}
      </p>
      <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
        {size.year} · {size.source ? `Source: ${size.source}` : "No source given"}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {size.change !== null && size.previousYear !== null ? (
          <ChangeChip value={size.change} label={`vs ${size.previousYear}`} />
        ) : null}
        {parent && size.shareOfParent !== null ? (
          <span className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
            {formatPercent(size.shareOfParent)} of {parent}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** TAM ⊃ SAM ⊃ SOM as nested fills of one bar, each as wide as its share of TAM. */
function NestedBar({ latest }: { latest: MarketSizeLatest[] }) {
  const tam = latest.find((l) => l.level === "TAM");
  if (!tam || tam.value <= 0) return null;
  const inner = latest.filter(
    (l) => l.level !== "TAM" && l.year === tam.year && l.currency === tam.currency && l.value >= 0,
  );
  if (!inner.length) return null;
  const share = (v: number) => Math.min(1, v / tam.value);
  const summary = [
    `In ${tam.year}:`,
    ...inner.map((l) => `${l.level} is ${formatPercent(share(l.value), 2)} of TAM`),
  ].join(" ");
  return (
    <figure className="space-y-2">
      <div
        role="img"
        aria-label={summary}
        className={`relative h-8 overflow-hidden rounded-tremor-default ${LEVEL_FILL.TAM}`}
      >
        {inner.map((l) => (
          <div
            key={l.level}
            className={`absolute inset-y-0 left-0 min-w-1.5 rounded-tremor-default ${LEVEL_FILL[l.level]}`}
            style={{ width: `${share(l.value) * 100}%` }}
          />
        ))}
      </div>
      <figcaption className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
        {tam.year}, each bar as wide as its share of TAM:{" "}
        {inner.map((l) => `${l.level} ${formatPercent(share(l.value), 2)}`).join(" · ")}
      </figcaption>
    </figure>
  );
}

export function MarketSizeSection({ sizes }: { sizes: MarketSizes }) {
  const years = [...new Set(sizes.values.map((v) => v.year))].sort((a, b) => b - a);
  return (
    <section aria-labelledby="market-size-heading" className="space-y-4">
      <div>
        <h2
          id="market-size-heading"
          className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
        >
          Market size
        </h2>
        <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">
          The latest estimate of each level: TAM ⊃ SAM ⊃ SOM.
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        {sizes.latest.map((l) => (
          <SizeCard key={l.level} size={l} />
        ))}
      </div>
      <NestedBar latest={sizes.latest} />
      {years.length > 1 ? (
        <details className="group">
          <summary className="cursor-pointer text-tremor-default font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand">
            All estimates ({years.length} years)
          </summary>
          <div className={`${tableFrame} mt-2`}>
            <table className="w-full text-left text-tremor-default" aria-label="Market size by year">
              <thead className={tableHead}>
                <tr>
                  <th className="px-4 py-2 font-medium">Year</th>
                  {MARKET_SIZE_LEVELS.map((level) => (
                    <th key={level} className="px-4 py-2 text-right font-medium">
                      {level}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className={tableBody}>
                {years.map((year) => (
                  <tr key={year}>
                    <th
                      scope="row"
                      className="px-4 py-2 font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong"
                    >
                      {year}
                    </th>
                    {MARKET_SIZE_LEVELS.map((level) => {
                      const v = sizes.values.find((x) => x.year === year && x.level === level);
                      return (
                        <td
                          key={level}
                          className="px-4 py-2 text-right tabular-nums text-tremor-content dark:text-dark-tremor-content"
                          title={v?.source ?? undefined}
                        >
                          {v ? formatCompactCurrency(v.value, v.currency) : "—"}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
