/**
 * Seasonal ARIMA models as R's `stats::arima` / `forecast::Arima`, and the automatic order choice
 * of `forecast::auto.arima` (Hyndman & Khandakar 2008, stepwise search).
 *
 * A model ARIMA(p,d,q)(P,D,Q)[m] is fitted like R does it:
 * - the series (minus a mean or drift term, when there is one) is differenced by
 *   (1 - B)^d (1 - B^m)^D inside a state-space form whose differencing states get a diffuse prior
 *   of variance kappa = 1e6 (R's `makeARIMA`);
 * - the ARMA coefficients are first estimated by conditional sum of squares (CSS), then by exact
 *   Gaussian maximum likelihood computed with the Kalman filter (R's `ARIMA_Like`; the stationary
 *   initial covariance comes from Gardner et al. 1980, AS 154), with the AR parts kept stationary
 *   by R's `transform.pars` reparametrisation (tanh of partial autocorrelations);
 * - two exact shortcuts that R does not take: once the Kalman gain stops changing (1e-13) the
 *   filter reuses it, and for ARMA states larger than 12 (seasonal models) the initial covariance
 *   is solved by doubling instead of AS 154 (same matrix to ~1e-10 for periods up to 12);
 * - both stages use a port of R's `optim(method = "BFGS")` (`vmmin`) with its settings (parameter
 *   scaling, 1e-3 finite-difference steps, reltol sqrt(eps), 100 iterations), so that the
 *   optimisation path, and where the likelihood is flat the point where it stops, follow R's;
 * - forecasts and their variances come from the same state-space model (R's `KalmanForecast`).
 *
 * Coefficient vectors follow R's order: ar1..p, ma1..q, sar1..P, sma1..Q, then "intercept"
 * (d + D = 0) or "drift" (d + D = 1; the regressor 1..n). The innovation variance is concentrated
 * out of the likelihood, so the filter runs with unit innovation variance.
 */
import type { Forecast, FitOptions, FittedModel, ModelFamily } from "./types.ts";
import { diff, isConstant, ndiffs, nsdiffs } from "./unitroot.ts";

/** Orders of a seasonal ARIMA(p,d,q)(P,D,Q)[period] model. */
export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  /** Seasonal period in observations (1 = non-seasonal; then P = D = Q = 0). */
  period: number;
}

/** The deterministic term: none, a mean (d + D = 0) or a linear drift (d + D = 1). */
export type ArimaConstant = "none" | "mean" | "drift";

/** R's estimation methods: conditional sum of squares, exact ML, or CSS start values then ML. */
export type ArimaMethod = "CSS-ML" | "ML" | "CSS";

export interface FitArimaOptions {
  order: [number, number, number];
  seasonal?: { order: [number, number, number]; period: number };
  /**
   * As forecast::Arima's include.constant: true adds a mean when d + D = 0 and a drift when
   * d + D = 1 (nothing for more differences); false adds neither. Left out: a mean when d + D = 0
   * (R's include.mean default), no drift.
   */
  includeConstant?: boolean;
  method?: ArimaMethod;
  /** R's `fixed`: one value per coefficient (R's order), NaN where it is estimated. */
  fixed?: readonly number[];
}

/** A fitted ARIMA model with R's summary statistics. */
export interface ArimaModel extends FittedModel {
  order: ArimaOrder;
  constant: ArimaConstant;
  /** Coefficients by R's names: ar1, ma1, sar1, sma1, intercept, drift. */
  coef: Record<string, number>;
  /** Innovation variance as forecast::Arima reports it: sum(residuals²) / (nstar - npar + 1). */
  sigma2: number;
  /** Exact Gaussian log-likelihood (for method "CSS", R's CSS-based value). */
  loglik: number;
  /** Information criteria (NaN for a "CSS" fit, as R's NA). */
  aic: number;
  aicc: number;
  bic: number;
  /** One-step in-sample fitted values x - residuals, length n. */
  fitted: number[];
  /** R's residuals: standardized one-step innovations of the state-space filter, length n. */
  residuals: number[];
  forecast(h: number): Required<Forecast>;
}

export interface AutoArimaOptions {
  /** Seasonal period (default 1). Seasonal AR/MA terms are searched only for periods 2..12. */
  period?: number;
  /** Largest non-seasonal AR / MA orders (R's max.p, max.q; default 5). */
  maxP?: number;
  maxQ?: number;
  /** Largest seasonal AR / MA orders (R's max.P, max.Q; default 2). */
  maxSeasonalP?: number;
  maxSeasonalQ?: number;
  /** Largest number of first differences (R's max.d; default 2). */
  maxD?: number;
  /** Fixed differencing orders instead of the KPSS / seasonal-strength tests. */
  d?: number;
  seasonalD?: number;
  /** Information criterion to choose by (default "aicc"). */
  ic?: "aicc" | "aic" | "bic";
  /** CSS during the search, ML refit of the winner (default: n > 150 or period > 12, as R). */
  approximation?: boolean;
  allowDrift?: boolean;
  allowMean?: boolean;
}

/** Prior variance of the differencing states (R's arima `kappa`). */
const KAPPA = 1e6;
/** optim's finite-difference step, reltol and BFGS iteration limit. */
const NDEPS = 1e-3;
const RELTOL = Math.sqrt(Number.EPSILON);
const MAXIT = 100;
const LOG_2PI = Math.log(2 * Math.PI);
/** Normal quantiles for the 80% and 95% intervals. */
const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;
/** Seasonal AR/MA terms are searched for periods up to this; longer periods only get D. */
const MAX_SEASONAL_ARMA_PERIOD = 12;
/** Relative change of the Kalman gain below which the filter is taken to be in steady state. */
const STEADY_TOL = 1e-13;
/** Above this state size the stationary covariance is found by doubling instead of AS 154. */
const GARDNER_MAX_R = 12;

// ---------------------------------------------------------------------------------------------
// Model structure and parameter transforms (R's ARIMA_transPars, ARIMA_Invtrans, ARIMA_Gradtrans)
// ---------------------------------------------------------------------------------------------

/** Everything fixed by the orders: sizes of the expanded polynomials and the state. */
interface Spec {
  order: ArimaOrder;
  constant: ArimaConstant;
  /** Number of ARMA coefficients p + q + P + Q. */
  narma: number;
  /** narma plus one for a mean or drift. */
  ncoef: number;
  /** Lengths of the expanded AR (p + mP) and MA (q + mQ) polynomials. */
  pFull: number;
  qFull: number;
  /** ARMA state size max(pFull, qFull + 1). */
  r: number;
  /** R's Delta: coefficients of the differencing, length d + mD. */
  delta: Float64Array;
}

/** (1 - B)^d (1 - B^m)^D written as R's Delta (x_t = sum Delta_i x_{t-i} + w_t). */
function differencingDelta(d: number, D: number, m: number): Float64Array {
  let poly = [1];
  const multiply = (factor: number[]) => {
    const out = new Array<number>(poly.length + factor.length - 1).fill(0);
    for (let i = 0; i < poly.length; i++) for (let j = 0; j < factor.length; j++) out[i + j] += poly[i] * factor[j];
    poly = out;
  };
  for (let i = 0; i < d; i++) multiply([1, -1]);
  const seasonal = new Array<number>(m + 1).fill(0);
  seasonal[0] = 1;
  seasonal[m] = -1;
  for (let i = 0; i < D; i++) multiply(seasonal);
  return Float64Array.from(poly.slice(1), (v) => -v);
}

function makeSpec(order: ArimaOrder, constant: ArimaConstant): Spec {
  const { p, q, P, Q, period: m } = order;
  const pFull = p + m * P;
  const qFull = q + m * Q;
  const narma = p + q + P + Q;
  return {
    order,
    constant,
    narma,
    ncoef: narma + (constant === "none" ? 0 : 1),
    pFull,
    qFull,
    r: Math.max(pFull, qFull + 1),
    delta: differencingDelta(order.d, order.D, m),
  };
}

/** Maps unconstrained values to a stationary AR polynomial via PACFs in (-1, 1) (R's partrans). */
function partrans(p: number, raw: ArrayLike<number>, from: number, out: Float64Array, to: number) {
  const work = new Float64Array(p);
  for (let j = 0; j < p; j++) work[j] = out[to + j] = Math.tanh(raw[from + j]);
  for (let j = 1; j < p; j++) {
    const a = out[to + j];
    for (let k = 0; k < j; k++) work[k] -= a * out[to + j - k - 1];
    for (let k = 0; k < j; k++) out[to + k] = work[k];
  }
}

/** Inverse of `partrans` for a stationary AR polynomial (R's invpartrans). */
function invpartrans(p: number, phi: Float64Array, from: number) {
  const cur = phi.slice(from, from + p);
  const work = cur.slice();
  for (let j = p - 1; j > 0; j--) {
    const a = cur[j];
    for (let k = 0; k < j; k++) work[k] = (cur[k] + a * cur[j - k - 1]) / (1 - a * a);
    for (let k = 0; k < j; k++) cur[k] = work[k];
  }
  for (let j = 0; j < p; j++) phi[from + j] = Math.atanh(cur[j]);
}

/** R's ARIMA_undoPars: the coefficient vector with the AR and seasonal AR blocks transformed. */
function undoPars(coef: Float64Array, o: ArimaOrder): Float64Array {
  const out = coef.slice();
  if (o.p > 0) partrans(o.p, coef, 0, out, 0);
  if (o.P > 0) partrans(o.P, coef, o.p + o.q, out, o.p + o.q);
  return out;
}

/** R's ARIMA_Invtrans: AR blocks back to the unconstrained scale. */
function invTrans(coef: Float64Array, o: ArimaOrder): Float64Array {
  const out = coef.slice();
  if (o.p > 0) invpartrans(o.p, out, 0);
  if (o.P > 0) invpartrans(o.P, out, o.p + o.q);
  return out;
}

/** R's ARIMA_Gradtrans: Jacobian (row i = d/d raw_i) of `undoPars`, by forward differences. */
function gradTrans(coef: Float64Array, o: ArimaOrder): number[][] {
  const n = coef.length;
  const A: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const block = (len: number, v: number) => {
    if (len === 0) return;
    const w1 = coef.slice(v, v + len);
    const w2 = new Float64Array(len);
    const w3 = new Float64Array(len);
    partrans(len, w1, 0, w2, 0);
    for (let i = 0; i < len; i++) {
      w1[i] += 1e-3;
      partrans(len, w1, 0, w3, 0);
      for (let j = 0; j < len; j++) A[i + v][j + v] = (w3[j] - w2[j]) / 1e-3;
      w1[i] -= 1e-3;
    }
  };
  block(o.p, 0);
  block(o.P, o.p + o.q);
  return A;
}

