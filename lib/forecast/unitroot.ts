/**
 * Differencing tests used by the automatic ARIMA order choice, ported from R so that the chosen
 * orders match `forecast::auto.arima`:
 *
 * - `kpssStatistic` / `ndiffs`: the KPSS level-stationarity test (`urca::ur.kpss(type = "mu")`
 *   with `forecast::ndiffs`' lag `trunc(3 * sqrt(n) / 13)`), repeated on the differenced series
 *   while it rejects at alpha = 0.05;
 * - `stl` / `seasonalStrength` / `nsdiffs`: the seasonal-strength heuristic (`nsdiffs(test =
 *   "seas")`): one seasonal difference when the STL seasonal strength exceeds 0.64. `stl` is a
 *   port of R's `stats::stl` Fortran (Cleveland et al. 1990) in its non-robust form.
 *
 * Series are plain arrays, oldest first, without missing values.
 */

/**
 * R's `forecast:::is.constant`: `all.equal(x, rep(x[1], n))`, i.e. the mean relative difference
 * from the first value is at most 1.5e-8 (absolute when the values are themselves that small).
 */
export function isConstant(x: ArrayLike<number>): boolean {
  const n = x.length;
  if (n === 0) return true;
  const x0 = x[0];
  let count = 0;
  let sumAbs = 0;
  let sumDiff = 0;
  for (let i = 0; i < n; i++) {
    if (x[i] === x0) continue;
    count++;
    sumAbs += Math.abs(x[i]);
    sumDiff += Math.abs(x[i] - x0);
  }
  if (count === 0) return true;
  const tolerance = Math.sqrt(Number.EPSILON);
  let scale = sumAbs / count;
  if (!(Number.isFinite(scale) && scale > tolerance)) scale = 1;
  const meanDiff = sumDiff / (count * scale);
  return !(Number.isNaN(meanDiff) || meanDiff > tolerance);
}

/** Differences of `x` at `lag` (length n - lag). */
export function diff(x: ArrayLike<number>, lag = 1): number[] {
  const out: number[] = [];
  for (let i = lag; i < x.length; i++) out.push(x[i] - x[i - lag]);
  return out;
}

/**
 * KPSS level-stationarity statistic as `urca::ur.kpss(x, type = "mu", use.lag = lags)`: partial
 * sums of the demeaned series over n², divided by a Bartlett-weighted long-run variance.
 */
export function kpssStatistic(x: ArrayLike<number>, lags: number): number {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  const res = new Float64Array(n);
  for (let i = 0; i < n; i++) res[i] = x[i] - mean;
  let s = 0;
  let sumS2 = 0;
  let sumE2 = 0;
  for (let i = 0; i < n; i++) {
    s += res[i];
    sumS2 += s * s;
    sumE2 += res[i] * res[i];
  }
  let denominator = sumE2 / n;
  for (let k = 1; k <= lags; k++) {
    let cov = 0;
    for (let t = k; t < n; t++) cov += res[t] * res[t - k];
    denominator += (2 / n) * (1 - k / (lags + 1)) * cov;
  }
  return sumS2 / (n * n) / denominator;
}

/** urca's KPSS "mu" critical values (10%, 5%, 2.5%, 1%) and their p-values. */
const KPSS_CRITICAL = [0.347, 0.463, 0.574, 0.739];
const KPSS_PVALUES = [0.1, 0.05, 0.025, 0.01];

/** The p-value `forecast::ndiffs` reads off the KPSS table: linear interpolation, clamped at the ends. */
export function kpssPValue(statistic: number): number {
  if (!(statistic > KPSS_CRITICAL[0])) return KPSS_PVALUES[0];
  for (let i = 1; i < KPSS_CRITICAL.length; i++) {
    if (statistic <= KPSS_CRITICAL[i]) {
      const t = (statistic - KPSS_CRITICAL[i - 1]) / (KPSS_CRITICAL[i] - KPSS_CRITICAL[i - 1]);
      return KPSS_PVALUES[i - 1] + t * (KPSS_PVALUES[i] - KPSS_PVALUES[i - 1]);
    }
  }
  return KPSS_PVALUES[KPSS_PVALUES.length - 1];
}

/** True when the KPSS test rejects level stationarity at `alpha` (ndiffs' lag choice). */
function kpssRejects(x: ArrayLike<number>, alpha: number): boolean {
  const lags = Math.trunc((3 * Math.sqrt(x.length)) / 13);
  const stat = kpssStatistic(x, lags);
  // R's tryCatch turns a failed test (here a NaN statistic) into "do not difference".
  return Number.isFinite(stat) && kpssPValue(stat) < alpha;
}

