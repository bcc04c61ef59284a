/**
 * The Theta method as R's forecast::thetaf (Hyndman & Billah 2003: simple exponential smoothing
 * with drift equal to half the slope of a linear trend), on seasonally adjusted data when the
 * 90% autocorrelation test finds seasonality (classical multiplicative decomposition).
 *
 *   ŷ_{n+k} = SES forecast + b/2 · ((k − 1) + (1 − (1 − α)^n) / α),   k = 1..h
 *   se_k    = σ · sqrt((k − 1) α² + 1)
 */
import { fitEts } from "./ets.ts";
import { withNormalIntervals } from "./naive.ts";
import { isSeasonal, multiplicativeIndices } from "./seasonality.ts";
import type { FitOptions, FittedModel, ModelFamily } from "./types.ts";

/** Least-squares slope of y against 0..n−1. */
function slope(y: readonly number[]): number {
  const n = y.length;
  const tMean = (n - 1) / 2;
  let yMean = 0;
  for (const v of y) yMean += v / n;
  let num = 0;
  let den = 0;
  for (let t = 0; t < n; t++) {
    num += (t - tMean) * (y[t] - yMean);
    den += (t - tMean) ** 2;
  }
  return den > 0 ? num / den : 0;
}

const isConstant = (y: readonly number[]) => y.every((v) => v === y[0]);

export function fitTheta(y: readonly number[], { period }: FitOptions): FittedModel {
  const n = y.length;
  const seasonal =
    period > 1 && !isConstant(y) && n > 2 * period && y.every((v) => v > 0) && isSeasonal(y, period, 2 * period + 1);
  let indices: number[] | null = seasonal ? multiplicativeIndices(y, period) : null;
  if (indices?.some((f) => Math.abs(f) < 1e-4)) indices = null;
  const index = (t: number) => (indices ? indices[t % period] : 1);
  const x = indices ? y.map((v, t) => v / index(t)) : y.slice();
  const ses = fitEts(x, { period: 1, model: "ANN" });
  const alpha = Math.max(1e-10, ses.params.alpha);
  const drift = slope(x) / 2;
  return {
    method: indices ? "Theta (seasonally adjusted)" : "Theta",
    fitted: ses.fitted.map((v, t) => v * index(t)),
    forecast(h) {
      const base = ses.forecast(h).mean;
      const mean = base.map((v, k) => (v + drift * (k + (1 - (1 - alpha) ** n) / alpha)) * index(n + k));
      const sigma = Math.sqrt(ses.sigma2);
      // As R: the standard error is not re-seasonalised.
      const sd = mean.map((_, k) => sigma * Math.sqrt(k * alpha * alpha + 1));
      return withNormalIntervals(mean, sd);
    },
  };
}

export const thetaFamily: ModelFamily = {
  key: "theta",
  minLength: () => 4,
  fit: fitTheta,
};