/**
 * Expands (ar, ma, sar, sma) into the full AR polynomial phi (length p + mP) and MA polynomial
 * theta (length q + mQ) (R's ARIMA_transPars without transform).
 */
function expandArma(params: ArrayLike<number>, o: ArimaOrder, phi: Float64Array, theta: Float64Array) {
  const { p, q, P, Q, period: m } = o;
  phi.fill(0);
  theta.fill(0);
  for (let i = 0; i < p; i++) phi[i] = params[i];
  for (let i = 0; i < q; i++) theta[i] = params[p + i];
  for (let j = 0; j < P; j++) {
    const s = params[p + q + j];
    phi[(j + 1) * m - 1] += s;
    for (let i = 0; i < p; i++) phi[(j + 1) * m + i] -= params[i] * s;
  }
  for (let j = 0; j < Q; j++) {
    const s = params[p + q + P + j];
    theta[(j + 1) * m - 1] += s;
    for (let i = 0; i < q; i++) theta[(j + 1) * m + i] += params[p + i] * s;
  }
}

// ---------------------------------------------------------------------------------------------
// Polynomial roots: stationarity / invertibility tests and R's maInvert
// ---------------------------------------------------------------------------------------------

/**
 * True when all roots of 1 - c_1 z - ... - c_k z^k lie strictly outside the circle of radius
 * `radius` (Schur–Cohn test by the step-down Durbin–Levinson recursion; trailing zeros ignored).
 */
function rootsOutside(c: ArrayLike<number>, radius = 1): boolean {
  let k = c.length;
  while (k > 0 && c[k - 1] === 0) k--;
  let a = Array.from({ length: k }, (_, i) => c[i] * radius ** (i + 1));
  for (let j = k; j > 0; j--) {
    const kappa = a[j - 1];
    if (!(Math.abs(kappa) < 1)) return false;
    const next = new Array<number>(j - 1);
    for (let i = 0; i < j - 1; i++) next[i] = (a[i] + kappa * a[j - 2 - i]) / (1 - kappa * kappa);
    a = next;
  }
  return true;
}

/** Complex roots of sum_i coef[i] z^i (coef[last] != 0) by Durand–Kerner; small degrees only. */
function polyRoots(coef: readonly number[]): { re: number[]; im: number[] } {
  const k = coef.length - 1;
  const lead = coef[k];
  const a = coef.map((c) => c / lead);
  const re: number[] = [];
  const im: number[] = [];
  for (let i = 0; i < k; i++) {
    // Distinct starting points (0.4 + 0.9i)^i.
    const mod = Math.pow(Math.hypot(0.4, 0.9), i);
    const arg = i * Math.atan2(0.9, 0.4);
    re.push(mod * Math.cos(arg));
    im.push(mod * Math.sin(arg));
  }
  for (let iter = 0; iter < 1000; iter++) {
    let change = 0;
    for (let i = 0; i < k; i++) {
      // p(z) by Horner.
      let pr = 1;
      let pi = 0;
      for (let j = k - 1; j >= 0; j--) {
        const t = pr * re[i] - pi * im[i] + a[j];
        pi = pr * im[i] + pi * re[i];
        pr = t;
      }
      let dr = 1;
      let di = 0;
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        const xr = re[i] - re[j];
        const xi = im[i] - im[j];
        const t = dr * xr - di * xi;
        di = dr * xi + di * xr;
        dr = t;
      }
      const den = dr * dr + di * di;
      if (den === 0) continue;
      const qr = (pr * dr + pi * di) / den;
      const qi = (pi * dr - pr * di) / den;
      re[i] -= qr;
      im[i] -= qi;
      change = Math.max(change, Math.hypot(qr, qi) / Math.max(1, Math.hypot(re[i], im[i])));
    }
    if (change < 1e-15) break;
  }
  return { re, im };
}

/** R's maInvert: reflects MA roots inside the unit circle to make the polynomial invertible. */
function maInvert(ma: readonly number[]): number[] {
  const q = ma.length;
  let q0 = q;
  while (q0 > 0 && ma[q0 - 1] === 0) q0--;
  if (q0 === 0) return ma.slice();
  const { re, im } = polyRoots([1, ...ma.slice(0, q0)]);
  const inside = re.map((r, i) => Math.hypot(r, im[i]) < 1);
  if (!inside.some(Boolean)) return ma.slice();
  if (q0 === 1) return [1 / ma[0], ...new Array<number>(q - q0).fill(0)];
  // Rebuild prod_i (1 - z / root_i) with the inside roots replaced by their inverses.
  let xr = [1];
  let xi = [0];
  for (let i = 0; i < q0; i++) {
    let rr = re[i];
    let ri = im[i];
    if (inside[i]) {
      const den = rr * rr + ri * ri;
      rr = rr / den;
      ri = -ri / den;
    }
    const den = rr * rr + ri * ri;
    const nr = new Array<number>(xr.length + 1).fill(0);
    const ni = new Array<number>(xr.length + 1).fill(0);
    for (let j = 0; j < xr.length; j++) {
      nr[j] += xr[j];
      ni[j] += xi[j];
      // - x_j / root
      nr[j + 1] -= (xr[j] * rr + xi[j] * ri) / den;
      ni[j + 1] -= (xi[j] * rr - xr[j] * ri) / den;
    }
    xr = nr;
    xi = ni;
  }
  return [...xr.slice(1), ...new Array<number>(q - q0).fill(0)];
}

// ---------------------------------------------------------------------------------------------
// Stationary initial covariance of the ARMA state (R's getQ0, Gardner et al. 1980)
// ---------------------------------------------------------------------------------------------

/** AS 154 `inclu2`: Givens update of the triangular system by one row (xnext, ynext). */
function inclu2(
  np: number,
  xnext: Float64Array,
  xrow: Float64Array,
  ynext: number,
  d: Float64Array,
  rbar: Float64Array,
  thetab: Float64Array,
) {
  for (let i = 0; i < np; i++) xrow[i] = xnext[i];
  let ithisr = 0;
  for (let i = 0; i < np; i++) {
    if (xrow[i] !== 0) {
      const xi = xrow[i];
      const di = d[i];
      const dpi = di + xi * xi;
      d[i] = dpi;
      const cbar = di / dpi;
      const sbar = xi / dpi;
      for (let k = i + 1; k < np; k++) {
        const xk = xrow[k];
        const rbthis = rbar[ithisr];
        xrow[k] = xk - xi * rbthis;
        rbar[ithisr++] = cbar * rbthis + sbar * xk;
      }
      const xk = ynext;
      ynext = xk - xi * thetab[i];
      thetab[i] = cbar * thetab[i] + sbar * xk;
      if (di === 0) return;
    } else ithisr += np - i - 1;
  }
}

/**
 * Covariance of the ARMA state under stationarity (r x r, column-major, written to `out`) for
 * r > 1, as R's getQ0 (AS 154); `phi` has p entries, `theta` q, r = max(p, q + 1).
 */
function getQ0(phi: Float64Array, p: number, theta: Float64Array, q: number, r: number, out: Float64Array) {
  const np = (r * (r + 1)) / 2;
  const nrbar = (np * (np - 1)) / 2;
  const V = new Float64Array(np);
  for (let ind = 0, j = 0; j < r; j++) {
    const vj = j === 0 ? 1 : j - 1 < q ? theta[j - 1] : 0;
    for (let i = j; i < r; i++) {
      const vi = i === 0 ? 1 : i - 1 < q ? theta[i - 1] : 0;
      V[ind++] = vi * vj;
    }
  }
  const P = out;
  if (p > 0) {
    const rbar = new Float64Array(nrbar);
    const thetab = new Float64Array(np);
    const xnext = new Float64Array(np);
    const xrow = new Float64Array(np);
    for (let i = 0; i < np; i++) P[i] = 0;
    let ind = 0;
    let ind1 = -1;
    const npr = np - r;
    const npr1 = npr + 1;
    let indj = npr;
    let ind2 = npr - 1;
    for (let j = 0; j < r; j++) {
      const phij = j < p ? phi[j] : 0;
      xnext[indj++] = 0;
      let indi = npr1 + j;
      for (let i = j; i < r; i++) {
        const ynext = V[ind++];
        const phii = i < p ? phi[i] : 0;
        if (j !== r - 1) {
          xnext[indj] = -phii;
          if (i !== r - 1) {
            xnext[indi] -= phij;
            xnext[++ind1] = -1;
          }
        }
        xnext[npr] = -phii * phij;
        if (++ind2 >= np) ind2 = 0;
        xnext[ind2] += 1;
        inclu2(np, xnext, xrow, ynext, P, rbar, thetab);
        xnext[ind2] = 0;
        if (i !== r - 1) {
          xnext[indi++] = 0;
          xnext[ind1] = 0;
        }
      }
    }
    let ithisr = nrbar - 1;
    let im = np - 1;
    for (let i = 0; i < np; i++) {
      let bi = thetab[im];
      for (let jm = np - 1, j = 0; j < i; j++) bi -= rbar[ithisr--] * P[jm--];
      P[im--] = bi;
    }
    // Re-order P.
    ind = npr;
    for (let i = 0; i < r; i++) xnext[i] = P[ind++];
    ind = np - 1;
    ind1 = npr - 1;
    for (let i = 0; i < npr; i++) P[ind--] = P[ind1--];
    for (let i = 0; i < r; i++) P[i] = xnext[i];
  } else {
    // Pure MA: back-substitution.
    let indn = np;
    let ind = np;
    for (let i = 0; i < r; i++)
      for (let j = 0; j <= i; j++) {
        --ind;
        P[ind] = V[ind];
        if (j !== 0) P[ind] += P[--indn];
      }
  }
  // Unpack to a full symmetric matrix.
  for (let i = r - 1, ind = np; i > 0; i--) for (let j = r - 1; j >= i; j--) P[r * i + j] = P[--ind];
  for (let i = 0; i < r - 1; i++) for (let j = i + 1; j < r; j++) P[i + r * j] = P[j + r * i];
}

