import { describe, expect, it } from "vitest";
import { rng } from "../ml/random.ts";
import { fitEts } from "./ets.ts";
import { fitHarmonic, leastSquares } from "./harmonic.ts";
import { mase } from "./metrics.ts";

describe("harmonic regression for daily data with weekly and yearly seasons", () => {
  it("solves least squares exactly on a known line", () => {
    const rows = [0, 1, 2, 3].map((t) => [1, t]);
    const beta = leastSquares(rows, [1, 3, 5, 7]);
    expect(beta[0]).toBeCloseTo(1, 6);
    expect(beta[1]).toBeCloseTo(2, 6);
  });

  it("forecasts both seasons, far better than weekly-only ETS", () => {
    const r = rng(11);
    const days = 3 * 365 + 60;
    const y = Array.from(
      { length: days },
      (_, t) =>
        500 + 0.05 * t + 40 * Math.sin((2 * Math.PI * t) / 365.25) + 25 * (t % 7 >= 5 ? 1 : 0) + 5 * (r() - 0.5),
    );
    const h = 60;
    const train = y.slice(0, days - h);
    const actual = y.slice(days - h);
    const harmonic = fitHarmonic(train, { period: 7 });
    expect(harmonic.method).toMatch(/^Harmonic regression/);
    const f = harmonic.forecast(h);
    const weeklyOnly = fitEts(train, { period: 7 }).forecast(h);
    const mh = mase(train, actual, f.mean, 7);
    const me = mase(train, actual, weeklyOnly.mean, 7);
    expect(mh).toBeLessThan(0.6 * me);
    expect(f.lo95!.every((lo, j) => lo < f.mean[j] && f.mean[j] < f.hi95![j])).toBe(true);
  });
});
