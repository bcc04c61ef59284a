/**
 * Multiple seasonalities for daily data (weekly and yearly): dynamic harmonic regression in the
 * way of R's stlm/tbats users — Fourier terms for each seasonal period, fitted by least squares
 * together with a linear trend, then ETS (non-seasonal, automatic) on what the seasons leave:
 *
 *   y_t = β0 + β1·t + Σ_P Σ_{k≤K_P} (a_Pk sin(2πkt/P) + b_Pk cos(2πkt/P)) + r_t,   r ~ ETS
 *   ŷ_{n+j} = seasonal terms at n+j + ETS forecast of r   (intervals: the ETS ones)
 *
 * Tried on daily series (period 7) with at least two years of history: K = 3 for the week and
 * 8 for the year (365.25 days).
 */
import { fitEts } from "./ets.ts";
import type { FitOptions, FittedModel, ModelFamily } from "./types.ts";

export const YEAR_DAYS = 365.25;

interface Harmonics {
  period: number;
  order: number;
}

function row(t: number, harmonics: readonly Harmonics[]): number[] {
  const x = [1, t];
  for (const { period, order } of harmonics)
    for (let k = 1; k <= order; k++) {
      const w = (2 * Math.PI * k * t) / period;
      x.push(Math.sin(w), Math.cos(w));
    }
  return x;
}

/** Least squares by the normal equations (small, well-conditioned designs), ridge 1e-8 for safety. */
export function leastSquares(rows: readonly number[][], y: readonly number[]): number[] {
  const p = rows[0].length;
  const a = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  rows.forEach((x, t) => {
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) a[i][j] += x[i] * x[j];
      a[i][p] += x[i] * y[t];
    }
  });
  for (let i = 0; i < p; i++) a[i][i] += 1e-8 * (a[i][i] || 1);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    [a[c], a[piv]] = [a[piv], a[c]];
    for (let r = 0; r < p; r++) {
      if (r === c || a[c][c] === 0) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= p; k++) a[r][k] -= f * a[c][k];
    }
  }
  return a.map((r, i) => (r[i] === 0 ? 0 : r[p] / r[i]));
}

export function fitHarmonic(y: readonly number[], { period }: FitOptions): FittedModel {
  const n = y.length;
  const harmonics: Harmonics[] = [
    { period, order: Math.min(3, Math.floor(period / 2)) },
    { period: YEAR_DAYS, order: 8 },
  ];
  const rows = y.map((_, t) => row(t, harmonics));
  const beta = leastSquares(rows, y);
  // The seasonal part only (trend and intercept stay with ETS, which adapts them).
  const seasonal = (t: number) => row(t, harmonics).reduce((s, v, i) => (i < 2 ? s : s + v * beta[i]), 0);
  const remainder = y.map((v, t) => v - seasonal(t));
  const ets = fitEts(remainder, { period: 1 });
  return {
    method: `Harmonic regression (weekly + yearly) with ${ets.method}`,
    fitted: ets.fitted.map((v, t) => v + seasonal(t)),
    forecast(h) {
      const f = ets.forecast(h);
      const add = (xs?: number[]) => xs?.map((v, j) => v + seasonal(n + j));
      return { mean: add(f.mean)!, lo80: add(f.lo80), hi80: add(f.hi80), lo95: add(f.lo95), hi95: add(f.hi95) };
    },
  };
}

export const harmonicFamily: ModelFamily = {
  key: "harmonic",
  minLength: () => Math.ceil(2 * YEAR_DAYS),
  fit: fitHarmonic,
};