/**
 * Same covariance as `getQ0` for a stationary AR part, by the doubling iteration
 * S <- S + A S A', A <- A² (A = transition, S0 = (1, theta)(1, theta)'): O(r³) per step instead of
 * AS 154's O(r⁶) memory-bound elimination, for the large states of seasonal models. Returns false
 * when it does not converge (non-stationary AR).
 */
function stationaryCovarianceByDoubling(
  phi: Float64Array,
  p: number,
  theta: Float64Array,
  q: number,
  r: number,
  out: Float64Array,
): boolean {
  let A = new Float64Array(r * r);
  let S = new Float64Array(r * r);
  for (let i = 0; i < p; i++) A[i] = phi[i]; // column 0
  for (let i = 0; i < r - 1; i++) A[i + r * (i + 1)] = 1;
  for (let i = 0; i < r; i++) {
    const vi = i === 0 ? 1 : i - 1 < q ? theta[i - 1] : 0;
    for (let j = 0; j < r; j++) S[i + r * j] = vi * (j === 0 ? 1 : j - 1 < q ? theta[j - 1] : 0);
  }
  const AS = new Float64Array(r * r);
  let next = new Float64Array(r * r);
  for (let iter = 0; iter < 60; iter++) {
    // AS = A S; next = S + AS A'.
    for (let j = 0; j < r; j++)
      for (let i = 0; i < r; i++) {
        let t = 0;
        for (let k = 0; k < r; k++) t += A[i + r * k] * S[k + r * j];
        AS[i + r * j] = t;
      }
    let maxAdd = 0;
    let maxS = 0;
    for (let j = 0; j < r; j++)
      for (let i = 0; i < r; i++) {
        let t = 0;
        for (let k = 0; k < r; k++) t += AS[i + r * k] * A[j + r * k];
        next[i + r * j] = S[i + r * j] + t;
        maxAdd = Math.max(maxAdd, Math.abs(t));
        maxS = Math.max(maxS, Math.abs(next[i + r * j]));
      }
    [S, next] = [next, S];
    if (!Number.isFinite(maxS)) return false;
    if (maxAdd <= 1e-17 * maxS) {
      out.set(S);
      return true;
    }
    // A = A².
    const A2 = new Float64Array(r * r);
    for (let j = 0; j < r; j++)
      for (let i = 0; i < r; i++) {
        let t = 0;
        for (let k = 0; k < r; k++) t += A[i + r * k] * A[k + r * j];
        A2[i + r * j] = t;
      }
    A = A2;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Kalman filter for the exact likelihood (R's ARIMA_Like) and forecasts (R's KalmanForecast)
// ---------------------------------------------------------------------------------------------

/**
 * State-space form of one ARIMA structure with preallocated work arrays. State size rd = r + d
 * (+ mD): r ARMA states, then the last d + mD values of the undifferenced series. Matrices are
 * rd x rd, column-major.
 */
class StateSpace {
  readonly r: number;
  readonly rd: number;
  readonly nd: number;
  readonly p: number;
  readonly q: number;
  readonly phi: Float64Array;
  readonly theta: Float64Array;
  readonly delta: Float64Array;
  /** Positions of the non-zero entries of delta. */
  readonly deltaIdx: Int32Array;
  /** Filtered state a[t|t] (rd) and covariance P[t|t] (rd x rd). */
  readonly a: Float64Array;
  readonly P: Float64Array;
  /** Predicted covariance P[t|t-1] (rd x rd); before the first step, the initial covariance. */
  readonly Pnew: Float64Array;
  /** Predicted state a[t|t-1] (rd). */
  private readonly anew: Float64Array;
  /** Pnew Z' (rd): covariance of the state with the observation; gain = Z M. */
  private readonly M: Float64Array;
  /** Scratch (rd): row r of T P. */
  private readonly u: Float64Array;
  /** phi and (1, theta) padded with zeros to length r. */
  private readonly phiR: Float64Array;
  private readonly vR: Float64Array;
  /** M of the previous step, for the steady-state test. */
  private readonly Mprev: Float64Array;
  /** Steady-state Kalman gain M / gain. */
  private readonly K: Float64Array;
  /** Stationary ARMA covariance (r x r). */
  private readonly q0: Float64Array;
  /** R's ARIMA_Like sums after `run`: sum of squared standardized innovations, sum of log gains, count. */
  ssq = 0;
  sumlog = 0;
  nu = 0;

  constructor(spec: Spec) {
    this.r = spec.r;
    this.nd = spec.delta.length;
    this.rd = this.r + this.nd;
    this.p = spec.pFull;
    this.q = spec.qFull;
    this.phi = new Float64Array(Math.max(1, this.p));
    this.theta = new Float64Array(Math.max(1, this.q));
    this.delta = spec.delta;
    this.deltaIdx = Int32Array.from(Array.from(spec.delta.keys()).filter((i) => spec.delta[i] !== 0));
    const rd = this.rd;
    this.a = new Float64Array(rd);
    this.anew = new Float64Array(rd);
    this.M = new Float64Array(rd);
    this.P = new Float64Array(rd * rd);
    this.Pnew = new Float64Array(rd * rd);
    this.u = new Float64Array(rd);
    this.phiR = new Float64Array(this.r);
    this.vR = new Float64Array(this.r);
    this.Mprev = new Float64Array(rd);
    this.K = new Float64Array(rd);
    this.q0 = new Float64Array(this.r * this.r);
  }

  /**
   * Resets the state to R's `makeARIMA` / `upARIMA` start for the current phi and theta: a = 0,
   * Pnew = stationary ARMA covariance in the first r x r block, kappa on the differencing states.
   */
  reset() {
    const { r, rd, p, q, phi, theta, q0, Pnew, phiR, vR } = this;
    for (let i = 0; i < r; i++) {
      phiR[i] = i < p ? phi[i] : 0;
      vR[i] = i === 0 ? 1 : i - 1 < q ? theta[i - 1] : 0;
    }
    this.a.fill(0);
    Pnew.fill(0);
    if (r > 1) {
      if (p === 0 || r <= GARDNER_MAX_R || !stationaryCovarianceByDoubling(phi, p, theta, q, r, q0))
        getQ0(phi, p, theta, q, r, q0);
      for (let j = 0; j < r; j++) for (let i = 0; i < r; i++) Pnew[i + rd * j] = q0[i + r * j];
    } else Pnew[0] = p > 0 ? 1 / (1 - phi[0] * phi[0]) : 1;
    for (let i = r; i < rd; i++) Pnew[i + rd * i] = KAPPA;
  }

  /**
   * Runs the filter over y (already net of any mean or drift), accumulating R's ssq, sumlog and
   * nu (observations with prediction variance < 1e4, i.e. past the diffuse start); writes the
   * standardized innovations to `resid` when given. Once the gain stops changing (to STEADY_TOL
   * relative) the remaining steps reuse the steady-state gain and covariance.
   */
  run(y: Float64Array, resid: Float64Array | null) {
    const { r, rd, delta, deltaIdx, a, anew, M, Mprev, K, P, Pnew } = this;
    const nnz = deltaIdx.length;
    const n = y.length;
    let ssq = 0;
    let sumlog = 0;
    let nu = 0;
    let prevGain = NaN;
    let stable = 0;
    let l = 0;
    let gain = 0;
    let logGain = 0;
    for (; l < n && stable <= rd; l++) {
      this.predictState();
      if (l > 0) this.predictCovariance();
      for (let i = 0; i < rd; i++) {
        let tmp = Pnew[i];
        for (let t = 0; t < nnz; t++) tmp += Pnew[i + (r + deltaIdx[t]) * rd] * delta[deltaIdx[t]];
        M[i] = tmp;
      }
      gain = M[0];
      for (let t = 0; t < nnz; t++) gain += delta[deltaIdx[t]] * M[r + deltaIdx[t]];
      logGain = Math.log(gain);
      // Steady state: gain and M unchanged for more than rd steps (the model is observable, so a
      // remaining change of the covariance would show in them within rd steps).
      let same = Math.abs(gain - prevGain) <= STEADY_TOL * gain;
      for (let i = 0; same && i < rd; i++) same = Math.abs(M[i] - Mprev[i]) <= STEADY_TOL * gain;
      stable = same ? stable + 1 : 0;
      prevGain = gain;
      Mprev.set(M);
      for (let j = 0; j < rd; j++) {
        const f = M[j] / gain;
        for (let i = 0; i <= j; i++) {
          const v = Pnew[i + j * rd] - M[i] * f;
          P[i + j * rd] = v;
          P[j + i * rd] = v;
        }
      }
      let res0 = y[l] - anew[0];
      for (let t = 0; t < nnz; t++) res0 -= delta[deltaIdx[t]] * anew[r + deltaIdx[t]];
      if (gain < 1e4) {
        nu++;
        ssq += (res0 * res0) / gain;
        sumlog += logGain;
      }
      if (resid) resid[l] = res0 / Math.sqrt(gain);
      for (let i = 0; i < rd; i++) a[i] = anew[i] + (M[i] * res0) / gain;
    }
    // Steady state: same gain and covariance from here on (gain factors precomputed).
    const counted = gain < 1e4;
    const scale = Math.sqrt(gain);
    const invGain = 1 / gain;
    for (let i = 0; i < rd; i++) K[i] = M[i] * invGain;
    for (; l < n; l++) {
      this.predictState();
      let res0 = y[l] - anew[0];
      for (let t = 0; t < nnz; t++) res0 -= delta[deltaIdx[t]] * anew[r + deltaIdx[t]];
      if (counted) {
        nu++;
        ssq += res0 * res0 * invGain;
        sumlog += logGain;
      }
      if (resid) resid[l] = res0 / scale;
      for (let i = 0; i < rd; i++) a[i] = anew[i] + K[i] * res0;
    }
    this.ssq = ssq;
    this.sumlog = sumlog;
    this.nu = nu;
  }

  /** anew = T a: the ARMA companion step, then the differencing states. */
  private predictState() {
    const { r, rd, p, phi, delta, deltaIdx, a, anew } = this;
    const a0 = a[0];
    for (let i = 0; i < r - 1; i++) anew[i] = i < p ? a[i + 1] + phi[i] * a0 : a[i + 1];
    anew[r - 1] = r - 1 < p ? phi[r - 1] * a0 : 0;
    if (rd > r) {
      let tmp = a0;
      for (let t = 0; t < deltaIdx.length; t++) tmp += delta[deltaIdx[t]] * a[r + deltaIdx[t]];
      for (let i = rd - 1; i > r; i--) anew[i] = a[i - 1];
      anew[r] = tmp;
    }
  }

  /**
   * Pnew = T P T' + V from the filtered covariance P (R's ARIMA_Like, both branches), using the
   * sparsity of T: phi in column 0 and a shift in the ARMA block, then the differencing rows.
   * P is symmetric, so only one triangle is computed and mirrored.
   */
  private predictCovariance() {
    const { r, rd, phiR, vR, delta, deltaIdx, P, Pnew, u } = this;
    const d = this.nd;
    const nnz = deltaIdx.length;
    const P00 = P[0];
    // ARMA block: phi_i phi_j P00 + P[i+1, j+1] + phi_i P[j+1, 0] + phi_j P[i+1, 0] + v_i v_j.
    for (let j = 0; j < r; j++) {
      const pj = phiR[j];
      const vj = vR[j];
      const inner = j < r - 1;
      const col = rd * (j + 1);
      for (let i = 0; i <= j; i++) {
        const pi = phiR[i];
        let tmp = vR[i] * vj + pi * pj * P00;
        if (inner) tmp += P[i + 1 + col] + pi * P[j + 1];
        if (i < r - 1) tmp += pj * P[i + 1];
        Pnew[i + rd * j] = tmp;
        Pnew[j + rd * i] = tmp;
      }
    }
    if (d === 0) return;
    // u = row r of T P: the first differencing state predicted from the others.
    for (let l = 0; l < rd; l++) {
      let tmp = P[rd * l];
      for (let t = 0; t < nnz; t++) tmp += delta[deltaIdx[t]] * P[r + deltaIdx[t] + rd * l];
      u[l] = tmp;
    }
    // ARMA x differencing block, from (T P)[i, l] = phi_i P[0, l] + P[i + 1, l].
    for (let i = 0; i < r; i++) {
      const pi = phiR[i];
      const shift = i < r - 1 ? 1 : 0;
      let tmp = pi * P[0] + shift * P[i + 1];
      for (let t = 0; t < nnz; t++) {
        const l = rd * (r + deltaIdx[t]);
        tmp += delta[deltaIdx[t]] * (pi * P[l] + shift * P[i + 1 + l]);
      }
      Pnew[i + rd * r] = tmp;
      Pnew[r + rd * i] = tmp;
      for (let m = 1; m < d; m++) {
        const l = rd * (r + m - 1);
        const v = pi * P[l] + shift * P[i + 1 + l];
        Pnew[i + rd * (r + m)] = v;
        Pnew[r + m + rd * i] = v;
      }
    }
    // Differencing block: the first state from u, the others shifted.
    let tmp = u[0];
    for (let t = 0; t < nnz; t++) tmp += delta[deltaIdx[t]] * u[r + deltaIdx[t]];
    Pnew[r + rd * r] = tmp;
    for (let m = 1; m < d; m++) {
      Pnew[r + rd * (r + m)] = u[r + m - 1];
      Pnew[r + m + rd * r] = u[r + m - 1];
    }
    for (let i = 1; i < d; i++)
      for (let m = i; m < d; m++) {
        const v = P[r + i - 1 + rd * (r + m - 1)];
        Pnew[r + i + rd * (r + m)] = v;
        Pnew[r + m + rd * (r + i)] = v;
      }
  }
}

/** The filtered state at the end of the series and the model it belongs to, for forecasting. */
interface FinalState {
  r: number;
  rd: number;
  p: number;
  q: number;
  phi: Float64Array;
  theta: Float64Array;
  delta: Float64Array;
  /** Filtered state (rd) and its covariance (rd x rd, column-major) after the last observation. */
  a: Float64Array;
  P: Float64Array;
}

function snapshot(ss: StateSpace): FinalState {
  const { r, rd, p, q, delta } = ss;
  return { r, rd, p, q, delta, phi: ss.phi.slice(), theta: ss.theta.slice(), a: ss.a.slice(), P: ss.P.slice() };
}

/** Point forecasts and their variances (in units of the innovation variance) h steps ahead. */
function kalmanForecast(ss: FinalState, h: number): { mean: number[]; variance: number[] } {
  const { r, rd, p, q, phi, theta, delta } = ss;
  const T = new Float64Array(rd * rd);
  for (let i = 0; i < p; i++) T[i] = phi[i];
  for (let i = 0; i < r - 1; i++) T[i + rd * (i + 1)] = 1;
  const Z = new Float64Array(rd);
  Z[0] = 1;
  for (let i = 0; i < delta.length; i++) Z[r + i] = delta[i];
  if (delta.length > 0) {
    for (let j = 0; j < rd; j++) T[r + rd * j] = Z[j];
    for (let i = 1; i < delta.length; i++) T[r + i + rd * (r + i - 1)] = 1;
  }
  const R = new Float64Array(rd);
  R[0] = 1;
  for (let i = 0; i < q; i++) R[i + 1] = theta[i];
  let a = ss.a.slice();
  let P = ss.P.slice();
  const mm = new Float64Array(rd * rd);
  const mean: number[] = [];
  const variance: number[] = [];
  for (let l = 0; l < h; l++) {
    const anew = new Float64Array(rd);
    let fc = 0;
    for (let i = 0; i < rd; i++) {
      let tmp = 0;
      for (let k = 0; k < rd; k++) tmp += T[i + rd * k] * a[k];
      anew[i] = tmp;
      fc += tmp * Z[i];
    }
    a = anew;
    mean.push(fc);
    for (let i = 0; i < rd; i++)
      for (let j = 0; j < rd; j++) {
        let tmp = 0;
        for (let k = 0; k < rd; k++) tmp += T[i + rd * k] * P[k + rd * j];
        mm[i + rd * j] = tmp;
      }
    const Pnew = new Float64Array(rd * rd);
    let v = 0;
    for (let i = 0; i < rd; i++)
      for (let j = 0; j < rd; j++) {
        let tmp = R[i] * R[j];
        for (let k = 0; k < rd; k++) tmp += mm[i + rd * k] * T[j + rd * k];
        Pnew[i + rd * j] = tmp;
        v += Z[i] * Z[j] * tmp;
      }
    P = Pnew;
    variance.push(v);
  }
  return { mean, variance };
}

// ---------------------------------------------------------------------------------------------
// Objectives: conditional sum of squares and exact likelihood for one series and structure
// ---------------------------------------------------------------------------------------------

/** Differences `v` in place as R's ARIMA_CSS does (the first values are left as they are). */
function differenceInPlace(v: Float64Array, d: number, D: number, m: number) {
  const n = v.length;
  for (let i = 0; i < d; i++) for (let l = n - 1; l > 0; l--) v[l] -= v[l - 1];
  for (let i = 0; i < D; i++) for (let l = n - 1; l >= m; l--) v[l] -= v[l - m];
}

/**
 * R's ARIMA_CSS recursion on the differenced series w: e_l = w_l - sum_j phi_j w_{l-j-1} -
 * sum_j theta_j e_{l-j-1} for l >= ncond (MA terms only back to ncond), over the non-zero lags
 * phiIdx[0..np) and thetaIdx[0..nq) (ascending). Writes e and returns the mean square of the
 * non-NaN residuals.
 */
function cssSumOfSquares(
  w: Float64Array,
  ncond: number,
  phi: Float64Array,
  phiIdx: Int32Array,
  np: number,
  theta: Float64Array,
  thetaIdx: Int32Array,
  nq: number,
  e: Float64Array,
): number {
  const n = w.length;
  let ssq = 0;
  let nu = 0;
  const dense = (np === 0 || phiIdx[np - 1] === np - 1) && (nq === 0 || thetaIdx[nq - 1] === nq - 1);
  // Until the longest MA lag is past ncond, only lags j < l - ncond enter.
  const warm = Math.min(n, ncond + (nq > 0 ? thetaIdx[nq - 1] + 1 : 0));
  for (let l = ncond; l < warm; l++) {
    let tmp = w[l];
    for (let t = 0; t < np; t++) tmp -= phi[phiIdx[t]] * w[l - phiIdx[t] - 1];
    const lim = l - ncond;
    for (let t = 0; t < nq && thetaIdx[t] < lim; t++) tmp -= theta[thetaIdx[t]] * e[l - thetaIdx[t] - 1];
    e[l] = tmp;
    if (tmp === tmp) {
      nu++;
      ssq += tmp * tmp;
    }
  }
  if (dense) {
    // Non-seasonal polynomials: all lags 1..np and 1..nq, without the index lists.
    for (let l = warm; l < n; l++) {
      let tmp = w[l];
      for (let j = 0; j < np; j++) tmp -= phi[j] * w[l - j - 1];
      for (let j = 0; j < nq; j++) tmp -= theta[j] * e[l - j - 1];
      e[l] = tmp;
      if (tmp === tmp) {
        nu++;
        ssq += tmp * tmp;
      }
    }
    return ssq / nu;
  }
  for (let l = warm; l < n; l++) {
    let tmp = w[l];
    for (let t = 0; t < np; t++) tmp -= phi[phiIdx[t]] * w[l - phiIdx[t] - 1];
    for (let t = 0; t < nq; t++) tmp -= theta[thetaIdx[t]] * e[l - thetaIdx[t] - 1];
    e[l] = tmp;
    if (tmp === tmp) {
      nu++;
      ssq += tmp * tmp;
    }
  }
  return ssq / nu;
}

/** One series and model structure: the CSS and exact-likelihood objectives with their buffers. */
class ArimaProblem {
  readonly n: number;
  /** Number of observations after differencing (R's n.used). */
  readonly nUsed: number;
  /** Regressor of the mean (ones) or drift (1..n), or null. */
  readonly xreg: Float64Array | null;
  readonly ss: StateSpace;
  private readonly wx: Float64Array;
  private readonly wr: Float64Array | null;
  private readonly w: Float64Array;
  private readonly y: Float64Array;
  private readonly cssResid: Float64Array;
  private readonly params: Float64Array;
  private readonly phiIdx: Int32Array;
  private readonly thetaIdx: Int32Array;

  constructor(
    readonly x: Float64Array,
    readonly spec: Spec,
  ) {
    const n = x.length;
    const o = spec.order;
    this.n = n;
    this.nUsed = n - spec.delta.length;
    this.xreg =
      spec.constant === "mean"
        ? new Float64Array(n).fill(1)
        : spec.constant === "drift"
          ? Float64Array.from({ length: n }, (_, i) => i + 1)
          : null;
    this.wx = x.slice();
    differenceInPlace(this.wx, o.d, o.D, o.period);
    this.wr = this.xreg ? this.xreg.slice() : null;
    if (this.wr) differenceInPlace(this.wr, o.d, o.D, o.period);
    this.w = new Float64Array(n);
    this.y = new Float64Array(n);
    this.cssResid = new Float64Array(n);
    this.params = new Float64Array(spec.ncoef);
    this.phiIdx = new Int32Array(spec.pFull);
    this.thetaIdx = new Int32Array(spec.qFull);
    this.ss = new StateSpace(spec);
  }

  /**
   * CSS residual variance ssq / nu for the coefficients `coef` (R's order, untransformed) with
   * `ncond` conditioning observations (R's ARIMA_CSS); residuals go to `resid` when given.
   */
  cssVariance(coef: ArrayLike<number>, ncond: number, resid?: Float64Array): number {
    const { spec, n, wx, wr, w, params, phiIdx, thetaIdx } = this;
    const { phi, theta } = this.ss;
    for (let i = 0; i < spec.ncoef; i++) params[i] = coef[i];
    expandArma(params, spec.order, phi, theta);
    let np = 0;
    for (let j = 0; j < spec.pFull; j++) if (phi[j] !== 0) phiIdx[np++] = j;
    let nq = 0;
    for (let j = 0; j < spec.qFull; j++) if (theta[j] !== 0) thetaIdx[nq++] = j;
    let series = wx;
    if (wr) {
      const beta = params[spec.narma];
      for (let l = 0; l < n; l++) w[l] = wx[l] - beta * wr[l];
      series = w;
    }
    const e = resid ?? this.cssResid;
    if (resid) for (let l = 0; l < ncond; l++) resid[l] = 0;
    return cssSumOfSquares(series, ncond, phi, phiIdx, np, theta, thetaIdx, nq, e);
  }

  /**
   * Runs the Kalman filter for `coef` (AR blocks on R's transformed scale when `transform`),
   * leaving ssq, sumlog, nu and the final state in `this.ss`.
   */
  filter(coef: ArrayLike<number>, transform: boolean, resid: Float64Array | null) {
    const { spec, params, n, x, xreg, y, ss } = this;
    const o = spec.order;
    for (let i = 0; i < spec.ncoef; i++) params[i] = coef[i];
    if (transform) {
      if (o.p > 0) partrans(o.p, coef, 0, params, 0);
      if (o.P > 0) partrans(o.P, coef, o.p + o.q, params, o.p + o.q);
    }
    expandArma(params, o, ss.phi, ss.theta);
    ss.reset();
    if (xreg) {
      const beta = params[spec.narma];
      for (let l = 0; l < n; l++) y[l] = x[l] - beta * xreg[l];
    } else y.set(x);
    ss.run(y, resid);
  }

  /** R's armafn: 0.5 * (log(ssq / nu) + sumlog / nu), the concentrated -loglik per observation. */
  mlObjective(coef: ArrayLike<number>, transform: boolean): number {
    this.filter(coef, transform, null);
    const { ssq, sumlog, nu } = this.ss;
    return 0.5 * (Math.log(ssq / nu) + sumlog / nu);
  }
}

// ---------------------------------------------------------------------------------------------
// Optimisation as R's optim(method = "BFGS") with parscale, and its numerical Hessian
// ---------------------------------------------------------------------------------------------

type Objective = (x: readonly number[]) => number;

interface Minimum {
  par: number[];
  value: number;
  /** R's convergence code 0: stopped before the iteration limit. */
  converged: boolean;
}

/**
 * R's optim(method = "BFGS") on par / parscale: a port of R's `vmmin` (Nash's variable-metric
 * method with backtracking by 0.2, resets of the inverse Hessian when progress stalls and every
 * 2n gradients) with optim's central-difference gradient (step 1e-3 on the scaled parameters).
 * Null where R stops with an error: a non-finite start value or finite-difference gradient.
 */
function minimize(f: Objective, x0: readonly number[], parscale: readonly number[]): Minimum | null {
  const n = x0.length;
  const b = x0.map((v, i) => v / parscale[i]);
  const x = new Array<number>(n);
  const fn = (p: readonly number[]) => {
    for (let i = 0; i < n; i++) x[i] = p[i] * parscale[i];
    return f(x);
  };
  const g = new Array<number>(n);
  const gradient = (p: readonly number[]): boolean => {
    for (let i = 0; i < n; i++) x[i] = p[i] * parscale[i];
    for (let i = 0; i < n; i++) {
      x[i] = (p[i] + NDEPS) * parscale[i];
      const v1 = f(x);
      x[i] = (p[i] - NDEPS) * parscale[i];
      const v2 = f(x);
      x[i] = p[i] * parscale[i];
      g[i] = (v1 - v2) / (2 * NDEPS);
      if (!Number.isFinite(g[i])) return false;
    }
    return true;
  };
  let fval = fn(b);
  if (!Number.isFinite(fval)) return null;
  let fmin = fval;
  if (!gradient(b)) return null;
  let iter = 1;
  let gradcount = 1;
  let ilast = gradcount;
  const B = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const t = new Array<number>(n);
  const X = new Array<number>(n);
  const c = new Array<number>(n);
  let count = 0;
  do {
    if (ilast === gradcount) for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) B[i][j] = i === j ? 1 : 0;
    for (let i = 0; i < n; i++) {
      X[i] = b[i];
      c[i] = g[i];
    }
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s -= B[i][j] * g[j];
      for (let j = i + 1; j < n; j++) s -= B[j][i] * g[j];
      t[i] = s;
      gradproj += s * g[i];
    }
    if (gradproj < 0) {
      let steplength = 1;
      let accpoint = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          b[i] = X[i] + steplength * t[i];
          if (10 + X[i] === 10 + b[i]) count++;
        }
        if (count < n) {
          fval = fn(b);
          accpoint = Number.isFinite(fval) && fval <= fmin + gradproj * steplength * 1e-4;
          if (!accpoint) steplength *= 0.2;
        }
      } while (!(count === n || accpoint));
      const enough = Math.abs(fval - fmin) > RELTOL * (Math.abs(fmin) + RELTOL);
      if (!enough) {
        count = n;
        fmin = fval;
      }
      if (count < n) {
        fmin = fval;
        if (!gradient(b)) return null;
        gradcount++;
        iter++;
        let D1 = 0;
        for (let i = 0; i < n; i++) {
          t[i] = steplength * t[i];
          c[i] = g[i] - c[i];
          D1 += t[i] * c[i];
        }
        if (D1 > 0) {
          let D2 = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j <= i; j++) s += B[i][j] * c[j];
            for (let j = i + 1; j < n; j++) s += B[j][i] * c[j];
            X[i] = s;
            D2 += s * c[i];
          }
          D2 = 1 + D2 / D1;
          for (let i = 0; i < n; i++)
            for (let j = 0; j <= i; j++) B[i][j] += (D2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / D1;
        } else ilast = gradcount;
      } else if (ilast < gradcount) {
        count = 0;
        ilast = gradcount;
      }
    } else {
      count = 0;
      if (ilast === gradcount) count = n;
      else ilast = gradcount;
    }
    if (iter >= MAXIT) break;
    if (gradcount - ilast > 2 * n) ilast = gradcount;
  } while (count !== n || ilast !== gradcount);
  return { par: b.map((v, i) => v * parscale[i]), value: fmin, converged: iter < MAXIT };
}

