/**
 * Exponential smoothing state-space models (ETS) of Hyndman, Koehler, Ord & Snyder (2008), as R's
 * `forecast::ets` (8.x) fits them: error A/M, trend N/A/Ad (and M/Md on request), season N/A/M;
 * R's heuristic initial states (`initstate`), R's parameter bounds (`bounds = "both"`: the usual
 * bounds plus `admissible`), R's objective ("lik"), Nelder–Mead over the smoothing parameters and
 * initial states, selection by AICc over every allowed model, R's short-series Holt–Winters
 * fallback, and R's forecast variances (`class1`, `class2`, `class3`, simulation otherwise).
 *
 * Conventions: series are oldest first. A state vector is laid out as R's `states` rows:
 * `[l, b?, s1, ..., sm]`, where `s1` is the most recent seasonal state and `sm` the one the next
 * observation uses. Residuals are R's innovation residuals: `y - yhat` for additive error and
 * `(y - yhat) / yhat` for multiplicative error.
 */
import { nelderMead } from "./optim.ts";
import type { FitOptions, FittedModel, Forecast, ModelFamily } from "./types.ts";

export type ErrorType = "A" | "M";
export type TrendType = "N" | "A" | "M";
export type SeasonType = "N" | "A" | "M";

export interface EtsComponents {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  damped: boolean;
}

/** Smoothing parameters; `beta` with a trend, `gamma` with a season, `phi` when damped. */
export interface EtsParams {
  alpha: number;
  beta?: number;
  gamma?: number;
  phi?: number;
}

export interface EtsOptions extends FitOptions {
  /**
   * Three letters error/trend/season as R's `model` ("ZZZ", the default, selects by AICc; "ANN",
   * "MAM", "AZN", ...). The trend letter may carry a "d" for damping ("AAdN", "MAdM").
   */
  model?: string;
  /** Damping: undefined tries both where there is a trend (R's `damped = NULL`). */
  damped?: boolean;
  /** Let "Z" trends include the multiplicative ones (R's `allow.multiplicative.trend`). */
  allowMultiplicativeTrend?: boolean;
}

export interface EtsFit extends FittedModel {
  /** "ETS(M,Ad,N)"; fallbacks say so, e.g. "ETS(A,N,N) (constant series)". */
  method: string;
  components: EtsComponents;
  params: EtsParams;
  /** State vector at time 0, `[l, b?, s1..sm]` (length 1 + trend + m). */
  initialStates: number[];
  /** Seasonal period the model uses (1 without a season). */
  period: number;
  /** R's `loglik` (-0.5 × R's objective); NaN for the short-series Holt–Winters fallback, as R has none. */
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Innovation variance as R: sum(residuals²) / (n - number of estimated parameters and states). */
  sigma2: number;
  /** One-step-ahead fitted values, n values. */
  fitted: number[];
  /**
   * Innovation residuals, n values (relative errors for multiplicative error); for the short-series
   * Holt–Winters fallback y - ŷ, as R.
   */
  residuals: number[];
}

// ---------------------------------------------------------------------------------------------
// Model specification

/** Numeric codes as R's C code: error 1 = A, 2 = M; trend/season 0 = N, 1 = A, 2 = M. */
interface Spec {
  error: 1 | 2;
  trend: 0 | 1 | 2;
  season: 0 | 1 | 2;
  damped: boolean;
  /** Seasonal period; 1 when season is 0. */
  m: number;
}

const CODE = { N: 0, A: 1, M: 2 } as const;
const LETTER = ["N", "A", "M"] as const;

function specOf(c: EtsComponents, period: number): Spec {
  const season = CODE[c.season];
  return { error: c.error === "A" ? 1 : 2, trend: CODE[c.trend], season, damped: c.damped, m: season ? period : 1 };
}

function componentsOf(s: Spec): EtsComponents {
  return { error: s.error === 1 ? "A" : "M", trend: LETTER[s.trend], season: LETTER[s.season], damped: s.damped };
}

/** "ETS(M,Ad,N)" */
function etsMethodName(c: EtsComponents): string {
  return `ETS(${c.error},${c.trend}${c.damped ? "d" : ""},${c.season})`;
}

/** Number of states: level, trend, seasons. */
const stateLength = (s: Spec) => 1 + (s.trend ? 1 : 0) + (s.season ? s.m : 0);

// ---------------------------------------------------------------------------------------------
// The state-space recursion (R's C `etscalc`, `forecast` and `update`, and `etssimulate`)

const TOL = 1e-10;
const HUGEN = 1e10;

