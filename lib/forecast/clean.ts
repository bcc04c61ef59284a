/**
 * Outliers: a one-off spike or dip (a data error, a promotion) distorts every model fitted on it.
 * Like R's forecast::tsclean, values far outside what their neighbourhood suggests are replaced
 * for fitting (the stored history and the backtest's actuals keep the real values):
 *
 *   r_t = y_t − median of its 2k neighbours (k = 3, or half a season), itself left out
 *   outlier when y_t is beyond Q1 − 6·IQR or Q3 + 6·IQR of those residuals from the median of the
 *   k values before it AND from the median of the k after it (same direction): a value that
 *   matches either side, as at a level shift, stays; so does a run of such values (volatility, not a
 *   one-off). An outlier is replaced by the 2k-median.
 *
 * The last KEEP_LAST values are never replaced: a jump at the very end may be a real level shift,
 * and only what comes after can tell.
 */

export const KEEP_LAST = 3;
/** Residuals from a local median are tighter than tsclean's (from a smooth), so the limit is wider than its 3. */
export const LIMIT = 6;

function quantile(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Median of y[from, to) without y[skip], using `buf` as scratch (insertion sort: windows are small). */
function windowMedian(y: readonly number[], from: number, to: number, skip: number, buf: Float64Array): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    if (i === skip) continue;
    const v = y[i];
    let j = m++;
    while (j > 0 && buf[j - 1] > v) {
      buf[j] = buf[j - 1];
      j--;
    }
    buf[j] = v;
  }
  return m % 2 ? buf[(m - 1) / 2] : (buf[m / 2 - 1] + buf[m / 2]) / 2;
}

/** The cleaned copy and the indices replaced. */
export function cleanOutliers(y: readonly number[], period = 1): { values: number[]; replaced: number[] } {
  const n = y.length;
  const k = Math.max(3, Math.floor(period / 2));
  if (n < 4 * k + KEEP_LAST) return { values: y.slice(), replaced: [] };
  const medians = new Float64Array(n);
  const residuals = new Float64Array(n);
  const before = new Float64Array(n); // y_t − median of the k values before it (NaN at t = 0)
  const after = new Float64Array(n); // y_t − median of the k values after it (NaN at the end)
  const buf = new Float64Array(2 * k);
  for (let t = 0; t < n; t++) {
    const from = Math.max(0, t - k);
    const to = Math.min(n, t + k + 1);
    medians[t] = windowMedian(y, from, to, t, buf);
    residuals[t] = y[t] - medians[t];
    before[t] = t > 0 ? y[t] - windowMedian(y, from, t, -1, buf) : NaN;
    after[t] = t < n - 1 ? y[t] - windowMedian(y, t + 1, to, -1, buf) : NaN;
  }
  const sorted = residuals.slice().sort();
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = q3 - q1;
  const values = y.slice();
  const replaced: number[] = [];
  if (!(iqr > 0)) return { values, replaced };
  // Far from both sides in the same direction (a missing side counts as agreeing): a value that
  // matches either side, as at a level shift, stays.
  const high = (r: number) => Number.isNaN(r) || r > q3 + LIMIT * iqr;
  const low = (r: number) => Number.isNaN(r) || r < q1 - LIMIT * iqr;
  const far = Array.from(
    { length: n },
    (_, t) => (high(before[t]) && high(after[t])) || (low(before[t]) && low(after[t])),
  );
  for (let t = 0; t < n - KEEP_LAST; t++) {
    // Isolated: a run of unusual values is a pattern of the series (volatility), not a one-off.
    if (far[t] && !far[t - 1] && !far[t + 1]) {
      values[t] = medians[t];
      replaced.push(t);
    }
  }
  return { values, replaced };
}