/**
 * R's optimhess: Hessian of f at `par` by central differences of its finite-difference gradient,
 * both on the parscale'd coordinates, symmetrised. Null when a gradient is not finite (R errors).
 */
function optimHess(f: Objective, par: readonly number[], parscale: readonly number[]): number[][] | null {
  const n = par.length;
  const fs = (z: readonly number[]) => f(z.map((v, i) => v * parscale[i]));
  const grad = (z: number[]): number[] | null => {
    const g = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const zi = z[i];
      z[i] = zi + NDEPS;
      const v1 = fs(z);
      z[i] = zi - NDEPS;
      const v2 = fs(z);
      z[i] = zi;
      g[i] = (v1 - v2) / (2 * NDEPS);
      if (!Number.isFinite(g[i])) return null;
    }
    return g;
  };
  const dpar = par.map((v, i) => v / parscale[i]);
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const eps = NDEPS / parscale[i];
    dpar[i] += eps;
    const df1 = grad(dpar);
    dpar[i] -= 2 * eps;
    const df2 = grad(dpar);
    dpar[i] += eps;
    if (!df1 || !df2) return null;
    for (let j = 0; j < n; j++) H[i][j] = (df1[j] - df2[j]) / (2 * eps * parscale[i] * parscale[j]);
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const t = 0.5 * (H[i][j] + H[j][i]);
      H[i][j] = H[j][i] = t;
    }
  return H;
}