/** Smoothing parameters as the recursion takes them: beta 0 without trend, gamma 0 without season, phi 1 undamped. */
interface Coefs {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** Outputs of one pass; each array is optional. */
interface RecursionOut {
  /** Innovations, n values. */
  e?: Float64Array;
  /** One-step forecasts, n values. */
  f?: Float64Array;
  /** Final state `[l, b?, s1..sm]`. */
  last?: Float64Array;
}

/**
 * Runs the ETS recursion over y[0..n) from state x0 (`[l, b?, s1..sm]`) and returns R's objective
 * n·log(Σe²) (+ 2·Σlog|ŷ| for multiplicative error), NaN where R's gives NA. `seas` is a work
 * buffer of m values (a circular buffer: seas[t mod m] is the seasonal state observation t uses).
 * When `innov` is given the pass simulates instead: y[i] is overwritten with ŷ + innov[i]
 * (additive error) or ŷ·(1 + innov[i]) (multiplicative), as R's `etssimulate`.
 */
function recursion(
  s: Spec,
  c: Coefs,
  x0: ArrayLike<number>,
  y: Float64Array,
  n: number,
  seas: Float64Array,
  out: RecursionOut | null,
  innov: Float64Array | null = null,
): number {
  const { trend, season, m } = s;
  const multError = s.error === 2;
  const { alpha, gamma, phi } = c;
  // ETS keeps alpha ≥ 1e-4; the Holt–Winters fallback may reach alpha = 0, where the trend
  // update reduces to b = phi·b whatever beta is.
  const betaOverAlpha = alpha > 0 ? c.beta / alpha : 0;
  const off = trend ? 2 : 1;
  let l = x0[0];
  let b = trend ? x0[1] : 0;
  if (season) for (let j = 0; j < m; j++) seas[j] = x0[off + m - 1 - j];
  const eOut = out?.e;
  const fOut = out?.f;
  let k = 0;
  let sse = 0;
  let sumLog = 0;
  let prod = 1;
  for (let i = 0; i < n; i++) {
    // One-step forecast: q is the level part, f the forecast.
    let phib = 0;
    let q = l;
    if (trend === 1) {
      phib = phi * b;
      q = l + phib;
    } else if (trend === 2) {
      if (b < 0) return NaN;
      phib = Math.abs(phi - 1) < TOL ? b : Math.pow(b, phi);
      q = l * phib;
    }
    const sOld = season ? seas[k] : 0;
    const f = season === 0 ? q : season === 1 ? q + sOld : q * sOld;
    if (innov) y[i] = multError ? f * (1 + innov[i]) : f + innov[i];
    const yi = y[i];
    const e = multError ? (yi - f) / f : yi - f;
    if (eOut) eOut[i] = e;
    if (fOut) fOut[i] = f;
    sse += e * e;
    // Σ log|f| as the log of a running product, flushed before it can overflow or underflow:
    // one logarithm every several dozen steps instead of one per step.
    prod *= Math.abs(f);
    if (!(prod < 1e100 && prod > 1e-100)) {
      sumLog += Math.log(prod);
      prod = 1;
    }
    // State update.
    const p = season === 0 ? yi : season === 1 ? yi - sOld : Math.abs(sOld) < TOL ? HUGEN : yi / sOld;
    const lNew = q + alpha * (p - q);
    if (trend === 1) b = phib + betaOverAlpha * (lNew - l - phib);
    else if (trend === 2) b = phib + betaOverAlpha * ((Math.abs(l) < TOL ? HUGEN : lNew / l) - phib);
    if (season) {
      const t = season === 1 ? yi - q : Math.abs(q) < TOL ? HUGEN : yi / q;
      seas[k] = sOld + gamma * (t - sOld);
      if (++k === m) k = 0;
    }
    l = lNew;
  }
  const last = out?.last;
  if (last) {
    last[0] = l;
    if (trend) last[1] = b;
    for (let j = 0; j < (season ? m : 0); j++) last[off + j] = seas[(k + m - 1 - j) % m];
  }
  return n * Math.log(sse) + (multError ? 2 * (sumLog + Math.log(prod)) : 0);
}

/**
 * One non-seasonal model (trend N or A) at one point, for `laneLik` and `pairedLik`. Trend N is
 * b0 = beta = 0 and phi = 1, which leaves the level recursion bit-identical to R's.
 */
interface Lane {
  multError: boolean;
  alpha: number;
  beta: number;
  phi: number;
  l0: number;
  b0: number;
}

const newLane = (s: Spec): Lane => ({ multError: s.error === 2, alpha: 0, beta: 0, phi: 1, l0: 0, b0: 0 });

function setLane(lane: Lane, p: Problem): void {
  lane.alpha = p.coefs.alpha;
  lane.beta = p.coefs.beta;
  lane.phi = p.coefs.phi;
  lane.l0 = p.x0[0];
  lane.b0 = p.spec.trend ? p.x0[1] : 0;
}

/**
 * R's objective for one non-seasonal model (trend N/A), with the same floating-point operations as
 * `recursion` (so the same value, up to Σ log|ŷ| being taken as the log of a running product that
 * is flushed before it can overflow). Trend N is b0 = beta = 0 and phi = 1.
 */
function laneLik(y: Float64Array, u: Lane): number {
  const n = y.length;
  const { multError, alpha, phi } = u;
  const ratio = u.beta / u.alpha;
  let l = u.l0;
  let b = u.b0;
  let sse = 0;
  let sumLog = 0;
  let prod = 1;
  for (let i = 0; i < n; i++) {
    const phib = phi * b;
    const q = l + phib;
    const d = y[i] - q;
    const e = multError ? d / q : d;
    sse += e * e;
    if (multError) {
      prod *= Math.abs(q);
      if (!(prod < 1e100 && prod > 1e-100)) {
        sumLog += Math.log(prod);
        prod = 1;
      }
    }
    const next = q + alpha * d;
    b = phib + ratio * (next - l - phib);
    l = next;
  }
  return n * Math.log(sse) + (multError ? 2 * (sumLog + Math.log(prod)) : 0);
}

/**
 * R's objective for two non-seasonal models (ANN, AAN, AAdN, MNN, MAN, MAdN) in one pass: out[0]
 * for `u`, out[1] for `v`. Each is the same floating-point sequence as `recursion` (so the same
 * value, up to Σ log|ŷ| being taken as the log of a running product, flushed before it can
 * overflow); two independent recursions side by side let the CPU overlap their latency.
 */
function pairedLik(y: Float64Array, u: Lane, v: Lane, out: Float64Array): void {
  const n = y.length;
  const multU = u.multError;
  const multV = v.multError;
  const alphaU = u.alpha;
  const alphaV = v.alpha;
  const ratioU = u.beta / u.alpha;
  const ratioV = v.beta / v.alpha;
  const phiU = u.phi;
  const phiV = v.phi;
  let lU = u.l0;
  let bU = u.b0;
  let lV = v.l0;
  let bV = v.b0;
  let sseU = 0;
  let sseV = 0;
  let logU = 0;
  let logV = 0;
  let prodU = 1;
  let prodV = 1;
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    const phibU = phiU * bU;
    const qU = lU + phibU;
    const dU = yi - qU;
    const eU = multU ? dU / qU : dU;
    sseU += eU * eU;
    const phibV = phiV * bV;
    const qV = lV + phibV;
    const dV = yi - qV;
    const eV = multV ? dV / qV : dV;
    sseV += eV * eV;
    if (multU) {
      prodU *= Math.abs(qU);
      if (!(prodU < 1e100 && prodU > 1e-100)) {
        logU += Math.log(prodU);
        prodU = 1;
      }
    }
    if (multV) {
      prodV *= Math.abs(qV);
      if (!(prodV < 1e100 && prodV > 1e-100)) {
        logV += Math.log(prodV);
        prodV = 1;
      }
    }
    const nextU = qU + alphaU * dU;
    bU = phibU + ratioU * (nextU - lU - phibU);
    lU = nextU;
    const nextV = qV + alphaV * dV;
    bV = phibV + ratioV * (nextV - lV - phibV);
    lV = nextV;
  }
  out[0] = n * Math.log(sseU) + (multU ? 2 * (logU + Math.log(prodU)) : 0);
  out[1] = n * Math.log(sseV) + (multV ? 2 * (logV + Math.log(prodV)) : 0);
}

/** Point forecasts 1..h ahead from a state `[l, b?, s1..sm]` (R's `etsforecast`); NaN where R gives NA. */
function pointForecasts(s: Spec, phi: number, last: ArrayLike<number>, h: number): number[] {
  const { trend, season, m } = s;
  const l = last[0];
  const b = trend ? last[1] : 0;
  const off = trend ? 2 : 1;
  const mu = new Array<number>(h);
  let phistar = phi;
  for (let i = 0; i < h; i++) {
    let f = trend === 0 ? l : trend === 1 ? l + phistar * b : b < 0 ? NaN : l * Math.pow(b, phistar);
    if (season) {
      const sj = last[off + ((((m - 1 - i) % m) + m) % m)];
      f = season === 1 ? f + sj : f * sj;
    }
    mu[i] = f;
    phistar += Math.abs(phi - 1) < TOL ? 1 : Math.pow(phi, i + 2);
  }
  return mu;
}

// ---------------------------------------------------------------------------------------------
// Initial states (R's `initstate`, with `decompose`, `fourier` + `tslm`, and `lsfit`)

/** Least squares y ~ columns of X (each column n values), by the normal equations; null when singular. */
function leastSquares(X: number[][], y: ArrayLike<number>): number[] | null {
  const p = X.length;
  const n = y.length;
  const A = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p + 1 }, (_, j) => {
      let sum = 0;
      const other = j < p ? X[j] : null;
      for (let t = 0; t < n; t++) sum += X[i][t] * (other ? other[t] : y[t]);
      return sum;
    }),
  );
  const scale = Math.max(...A.map((row, i) => Math.abs(row[i])));
  for (let col = 0; col < p; col++) {
    let piv = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(A[r][col]) > Math.abs(A[piv][col])) piv = r;
    if (!(Math.abs(A[piv][col]) > 1e-12 * scale)) return null;
    [A[col], A[piv]] = [A[piv], A[col]];
    for (let r = 0; r < p; r++) {
      if (r === col) continue;
      const factor = A[r][col] / A[col][col];
      for (let j = col; j <= p; j++) A[r][j] -= factor * A[col][j];
    }
  }
  return A.map((row, i) => row[p] / row[i]);
}

/** R's `decompose(y)$seasonal` (classical decomposition, centred moving average), n values. */
function decomposeSeasonal(y: ArrayLike<number>, m: number, mult: boolean): number[] {
  const n = y.length;
  const w =
    m % 2 === 0 ? [0.5 / m, ...new Array<number>(m - 1).fill(1 / m), 0.5 / m] : new Array<number>(m).fill(1 / m);
  const half = Math.floor(w.length / 2);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = half; t < n - (w.length - 1 - half); t++) {
    let trend = 0;
    for (let j = 0; j < w.length; j++) trend += w[j] * y[t + half - j]; // R's filter(): x[i + o - j]
    const detrended = mult ? y[t] / trend : y[t] - trend;
    sums[t % m] += detrended;
    counts[t % m]++;
  }
  const figure = sums.map((v, i) => v / counts[i]);
  const centre = figure.reduce((a, v) => a + v, 0) / m;
  const norm = figure.map((v) => (mult ? v / centre : v - centre));
  return Array.from({ length: n }, (_, t) => norm[t % m]);
}

