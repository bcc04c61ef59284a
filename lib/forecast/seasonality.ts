/**
 * Seasonality detection and classical decomposition, as the M4 competition's benchmarks (and R's
 * forecast::thetaf) use them: an autocorrelation test at the seasonal lag at 90% confidence, and
 * multiplicative seasonal indices from a centred moving average (R's `decompose`).
 */

/** Autocorrelations r_1..r_maxLag of y (the usual biased estimator, as R's acf). */
export function acf(y: readonly number[], maxLag: number): number[] {
  const n = y.length;
  let mean = 0;
  for (const v of y) mean += v / n;
  let denom = 0;
  for (const v of y) denom += (v - mean) ** 2;
  const r: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let num = 0;
    for (let t = k; t < n; t++) num += (y[t] - mean) * (y[t - k] - mean);
    r.push(denom > 0 ? num / denom : 0);
  }
  return r;
}

/**
 * M4's test: seasonal when n ≥ 3m and |r_m| > 1.645·sqrt((1 + 2·Σ_{k<m} r_k²) / n).
 * Always false for period ≤ 1. R's thetaf asks only n > 2m: pass `minLength` = 2m + 1.
 */
export function isSeasonal(y: readonly number[], period: number, minLength = 3 * period): boolean {
  const n = y.length;
  if (period <= 1 || n < minLength) return false;
  const r = acf(y, period);
  let s = 0;
  for (let k = 0; k < period - 1; k++) s += r[k] ** 2;
  const limit = 1.645 * Math.sqrt((1 + 2 * s) / n);
  return Math.abs(r[period - 1]) > limit;
}

/**
 * Multiplicative seasonal indices, length `period`, index i belonging to observations t ≡ i (mod
 * period), normalised to average 1 (R: decompose(type = "multiplicative")$figure). Needs all
 * values > 0 and n ≥ 2·period.
 */
export function multiplicativeIndices(y: readonly number[], period: number): number[] {
  const n = y.length;
  const m = period;
  const trend = new Array<number>(n).fill(NaN);
  const half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (m % 2 === 0) {
      s += 0.5 * y[t - half] + 0.5 * y[t + half];
      for (let k = -half + 1; k < half; k++) s += y[t + k];
    } else for (let k = -half; k <= half; k++) s += y[t + k];
    if (m % 2 === 0 && t + half >= n) continue;
    trend[t] = s / m;
  }
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < n; t++) {
    if (!Number.isFinite(trend[t]) || trend[t] === 0) continue;
    sums[t % m] += y[t] / trend[t];
    counts[t % m]++;
  }
  const figure = sums.map((s, i) => (counts[i] > 0 ? s / counts[i] : 1));
  const avg = figure.reduce((a, b) => a + b, 0) / m;
  return figure.map((f) => f / avg);
}

/**
 * Seasonal adjustment for the M4 benchmarks: when `isSeasonal` and all values > 0, the indices of
 * a classical multiplicative decomposition; otherwise null. `indexAt(t)` is the index of time t
 * (t may run past the end, for forecasts).
 */
export function seasonalAdjustment(
  y: readonly number[],
  period: number,
): { indices: number[]; indexAt: (t: number) => number } | null {
  if (!isSeasonal(y, period) || y.some((v) => !(v > 0))) return null;
  const indices = multiplicativeIndices(y, period);
  return { indices, indexAt: (t) => indices[((t % period) + period) % period] };
}
