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

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function median(xs: readonly number[]): number {
  const w = xs.slice().sort((a, b) => a - b);
  return w.length % 2 ? w[(w.length - 1) / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
}

/** The cleaned copy and the indices replaced. */
export function cleanOutliers(y: readonly number[], period = 1): { values: number[]; replaced: number[] } {
  const n = y.length;
  const k = Math.max(3, Math.floor(period / 2));
  if (n < 4 * k + KEEP_LAST) return { values: y.slice(), replaced: [] };
  const medians = new Array<number>(n);
  const residuals = new Array<number>(n);
  const sides: number[][] = [];
  for (let t = 0; t < n; t++) {
    const left = y.slice(Math.max(0, t - k), t);
    const right = y.slice(t + 1, Math.min(n, t + k + 1));
    medians[t] = median([...left, ...right]);
    residuals[t] = y[t] - medians[t];
    sides.push([left, right].filter((w) => w.length > 0).map((w) => y[t] - median(w)));
  }
  const sorted = residuals.slice().sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = q3 - q1;
  const values = y.slice();
  const replaced: number[] = [];
  if (!(iqr > 0)) return { values, replaced };
  const high = (r: number) => r > q3 + LIMIT * iqr;
  const low = (r: number) => r < q1 - LIMIT * iqr;
  // Far from both sides in the same direction: a value that matches either side (a level shift) stays.
  const far = sides.map((r) => r.every(high) || r.every(low));
  for (let t = 0; t < n - KEEP_LAST; t++) {
    // Isolated: a run of unusual values is a pattern of the series (volatility), not a one-off.
    if (far[t] && !far[t - 1] && !far[t + 1]) {
      values[t] = medians[t];
      replaced.push(t);
    }
  }
  return { values, replaced };
}
