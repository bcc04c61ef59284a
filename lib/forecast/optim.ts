/**
 * Derivative-free and quasi-Newton minimisers for the model fits: Nelder–Mead (as R's `optim`
 * default, used by `ets`) and BFGS with finite-difference gradients (as R's `arima`). Both take a
 * plain objective over number[] and never throw on a non-finite value: such points count as +Inf.
 */

export interface OptimResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export interface NelderMeadOptions {
  /** Most objective evaluations (R's `maxit` counts iterations; ets uses 2000). */
  maxIterations?: number;
  /** Relative tolerance on the spread of simplex values (R: reltol 1.49e-8). */
  relTol?: number;
  /** Initial step per coordinate; default 10% of |x0| (or 0.1 when zero), like R. */
  step?: number[];
}

const finite = (v: number) => (Number.isFinite(v) ? v : Infinity);

/** Nelder–Mead with R's coefficients (reflection 1, contraction 0.5, expansion 2). */
export function nelderMead(
  f: (x: number[]) => number,
  x0: readonly number[],
  opts: NelderMeadOptions = {},
): OptimResult {
  const n = x0.length;
  const maxIt = opts.maxIterations ?? 2000;
  const relTol = opts.relTol ?? 1.49e-8;
  if (n === 0) return { x: [], value: finite(f([])), iterations: 0, converged: true };
  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    const step = opts.step?.[i] ?? (Math.abs(x0[i]) > 1e-12 ? 0.1 * Math.abs(x0[i]) : 0.1);
    p[i] += step;
    simplex.push(p);
  }
  const values = simplex.map((p) => finite(f(p)));
  let it = 0;
  let converged = false;
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  while (it < maxIt) {
    order.sort((a, b) => values[a] - values[b]);
    const best = values[order[0]];
    const worst = values[order[n]];
    if (Number.isFinite(worst) && Math.abs(worst - best) <= relTol * (Math.abs(best) + relTol)) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) {
      const p = simplex[order[k]];
      for (let j = 0; j < n; j++) centroid[j] += p[j] / n;
    }
    const w = simplex[order[n]];
    const along = (t: number) => centroid.map((c, j) => c + t * (w[j] - c));
    const xr = along(-1);
    const fr = finite(f(xr));
    it++;
    if (fr < values[order[0]]) {
      const xe = along(-2);
      const fe = finite(f(xe));
      it++;
      if (fe < fr) {
        simplex[order[n]] = xe;
        values[order[n]] = fe;
      } else {
        simplex[order[n]] = xr;
        values[order[n]] = fr;
      }
    } else if (fr < values[order[n - 1]]) {
      simplex[order[n]] = xr;
      values[order[n]] = fr;
    } else {
      const outside = fr < values[order[n]];
      const xc = outside ? along(-0.5) : along(0.5);
      const fc = finite(f(xc));
      it++;
      if (fc < Math.min(fr, values[order[n]])) {
        simplex[order[n]] = xc;
        values[order[n]] = fc;
      } else {
        // Shrink towards the best point.
        const b = simplex[order[0]];
        for (let k = 1; k <= n; k++) {
          const idx = order[k];
          simplex[idx] = simplex[idx].map((v, j) => b[j] + 0.5 * (v - b[j]));
          values[idx] = finite(f(simplex[idx]));
          it++;
        }
      }
    }
  }
  let bi = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[bi]) bi = i;
  return { x: simplex[bi], value: values[bi], iterations: it, converged };
}

export interface BfgsOptions {
  maxIterations?: number;
  /** Relative tolerance on the objective (R: reltol 1.49e-8). */
  relTol?: number;
  /** Finite-difference step (R's arima uses ndeps 1e-3 on its scaled parameters). */
  gradStep?: number;
}

/** BFGS with central finite-difference gradients and a backtracking line search. */
export function bfgs(f: (x: number[]) => number, x0: readonly number[], opts: BfgsOptions = {}): OptimResult {
  const n = x0.length;
  const maxIt = opts.maxIterations ?? 100;
  const relTol = opts.relTol ?? 1.49e-8;
  const eps = opts.gradStep ?? 1e-3;
  let x = x0.slice();
  let fx = finite(f(x));
  if (n === 0 || !Number.isFinite(fx)) return { x, value: fx, iterations: 0, converged: n === 0 };
  const grad = (p: number[]): number[] => {
    const g = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const a = p.slice();
      const b = p.slice();
      a[i] += eps;
      b[i] -= eps;
      const fa = finite(f(a));
      const fb = finite(f(b));
      g[i] = Number.isFinite(fa) && Number.isFinite(fb) ? (fa - fb) / (2 * eps) : 0;
    }
    return g;
  };
  // Inverse Hessian approximation, starting from the identity.
  let H: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let g = grad(x);
  let it = 0;
  let converged = false;
  while (it < maxIt) {
    it++;
    const d = H.map((row) => -row.reduce((s, h, j) => s + h * g[j], 0));
    let slope = d.reduce((s, v, i) => s + v * g[i], 0);
    if (slope >= 0) {
      // Not a descent direction: reset to steepest descent.
      H = H.map((row, i) => row.map((_, j): number => (i === j ? 1 : 0)));
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = -g.reduce((s, v) => s + v * v, 0);
      if (slope === 0) {
        converged = true;
        break;
      }
    }
    let t = 1;
    let xn = x;
    let fn = fx;
    let accepted = false;
    for (let k = 0; k < 30; k++) {
      xn = x.map((v, i) => v + t * d[i]);
      fn = finite(f(xn));
      if (fn <= fx + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      t *= 0.2;
    }
    if (!accepted) {
      converged = true;
      break;
    }
    const gn = grad(xn);
    const s = xn.map((v, i) => v - x[i]);
    const yv = gn.map((v, i) => v - g[i]);
    const sy = s.reduce((a, v, i) => a + v * yv[i], 0);
    const done = Math.abs(fx - fn) <= relTol * (Math.abs(fx) + relTol);
    x = xn;
    fx = fn;
    g = gn;
    if (done) {
      converged = true;
      break;
    }
    if (sy > 1e-12) {
      const Hy = H.map((row) => row.reduce((a, h, j) => a + h * yv[j], 0));
      const yHy = yv.reduce((a, v, i) => a + v * Hy[i], 0);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          H[i][j] += ((sy + yHy) * s[i] * s[j]) / (sy * sy) - (Hy[i] * s[j] + s[i] * Hy[j]) / sy;
    }
  }
  return { x, value: fx, iterations: it, converged };
}
