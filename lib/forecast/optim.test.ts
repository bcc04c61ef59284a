import { describe, expect, it } from "vitest";
import { bfgs, nelderMead } from "./optim.ts";

const rosenbrock = ([a, b]: number[]) => 100 * (b - a * a) ** 2 + (1 - a) ** 2;

describe("minimisers", () => {
  it("Nelder–Mead finds the Rosenbrock minimum from R's documented start", () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5000, relTol: 1e-12 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
    expect(r.converged).toBe(true);
  });

  it("BFGS finds the Rosenbrock minimum", () => {
    const r = bfgs(rosenbrock, [-1.2, 1], { maxIterations: 500, gradStep: 1e-6, relTol: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it("treats non-finite objective values as walls instead of failing", () => {
    const f = ([a, b]: number[]) => (a < 0 ? NaN : (a - 2) ** 2 + (b + 1) ** 2);
    expect(nelderMead(f, [0.5, 0.3], { relTol: 1e-12 }).x[0]).toBeCloseTo(2, 3);
    expect(bfgs(f, [0.5, 0.3], { gradStep: 1e-6 }).x[0]).toBeCloseTo(2, 3);
  });
});
