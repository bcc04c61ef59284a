/**
 * npm run bench:forecast -- --train <csv> --test <csv> --horizon <h> [--season <m>]
 *
 * Forecasts every series of an M4-layout file (one series a row, id first) with the production
 * path (lib/forecast/auto.ts: automatic model choice, global neural model trained across the
 * file's series, intervals), scores the forecasts against the test file and prints one JSON line
 * last: {"series","smape","mase","owa","coverage80","coverage95","seconds"}.
 * OWA is relative to the last-value naive method, or, with --season m, to M4's Naive2 with that
 * season length (MASE then scales by the seasonal difference). `seconds` is the wall time of the
 * forecasting only (reading and scoring excluded).
 *
 * With --card, also writes the measurement to lib/forecast/model-card.json, which the Models page
 * shows (so the figures there are the ones this command produced).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { forecastCollection } from "../lib/forecast/auto.ts";
import { readSeriesCsv } from "../lib/forecast/data.ts";
import { average, coverage, mase, owa, smape } from "../lib/forecast/metrics.ts";
import { naive2Family, naiveFamily } from "../lib/forecast/naive.ts";

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const trainFile = opt("train");
const testFile = opt("test");
const horizon = Number(opt("horizon"));
const season = opt("season") ? Number(opt("season")) : undefined;
if (!trainFile || !testFile || !(horizon > 0) || (season !== undefined && !(season >= 1))) {
  console.error("usage: npm run bench:forecast -- --train <csv> --test <csv> --horizon <h> [--season <m>]");
  process.exit(2);
}
const writeCard = args.includes("--card");
const log = (s: string) => process.stderr.write(s + "\n");

const train = readSeriesCsv(trainFile);
const test = new Map(readSeriesCsv(testFile).map((s) => [s.id, s.values]));
const m = season ?? 1;

const t0 = performance.now();
const results = await forecastCollection(
  train.map((s) => ({ id: s.id, values: s.values, period: m, horizon })),
  { onProgress: (done, total) => done % 50 === 0 && log(`${done}/${total}`) },
);
const seconds = (performance.now() - t0) / 1000;

const benchmark = season ? naive2Family : naiveFamily;
const rows = results.map((r, i) => {
  const y = train[i].values;
  const actual = test.get(r.id)?.slice(0, horizon);
  if (!actual || actual.length < horizon) throw new Error(`${r.id}: the test file has fewer than ${horizon} values`);
  const base = benchmark.fit(y, { period: m }).forecast(horizon).mean;
  const f = r.forecast;
  return {
    method: r.method,
    smape: smape(actual, f.mean),
    mase: mase(y, actual, f.mean, m),
    smapeBase: smape(actual, base),
    maseBase: mase(y, actual, base, m),
    c80: coverage(actual, f.lo80, f.hi80),
    c95: coverage(actual, f.lo95, f.hi95),
  };
});
const mean = { smape: average(rows.map((r) => r.smape)), mase: average(rows.map((r) => r.mase)) };
const base = { smape: average(rows.map((r) => r.smapeBase)), mase: average(rows.map((r) => r.maseBase)) };
const methods = new Map<string, number>();
for (const r of rows) methods.set(r.method, (methods.get(r.method) ?? 0) + 1);
log(`methods: ${JSON.stringify(Object.fromEntries([...methods].sort((a, b) => b[1] - a[1])))}`);
log(`benchmark (${season ? "Naive2" : "naive"}): sMAPE ${base.smape.toFixed(3)}, MASE ${base.mase.toFixed(3)}`);
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const result = {
  series: rows.length,
  smape: r4(mean.smape),
  mase: r4(mean.mase),
  owa: r4(owa(mean, base)),
  coverage80: r4(average(rows.map((r) => r.c80))),
  coverage95: r4(average(rows.map((r) => r.c95))),
  seconds: Math.round(seconds * 100) / 100,
};
if (writeCard) {
  // Mean backtest MASE of every candidate over the series that had it: how the choice was made.
  const perKey = new Map<string, number[]>();
  for (const r of results)
    for (const c of r.backtest.candidates) perKey.set(c.key, [...(perKey.get(c.key) ?? []), c.mase]);
  const card = {
    dataset: path.basename(path.dirname(path.resolve(trainFile))) + "/" + path.basename(trainFile),
    horizon,
    season: season ?? null,
    benchmark: season ? "Naive2" : "naive",
    benchmarkScores: { smape: r4(base.smape), mase: r4(base.mase) },
    measuredAt: new Date().toISOString(),
    machine: `${os.availableParallelism()} cores, ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}`,
    result,
    chosen: Object.fromEntries(
      [...new Set(results.map((r) => r.key))].map((k) => [k, results.filter((r) => r.key === k).length]),
    ),
    backtestMase: Object.fromEntries([...perKey].map(([k, v]) => [k, r4(average(v.map((x) => Math.min(x, 10))))])),
  };
  fs.writeFileSync(
    path.join(import.meta.dirname, "../lib/forecast/model-card.json"),
    JSON.stringify(card, null, 2) + "\n",
  );
  log("wrote lib/forecast/model-card.json");
}
console.log(JSON.stringify(result));