/** Seasonal part for short series (n < 3m): y less (or over) the trend of y ~ t + Fourier(K = 1), as R. */
function fourierSeasonal(y: ArrayLike<number>, m: number, mult: boolean): number[] | null {
  const n = y.length;
  const t = Array.from({ length: n }, (_, i) => i + 1);
  const X = [t.map(() => 1), t];
  if (m !== 2) X.push(t.map((ti) => Math.sin((2 * Math.PI * ti) / m)));
  X.push(t.map((ti) => Math.cos((2 * Math.PI * ti) / m)));
  const coef = leastSquares(X, y);
  if (!coef) return null;
  return t.map((ti, i) => (mult ? y[i] / (coef[0] + coef[1] * ti) : y[i] - coef[0] - coef[1] * ti));
}

/**
 * R's `initstate`: `[l, b?, s1..s(m-1)]` (the last seasonal state is implied by normalisation),
 * or null where R stops (seasonal with fewer than 4 values).
 */
function initialStates(y: ArrayLike<number>, s: Spec): number[] | null {
  const n = y.length;
  const { m } = s;
  let ySa: ArrayLike<number> = y;
  let seasInit: number[] = [];
  if (s.season) {
    if (n < 4) return null;
    const mult = s.season === 2;
    const seasonal = n < 3 * m ? fourierSeasonal(y, m, mult) : decomposeSeasonal(y, m, mult);
    if (!seasonal) return null;
    seasInit = seasonal.slice(1, m).reverse();
    if (mult) {
      seasInit = seasInit.map((v) => Math.max(v, 0.01));
      const total = seasInit.reduce((a, v) => a + v, 0);
      if (total > m) {
        const denom = seasInit.reduce((a, v) => a + v + 0.01, 0);
        seasInit = seasInit.map((v) => v / denom);
      }
      ySa = Array.from({ length: n }, (_, i) => y[i] / Math.max(seasonal[i], 0.01));
    } else {
      ySa = Array.from({ length: n }, (_, i) => y[i] - seasonal[i]);
    }
  }
  const maxn = Math.min(Math.max(10, 2 * m), n);
  if (!s.trend) {
    let sum = 0;
    for (let i = 0; i < maxn; i++) sum += ySa[i];
    return [sum / maxn, ...seasInit];
  }
  // lsfit(1:maxn, ySa[1:maxn])
  let mx = 0;
  let my = 0;
  for (let i = 0; i < maxn; i++) {
    mx += i + 1;
    my += ySa[i];
  }
  mx /= maxn;
  my /= maxn;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < maxn; i++) {
    sxy += (i + 1 - mx) * (ySa[i] - my);
    sxx += (i + 1 - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  let l0: number;
  let b0: number;
  if (s.trend === 1) {
    l0 = intercept;
    b0 = slope;
    if (Math.abs(l0 + b0) < 1e-8) {
      l0 *= 1 + 0.001;
      b0 *= 1 - 0.001;
    }
  } else {
    l0 = intercept + slope;
    if (Math.abs(l0) < 1e-8) l0 = 1e-7;
    b0 = (intercept + 2 * slope) / l0;
    l0 = l0 / b0;
    if (Math.abs(b0) > 1e10) b0 = Math.sign(b0) * 1e10;
    if (l0 < 1e-8 || b0 < 1e-8) {
      l0 = Math.max(ySa[0], 0.001);
      b0 = Math.max(ySa[1] / ySa[0], 0.001);
    }
  }
  return [l0, b0, ...seasInit];
}

// ---------------------------------------------------------------------------------------------
// Parameter space (R's `initparam`, `check.param`, `admissible`; bounds = "both")

const LOWER = [1e-4, 1e-4, 1e-4, 0.8];
const UPPER = [0.9999, 0.9999, 0.9999, 0.98];

/** R's `initparam`: starting [alpha, beta?, gamma?, phi?]. */
function startingParams(s: Spec): number[] {
  const alpha = LOWER[0] + (0.2 * (UPPER[0] - LOWER[0])) / s.m;
  const par = [alpha];
  if (s.trend) par.push(LOWER[1] + 0.1 * (Math.min(UPPER[1], alpha) - LOWER[1]));
  if (s.season) par.push(LOWER[2] + 0.05 * (Math.min(UPPER[2], 1 - alpha) - LOWER[2]));
  if (s.damped) par.push(LOWER[3] + 0.99 * (UPPER[3] - LOWER[3]));
  return par;
}

/**
 * R's `check.param` with bounds "both": the usual bounds (beta ≤ alpha, gamma ≤ 1 - alpha, phi in
 * [0.8, 0.98]) and then `admissible`, whose seasonal case needs every root of the characteristic
 * polynomial in |z| ≤ 1 + 1e-10. `poly` and `work` are buffers of m + 2 and 2(m + 2) values.
 */
function paramsAllowed(s: Spec, c: Coefs, poly: Float64Array, work: Float64Array): boolean {
  const { alpha, beta, gamma, phi } = c;
  if (alpha < LOWER[0] || alpha > UPPER[0]) return false;
  if (s.trend && (beta < LOWER[1] || beta > alpha || beta > UPPER[1])) return false;
  if (s.damped && (phi < LOWER[3] || phi > UPPER[3])) return false;
  if (s.season && (gamma < LOWER[2] || gamma > 1 - alpha || gamma > UPPER[2])) return false;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (!s.season) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    return !(s.trend && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha)));
  }
  const m = s.m;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  poly[0] = phi * (1 - alpha - gamma);
  poly[1] = alpha + beta - alpha * phi + gamma - 1;
  for (let k = 2; k < m; k++) poly[k] = alpha + beta - alpha * phi;
  poly[m] = alpha + beta - phi;
  poly[m + 1] = 1;
  return rootsInside(poly, m + 1, 1 + 1e-10, work);
}

/**
 * Whether every root of Σ c[k]·z^k (degree d, c[d] ≠ 0) lies in |z| < radius, by the Schur–Cohn
 * recursion on the polynomial in w = z / radius: with |a0| < |ad|, p has all roots in the unit
 * disc iff (ad·p(w) - a0·w^d·p(1/w)) / w does. `work` holds 2(d + 1) values.
 */
