/**
 * The production forecasting path: every series of a collection (a workspace's market series of
 * one frequency, or a benchmark file) gets an automatically chosen model, its forecast and 80/95%
 * intervals, with the backtest that chose it.
 *
 * 1. Backtest origins: the last 1–3 multiples of h before the end (see `origins`; fewer for short
 *    series).
 * 2. One global neural model (nn.ts) is trained across the collection in a worker thread, on
 *    windows that end before each series' first origin, while this thread fits the local
 *    families (naive/seasonal naive, ETS, ARIMA, Theta, Croston for intermittent series) at every
 *    origin and on the full history.
 * 3. Candidates = the families plus their combination (mean of the non-baseline forecasts),
 *    ranked by mean backtest MASE across the collection. Each series takes the collection's best
 *    (selected on many series' errors, far steadier than one series' few), unless its own
 *    backtest over at least 2 windows shows another candidate 25% better (`choose`).
 * 4. Intervals: split-conformal from the collection's backtest errors of the chosen candidate,
 *    scaled per series (|error| / MASE scale, pooled per horizon step); where fewer than
 *    MIN_CONFORMAL errors exist, the widths of the best model that has its own intervals.
 */
import os from "node:os";
import { runInThread } from "../ml/thread.ts";
import { cleanOutliers } from "./clean.ts";
import { maseScale, smape } from "./metrics.ts";
import { localFamilies } from "./families.ts";
import {
  minNetInput,
  netForecast,
  transformFor,
  trainGlobalNet,
  type NetSpec,
  type NetWeights,
  type TrainNetInput,
} from "./nn.ts";
import type { Forecast } from "./types.ts";

export interface SeriesToForecast {
  id: string;
  /** Observations, oldest first, equally spaced, gaps already filled. */
  values: number[];
  /** Seasonal period in observations (1 = none). */
  period: number;
  horizon: number;
  /** Forecasts and interval bounds are clamped at 0 (demand, sales, traffic...). */
  nonNegative?: boolean;
}

/** One candidate's rolling-origin backtest on the series' own history. */
export interface CandidateScore {
  /** Family key: "snaive", "ets", "theta", "arima", "nn", "combo"... */
  key: string;
  /** Readable model, as fitted on the full history ("ETS(A,Ad,N)"). */
  method: string;
  /** Mean absolute scaled error over the backtest (1 = as good as the in-sample naive step). */
  mase: number;
  /** sMAPE over the backtest, percent. */
  smape: number;
  /** Mean absolute percentage error by horizon step (length h), percent; null where actuals are 0. */
  mapeByStep: (number | null)[];
}

export interface SeriesForecast {
  id: string;
  /** Chosen candidate's key. */
  key: string;
  /** Readable chosen model. */
  method: string;
  /** Why it was chosen, one sentence for the UI. */
  reason: string;
  /** h point forecasts and interval bounds (clamped at 0 for non-negative series). */
  forecast: Required<Forecast>;
  /** Candidates best first; empty when the history was too short to backtest. */
  backtest: { origins: number; horizon: number; candidates: CandidateScore[] };
  /** Warnings a founder should read before trusting the numbers ("Only 10 observations..."). */
  warnings: string[];
}

export interface CollectionOptions {
  onProgress?: (done: number, total: number) => void;
  /**
   * Most backtest origins per series (fewer when the history is short). Default: 3 for up to 50
   * series, 2 up to 200, 1 beyond: small collections (a workspace) are cheap and need every
   * backtest error for their intervals; large ones have errors enough from one origin.
   */
  origins?: number;
  /** Train the global net in a worker thread (default: when the machine has more than one core). */
  thread?: boolean;
  signal?: AbortSignal;
}

/** Fewest pooled backtest errors per horizon step for conformal intervals. */
export const MIN_CONFORMAL = 40;
/** Fewest training windows across the collection for the global net. */
export const MIN_NET_WINDOWS = 60;
const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

export const defaultOrigins = (count: number) => (count <= 50 ? 3 : count <= 200 ? 2 : 1);

/** Shortest history used to fit at a backtest origin. */
const minTrain = (period: number) => Math.max(8, period > 1 ? period + 2 : 8);

/** Lookback of the global net: about 4h, at least 2h, shorter when the series are short. */
export function netLookback(lengths: readonly number[], horizon: number): number {
  const sorted = lengths.slice().sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return Math.max(2 * horizon, Math.min(4 * horizon, median - horizon));
}

interface Plan {
  s: SeriesToForecast;
  /** Indices of the one-off outliers the local models do not see in the full history (clean.ts). */
  outliers: number[];
  /** Backtest origins, earliest first. */
  origins: number[];
  /** MASE scale of the full history (never 0). */
  scale: number;
}