/**
 * Inverse of a small square matrix by Gauss–Jordan with partial pivoting; null where R's `solve`
 * fails: an exactly singular matrix, non-finite entries, or reciprocal 1-norm condition < eps.
 */
function invert(A: readonly number[][]): number[][] | null {
  const n = A.length;
  const M = A.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (const row of A) if (row.some((v) => !Number.isFinite(v))) return null;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(M[i][c]) > Math.abs(M[piv][c])) piv = i;
    if (M[piv][c] === 0) return null;
    [M[c], M[piv]] = [M[piv], M[c]];
    const pv = M[c][c];
    for (let j = 0; j < 2 * n; j++) M[c][j] /= pv;
    for (let i = 0; i < n; i++) {
      if (i === c || M[i][c] === 0) continue;
      const f = M[i][c];
      for (let j = 0; j < 2 * n; j++) M[i][j] -= f * M[c][j];
    }
  }
  const inv = M.map((row) => row.slice(n));
  const norm1 = (X: readonly number[][]) => {
    let best = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.abs(X[i][j]);
      best = Math.max(best, s);
    }
    return best;
  };
  const rcond = 1 / (norm1(A) * norm1(inv));
  if (!(rcond >= Number.EPSILON)) return null;
  return inv;
}

// ---------------------------------------------------------------------------------------------
// The stats::arima fit
// ---------------------------------------------------------------------------------------------