function rootsInside(c: ArrayLike<number>, d: number, radius: number, work: Float64Array): boolean {
  let a = work.subarray(0, d + 1);
  let next = work.subarray(d + 1, 2 * (d + 1));
  let scale = 1;
  for (let k = 0; k <= d; k++) {
    a[k] = c[k] * scale;
    scale *= radius;
  }
  for (let deg = d; deg > 0; deg--) {
    const a0 = a[0];
    const ad = a[deg];
    if (!(Math.abs(a0) < Math.abs(ad))) return false;
    const norm = ad * ad - a0 * a0;
    for (let k = 0; k < deg; k++) next[k] = (ad * a[k + 1] - a0 * a[deg - 1 - k]) / norm;
    [a, next] = [next, a];
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// R's Nelder–Mead (`nmmin` in R's optim.c, which forecast's `etsNelderMead` calls)

interface NmResult {
  x: Float64Array;
  value: number;
}

/**
 * R's `nmmin` exactly as forecast's C++ calls it (alpha 1, beta 0.5, gamma 2, abstol -Inf, intol
 * sqrt(machine epsilon)): one initial step of 0.1·max|x0| on every coordinate, convergence when
 * the simplex's values span ≤ intol·(|f(x0)| + intol), non-finite values counted as 1e35, at most
 * `maxit` evaluations. Written as a generator that yields each point to evaluate (valid until the
 * next resume) and takes its objective value back, so several minimisations can share one pass
 * over the data; returns the vertex R returns and its value.
 */
function* nmminSteps(x0: readonly number[], maxit: number): Generator<Float64Array, NmResult, number> {
  const n = x0.length;
  const big = 1e35;
  const intol = Math.sqrt(Number.EPSILON);
  const finite = (v: number) => (Number.isFinite(v) ? v : big);
  // P: n + 1 vertices plus the centroid slot C = n + 1; values in fv.
  const P = Array.from({ length: n + 2 }, () => Float64Array.from(x0));
  const fv = new Float64Array(n + 2);
  const bvec = Float64Array.from(x0);
  let fx: number = yield bvec;
  if (!Number.isFinite(fx)) return { x: bvec, value: Infinity };
  let funcount = 1;
  const convtol = intol * (Math.abs(fx) + intol);
  fv[0] = fx;
  let step = 0;
  for (let i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(x0[i]));
  if (step === 0) step = 0.1;
  let size = 0;
  for (let j = 1; j <= n; j++) {
    let trystep = step;
    while (P[j][j - 1] === x0[j - 1]) {
      P[j][j - 1] = x0[j - 1] + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  let L = 0;
  const C = n + 1;
  for (;;) {
    if (calcvert) {
      for (let j = 0; j <= n; j++) {
        if (j === L) continue;
        fv[j] = finite(yield P[j]);
        funcount++;
      }
      calcvert = false;
    }
    let VL = fv[L];
    let VH = VL;
    let H = L;
    for (let j = 0; j <= n; j++) {
      if (j === L) continue;
      if (fv[j] < VL) {
        L = j;
        VL = fv[j];
      }
      if (fv[j] > VH) {
        H = j;
        VH = fv[j];
      }
    }
    if (VH <= VL + convtol) break;
    const centroid = P[C];
    for (let i = 0; i < n; i++) {
      let temp = -P[H][i];
      for (let j = 0; j <= n; j++) temp += P[j][i];
      centroid[i] = temp / n;
    }
    for (let i = 0; i < n; i++) bvec[i] = 2 * centroid[i] - P[H][i];
    fx = finite(yield bvec);
    funcount++;
    const VR = fx;
    if (VR < VL) {
      fv[C] = fx;
      for (let i = 0; i < n; i++) {
        const e = 2 * bvec[i] - centroid[i];
        centroid[i] = bvec[i];
        bvec[i] = e;
      }
      fx = finite(yield bvec);
      funcount++;
      if (fx < VR) {
        P[H].set(bvec);
        fv[H] = fx;
      } else {
        P[H].set(centroid);
        fv[H] = VR;
      }
    } else {
      if (VR < VH) {
        P[H].set(bvec);
        fv[H] = VR;
      }
      for (let i = 0; i < n; i++) {
        const c = 0.5 * P[H][i] + 0.5 * centroid[i];
        centroid[i] = c;
        bvec[i] = c;
      }
      fx = finite(yield bvec);
      funcount++;
      if (fx < fv[H]) {
        P[H].set(centroid);
        fv[H] = fx;
      } else if (VR >= VH) {
        calcvert = true;
        size = 0;
        for (let j = 0; j <= n; j++) {
          if (j === L) continue;
          for (let i = 0; i < n; i++) {
            P[j][i] = 0.5 * (P[j][i] - P[L][i]) + P[L][i];
            size += Math.abs(P[j][i] - P[L][i]);
          }
        }
        if (size < oldsize) oldsize = size;
        else break;
      }
    }
    if (funcount > maxit) break;
  }
  return { x: P[L], value: fv[L] };
}

/** R's `nmmin` on a plain objective. */
function nmmin(f: (x: Float64Array) => number, x0: readonly number[], maxit: number): NmResult {
  const steps = nmminSteps(x0, maxit);
  let step = steps.next();
  while (!step.done) step = steps.next(f(step.value));
  return step.value;
}

// ---------------------------------------------------------------------------------------------
// Fitting one model (R's `etsmodel`)

/** A fitted state-space model: what forecasting needs. */
interface StateSpace {
  spec: Spec;
  coefs: Coefs;
  /** Final state `[l, b?, s1..sm]`. */
  last: Float64Array;
  sigma2: number;
}

interface ModelFit extends StateSpace {
  x0: Float64Array;
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  fitted: Float64Array;
  residuals: Float64Array;
}

const coefsOf = (s: Spec, p: EtsParams): Coefs => ({
  alpha: p.alpha,
  beta: s.trend ? (p.beta ?? 0) : 0,
  gamma: s.season ? (p.gamma ?? 0) : 0,
  phi: s.damped ? (p.phi ?? 1) : 1,
});

/**
 * Evaluates a model at given parameters and initial state: fitted values, residuals, final state
 * and R's information criteria, counting `nFree` estimated parameters and states (R's
 * `length(par)`; sigma adds one more). Null where the likelihood is undefined.
 */
function evaluate(y: Float64Array, s: Spec, c: Coefs, x0: Float64Array, nFree: number): ModelFit | null {
  const n = y.length;
  const out = { e: new Float64Array(n), f: new Float64Array(n), last: new Float64Array(stateLength(s)) };
  const lik = recursion(s, c, x0, y, n, new Float64Array(s.m), out);
  if (Number.isNaN(lik) || lik === Infinity) return null;
  const np = nFree + 1;
  const aic = lik + 2 * np;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += out.e[i] * out.e[i];
  return {
    spec: s,
    coefs: c,
    last: out.last,
    sigma2: sse / (n - nFree),
    x0,
    loglik: -0.5 * lik,
    aic,
    aicc: aic + (2 * np * (np + 1)) / (n - np - 1),
    bic: lik + Math.log(n) * np,
    fitted: out.f,
    residuals: out.e,
  };
}

/** One model's estimation problem: R's starting vector and the map from it to the model. */
interface Problem {
  spec: Spec;
  /** [alpha, beta?, gamma?, phi?, l, b?, s1..s(m-1)] as R's `par`. */
  par0: number[];
  /** Coefficients and full initial state of the last point `load`ed. */
  coefs: Coefs;
  x0: Float64Array;
  /** Loads a point into coefs and x0; false outside R's parameter space (objective Inf). */
  load(par: ArrayLike<number>): boolean;
}

/**
 * Sets up R's `etsmodel` for one model: R's initial states and starting parameters; null where R
 * gives an infinite criterion before optimising (no initial states, or as many parameters and
 * states as observations less one).
 */
function setupProblem(y: Float64Array, s: Spec): Problem | null {
  const states = initialStates(y, s);
  if (!states) return null;
  const par0 = [...startingParams(s), ...states];
  if (par0.length >= y.length - 1) return null;
  const nPar = par0.length - states.length;
  const x0 = new Float64Array(stateLength(s));
  const poly = new Float64Array(s.m + 2);
  const work = new Float64Array(2 * (s.m + 2));
  const coefs: Coefs = { alpha: 0, beta: 0, gamma: 0, phi: 1 };
  const off = s.trend ? 2 : 1;
  const load = (par: ArrayLike<number>): boolean => {
    let k = 0;
    coefs.alpha = par[k++];
    coefs.beta = s.trend ? par[k++] : 0;
    coefs.gamma = s.season ? par[k++] : 0;
    coefs.phi = s.damped ? par[k++] : 1;
    if (!paramsAllowed(s, coefs, poly, work)) return false;
    for (let i = 0; i < states.length; i++) x0[i] = par[nPar + i];
    if (s.season) {
      let sum = 0;
      for (let i = off; i < states.length; i++) sum += x0[i];
      x0[states.length] = (s.season === 2 ? s.m : 0) - sum;
      if (s.season === 2) for (let i = off; i <= states.length; i++) if (x0[i] < 0) return false;
    }
    return true;
  };
  return { spec: s, par0, coefs, x0, load };
}

/** R's treatment of the objective: NaN (R's NA) counts as Inf, and values below -1e10 as -1e10. */
const clampObjective = (lik: number) => (Number.isNaN(lik) ? Infinity : lik < -1e10 ? -1e10 : lik);

/** The fitted model at the optimiser's answer, or null where R's criterion would be infinite/NA. */
function finishProblem(y: Float64Array, p: Problem, best: NmResult): ModelFit | null {
  if (!Number.isFinite(best.value) || !p.load(best.x)) return null;
  return evaluate(y, p.spec, { ...p.coefs }, Float64Array.from(p.x0), p.par0.length);
}

/** R's `etsmodel` with opt.crit "lik": R's Nelder–Mead (2000 evaluations) from R's start. */
function fitModel(y: Float64Array, s: Spec): ModelFit | null {
  const p = setupProblem(y, s);
  if (!p) return null;
  const seas = new Float64Array(s.m);
  const objective = (par: Float64Array) =>
    p.load(par) ? clampObjective(recursion(s, p.coefs, p.x0, y, y.length, seas, null)) : Infinity;
  return finishProblem(y, p, nmmin(objective, p.par0, 2000));
}

/** Whether a model's objective can use the non-seasonal kernel (trend N/A, no season). */
const isLinearNonSeasonal = (s: Spec) => s.season === 0 && s.trend !== 2;

/**
 * `fitModel` for several non-seasonal models (trend N/A) of one series at once: their R
 * Nelder–Mead runs advance in lockstep and their likelihoods are evaluated two per pass over the
 * data (`pairedLik`), which keeps twice the arithmetic in flight. Each run sees exactly the values
 * it would alone, so the fits are those of `fitModel`. Returns one result per spec, in order.
 */
function fitNonSeasonalModels(y: Float64Array, specs: Spec[]): (ModelFit | null)[] {
  const runs = specs.map((spec) => {
    const problem = setupProblem(y, spec);
    if (!problem) return null;
    const steps = nmminSteps(problem.par0, 2000);
    return { problem, steps, step: steps.next(), lane: newLane(spec) };
  });
  const out = new Float64Array(2);
  for (;;) {
    const ready: NonNullable<(typeof runs)[number]>[] = [];
    for (const run of runs) {
      if (!run) continue;
      // Points outside the parameter space cost no pass over the data.
      while (!run.step.done && !run.problem.load(run.step.value)) run.step = run.steps.next(Infinity);
      if (run.step.done) continue;
      setLane(run.lane, run.problem);
      ready.push(run);
    }
    if (!ready.length) break;
    for (let i = 0; i + 1 < ready.length; i += 2) {
      const [first, second] = [ready[i], ready[i + 1]];
      pairedLik(y, first.lane, second.lane, out);
      first.step = first.steps.next(clampObjective(out[0]));
      second.step = second.steps.next(clampObjective(out[1]));
    }
    if (ready.length % 2) {
      const last = ready[ready.length - 1];
      last.step = last.steps.next(clampObjective(laneLik(y, last.lane)));
    }
  }
  return runs.map((run) => (run?.step.done ? finishProblem(y, run.problem, run.step.value) : null));
}

// ---------------------------------------------------------------------------------------------
// Short series: R's `HoltWintersZZ` (least squares on one-step errors, classical starting states)

/**
 * R's `HoltWintersZZ` without damping, used by `ets` when n ≤ (number of parameters) + 4 and for
 * constant series: alpha (unless given), beta (with a trend) and gamma (with a season) in [0, 1]
 * minimising the sum of squared one-step errors from R's simple starting states. R uses L-BFGS-B;
 * this uses Nelder–Mead on the box (points outside are clamped onto it). Holt–Winters' beta is
 * beta_ETS / alpha; the returned `coefs` keep Holt–Winters' beta as R's `par` does, which R's
 * forecast variances then use as is. Null where R fails (fewer than two seasons for the seasonal
 * starts, or non-positive data for multiplicative forms).
 */
function fitHoltWinters(
  y: Float64Array,
  period: number,
  trend: 0 | 1 | 2,
  season: 0 | 1 | 2,
  alpha?: number,
): ModelFit | null {
  const n = y.length;
  const m = season ? period : 1;
  if (n < 2 || (season && n < 2 * m)) return null;
  if ((season === 2 || trend === 2) && y.some((v) => v <= 0)) return null;
  const spec: Spec = { error: season === 2 || (!season && trend === 2) ? 2 : 1, trend, season, damped: false, m };
  const x0 = holtWintersStart(y, spec);
  const free = [alpha === undefined, trend !== 0, season !== 0];
  const toParams = (p: number[]): Coefs => {
    let k = 0;
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    return {
      alpha: free[0] ? clamp(p[k++]) : (alpha ?? 0),
      beta: free[1] ? clamp(p[k++]) : 0,
      gamma: free[2] ? clamp(p[k++]) : 0,
      phi: 1,
    };
  };
  const out = { e: new Float64Array(n), f: new Float64Array(n), last: new Float64Array(x0.length) };
  const seas = new Float64Array(m);
  const sse = (c: Coefs): number => {
    recursion(spec, { ...c, beta: c.alpha * c.beta }, x0, y, n, seas, out);
    let total = 0;
    for (let i = 0; i < n; i++) total += (y[i] - out.f[i]) ** 2;
    return total;
  };
  const coefs = toParams(minimiseOnBox((p) => sse(toParams(p)), holtWintersStarts(alpha, period, free)));
  if (!Number.isFinite(sse(coefs))) return null;
  let sum2 = 0;
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    residuals[i] = y[i] - out.f[i];
    sum2 += spec.error === 1 ? residuals[i] ** 2 : (residuals[i] / out.f[i]) ** 2;
  }
  return {
    spec,
    coefs,
    last: Float64Array.from(out.last),
    sigma2: sum2 / n,
    x0,
    loglik: NaN,
    aic: NaN,
    aicc: NaN,
    bic: NaN,
    fitted: Float64Array.from(out.f),
    residuals,
  };
}

/**
 * Starting points for the Holt–Winters least squares, over the free parameters among
 * [alpha, beta, gamma]: R's (`initparam` with bounds [0, 1]) and a 3-level grid, since Nelder–Mead
 * on a box can stall in a corner that R's L-BFGS-B would leave.
 */
function holtWintersStarts(alpha: number | undefined, period: number, free: boolean[]): number[][] {
  const a0 = alpha ?? 0.2 / period;
  const starts = [[a0, 0.1 * Math.min(1, a0), 0.05 * Math.min(1, 1 - a0)].filter((_, i) => free[i])];
  const dims = starts[0].length;
  for (let code = 0; dims > 0 && code < 3 ** dims; code++)
    starts.push(Array.from({ length: dims }, (_, k) => [0.1, 0.5, 0.9][Math.floor(code / 3 ** k) % 3]));
  return starts;
}

/** The best of Nelder–Mead runs from each start (an objective that clamps onto its box); [] for none. */
function minimiseOnBox(f: (x: number[]) => number, starts: number[][]): number[] {
  if (!starts[0].length) return [];
  let best = { x: starts[0], value: Infinity };
  for (const start of starts) {
    const run = nelderMead(f, start, { maxIterations: 2000, relTol: 1e-10 });
    if (run.value < best.value) best = run;
  }
  return best.x;
}

/** R's Holt–Winters starting state `[l, b?, s1..sm]` (s1 the most recent, so x[1..m] enters reversed). */
function holtWintersStart(y: Float64Array, s: Spec): Float64Array {
  if (!s.season) {
    const b0 = s.trend === 2 ? y[1] / y[0] : y[1] - y[0];
    return Float64Array.from(s.trend ? [y[0], b0] : [y[0]]);
  }
  const { m } = s;
  const l0 = average(y.subarray(0, m));
  const b0 = (average(y.subarray(m, 2 * m)) - l0) / m;
  const seasons = Array.from(y.subarray(0, m), (v) => (s.season === 1 ? v - l0 : v / l0)).reverse();
  return Float64Array.from([l0, ...(s.trend ? [b0] : []), ...seasons]);
}

function average(v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i];
  return sum / v.length;
}

// ---------------------------------------------------------------------------------------------
// Forecast distributions (R's `forecast.ets`: `class1`, `class2`, `class3`, `pegelsfcast.C`)

const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

/**
 * R's `class1` (additive error, trend N/A/Ad, season N/A): means and the coefficients c_j = H F^j G,
 * h and h - 1 values, from the linear state-space matrices built exactly as R builds them. (R puts
 * gamma in G[3], which without a trend is the second seasonal state rather than the first; the
 * variances follow R.)
 */
function linearMoments(ss: StateSpace, h: number): { mu: number[]; cj: number[] } {
  const { spec, coefs, last } = ss;
  const p = last.length;
  const m = spec.m;
  const H = new Float64Array(p);
  const F = Array.from({ length: p }, () => new Float64Array(p));
  const G = new Float64Array(p);
  H[0] = 1;
  F[0][0] = 1;
  G[0] = coefs.alpha;
  if (spec.season === 1) {
    H[p - 1] = 1;
    F[p - m][p - 1] = 1;
    for (let i = 0; i < m - 1; i++) F[p - m + 1 + i][p - m + i] = 1;
    G[2] = coefs.gamma;
  }
  if (spec.trend === 1) {
    H[1] = coefs.phi;
    F[0][1] = F[1][1] = coefs.phi;
    G[1] = coefs.beta;
  }
  const dot = (a: Float64Array, b: ArrayLike<number>) => a.reduce((sum, v, i) => sum + v * b[i], 0);
  let row = H;
  const mu: number[] = [];
  const cj: number[] = [];
  for (let i = 0; i < h - 1; i++) {
    mu.push(dot(row, last));
    cj.push(dot(row, G));
    const nextRow = new Float64Array(p);
    for (let k = 0; k < p; k++) if (row[k] !== 0) for (let j = 0; j < p; j++) nextRow[j] += row[k] * F[k][j];
    row = nextRow;
  }
  mu.push(dot(row, last));
  return { mu, cj };
}

/** R's `class1` variances: σ²(1 + Σ_{k<j} c_k²), h values. */
function class1Variance(sigma2: number, cj: number[], h: number): number[] {
  const v = [sigma2];
  let acc = 1;
  for (let j = 1; j < h; j++) {
    acc += cj[j - 1] ** 2;
    v.push(sigma2 * acc);
  }
  return v;
}

/** R's `class2` (multiplicative error, trend N/A/Ad, season N/A) variances, h values. */
function class2Variance(sigma2: number, mu: number[], cj: number[]): number[] {
  const h = mu.length;
  const theta = [mu[0] ** 2];
  for (let j = 1; j < h; j++) {
    let sum = 0;
    for (let k = 0; k < j; k++) sum += cj[k] ** 2 * theta[j - 1 - k];
    theta.push(mu[j] ** 2 + sigma2 * sum);
  }
  return theta.map((t, j) => (1 + sigma2) * t - mu[j] ** 2);
}

/** Dense row-major matrix. */
interface Mat {
  r: number;
  c: number;
  v: Float64Array;
}
const mat = (r: number, c: number, fill?: (i: number, j: number) => number): Mat => {
  const v = new Float64Array(r * c);
  if (fill) for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) v[i * c + j] = fill(i, j);
  return { r, c, v };
};
/** Matrix product a·b. */
function mul(a: Mat, b: Mat): Mat {
  const out = mat(a.r, b.c);
  for (let i = 0; i < a.r; i++)
    for (let k = 0; k < a.c; k++) {
      const aik = a.v[i * a.c + k];
      if (aik === 0) continue;
      for (let j = 0; j < b.c; j++) out.v[i * b.c + j] += aik * b.v[k * b.c + j];
    }
  return out;
}
/** Transpose, Kronecker product a ⊗ b, sum and scalar multiple. */
const tr = (a: Mat): Mat => mat(a.c, a.r, (i, j) => a.v[j * a.c + i]);
const kron = (a: Mat, b: Mat): Mat =>
  mat(
    a.r * b.r,
    a.c * b.c,
    (i, j) => a.v[Math.floor(i / b.r) * a.c + Math.floor(j / b.c)] * b.v[(i % b.r) * b.c + (j % b.c)],
  );
const add = (...ms: Mat[]): Mat => mat(ms[0].r, ms[0].c, (i, j) => ms.reduce((s, x) => s + x.v[i * x.c + j], 0));
const scale = (a: Mat, k: number): Mat => ({ r: a.r, c: a.c, v: a.v.map((x) => x * k) });

/**
 * R's `class3` (multiplicative error and season, trend N/A/Ad): means and variances, h values,
 * by R's recursions on the Kronecker-product form of the state (level/trend ⊗ seasons).
 */
function class3Moments(ss: StateSpace, h: number): { mu: number[]; variance: number[] } {
  const { spec, coefs, last, sigma2 } = ss;
  const m = spec.m;
  const p1 = spec.trend ? 2 : 1;
  const H1 = mat(1, p1, () => 1);
  const H2 = mat(1, m, (_, j) => (j === m - 1 ? 1 : 0));
  const F1 = p1 === 1 ? mat(1, 1, () => 1) : mat(2, 2, (i, j) => (i === 0 ? 1 : j === 1 ? coefs.phi : 0));
  const G1 = p1 === 1 ? mat(1, 1, () => coefs.alpha) : mat(2, 2, (i) => (i === 0 ? coefs.alpha : coefs.beta));
  const F2 = mat(m, m, (i, j) => (i === 0 ? (j === m - 1 ? 1 : 0) : j === i - 1 ? 1 : 0));
  const G2 = mat(m, m, (i, j) => (i === 0 && j === m - 1 ? coefs.gamma : 0));
  let Mh = mat(p1, m, (i, j) => last[i] * last[p1 + j]);
  let Vh = mat(p1 * m, p1 * m);
  const H21 = kron(H2, H1);
  const F21 = kron(F2, F1);
  const G21 = kron(G2, G1);
  const K = add(kron(G2, F1), kron(F2, G1));
  const [F21t, G21t, Kt, H21t, F2t, G2t] = [tr(F21), tr(G21), tr(K), tr(H21), tr(F2), tr(G2)];
  const mu: number[] = [];
  const variance: number[] = [];
  for (let i = 0; i < h; i++) {
    const muI = mul(mul(H1, Mh), tr(H2)).v[0];
    mu.push(muI);
    variance.push((1 + sigma2) * mul(mul(H21, Vh), H21t).v[0] + sigma2 * muI * muI);
    // vec(Mh), column-major as R's c(Mh).
    const vec = mat(p1 * m, 1, (k) => Mh.v[(k % p1) * m + Math.floor(k / p1)]);
    const outer = mul(vec, tr(vec));
    const FV = mul(F21, Vh);
    const GV = mul(G21, Vh);
    Vh = add(
      mul(FV, F21t),
      scale(
        add(
          mul(FV, G21t),
          mul(GV, F21t),
          mul(mul(K, add(Vh, outer)), Kt),
          scale(mul(mul(G21, add(scale(Vh, 3), scale(outer, 2))), G21t), sigma2),
        ),
        sigma2,
      ),
    );
    Mh = add(mul(mul(F1, Mh), F2t), scale(mul(mul(G1, Mh), G2t), sigma2));
  }
  return { mu, variance };
}

/** Deterministic PRNG (mulberry32) giving uniforms in (0, 1). */
function uniforms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/** R's `quantile(type = 8)` of sorted values. */
function quantile8(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const pos = 1 / 3 + p * (n + 1 / 3);
  const j = Math.floor(pos + 4 * Number.EPSILON);
  const g = pos - j;
  const at = (k: number) => sorted[Math.min(Math.max(k, 1), n) - 1];
  return g < 4 * Number.EPSILON ? at(j) : (1 - g) * at(j) + g * at(j + 1);
}

const SIM_PATHS = 5000;
const SIM_SEED = 20240501;

/**
 * R's `pegelsfcast.C` for the models without analytic variances (multiplicative trend): 5000
 * future paths with N(0, σ²) innovations (truncated at -1 for multiplicative error) from a
 * fixed-seed generator, so results are reproducible. Returns the 10/90 and 2.5/97.5 percentiles
 * per horizon (h values each), or null when no path is finite.
 */
function simulatedIntervals(ss: StateSpace, h: number): [number[], number[], number[], number[]] | null {
  const rand = uniforms(SIM_SEED);
  const sd = Math.sqrt(ss.sigma2);
  const paths = Array.from({ length: h }, () => new Float64Array(SIM_PATHS));
  const y = new Float64Array(h);
  const innov = new Float64Array(h);
  const seas = new Float64Array(ss.spec.m);
  let kept = 0;
  for (let path = 0; path < SIM_PATHS; path++) {
    for (let i = 0; i < h; i++) {
      const z = Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
      innov[i] = ss.spec.error === 2 ? Math.max(-1, sd * z) : sd * z;
    }
    if (Number.isNaN(recursion(ss.spec, ss.coefs, ss.last, y, h, seas, null, innov))) continue;
    if (!y.every(Number.isFinite)) continue;
    for (let i = 0; i < h; i++) paths[i][kept] = y[i];
    kept++;
  }
  if (kept === 0) return null;
  const sorted = paths.map((v) => v.subarray(0, kept).sort());
  const q = (p: number) => sorted.map((v) => quantile8(v, p));
  return [q(0.1), q(0.9), q(0.025), q(0.975)];
}

/**
 * R's analytic forecast means and variances, h values each: `class1` (additive error, trend
 * N/A/Ad, season N/A), `class2` (multiplicative error, same components) and `class3`
 * (multiplicative error and season, trend N/A/Ad); null for the models R simulates. For class 3 R
 * reports class3's mean (the forecast mean under multiplicative errors, whose damped form uses
 * R's F1 with an undamped level row) rather than the point forecast; so does this.
 */
function analyticMoments(ss: StateSpace, h: number): { mean: number[]; variance: number[] } | null {
  const { spec, sigma2 } = ss;
  if (spec.trend !== 2 && spec.season !== 2) {
    const { mu, cj } = linearMoments(ss, h);
    return { mean: mu, variance: spec.error === 1 ? class1Variance(sigma2, cj, h) : class2Variance(sigma2, mu, cj) };
  }
  if (spec.error === 2 && spec.season === 2 && spec.trend !== 2) {
    const { mu, variance } = class3Moments(ss, h);
    return { mean: mu, variance };
  }
  return null;
}

/**
 * Forecasts with 80% and 95% intervals as R's `forecast.ets`: analytic where R has them, else
 * point forecasts with simulated intervals. Intervals are left out where not finite; a
 * non-finite mean (R stops: "Problem with multiplicative damped trend") becomes the last level.
 */
function forecastStateSpace(ss: StateSpace, h: number): Forecast {
  if (h <= 0) return { mean: [] };
  const analytic = analyticMoments(ss, h);
  const mean = analytic?.mean ?? pointForecasts(ss.spec, ss.coefs.phi, ss.last, h);
  if (!mean.every(Number.isFinite))
    return { mean: new Array<number>(h).fill(Number.isFinite(ss.last[0]) ? ss.last[0] : 0) };
  if (analytic) {
    const { variance } = analytic;
    if (!variance.every((v) => Number.isFinite(v) && v >= 0)) return { mean };
    const band = (z: number, sign: number) => mean.map((v, i) => v + sign * z * Math.sqrt(variance[i]));
    return { mean, lo80: band(Z80, -1), hi80: band(Z80, 1), lo95: band(Z95, -1), hi95: band(Z95, 1) };
  }
  const sim = simulatedIntervals(ss, h);
  if (!sim || !sim.every((q) => q.every(Number.isFinite))) return { mean };
  const [lo80, hi80, lo95, hi95] = sim;
  return { mean, lo80, hi80, lo95, hi95 };
}

// ---------------------------------------------------------------------------------------------
// Model selection (R's `ets`)

/** A model request: each letter may be "Z" (choose); damped undefined means try both. */
interface Request {
  error: "A" | "M" | "Z";
  trend: "N" | "A" | "M" | "Z";
  season: "N" | "A" | "M" | "Z";
  damped?: boolean;
}

/** Parses "ZZZ", "MAdM", "AAN"...; null when malformed. A trend written without "d" is undamped. */
function parseModel(model: string, damped: boolean | undefined): Request | null {
  const match = /^([AMZ])([NAMZ])(d?)([NAMZ])$/.exec(model.trim());
  if (!match) return null;
  const [, error, trend, d, season] = match as unknown as [
    string,
    Request["error"],
    Request["trend"],
    string,
    Request["season"],
  ];
  const fixedTrend = trend === "A" || trend === "M";
  return { error, trend, season, damped: damped ?? (d ? true : fixedTrend ? false : undefined) };
}

/** The fallback for requests R would refuse: ETS(A,N,N). */
const SIMPLEST: Request = { error: "A", trend: "N", season: "N", damped: false };

/**
 * What R's `ets` refuses for this request (forbidden combinations with restrict = TRUE,
 * multiplicative error on non-positive data, damping without trend), or null.
 */
function refusal(r: Request, positive: boolean): string | null {
  if (
    (r.error === "A" && (r.trend === "M" || r.season === "M")) ||
    (r.error === "M" && r.trend === "M" && r.season === "A")
  )
    return "forbidden combination";
  if (r.error === "M" && !positive) return "multiplicative error needs positive data";
  if (r.damped && r.trend === "N") return "damping needs a trend";
  return null;
}

/** Every model R's loop visits for a request, in R's order (error, trend, season, damped TRUE first). */
function candidates(r: Request, m: number, positive: boolean, allowMultiplicativeTrend: boolean): Spec[] {
  const errors = r.error === "Z" ? (["A", "M"] as const) : [r.error];
  const trends =
    r.trend === "Z" ? (allowMultiplicativeTrend ? (["N", "A", "M"] as const) : (["N", "A"] as const)) : [r.trend];
  const seasons = r.season === "Z" ? (["N", "A", "M"] as const) : [r.season];
  const damps = r.damped === undefined ? [true, false] : [r.damped];
  const out: Spec[] = [];
  for (const error of errors)
    for (const trend of trends)
      for (const season of seasons)
        for (const damped of damps) {
          if (trend === "N" && damped) continue;
          if (error === "A" && (trend === "M" || season === "M")) continue;
          if (error === "M" && trend === "M" && season === "A") continue;
          if (error === "M" && !positive) continue;
          out.push(specOf({ error, trend, season, damped }, m));
        }
  return out;
}

/**
 * R's short-series branch (n ≤ parameters + 4): Holt–Winters with a season if one was asked for,
 * else with the trend asked for, else simple exponential smoothing; with "Z" letters, Holt's
 * linear trend or SES, whichever has the smaller σ².
 */
function shortSeriesFit(y: Float64Array, r: Request, m: number): ModelFit | null {
  const code = (t: Request["trend"]) => (t === "M" ? 2 : t === "A" ? 1 : 0) as 0 | 1 | 2;
  if (r.season === "A" || r.season === "M") {
    const fit = fitHoltWinters(y, m, r.trend === "M" ? 2 : 1, code(r.season));
    if (fit) return fit;
  }
  if (r.trend === "A" || r.trend === "M") {
    const fit = fitHoltWinters(y, m, code(r.trend), 0);
    if (fit) return fit;
  }
  if (r.trend === "N" && r.season === "N") {
    const fit = fitHoltWinters(y, m, 0, 0);
    if (fit) return fit;
  }
  const holt = fitHoltWinters(y, m, code(r.trend === "M" ? "M" : "A"), 0);
  const ses = fitHoltWinters(y, m, 0, 0);
  return holt && (!ses || holt.sigma2 < ses.sigma2) ? holt : ses;
}

/** Seasonal period R would use: 1 when period ≤ 1, not an integer, above 24, or not below n. */
function usablePeriod(period: number, n: number): number {
  return Number.isInteger(period) && period > 1 && period <= 24 && n > period ? period : 1;
}

/** The longest run of finite values (R's `na.contiguous`), as a typed array. */
function longestFiniteRun(y: readonly number[]): Float64Array {
  let bestStart = 0;
  let bestLength = 0;
  let start = 0;
  for (let i = 0; i <= y.length; i++) {
    if (i < y.length && Number.isFinite(y[i])) continue;
    if (i - start > bestLength) {
      bestStart = start;
      bestLength = i - start;
    }
    start = i + 1;
  }
  return Float64Array.from(y.slice(bestStart, bestStart + bestLength));
}

/** R's `is.constant`: all values equal x[1] up to all.equal's relative tolerance 1.5e-8. */
function isConstant(y: Float64Array): boolean {
  let diff = 0;
  let size = 0;
  for (const v of y) {
    diff += Math.abs(v - y[0]);
    size += Math.abs(v);
  }
  diff /= y.length;
  size /= y.length;
  return (size > 1.5e-8 ? diff / size : diff) < 1.5e-8;
}

const paramsOf = (s: Spec, c: Coefs): EtsParams => ({
  alpha: c.alpha,
  ...(s.trend ? { beta: c.beta } : {}),
  ...(s.season ? { gamma: c.gamma } : {}),
  ...(s.damped ? { phi: c.phi } : {}),
});

function toEtsFit(fit: ModelFit, note?: string): EtsFit {
  const components = componentsOf(fit.spec);
  const name = etsMethodName(components);
  return {
    method: note ? `${name} (${note})` : name,
    components,
    params: paramsOf(fit.spec, fit.coefs),
    initialStates: Array.from(fit.x0),
    period: fit.spec.m,
    loglik: fit.loglik,
    aic: fit.aic,
    aicc: fit.aicc,
    bic: fit.bic,
    sigma2: fit.sigma2,
    fitted: Array.from(fit.fitted),
    residuals: Array.from(fit.residuals),
    forecast: (h: number) => forecastStateSpace(fit, h),
  };
}

/**
 * The last resort: the mean, as ETS(A,N,N) with alpha = 0 and l0 = mean (flat forecasts,
 * constant variance = the sample variance); zeros for an empty series.
 */
function meanFit(y: Float64Array, reason: string): EtsFit {
  const n = y.length;
  const level = n ? average(y) : 0;
  let ss = 0;
  for (const v of y) ss += (v - level) ** 2;
  const spec: Spec = { error: 1, trend: 0, season: 0, damped: false, m: 1 };
  const fit: ModelFit = {
    spec,
    coefs: { alpha: 0, beta: 0, gamma: 0, phi: 1 },
    last: Float64Array.of(level),
    sigma2: n > 1 ? ss / (n - 1) : 0,
    x0: Float64Array.of(level),
    loglik: NaN,
    aic: NaN,
    aicc: NaN,
    bic: NaN,
    fitted: new Float64Array(n).fill(level),
    residuals: Float64Array.from(y, (v) => v - level),
  };
  return { ...toEtsFit(fit), method: `Mean (ETS fallback: ${reason})` };
}

/** Fits the best model for a parsed request (R's `ets` after its argument checks), or null. */
function fitRequest(
  y: Float64Array,
  r: Request,
  m: number,
  positive: boolean,
  allowMultiplicativeTrend: boolean,
): { fit: ModelFit; short: boolean } | null {
  const n = y.length;
  let npars = 2;
  if (r.trend === "A" || r.trend === "M") npars += 2;
  if (r.season === "A" || r.season === "M") npars += m;
  if (r.damped) npars += 1;
  if (n <= npars + 4) {
    const fit = shortSeriesFit(y, r, m);
    return fit && { fit, short: true };
  }
  const specs = candidates(r, m, positive, allowMultiplicativeTrend);
  const paired = fitNonSeasonalModels(y, specs.filter(isLinearNonSeasonal));
  let nextPaired = 0;
  let best: ModelFit | null = null;
  for (const spec of specs) {
    const fit = isLinearNonSeasonal(spec) ? paired[nextPaired++] : fitModel(y, spec);
    if (fit && !Number.isNaN(fit.aicc) && fit.aicc < (best?.aicc ?? Infinity)) best = fit;
  }
  return best && { fit: best, short: false };
}

/**
 * Fits an ETS model as R's `ets(y, model, damped, allow.multiplicative.trend)` with R's defaults
 * (bounds "both", opt.crit "lik", ic "aicc", restrict = TRUE). `options.model` defaults to "ZZZ".
 * Never throws: a constant series gets ETS(A,N,N) with alpha 0.99999 (as R); a model R would
 * refuse falls back to ETS(A,N,N); with fewer than 3 usable values, or when nothing can be fitted,
 * the mean. `method` names any fallback.
 */
export function fitEts(y: readonly number[], options: EtsOptions): EtsFit {
  const data = longestFiniteRun(y);
  if (data.length < 3) return meanFit(data, "fewer than 3 values");
  try {
    const m = usablePeriod(options.period, data.length);
    if (options.model === undefined && isConstant(data)) {
      const fit = fitHoltWinters(data, m, 0, 0, 0.99999);
      if (fit) return toEtsFit(fit, "constant series");
    }
    const positive = data.every((v) => v > 0);
    const allowMT = options.allowMultiplicativeTrend ?? false;
    let request = parseModel(options.model ?? "ZZZ", options.damped);
    let note: string | undefined;
    if (request && m === 1 && request.season !== "N") {
      if (request.season !== "Z") note = "no usable seasonal period: season dropped";
      request = { ...request, season: "N" };
    }
    const refused = request ? refusal(request, positive) : "unknown model";
    if (!request || refused) {
      request = SIMPLEST;
      note = `fallback: ${options.model} refused, ${refused}`;
    }
    let result = fitRequest(data, request, m, positive, allowMT);
    if (!result && request !== SIMPLEST) {
      result = fitRequest(data, SIMPLEST, m, positive, allowMT);
      note = "fallback: no requested model could be fitted";
    }
    if (!result) return meanFit(data, "no ETS model could be fitted");
    return toEtsFit(result.fit, note ?? (result.short ? "short series: Holt-Winters" : undefined));
  } catch (err) {
    return meanFit(data, err instanceof Error ? err.message : "fit failed");
  }
}

/**
 * Evaluates one model at given smoothing parameters and initial state `[l, b?, s1..sm]` (R's
 * `ets(y, model = fit, use.initial.values = TRUE)`): fitted values, residuals, likelihood and
 * criteria (counting parameters as if estimated) and forecasts, without optimising. Throws on a
 * malformed model string or a state vector of the wrong length.
 */
export function etsWithParameters(
  y: readonly number[],
  options: { period: number; model: string; params: EtsParams; initialStates: readonly number[] },
): EtsFit {
  const request = parseModel(options.model, undefined);
  if (!request || request.error === "Z" || request.trend === "Z" || request.season === "Z")
    throw new Error(`etsWithParameters: model must be fully specified, got "${options.model}"`);
  const comps: EtsComponents = {
    error: request.error,
    trend: request.trend,
    season: request.season,
    damped: !!request.damped,
  };
  const spec = specOf(comps, request.season === "N" ? 1 : options.period);
  if (options.initialStates.length !== stateLength(spec))
    throw new Error(
      `etsWithParameters: expected ${stateLength(spec)} initial states, got ${options.initialStates.length}`,
    );
  // As in fitting: smoothing parameters plus initial states less the seasonal state implied by the others.
  const nFree = startingParams(spec).length + stateLength(spec) - (spec.season ? 1 : 0);
  const fit = evaluate(
    Float64Array.from(y),
    spec,
    coefsOf(spec, options.params),
    Float64Array.from(options.initialStates),
    nFree,
  );
  if (!fit) throw new Error("etsWithParameters: likelihood undefined at these parameters");
  return toEtsFit(fit);
}

/** ETS with automatic model selection (period 1 ⇒ ANN/AAN/AAdN/MNN/MAN/MAdN). */
export const etsFamily: ModelFamily<EtsOptions> = {
  key: "ets",
  minLength: () => 3,
  fit: (y, options) => fitEts(y, options),
};