/** forecasts[key][o] = forecast from origin o (index into plan.origins, then one more for the full history). */
type Runs = Map<string, { method: string; runs: (Forecast | null)[] }>;

function plan(s: SeriesToForecast, maxOrigins: number): Plan {
  const n = s.values.length;
  const origins: number[] = [];
  for (let j = maxOrigins; j >= 1; j--) if (n - j * s.horizon >= minTrain(s.period)) origins.push(n - j * s.horizon);
  let scale = maseScale(s.values, 1);
  if (!(scale > 0)) scale = s.values.reduce((a, v) => a + Math.abs(v), 0) / Math.max(1, n) || 1;
  return { s, outliers: cleanOutliers(s.values, s.period).replaced, origins, scale };
}

/**
 * Fits the local families at every origin and on the full history. Each history is cleaned of
 * one-off outliers on its own (never with values after its end).
 */
function fitLocal(p: Plan, runs: Runs, collectionObservations: number) {
  const y = p.s.values;
  const ends = [...p.origins, y.length];
  const histories = ends.map((end) => cleanOutliers(y.slice(0, end), p.s.period).values);
  for (const family of localFamilies(y, { period: p.s.period, collectionObservations })) {
    const entry = { method: "", runs: [] as (Forecast | null)[] };
    for (const [o, end] of ends.entries()) {
      const hist = histories[o];
      if (hist.length < family.minLength(p.s.period)) {
        entry.runs.push(null);
        continue;
      }
      try {
        const fit = family.fit(hist, { period: p.s.period });
        const f = fit.forecast(p.s.horizon);
        entry.runs.push(f.mean.every(Number.isFinite) ? f : null);
        if (end === y.length) entry.method = fit.method;
      } catch {
        entry.runs.push(null);
      }
    }
    if (entry.runs[entry.runs.length - 1]) runs.set(family.key, entry);
  }
}

async function trainNet(plans: Plan[], horizon: number, options: CollectionOptions): Promise<NetWeights | null> {
  const series = plans.map((p) => p.s.values);
  const spec: NetSpec = {
    lookback: netLookback(
      series.map((y) => y.length),
      horizon,
    ),
    horizon,
    hidden: 64,
    transform: transformFor(series),
  };
  const input: TrainNetInput = {
    spec,
    series,
    cutoffs: plans.map((p) => p.origins[0] ?? p.s.values.length),
    windowsPerSeries: 150,
    samplePasses: 140_000,
    seed: 7,
  };
  const windows = plans.reduce(
    (sum, p) => sum + Math.max(0, Math.min(150, (p.origins[0] ?? p.s.values.length) - horizon - minNetInput(spec) + 1)),
    0,
  );
  if (windows < MIN_NET_WINDOWS) return null;
  const threaded = options.thread ?? os.availableParallelism() > 1;
  return threaded
    ? runInThread<TrainNetInput, NetWeights | null>("lib/forecast/nn.ts", "trainGlobalNetTask", input, {
        signal: options.signal,
      })
    : trainGlobalNet(input);
}

function addNet(p: Plan, net: NetWeights, runs: Runs) {
  const y = p.s.values;
  const ends = [...p.origins, y.length];
  const entry = {
    method: `Global neural network (${net.windows.toLocaleString("en")} windows from the collection)`,
    runs: ends.map((end) => {
      const mean = netForecast(net, y, end);
      return mean ? { mean } : null;
    }),
  };
  if (entry.runs[entry.runs.length - 1]) runs.set("nn", entry);
}

const BASELINES = new Set(["naive", "snaive", "naive2"]);

function addCombination(runs: Runs) {
  const members = [...runs.keys()].filter((k) => !BASELINES.has(k));
  if (members.length < 2) return;
  const count = runs.get(members[0])!.runs.length;
  const combined: (Forecast | null)[] = [];
  for (let o = 0; o < count; o++) {
    const fs = members.map((k) => runs.get(k)!.runs[o]).filter((f): f is Forecast => f !== null);
    if (fs.length < 2) {
      combined.push(null);
      continue;
    }
    combined.push({ mean: fs[0].mean.map((_, i) => fs.reduce((a, f) => a + f.mean[i], 0) / fs.length) });
  }
  runs.set("combo", { method: `Combination (mean of ${members.map(familyLabel).join(", ")})`, runs: combined });
}

const FAMILY_LABEL: Record<string, string> = {
  naive: "naive",
  snaive: "seasonal naive",
  ets: "ETS",
  arima: "ARIMA",
  theta: "Theta",
  croston: "Croston",
  harmonic: "harmonic regression",
  nn: "neural network",
};
const familyLabel = (k: string) => FAMILY_LABEL[k] ?? k;