/**
 * Number of first differences to make `x` level-stationary, as `forecast::ndiffs(x)` (KPSS,
 * alpha 0.05, at most `maxD`).
 */
export function ndiffs(x: readonly number[], maxD = 2, alpha = 0.05): number {
  let series: number[] = x.slice();
  if (isConstant(series)) return 0;
  let d = 0;
  let doDiff = kpssRejects(series, alpha);
  while (doDiff && d < maxD) {
    d++;
    series = diff(series);
    if (isConstant(series)) return d;
    doDiff = series.length > 0 && kpssRejects(series, alpha);
  }
  return d;
}

/** Parameters of one STL run (R's `stl` arguments: spans, degrees, jumps, iteration counts). */
export interface StlOptions {
  period: number;
  sWindow: number;
  sDegree: number;
  tWindow: number;
  tDegree: number;
  lWindow: number;
  lDegree: number;
  sJump: number;
  tJump: number;
  lJump: number;
  inner: number;
}

/** R's `nextodd`: round, then add one when even. */
const nextOdd = (v: number) => {
  const r = Math.round(v);
  return r % 2 === 0 ? r + 1 : r;
};

/** R's `stl(x, s.window)` defaults for a given period and seasonal span (non-robust). */
export function stlDefaults(period: number, sWindow: number): StlOptions {
  const tWindow = nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sWindow)));
  const lWindow = nextOdd(period);
  return {
    period,
    sWindow,
    sDegree: 0,
    tWindow,
    tDegree: 1,
    lWindow,
    lDegree: 1,
    sJump: Math.ceil(sWindow / 10),
    tJump: Math.ceil(tWindow / 10),
    lJump: Math.ceil(lWindow / 10),
    inner: 2,
  };
}

/**
 * Loess fit at abscissa `xs` (1-based positions) from the points nleft..nright of y[0..n) (Fortran
 * `stlest`); `w` is scratch of length n. Returns NaN when all weights vanish.
 */
function stlest(
  y: Float64Array,
  n: number,
  len: number,
  ideg: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.trunc((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    const r = Math.abs(j - xs);
    let wj = 0;
    if (r <= h9) {
      wj = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
      a += wj;
    }
    w[j - 1] = wj;
  }
  if (a <= 0) return NaN;
  for (let j = nleft; j <= nright; j++) w[j - 1] /= a;
  if (h > 0 && ideg > 0) {
    let mean = 0;
    for (let j = nleft; j <= nright; j++) mean += w[j - 1] * j;
    let b = xs - mean;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j - 1] * (j - mean) ** 2;
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - 1] *= b * (j - mean) + 1;
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j - 1] * y[j - 1];
  return ys;
}

/**
 * Loess smoothing of y[0..n) with span `len`, evaluated every `njump` points and linearly
 * interpolated between (Fortran `stless`). Writes ys[0..n); `res` is scratch of length n.
 */
function stless(
  y: Float64Array,
  n: number,
  len: number,
  ideg: number,
  njump: number,
  ys: Float64Array,
  res: Float64Array,
) {
  if (n < 2) {
    ys[0] = y[0];
    return;
  }
  const fit = (i: number, nleft: number, nright: number) => {
    const v = stlest(y, n, len, ideg, i, nleft, nright, res);
    ys[i - 1] = Number.isNaN(v) ? y[i - 1] : v;
  };
  const newnj = Math.min(njump, n - 1);
  let nleft = 1;
  let nright = n;
  if (len >= n) {
    for (let i = 1; i <= n; i += newnj) fit(i, 1, n);
  } else if (newnj === 1) {
    const nsh = Math.trunc((len + 1) / 2);
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      fit(i, nleft, nright);
    }
  } else {
    const nsh = Math.trunc((len + 1) / 2);
    for (let i = 1; i <= n; i += newnj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      fit(i, nleft, nright);
    }
  }
  if (newnj === 1) return;
  for (let i = 1; i <= n - newnj; i += newnj) {
    const delta = (ys[i + newnj - 1] - ys[i - 1]) / newnj;
    for (let j = i + 1; j <= i + newnj - 1; j++) ys[j - 1] = ys[i - 1] + delta * (j - i);
  }
  const k = Math.trunc((n - 1) / newnj) * newnj + 1;
  if (k !== n) {
    fit(n, nleft, nright);
    if (k !== n - 1) {
      const delta = (ys[n - 1] - ys[k - 1]) / (n - k);
      for (let j = k + 1; j <= n - 1; j++) ys[j - 1] = ys[k - 1] + delta * (j - k);
    }
  }
}