/** Result of the estimation (R's stats::arima before its final filter run). */
interface CoreFit {
  method: ArimaMethod;
  /** Coefficients in R's order (natural scale). */
  coef: Float64Array;
  mask: boolean[];
  /** Objective at the optimum (R's res$value): per-observation -loglik or 0.5 log CSS variance. */
  value: number;
  /**
   * R's forecast:::checkarima, run on demand (it costs a numerical Hessian): false where R's
   * var.coef has a negative (NaN standard error) or unobtainable diagonal.
   */
  varianceOk: () => boolean;
  /** For method "CSS": the CSS residual variance, residuals and the optimiser's result. */
  css?: { sigma2: number; resid: Float64Array; optimum: Minimum };
}

/** Least-squares start and scale of the mean / drift coefficient (R's lm on the differenced data). */
function regressionStart(pr: ArimaProblem): { coef: number; se: number } {
  const o = pr.spec.order;
  const xreg = pr.xreg as Float64Array;
  let dx = Array.from(pr.x);
  let dr = Array.from(xreg);
  for (let i = 0; i < o.d; i++) {
    dx = diff(dx);
    dr = diff(dr);
  }
  if (o.period > 1)
    for (let i = 0; i < o.D; i++) {
      dx = diff(dx, o.period);
      dr = diff(dr, o.period);
    }
  if (!(dx.length > 1 && dr.some((v) => v !== 0))) {
    dx = Array.from(pr.x);
    dr = Array.from(xreg);
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < dx.length; i++) {
    sxy += dx[i] * dr[i];
    sxx += dr[i] * dr[i];
  }
  const coef = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < dx.length; i++) rss += (dx[i] - coef * dr[i]) ** 2;
  return { coef, se: Math.sqrt(rss / (dx.length - 1) / sxx) };
}

/** Diagonal of the coefficient covariance is valid (R's forecast:::checkarima passes). */
function varianceOk(H: number[][] | null, nUsed: number, A: number[][] | null): boolean {
  if (!H) return false;
  const inv = invert(H.map((row) => row.map((v) => v * nUsed)));
  if (!inv) return false;
  const n = inv.length;
  for (let k = 0; k < n; k++) {
    let v = 0;
    if (A) {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v += A[i][k] * inv[i][j] * A[j][k];
    } else v = inv[k][k];
    if (!(v >= 0)) return false;
  }
  return true;
}

/**
 * Port of R's stats::arima estimation: start values, CSS, transform, ML and MA inversion, with
 * the coefficient-variance check available on demand. Returns an error message where R stops.
 * `cssOptimum` (CSS-ML only) is the result of the identical CSS optimisation when already run by
 * a "CSS" fit of the same model, which R would repeat.
 */
function estimate(
  pr: ArimaProblem,
  method: ArimaMethod,
  fixedIn?: readonly number[],
  cssOptimum?: Minimum,
): CoreFit | string {
  const { spec, nUsed } = pr;
  const o = spec.order;
  const { narma, ncoef } = spec;
  if (nUsed <= 0) return "too few non-missing observations";
  const fixed = Float64Array.from(fixedIn ?? new Array<number>(ncoef).fill(NaN));
  if (fixed.length !== ncoef) return "wrong length for 'fixed'";
  const mask = Array.from(fixed, (v) => Number.isNaN(v));
  const free = mask.flatMap((m, i) => (m ? [i] : []));
  const noOptim = free.length === 0;
  const arFixed = mask.slice(0, o.p).some((m) => !m) || mask.slice(o.p + o.q, o.p + o.q + o.P).some((m) => !m);
  const transform = !noOptim && !arFixed;

  let init: Float64Array = new Float64Array(ncoef);
  const parscale = new Array<number>(ncoef).fill(1);
  if (pr.xreg && mask[narma]) {
    const start = regressionStart(pr);
    init[narma] = start.coef;
    parscale[narma] = 10 * start.se;
    if (!(parscale[narma] > 0 && Number.isFinite(parscale[narma]) && Number.isFinite(start.coef)))
      return "no usable regression start";
  }
  const scale = free.map((i) => parscale[i]);
  const full = fixed.slice();
  const withFree = (z: readonly number[]) => {
    for (let k = 0; k < free.length; k++) full[free[k]] = z[k];
    return full;
  };
  const ncond = o.d + o.D * o.period + o.p + o.period * o.P;
  const cssObjective: Objective = (z) => 0.5 * Math.log(pr.cssVariance(withFree(z), ncond));

  if (method === "CSS") {
    let optimum: Minimum = { par: [], value: cssObjective([]), converged: true };
    if (!noOptim) {
      const res = minimize(
        cssObjective,
        free.map((i) => init[i]),
        scale,
      );
      if (!res) return "initial value in 'vmmin' is not finite";
      optimum = res;
    }
    const { par, value } = optimum;
    const coef = withFree(par).slice();
    const varianceCheck = () => noOptim || varianceOk(optimHess(cssObjective, par, scale), nUsed, null);
    const resid = new Float64Array(pr.n);
    const sigma2 = pr.cssVariance(coef, ncond, resid);
    return { method, coef, mask, value, varianceOk: varianceCheck, css: { sigma2, resid, optimum } };
  }

  if (method === "CSS-ML") {
    if (!noOptim) {
      const res =
        cssOptimum ??
        minimize(
          cssObjective,
          free.map((i) => init[i]),
          scale,
        );
      if (!res) return "initial value in 'vmmin' is not finite";
      if (res.converged) free.forEach((i, k) => (init[i] = res.par[k]));
    }
    if (o.p > 0 && !rootsOutside(init.subarray(0, o.p))) return "non-stationary AR part from CSS";
    if (o.P > 0 && !rootsOutside(init.subarray(o.p + o.q, o.p + o.q + o.P)))
      return "non-stationary seasonal AR part from CSS";
  }
  const maBlocks: [number, number][] = [
    [o.p, o.q],
    [o.p + o.q + o.P, o.Q],
  ];
  if (transform) {
    init = invTrans(init, o);
    for (const [from, len] of maBlocks)
      if (len > 0) init.set(maInvert(Array.from(init.subarray(from, from + len))), from);
  }
  const mlObjective: Objective = (z) => pr.mlObjective(withFree(z), transform);
  let par: number[] = [];
  let value: number;
  if (noOptim) value = mlObjective([]);
  else {
    const res = minimize(
      mlObjective,
      free.map((i) => init[i]),
      scale,
    );
    if (!res) return "initial value in 'vmmin' is not finite";
    par = res.par;
    value = res.value;
  }
  let coef: Float64Array = withFree(par).slice();
  let varianceCheck = () => noOptim || varianceOk(optimHess(mlObjective, par, scale), nUsed, null);
  if (transform) {
    for (const [from, len] of maBlocks)
      if (len > 0 && mask.slice(from, from + len).every(Boolean))
        coef.set(maInvert(Array.from(coef.subarray(from, from + len))), from);
    if (free.some((i, k) => coef[i] !== par[k])) {
      par = free.map((i) => coef[i]);
      value = mlObjective(par);
    }
    const A = gradTrans(coef, o);
    const Am = free.map((i) => free.map((j) => A[i][j]));
    const atPar = par;
    varianceCheck = () => varianceOk(optimHess(mlObjective, atPar, scale), nUsed, Am);
    coef = undoPars(coef, o);
  }
  return { method, coef, mask, value, varianceOk: varianceCheck };
}

// ---------------------------------------------------------------------------------------------
// Fitted model objects (forecast::Arima)
// ---------------------------------------------------------------------------------------------

/** R's arima.string: "ARIMA(1,1,1)(0,1,1)[12] with drift". */
export function arimaLabel(order: ArimaOrder, constant: ArimaConstant): string {
  const { p, d, q, P, D, Q, period } = order;
  let s = `ARIMA(${p},${d},${q})`;
  if (period > 1 && P + D + Q > 0) s += `(${P},${D},${Q})[${period}]`;
  if (constant === "drift") s += " with drift";
  else if (constant === "mean") s += " with non-zero mean";
  else if (d === 0 && D === 0) s += " with zero mean";
  return s;
}

function coefNames(o: ArimaOrder, constant: ArimaConstant): string[] {
  const names: string[] = [];
  for (let i = 1; i <= o.p; i++) names.push(`ar${i}`);
  for (let i = 1; i <= o.q; i++) names.push(`ma${i}`);
  for (let i = 1; i <= o.P; i++) names.push(`sar${i}`);
  for (let i = 1; i <= o.Q; i++) names.push(`sma${i}`);
  if (constant === "mean") names.push("intercept");
  if (constant === "drift") names.push("drift");
  return names;
}

/** Number of observations after differencing (R's nstar) and of estimated parameters + 1. */
function sizes(pr: ArimaProblem, core: CoreFit) {
  const o = pr.spec.order;
  return { nstar: pr.n - o.d - o.D * o.period, npar: core.mask.filter(Boolean).length + 1 };
}

/** Information criteria from the AIC as forecast's myarima / Arima (Inf when undefined). */
function criteria(aic: number, nstar: number, npar: number) {
  const room = nstar - npar - 1;
  return {
    aic,
    aicc: room > 0 ? aic + (2 * npar * (npar + 1)) / room : NaN,
    bic: aic + npar * (Math.log(nstar) - 2),
  };
}

interface ModelExtras {
  /** Overrides of R's criteria (auto.arima's CSS-based ones for an approximated winner). */
  aic?: number;
  /**
   * Forecast this value with zero variance instead of the filter's forecasts (R's forecast for a
   * constant series: its first value; also the last-resort fallback).
   */
  flat?: number;
  /** Suffix for the method label (fallbacks). */
  note?: string;
}

/**
 * Runs the final filter at the estimated coefficients and builds the model object, as the end of
 * R's stats::arima plus forecast::Arima (sigma2, criteria, fitted values).
 */