/** Signed errors / scale at each origin and step, for one candidate (NaN where missing). */
function backtestErrors(p: Plan, runs: (Forecast | null)[]): number[][] {
  const y = p.s.values;
  return p.origins.map((origin, o) => {
    const f = runs[o];
    return Array.from({ length: p.s.horizon }, (_, i) => (f ? (y[origin + i] - f.mean[i]) / p.scale : NaN));
  });
}

function score(p: Plan, key: string, entry: { method: string; runs: (Forecast | null)[] }): CandidateScore | null {
  const y = p.s.values;
  const h = p.s.horizon;
  let absErr = 0;
  let sm = 0;
  let count = 0;
  const ape: number[][] = Array.from({ length: h }, () => []);
  for (let o = 0; o < p.origins.length; o++) {
    const f = entry.runs[o];
    if (!f) return null;
    const actual = y.slice(p.origins[o], p.origins[o] + h);
    sm += smape(actual, f.mean);
    for (let i = 0; i < h; i++) {
      absErr += Math.abs(actual[i] - f.mean[i]);
      if (actual[i] !== 0) ape[i].push((100 * Math.abs(actual[i] - f.mean[i])) / Math.abs(actual[i]));
    }
    count++;
  }
  if (count === 0) return null;
  return {
    key,
    method: entry.method,
    mase: absErr / (count * h) / p.scale,
    smape: sm / count,
    mapeByStep: ape.map((a) => (a.length ? a.reduce((x, v) => x + v, 0) / a.length : null)),
  };
}

/** A candidate's mean backtest MASE across the collection (capped at 10 per series). */
interface Ranked {
  key: string;
  mase: number;
  series: number;
}

/** Candidates backtested on at least half the collection's series, best (lowest mean MASE) first. */
function collectionRanking(scores: CandidateScore[][], seriesCount: number): Ranked[] {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const sc of scores)
    for (const c of sc) {
      const e = sums.get(c.key) ?? { sum: 0, count: 0 };
      e.sum += Math.min(c.mase, 10);
      e.count++;
      sums.set(c.key, e);
    }
  return [...sums]
    .filter(([, e]) => e.count >= Math.max(1, seriesCount / 2))
    .map(([key, e]) => ({ key, mase: e.sum / e.count, series: e.count }))
    .sort((a, b) => a.mase - b.mase);
}

/** A series' own backtest overrides the collection's choice only with this much evidence. */
export const OVERRIDE = { minOrigins: 2, maxRatio: 0.75 };

/**
 * The collection's best candidate (selected on every series' backtest errors, far steadier than
 * one series' few), unless this series' own backtest over at least 2 windows shows another
 * candidate at least 25% better on it.
 */