/** Running mean of x[0..n) over `len` points, writing n - len + 1 values (Fortran `stlma`). */
function stlma(x: Float64Array, n: number, len: number, ave: Float64Array) {
  const newn = n - len + 1;
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i];
  ave[0] = v / len;
  for (let j = 1; j < newn; j++) {
    v = v - x[j - 1] + x[len + j - 1];
    ave[j] = v / len;
  }
}

/**
 * Cycle-subseries smoothing (Fortran `stlss`): each of the `np` subseries of y[0..n) is loess
 * smoothed and extended by one period at both ends, into season[0..n + 2np).
 */
function stlss(
  y: Float64Array,
  n: number,
  np: number,
  ns: number,
  isdeg: number,
  nsjump: number,
  season: Float64Array,
  w1: Float64Array,
  w2: Float64Array,
  w4: Float64Array,
) {
  for (let j = 1; j <= np; j++) {
    const k = Math.trunc((n - j) / np) + 1;
    for (let i = 1; i <= k; i++) w1[i - 1] = y[(i - 1) * np + j - 1];
    stless(w1, k, ns, isdeg, nsjump, w2.subarray(1), w4);
    const first = stlest(w1, k, ns, isdeg, 0, 1, Math.min(ns, k), w4);
    w2[0] = Number.isNaN(first) ? w2[1] : first;
    const last = stlest(w1, k, ns, isdeg, k + 1, Math.max(1, k - ns + 1), k, w4);
    w2[k + 1] = Number.isNaN(last) ? w2[k] : last;
    for (let m = 1; m <= k + 2; m++) season[(m - 1) * np + j - 1] = w2[m - 1];
  }
}

/**
 * STL decomposition of `x` (R's `stats::stl` without robustness iterations): returns the seasonal
 * and trend components, each of length n.
 */
export function stl(x: readonly number[], o: StlOptions): { seasonal: number[]; trend: number[] } {
  const n = x.length;
  const odd3 = (v: number) => {
    const w = Math.max(3, v);
    return w % 2 === 0 ? w + 1 : w;
  };
  const ns = odd3(o.sWindow);
  const nt = odd3(o.tWindow);
  const nl = odd3(o.lWindow);
  const np = Math.max(2, o.period);
  const y = Float64Array.from(x);
  const season = new Float64Array(n);
  const trend = new Float64Array(n);
  const len = n + 2 * np;
  const w1 = new Float64Array(len);
  const w2 = new Float64Array(len);
  const w3 = new Float64Array(len);
  const w4 = new Float64Array(len);
  const w5 = new Float64Array(len);
  for (let it = 0; it < o.inner; it++) {
    for (let i = 0; i < n; i++) w1[i] = y[i] - trend[i];
    stlss(w1, n, np, ns, o.sDegree, o.sJump, w2, w3, w4, season);
    // Low-pass filter of the cycle-subseries: three moving averages, then a loess.
    stlma(w2, len, np, w3);
    stlma(w3, len - np + 1, np, w1);
    stlma(w1, len - 2 * np + 2, 3, w3);
    stless(w3, n, nl, o.lDegree, o.lJump, w1, w5);
    for (let i = 0; i < n; i++) season[i] = w2[np + i] - w1[i];
    for (let i = 0; i < n; i++) w1[i] = y[i] - season[i];
    stless(w1, n, nt, o.tDegree, o.tJump, trend, w3);
  }
  return { seasonal: Array.from(season), trend: Array.from(trend) };
}

function variance(x: ArrayLike<number>): number {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  return ss / (n - 1);
}

/**
 * Seasonal strength as `forecast:::seas.heuristic`: from `mstl` (one STL pass with s.window 11),
 * max(0, min(1, 1 - var(remainder) / var(remainder + seasonal))). Needs n > 2 * period.
 */
export function seasonalStrength(x: readonly number[], period: number): number {
  const { seasonal, trend } = stl(x, stlDefaults(period, 11));
  const remainder = x.map((v, i) => v - seasonal[i] - trend[i]);
  const detrended = remainder.map((r, i) => r + seasonal[i]);
  return Math.max(0, Math.min(1, 1 - variance(remainder) / variance(detrended)));
}

/**
 * Number of seasonal differences (0 or 1) as `forecast::nsdiffs(x, test = "seas")`: 1 when the
 * seasonal strength exceeds 0.64. Series with at most two full periods get 0 (R's `stl` refuses
 * them and `nsdiffs` then returns 0).
 */
export function nsdiffs(x: readonly number[], period: number): number {
  if (period <= 1 || isConstant(x) || x.length <= 2 * period) return 0;
  const strength = seasonalStrength(x, period);
  return strength > 0.64 ? 1 : 0;
}