function buildModel(pr: ArimaProblem, core: CoreFit, extras: ModelExtras = {}): ArimaModel {
  const { spec, n, nUsed, x } = pr;
  const o = spec.order;
  const kalmanResid = new Float64Array(n);
  pr.filter(core.coef, false, kalmanResid);
  const ss = snapshot(pr.ss);
  const resid = core.css ? core.css.resid : kalmanResid;
  const value = 2 * nUsed * core.value + nUsed + nUsed * LOG_2PI;
  const { nstar, npar } = sizes(pr, core);
  const aic = extras.aic ?? (core.method === "CSS" ? NaN : value + 2 * (npar - 1) + 2);
  const ic = criteria(aic, nstar, npar);
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += resid[i] * resid[i];
  const sigma2 = ssr / (nstar - npar + 1);
  const names = coefNames(o, spec.constant);
  const coef: Record<string, number> = {};
  names.forEach((name, i) => (coef[name] = core.coef[i]));
  const beta = spec.constant === "none" ? 0 : core.coef[spec.narma];
  const forecast = (hIn: number): Required<Forecast> => {
    const h = Math.max(0, Math.floor(hIn));
    let mean: number[];
    let se: number[];
    if (extras.flat !== undefined) {
      mean = new Array<number>(h).fill(extras.flat);
      se = new Array<number>(h).fill(0);
    } else {
      const fc = kalmanForecast(ss, h);
      mean = fc.mean.map((v, i) => v + (spec.constant === "drift" ? beta * (n + i + 1) : beta));
      se = fc.variance.map((v) => Math.sqrt(v * sigma2));
    }
    const band = (z: number, sign: number) => mean.map((m, i) => (Number.isFinite(se[i]) ? m + sign * z * se[i] : m));
    return { mean, lo80: band(Z80, -1), hi80: band(Z80, 1), lo95: band(Z95, -1), hi95: band(Z95, 1) };
  };
  const label = arimaLabel(o, spec.constant);
  return {
    method: extras.note ? `${label} (${extras.note})` : label,
    order: o,
    constant: spec.constant,
    coef,
    sigma2,
    loglik: -0.5 * value,
    aic: ic.aic,
    aicc: ic.aicc,
    bic: ic.bic,
    fitted: Array.from(x, (v, i) => v - resid[i]),
    residuals: Array.from(resid),
    forecast,
  };
}

/** The model's orders with R's defaults filled in (no seasonal part when period <= 1). */
function resolveOrder(options: FitArimaOptions): ArimaOrder {
  const [p, d, q] = options.order;
  const period = Math.round(options.seasonal?.period ?? 1);
  const [P, D, Q] = period > 1 && options.seasonal ? options.seasonal.order : [0, 0, 0];
  return { p, d, q, P, D, Q, period: Math.max(1, period) };
}

function resolveConstant(o: ArimaOrder, includeConstant: boolean | undefined): ArimaConstant {
  const nd = o.d + o.D;
  if (includeConstant === undefined) return nd === 0 ? "mean" : "none";
  if (!includeConstant) return "none";
  return nd === 0 ? "mean" : nd === 1 ? "drift" : "none";
}

/**
 * Fits one ARIMA model as `forecast::Arima(y, order, seasonal, include.constant, method, fixed)`.
 * Throws (with R's message) where R stops: too short a series, a non-stationary CSS start, a
 * non-finite starting likelihood.
 */
export function fitArima(y: readonly number[], options: FitArimaOptions): ArimaModel {
  const order = resolveOrder(options);
  for (const v of [order.p, order.d, order.q, order.P, order.D, order.Q])
    if (!(Number.isInteger(v) && v >= 0)) throw new Error("ARIMA orders must be non-negative integers");
  const x = Float64Array.from(y);
  if (x.length <= order.d + order.D * order.period) throw new Error("Not enough data to fit the model");
  const pr = new ArimaProblem(x, makeSpec(order, resolveConstant(order, options.includeConstant)));
  const core = estimate(pr, options.method ?? "CSS-ML", options.fixed);
  if (typeof core === "string") throw new Error(core);
  return buildModel(pr, core);
}

// ---------------------------------------------------------------------------------------------
// auto.arima
// ---------------------------------------------------------------------------------------------

/**
 * One candidate of the search (R's myarima result). Its acceptance checks (roots and the
 * coefficient-variance check, which needs a numerical Hessian) run only when its criterion could
 * matter, so `ic` is resolved lazily; decisions are the same as running them for every model.
 */
class Candidate {
  private resolved: number | undefined;

  constructor(
    readonly p: number,
    readonly q: number,
    readonly P: number,
    readonly Q: number,
    readonly constant: boolean,
    /** Criterion before the checks (Inf when the fit failed). */
    readonly tentativeIc: number,
    readonly aic: number,
    readonly pr?: ArimaProblem,
    readonly core?: CoreFit,
  ) {}

  /** R's myarima ic: Inf when the fit failed, has a root within 1.01 of the unit circle or fails checkarima. */
  get ic(): number {
    if (this.resolved === undefined) {
      const ok =
        Number.isFinite(this.tentativeIc) &&
        !!this.pr &&
        !!this.core &&
        rootsClearOfUnitCircle(this.pr, this.core) &&
        this.core.varianceOk();
      this.resolved = ok ? this.tentativeIc : Infinity;
    }
    return this.resolved;
  }

  /** ic < bound, resolving the checks only when the tentative criterion is below the bound. */
  beats(bound: number): boolean {
    return this.tentativeIc < bound && this.ic < bound;
  }
}

interface SearchContext {
  x: Float64Array;
  d: number;
  D: number;
  m: number;
  ic: "aicc" | "aic" | "bic";
  offset: number;
}

/** True when all roots of the expanded AR and MA polynomials have modulus >= 1.01 (myarima). */
function rootsClearOfUnitCircle(pr: ArimaProblem, core: CoreFit): boolean {
  const { spec } = pr;
  const phi = new Float64Array(Math.max(1, spec.pFull));
  const theta = new Float64Array(Math.max(1, spec.qFull));
  expandArma(core.coef, spec.order, phi, theta);
  const trimmed = (c: Float64Array, len: number, sign: number) => {
    let last = -1;
    for (let i = 0; i < len; i++) if (Math.abs(c[i]) > 1e-8) last = i;
    return Array.from(c.subarray(0, last + 1), (v) => sign * v);
  };
  const o = spec.order;
  if (o.p + o.P > 0 && !rootsOutside(trimmed(phi, spec.pFull, 1), 1.01)) return false;
  if (o.q + o.Q > 0 && !rootsOutside(trimmed(theta, spec.qFull, -1), 1.01)) return false;
  return true;
}

/** Deterministic term for `constant` under d + D differences, as myarima passes it to arima. */
function constantFor(constant: boolean, nd: number): ArimaConstant {
  if (!constant) return "none";
  return nd === 0 ? "mean" : nd === 1 ? "drift" : "none";
}

/**
 * R's forecast:::myarima: fits one candidate and scores it (Inf when unusable). `cssOptimum`: the
 * CSS optimum of the same model from the approximate search, reused by the CSS-ML refit.
 */
function fitCandidate(
  ctx: SearchContext,
  p: number,
  q: number,
  P: number,
  Q: number,
  constant: boolean,
  approximation: boolean,
  cssOptimum?: Minimum,
): Candidate {
  const order: ArimaOrder = { p, d: ctx.d, q, P, D: ctx.D, Q, period: ctx.m };
  const pr = new ArimaProblem(ctx.x, makeSpec(order, constantFor(constant, ctx.d + ctx.D)));
  const core = estimate(pr, approximation ? "CSS" : "CSS-ML", undefined, cssOptimum);
  if (typeof core === "string") return new Candidate(p, q, P, Q, constant, Infinity, Infinity);
  const { nstar, npar } = sizes(pr, core);
  const aic = core.css
    ? ctx.offset + nstar * Math.log(core.css.sigma2) + 2 * npar
    : 2 * pr.nUsed * core.value + pr.nUsed * (1 + LOG_2PI) + 2 * npar;
  const ic = Number.isFinite(aic) ? criteria(aic, nstar, npar)[ctx.ic] : NaN;
  if (!Number.isFinite(ic)) return new Candidate(p, q, P, Q, constant, Infinity, Infinity);
  return new Candidate(p, q, P, Q, constant, ic, aic, pr, core);
}

/** Which of R's stepwise moves to try, in R's order: changes to (p, q, P, Q). */
const SEASONAL_MOVES: [number, number][] = [
  [-1, 0],
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, -1],
  [-1, 1],
  [1, -1],
  [1, 1],
];

interface Limits {
  maxp: number;
  maxq: number;
  maxP: number;
  maxQ: number;
}

/**
 * The Hyndman–Khandakar stepwise search of forecast::auto.arima: four (or five) starting models,
 * then repeated moves to the first better neighbour, at most 94 models. `allowConstant`: a
 * drift or mean may be included (d + D <= 1); `shortSeries` (n < 10) starts from smaller orders.
 * Identical models are fitted once. Returns every model tried (in order, as R's results table)
 * and the best.
 */
function stepwiseSearch(
  ctx: SearchContext,
  lim: Limits,
  allowConstant: boolean,
  approximation: boolean,
  shortSeries: boolean,
) {
  const nmodels = 94;
  const tried: Candidate[] = [];
  const seen = new Map<string, Candidate>();
  const keyOf = (p: number, q: number, P: number, Q: number, c: boolean) => `${p},${q},${P},${Q},${c ? 1 : 0}`;
  const fit = (p: number, q: number, P: number, Q: number, c: boolean) => {
    const key = keyOf(p, q, P, Q, c);
    const cand = seen.get(key) ?? fitCandidate(ctx, p, q, P, Q, c, approximation);
    seen.set(key, cand);
    tried.push(cand);
    return cand;
  };
  const isNew = (p: number, q: number, P: number, Q: number, c: boolean) =>
    !tried.some((t) => keyOf(t.p, t.q, t.P, t.Q, t.constant) === keyOf(p, q, P, Q, c));

  let constant = allowConstant;
  let p = Math.min(shortSeries ? 1 : 2, lim.maxp);
  let q = Math.min(shortSeries ? 1 : 2, lim.maxq);
  let P = Math.min(shortSeries ? 0 : 1, lim.maxP);
  let Q = Math.min(shortSeries ? 0 : 1, lim.maxQ);
  let best = fit(p, q, P, Q, constant);
  let cand = fit(0, 0, 0, 0, constant);
  if (cand.beats(best.ic)) {
    best = cand;
    p = q = P = Q = 0;
  }
  const seasonal = ctx.m > 1;
  if (lim.maxp > 0 || lim.maxP > 0) {
    const np = lim.maxp > 0 ? 1 : 0;
    const nP = seasonal && lim.maxP > 0 ? 1 : 0;
    cand = fit(np, 0, nP, 0, constant);
    if (cand.beats(best.ic)) {
      best = cand;
      [p, P, q, Q] = [np, nP, 0, 0];
    }
  }
  if (lim.maxq > 0 || lim.maxQ > 0) {
    const nq = lim.maxq > 0 ? 1 : 0;
    const nQ = seasonal && lim.maxQ > 0 ? 1 : 0;
    cand = fit(0, nq, 0, nQ, constant);
    if (cand.beats(best.ic)) {
      best = cand;
      [p, P, q, Q] = [0, 0, nq, nQ];
    }
  }
  if (constant) {
    cand = fit(0, 0, 0, 0, false);
    if (cand.beats(best.ic)) {
      best = cand;
      p = q = P = Q = 0;
    }
  }
  const within = (v: number, max: number) => v >= 0 && v <= max;
  let startk = 0;
  outer: while (startk < tried.length && tried.length < nmodels) {
    startk = tried.length;
    const moves: [number, number, number, number, boolean][] = [
      ...SEASONAL_MOVES.map(([dP, dQ]): [number, number, number, number, boolean] => [p, q, P + dP, Q + dQ, constant]),
      ...SEASONAL_MOVES.map(([dp, dq]): [number, number, number, number, boolean] => [p + dp, q + dq, P, Q, constant]),
    ];
    for (const [np, nq, nP, nQ, c] of moves) {
      if (!within(np, lim.maxp) || !within(nq, lim.maxq) || !within(nP, lim.maxP) || !within(nQ, lim.maxQ)) continue;
      if (!isNew(np, nq, nP, nQ, c)) continue;
      if (tried.length + 1 > nmodels) break outer;
      cand = fit(np, nq, nP, nQ, c);
      if (cand.beats(best.ic)) {
        best = cand;
        [p, q, P, Q] = [np, nq, nP, nQ];
        continue outer;
      }
    }
    if (allowConstant && isNew(p, q, P, Q, !constant)) {
      if (tried.length + 1 > nmodels) break;
      cand = fit(p, q, P, Q, !constant);
      if (cand.beats(best.ic)) {
        best = cand;
        constant = !constant;
      }
    }
  }
  return { best, tried };
}

