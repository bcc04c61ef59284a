/**
 * Forecast accuracy as the M4 competition defines it (../shared/data/README.md): sMAPE (percent,
 * 0..200), MASE (scaled by the in-sample mean absolute seasonal difference), OWA (relative to a
 * benchmark method, each metric averaged over series first) and interval coverage.
 */

/** Mean over the horizon of 200·|y − ŷ| / (|y| + |ŷ|); a step where both are 0 counts as 0. */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i]) + Math.abs(forecast[i]);
    sum += d === 0 ? 0 : (200 * Math.abs(actual[i] - forecast[i])) / d;
  }
  return sum / actual.length;
}

/** Mean |y_t − y_{t−m}| over the training part: MASE's scale. */
export function maseScale(train: readonly number[], period = 1): number {
  const m = period < train.length ? period : 1;
  let sum = 0;
  for (let t = m; t < train.length; t++) sum += Math.abs(train[t] - train[t - m]);
  return train.length > m ? sum / (train.length - m) : NaN;
}

/** Mean absolute error over the horizon divided by maseScale(train, period). */
export function mase(
  train: readonly number[],
  actual: readonly number[],
  forecast: readonly number[],
  period = 1,
): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - forecast[i]);
  return sum / actual.length / maseScale(train, period);
}

/** Share of actual values inside [lo, hi]. */
export function coverage(actual: readonly number[], lo: readonly number[], hi: readonly number[]): number {
  let inside = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lo[i] && actual[i] <= hi[i]) inside++;
  return inside / actual.length;
}

/** OWA = ½ (sMAPE / sMAPE_benchmark + MASE / MASE_benchmark), each already averaged over series. */
export function owa(mean: { smape: number; mase: number }, benchmark: { smape: number; mase: number }): number {
  return 0.5 * (mean.smape / benchmark.smape + mean.mase / benchmark.mase);
}

export const average = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