function choose(
  p: Plan,
  runs: Runs,
  own: CandidateScore[],
  ranking: Ranked[],
  seriesCount: number,
): { key: string; reason: string } {
  const usual = ranking.find((r) => runs.has(r.key));
  const others = seriesCount > 1 ? `your ${seriesCount} series of this frequency` : "this series";
  if (!usual) {
    const key = runs.has("combo") ? "combo" : [...runs.keys()][0];
    return { key, reason: "The history is too short to backtest, so the forecast uses the simplest dependable model." };
  }
  const collectionWhy = `${capitalise(familyLabel(usual.key))} had the lowest backtest error across ${others} (mean MASE ${usual.mase.toFixed(2)})`;
  const ownUsual = own.find((c) => c.key === usual.key);
  const best = own[0];
  if (
    ownUsual &&
    best &&
    best.key !== usual.key &&
    p.origins.length >= OVERRIDE.minOrigins &&
    best.mase < OVERRIDE.maxRatio * ownUsual.mase
  )
    return {
      key: best.key,
      reason:
        `On this series' own backtest (${p.origins.length} windows of ${p.s.horizon} periods) ${familyLabel(best.key)} ` +
        `beat ${familyLabel(usual.key)} by ${Math.round(100 * (1 - best.mase / ownUsual.mase))}% (MASE ${best.mase.toFixed(2)} vs ` +
        `${ownUsual.mase.toFixed(2)}), though ${familyLabel(usual.key)} is best across ${others}.`,
    };
  if (!ownUsual)
    return {
      key: usual.key,
      reason: `${collectionWhy}; this series' history is too short to backtest on its own.`,
    };
  return {
    key: usual.key,
    reason: `${collectionWhy}; on this series its backtest MASE is ${ownUsual.mase.toFixed(2)}.`,
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Quantile q of xs (sorted copy), with the split-conformal finite-sample correction. */
function conformalQuantile(xs: number[], level: number): number {
  const sorted = xs.slice().sort((a, b) => a - b);
  const k = Math.min(sorted.length - 1, Math.ceil((sorted.length + 1) * level) - 1);
  return sorted[Math.max(0, k)];
}

const INTERVAL_SOURCES = ["ets", "arima", "theta", "snaive", "naive"];

export async function forecastCollection(
  series: readonly SeriesToForecast[],
  options: CollectionOptions = {},
): Promise<SeriesForecast[]> {
  const out = new Map<string, SeriesForecast>();
  const groups = new Map<string, SeriesToForecast[]>();
  for (const s of series) {
    const key = `${s.period}:${s.horizon}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  let done = 0;
  for (const group of groups.values()) {
    const plans = group.map((s) => plan(s, options.origins ?? defaultOrigins(group.length)));
    const horizon = group[0].horizon;
    const observations = group.reduce((n, s) => n + s.values.length, 0);
    const netPromise = trainNet(plans, horizon, options);
    netPromise.catch(() => {});
    const allRuns: Runs[] = [];
    for (const p of plans) {
      options.signal?.throwIfAborted();
      const runs: Runs = new Map();
      fitLocal(p, runs, observations);
      allRuns.push(runs);
      options.onProgress?.(++done / 2, series.length);
    }
    const net = await netPromise.catch(() => null);
    plans.forEach((p, i) => {
      if (net) addNet(p, net, allRuns[i]);
      addCombination(allRuns[i]);
    });

    const scores = plans.map((p, i) =>
      [...allRuns[i]]
        .map(([key, entry]) => score(p, key, entry))
        .filter((c): c is CandidateScore => c !== null)
        .sort((a, b) => a.mase - b.mase),
    );
    const ranking = collectionRanking(scores, plans.length);
    const chosen = plans.map((p, i) => choose(p, allRuns[i], scores[i], ranking, plans.length));

    // Conformal widths per candidate and horizon step, pooled across the collection.
    const pooled = new Map<string, number[][]>();
    plans.forEach((p, i) => {
      for (const [key, entry] of allRuns[i]) {
        const errs = backtestErrors(p, entry.runs);
        const perStep = pooled.get(key) ?? Array.from({ length: horizon }, () => []);
        for (const row of errs) row.forEach((e, k) => Number.isFinite(e) && perStep[k].push(Math.abs(e)));
        pooled.set(key, perStep);
      }
    });

    plans.forEach((p, i) => {
      const runs = allRuns[i];
      const { key, reason } = chosen[i];
      const entry = runs.get(key)!;
      const mean = entry.runs[entry.runs.length - 1]!.mean;
      const steps = pooled.get(key);
      let band: (level: 80 | 95) => { lo: number[]; hi: number[] };
      if (steps && steps.every((e) => e.length >= MIN_CONFORMAL)) {
        const q80 = steps.map((e) => conformalQuantile(e, 0.8));
        const q95 = steps.map((e) => conformalQuantile(e, 0.95));
        band = (level) => {
          const q = level === 80 ? q80 : q95;
          return { lo: mean.map((m, k) => m - q[k] * p.scale), hi: mean.map((m, k) => m + q[k] * p.scale) };
        };
      } else {
        const source = [key, ...INTERVAL_SOURCES].map((k) => runs.get(k)?.runs.at(-1)).find((f) => f?.lo95);
        band = (level) => {
          if (!source) {
            const sd = mean.map((_, k) => p.scale * Math.sqrt(k + 1));
            const z = level === 80 ? Z80 : Z95;
            return { lo: mean.map((m, k) => m - z * sd[k]), hi: mean.map((m, k) => m + z * sd[k]) };
          }
          const lo = level === 80 ? source.lo80! : source.lo95!;
          const hi = level === 80 ? source.hi80! : source.hi95!;
          return {
            lo: mean.map((m, k) => m - (source.mean[k] - lo[k])),
            hi: mean.map((m, k) => m + (hi[k] - source.mean[k])),
          };
        };
      }
      const b80 = band(80);
      const b95 = band(95);
      const clamp = (xs: number[]) => (p.s.nonNegative ? xs.map((v) => Math.max(0, v)) : xs);
      const warnings: string[] = [];
      if (p.outliers.length > 0)
        warnings.push(
          `${p.outliers.length === 1 ? "One value stands" : `${p.outliers.length} values stand`} far outside ` +
            "its neighbours and was treated as a one-off when fitting the models (the history shown is unchanged).",
        );
      if (p.origins.length === 0)
        warnings.push(
          `Only ${p.s.values.length} observations: too few to test the model on this series' own history, so its accuracy is unknown.`,
        );
      out.set(p.s.id, {
        id: p.s.id,
        key,
        method: entry.method,
        reason,
        forecast: {
          mean: clamp(mean),
          lo80: clamp(b80.lo),
          hi80: clamp(b80.hi),
          lo95: clamp(b95.lo),
          hi95: clamp(b95.hi),
        },
        backtest: { origins: p.origins.length, horizon, candidates: scores[i] },
        warnings,
      });
      options.onProgress?.(series.length / 2 + ++done / 2, series.length);
    });
  }
  return series.map((s) => out.get(s.id)!);
}
