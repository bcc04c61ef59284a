/**
 * Baselines as real models: naive (last value), seasonal naive (the value one season back) and
 * the M4 competition's Naive2 (naive on seasonally adjusted data). Intervals are the textbook ones
 * from the one-step residuals (Hyndman & Athanasopoulos, FPP3 §5.5): naive σ·√h, seasonal naive
 * σ·√(⌊(h−1)/m⌋+1).
 */
import { seasonalAdjustment } from "./seasonality.ts";
import type { FitOptions, FittedModel, Forecast, ModelFamily } from "./types.ts";

const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

/** Point forecasts plus normal intervals whose standard deviation at step i is sd[i]. */
export function withNormalIntervals(mean: number[], sd: readonly number[]): Forecast {
  return {
    mean,
    lo80: mean.map((m, i) => m - Z80 * sd[i]),
    hi80: mean.map((m, i) => m + Z80 * sd[i]),
    lo95: mean.map((m, i) => m - Z95 * sd[i]),
    hi95: mean.map((m, i) => m + Z95 * sd[i]),
  };
}

function seasonalNaiveFit(y: readonly number[], lag: number, method: string): FittedModel {
  const n = y.length;
  const m = Math.max(1, Math.min(lag, n));
  const fitted = y.map((_, t) => (t >= m ? y[t - m] : NaN));
  let ss = 0;
  let count = 0;
  for (let t = m; t < n; t++) {
    ss += (y[t] - fitted[t]) ** 2;
    count++;
  }
  const sigma = count > 0 ? Math.sqrt(ss / count) : 0;
  return {
    method,
    fitted,
    forecast(h) {
      const mean = Array.from({ length: h }, (_, i) => y[n - m + (i % m)]);
      const sd = Array.from({ length: h }, (_, i) => sigma * Math.sqrt(Math.floor(i / m) + 1));
      return withNormalIntervals(mean, sd);
    },
  };
}

export const naiveFamily: ModelFamily = {
  key: "naive",
  minLength: () => 2,
  fit: (y) => seasonalNaiveFit(y, 1, "Naive"),
};

export const seasonalNaiveFamily: ModelFamily = {
  key: "snaive",
  minLength: (period) => Math.max(2, period + 1),
  fit: (y, { period }) =>
    period > 1 && y.length > period ? seasonalNaiveFit(y, period, "Seasonal naive") : seasonalNaiveFit(y, 1, "Naive"),
};

/** M4's Naive2: the last seasonally adjusted value, re-seasonalised; naive when not seasonal. */
export const naive2Family: ModelFamily = {
  key: "naive2",
  minLength: () => 2,
  fit(y, { period }: FitOptions) {
    const adj = seasonalAdjustment(y, period);
    if (!adj) return seasonalNaiveFit(y, 1, "Naive2");
    const n = y.length;
    const inner = seasonalNaiveFit(
      y.map((v, t) => v / adj.indexAt(t)),
      1,
      "Naive2",
    );
    return {
      method: "Naive2",
      fitted: inner.fitted?.map((v, t) => v * adj.indexAt(t)),
      forecast(h) {
        const f = inner.forecast(h);
        const scale = (xs: number[] | undefined) => xs?.map((v, i) => v * adj.indexAt(n + i));
        return {
          mean: scale(f.mean)!,
          lo80: scale(f.lo80),
          hi80: scale(f.hi80),
          lo95: scale(f.lo95),
          hi95: scale(f.hi95),
        };
      },
    };
  },
};
