/** The forecasting model card: how the production path works and how it measured (lib/forecast/model-card.ts). */
import Link from "next/link";
import { cx } from "@/app/_components/cx";
import { formatDate, formatNumber, formatPercent } from "@/app/_components/format";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import { CANDIDATE_LABEL, type ForecastBenchmark } from "@/lib/forecast/model-card";

const card =
  "space-y-5 rounded-tremor-default border border-tremor-border bg-tremor-background p-5 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card";
const h2 = "text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong";
const text = "text-tremor-default text-tremor-content dark:text-dark-tremor-content";
const label = (k: string) => CANDIDATE_LABEL[k] ?? k;

export function ForecastSection({ bench }: { bench: ForecastBenchmark | null }) {
  return (
    <section aria-labelledby="forecast-heading" className={card} data-testid="forecast-model-card">
      <div className="space-y-2">
        <h2 id="forecast-heading" className={h2}>
          Forecasting models
        </h2>
        <p className={cx(text, "max-w-3xl")}>
          Every market series is forecast by the model that did best in a backtest: the last one to three forecast
          horizons of each history are hidden, every candidate forecasts them, and the errors decide. Candidates: a
          neural network (an MLP trained with TensorFlow.js across all of a workspace&apos;s series of one frequency, on
          normalised windows), ETS exponential smoothing chosen automatically as R&apos;s forecast package does, ARIMA
          (R&apos;s automatic search, on workspaces of up to 20,000 observations), Theta, harmonic regression for daily
          data with weekly and yearly seasons, Croston for intermittent demand, naive baselines, and the average of the
          non-baseline models. The model that is best across a workspace&apos;s series is used for each of them unless a
          series&apos; own backtest clearly favours another. The 80% and 95% intervals come from the backtest errors
          (conformal), or from the model when there are too few.{" "}
          <Link href="/forecasts" className="text-tremor-brand underline-offset-2 hover:underline">
            Each forecast shows its own backtest.
          </Link>
        </p>
      </div>
      {bench ? (
        <div className="space-y-4">
          <p className={text}>
            Measured on public data: {formatNumber(bench.result.series)} series of {bench.dataset}, {bench.horizon}{" "}
            steps ahead, on {formatDate(bench.measuredAt, "long")} ({bench.machine}), by{" "}
            <code className="text-tremor-label">npm run bench:forecast</code>. OWA compares with the {bench.benchmark}{" "}
            forecast (1 = as good as it; lower is better).
          </p>
          <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Benchmark results">
            {[
              ["OWA", bench.result.owa.toFixed(3)],
              ["sMAPE", `${bench.result.smape.toFixed(2)}%`],
              ["MASE", bench.result.mase.toFixed(3)],
              ["80% interval coverage", formatPercent(bench.result.coverage80)],
              ["95% interval coverage", formatPercent(bench.result.coverage95)],
              ["Time, all series", `${bench.result.seconds.toFixed(1)} s`],
            ].map(([k, v]) => (
              <div
                key={k}
                className="rounded-tremor-small bg-tremor-background-muted p-3 dark:bg-dark-tremor-background-muted"
              >
                <dt className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">{k}</dt>
                <dd className="mt-0.5 font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
                  {v}
                </dd>
              </div>
            ))}
          </dl>
          <div className={tableFrame}>
            <table className="w-full text-left">
              <caption className="sr-only">Backtest error of each candidate across the benchmark series</caption>
              <thead className={tableHead}>
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Candidate
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Mean backtest MASE
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Series where chosen
                  </th>
                </tr>
              </thead>
              <tbody className={tableBody}>
                {Object.entries(bench.backtestMase)
                  .sort((a, b) => a[1] - b[1])
                  .map(([k, mase]) => (
                    <tr key={k}>
                      <th scope="row" className="px-3 py-2 font-medium">
                        {label(k)}
                      </th>
                      <td className="px-3 py-2 text-right tabular-nums">{mase.toFixed(3)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatNumber(bench.chosen[k] ?? 0)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : (
        <p className={text}>
          No benchmark measurement is stored with this version, so none is shown. Run{" "}
          <code className="text-tremor-label">npm run bench:forecast -- --train … --test … --horizon … --card</code> to
          measure it.
        </p>
      )}
    </section>
  );
}