/** A model with all coefficients fixed (auto.arima's constant-series and constant-difference cases). */
function fixedModel(
  x: Float64Array,
  order: ArimaOrder,
  constant: ArimaConstant,
  fixed: number[],
  extras: ModelExtras = {},
): ArimaModel | null {
  const pr = new ArimaProblem(x, makeSpec(order, constant));
  const core = estimate(pr, "CSS-ML", fixed);
  return typeof core === "string" ? null : buildModel(pr, core, extras);
}

/** Whether the model's forecasts and intervals are finite numbers. */
function forecastsFinite(model: ArimaModel): boolean {
  const fc = model.forecast(1);
  return [fc.mean, fc.lo80, fc.hi80, fc.lo95, fc.hi95].every((band) => band.every(Number.isFinite));
}

/**
 * Last resort when no ARIMA model can be fitted: a random walk, or where even that gives no
 * finite forecast (values near the float range), the last value repeated with zero-width bands.
 */
function fallbackModel(x: Float64Array, reason: string): ArimaModel {
  const note = `fallback: ${reason}`;
  const rw =
    x.length > 1 ? fixedModel(x, { p: 0, d: 1, q: 0, P: 0, D: 0, Q: 0, period: 1 }, "none", [], { note }) : null;
  if (rw && forecastsFinite(rw)) return rw;
  const last = x[x.length - 1];
  const flat = fixedModel(x, { p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, period: 1 }, "mean", [last], { flat: last, note });
  if (!flat) throw new Error("cannot fit any model to this series");
  return flat;
}

/** auto.arima's fits when the differenced series is constant. */
function constantDifferenceModel(x: Float64Array, dx: number[], d: number, D: number, m: number): ArimaModel | null {
  const order: ArimaOrder = { p: 0, d, q: 0, P: 0, D, Q: 0, period: m };
  const mean = dx.reduce((s, v) => s + v, 0) / dx.length;
  if (D > 0 && d === 0) return fixedModel(x, order, "drift", [mean / m]);
  if (D > 0 || d === 2) return fixedModel(x, order, "none", []);
  return fixedModel(x, order, "drift", [mean]);
}

/**
 * forecast::auto.arima with the stepwise search: chooses D by the seasonal-strength test and d by
 * repeated KPSS tests, then p, q, P, Q and the constant by AICc (CSS during the search when
 * `approximation`, then the best models refitted by CSS-ML in order until one is usable). Never
 * throws for a non-empty series: where R would stop, it falls back to a random walk and says so
 * in `method`. Seasonal AR/MA terms are searched only for periods 2..12 (for longer periods, where
 * R's AS 154 start is very slow, seasonality enters through D alone).
 */
export function autoArima(y: readonly number[], options: AutoArimaOptions = {}): ArimaModel {
  const x = Float64Array.from(y);
  const n = x.length;
  if (n === 0) throw new Error("cannot fit a model to an empty series");
  let model: ArimaModel | null;
  try {
    model = autoArimaUnsafe(x, options);
  } catch (err) {
    return fallbackModel(x, err instanceof Error ? err.message : "error");
  }
  if (!model) return fallbackModel(x, "no suitable ARIMA model");
  return forecastsFinite(model) ? model : fallbackModel(x, "non-finite forecasts");
}

/**
 * The body of forecast::auto.arima (stepwise): differencing orders, the special cases of constant
 * data, the search and the refit. Null where R stops with "No suitable ARIMA model found".
 */
function autoArimaUnsafe(x: Float64Array, options: AutoArimaOptions): ArimaModel | null {
  const n = x.length;
  if (isConstant(x)) {
    const mean = x.reduce((s, v) => s + v, 0) / n;
    return fixedModel(x, { p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, period: 1 }, "mean", [mean], { flat: x[0] });
  }
  const m = Math.max(1, Math.round(options.period ?? 1));
  let ic = options.ic ?? "aicc";
  if (n <= 3) ic = "aic";
  const lim: Limits = {
    maxp: Math.min(options.maxP ?? 5, Math.floor(n / 3)),
    maxq: Math.min(options.maxQ ?? 5, Math.floor(n / 3)),
    maxP: Math.min(options.maxSeasonalP ?? 2, Math.floor(n / 3 / m)),
    maxQ: Math.min(options.maxSeasonalQ ?? 2, Math.floor(n / 3 / m)),
  };
  let D = 0;
  if (m === 1) lim.maxP = lim.maxQ = 0;
  else if (options.seasonalD !== undefined) D = options.seasonalD;
  else if (n > 2 * m) D = nsdiffs(Array.from(x), m);
  if (m > MAX_SEASONAL_ARMA_PERIOD) lim.maxP = lim.maxQ = 0;
  let dx = Array.from(x);
  for (let i = 0; i < D; i++) dx = diff(dx, m);
  let d = options.d ?? ndiffs(dx, options.maxD ?? 2);
  if (options.d === undefined && d > 0 && dx.length <= d) d--;
  for (let i = 0; i < d; i++) dx = diff(dx);
  if (dx.length === 0) return null;
  if (isConstant(dx)) return constantDifferenceModel(x, dx, d, D, m);
  if (m > 1) {
    if (lim.maxP > 0) lim.maxp = Math.min(lim.maxp, m - 1);
    if (lim.maxQ > 0) lim.maxq = Math.min(lim.maxq, m - 1);
  }
  const approximation = options.approximation ?? (n > 150 || m > 12);
  const ctx: SearchContext = { x, d, D, m, ic, offset: 0 };
  if (approximation) ctx.offset = searchOffset(x, d, D, m);
  const allowDrift = (options.allowDrift ?? true) && d + D === 1;
  const allowMean = (options.allowMean ?? true) && d + D === 0;
  const { best, tried } = stepwiseSearch(ctx, lim, allowDrift || allowMean, approximation, n < 10);
  let winner: Candidate = best;
  if (approximation && best.core) {
    // Refit by CSS-ML in order of the approximate criterion until a model is usable.
    const refitMemo = new Map<Candidate, Candidate>();
    for (const c of byCriterion(tried)) {
      const refit = refitMemo.get(c) ?? fitCandidate(ctx, c.p, c.q, c.P, c.Q, c.constant, false, c.core?.css?.optimum);
      refitMemo.set(c, refit);
      if (refit.ic < Infinity) {
        winner = refit;
        break;
      }
    }
  }
  if (!winner.core || !winner.pr || winner.ic === Infinity) return null;
  return buildModel(winner.pr, winner.core, { aic: winner.aic });
}

/**
 * The models tried, in R's `order(results[, "ic"])`: finite criteria ascending (ties in the order
 * tried), then the unusable ones in the order tried. Checks are resolved only as far as iterated.
 */
function* byCriterion(tried: readonly Candidate[]): Generator<Candidate> {
  const ranked = tried
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => Number.isFinite(c.tentativeIc))
    .sort((a, b) => a.c.tentativeIc - b.c.tentativeIc || a.i - b.i);
  for (const { c } of ranked) if (c.ic < Infinity) yield c;
  for (const c of tried) if (c.ic === Infinity) yield c;
}

/**
 * auto.arima's `offset` for approximated criteria: -2 loglik - n log(sigma2) of the exact fit of
 * ARIMA(0,d,0)(0,D,0) (with a mean when undifferenced); 0 when that fit fails.
 */
function searchOffset(x: Float64Array, d: number, D: number, m: number): number {
  const order: ArimaOrder = { p: 0, d, q: 0, P: 0, D, Q: 0, period: m };
  const pr = new ArimaProblem(x, makeSpec(order, d + D === 0 ? "mean" : "none"));
  const core = estimate(pr, "CSS-ML");
  if (typeof core === "string") return 0;
  pr.filter(core.coef, false, null);
  const sigma2 = pr.ss.ssq / pr.nUsed;
  const loglik = -0.5 * (2 * pr.nUsed * core.value + pr.nUsed + pr.nUsed * LOG_2PI);
  const offset = -2 * loglik - x.length * Math.log(sigma2);
  return Number.isFinite(offset) ? offset : 0;
}

// ---------------------------------------------------------------------------------------------
// Model family
// ---------------------------------------------------------------------------------------------

/** Automatic ARIMA (auto.arima) as a forecasting model family. */
export const arimaFamily: ModelFamily = {
  key: "arima",
  minLength: () => 4,
  fit(y: readonly number[], options: FitOptions): FittedModel {
    const model = autoArima(y, { period: options.period });
    return {
      method: model.method,
      fitted: model.fitted,
      aicc: Number.isFinite(model.aicc) ? model.aicc : undefined,
      forecast: (h: number) => model.forecast(h),
    };
  },
};
