import { describe, expect, it } from "vitest";
import { rng } from "../ml/random.ts";
import { forecastCollection, type SeriesToForecast } from "./auto.ts";

/** Standard normal draws from a seeded generator (Box–Muller). */
function normals(seed: number) {
  const r = rng(seed);
  return () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

/** Monthly-like series: level, trend, a 12-period season and noise. */
function seasonalSeries(n: number, seed: number): number[] {
  const z = normals(seed);
  const level = 100 + 50 * (seed % 5);
  return Array.from({ length: n }, (_, t) => level + 0.5 * t + 15 * Math.sin((2 * Math.PI * t) / 12) + 3 * z());
}

describe("forecastCollection (the production path)", () => {
  it("forecasts each series with a backtested model and ordered, non-negative intervals", async () => {
    const series: SeriesToForecast[] = Array.from({ length: 6 }, (_, i) => ({
      id: `s${i}`,
      values: seasonalSeries(72, i + 1),
      period: 12,
      horizon: 12,
      nonNegative: true,
    }));
    const out = await forecastCollection(series, { thread: false });
    expect(out.map((r) => r.id)).toEqual(series.map((s) => s.id));
    for (const r of out) {
      expect(r.forecast.mean).toHaveLength(12);
      expect(r.backtest.origins).toBe(3);
      expect(r.backtest.candidates.map((c) => c.key)).toEqual(
        expect.arrayContaining(["naive", "snaive", "ets", "theta", "arima", "nn", "combo"]),
      );
      // The seasonal pattern is strong: the plain naive forecast must not win.
      expect(r.key).not.toBe("naive");
      expect(r.reason).toMatch(/backtest/);
      for (let k = 0; k < 12; k++) {
        const f = r.forecast;
        expect(f.lo95[k]).toBeLessThanOrEqual(f.lo80[k]);
        expect(f.lo80[k]).toBeLessThanOrEqual(f.mean[k]);
        expect(f.mean[k]).toBeLessThanOrEqual(f.hi80[k]);
        expect(f.hi80[k]).toBeLessThanOrEqual(f.hi95[k]);
        expect(f.lo95[k]).toBeGreaterThanOrEqual(0);
      }
      // Candidates are sorted best first by backtest MASE.
      const mases = r.backtest.candidates.map((c) => c.mase);
      expect(mases).toEqual(mases.slice().sort((a, b) => a - b));
    }
  });

  it("forecasts a series too short to backtest, and says its accuracy is unknown", async () => {
    const out = await forecastCollection([{ id: "short", values: [5, 7, 6, 8, 9, 8, 10, 11], period: 1, horizon: 4 }], {
      thread: false,
    });
    expect(out[0].forecast.mean.every(Number.isFinite)).toBe(true);
    expect(out[0].backtest.candidates).toEqual([]);
    expect(out[0].warnings.join(" ")).toMatch(/Only 8 observations/);
  });

  it("never forecasts below zero for intermittent demand, and tries Croston", async () => {
    const r = rng(3);
    const values = Array.from({ length: 80 }, () => (r() < 0.6 ? 0 : Math.round(1 + 9 * r())));
    const [out] = await forecastCollection([{ id: "spares", values, period: 1, horizon: 6, nonNegative: true }], {
      thread: false,
    });
    expect(out.backtest.candidates.map((c) => c.key)).toContain("croston");
    for (const k of ["mean", "lo80", "lo95"] as const) expect(Math.min(...out.forecast[k])).toBeGreaterThanOrEqual(0);
  });

  it("gives 95% intervals that hold about 95% of what happens next on a collection of random walks", async () => {
    const h = 8;
    const series: SeriesToForecast[] = [];
    const futures: number[][] = [];
    for (let i = 0; i < 60; i++) {
      const z = normals(100 + i);
      const y = [100];
      for (let t = 1; t < 120 + h; t++) y.push(y[t - 1] + 0.2 + z());
      series.push({ id: `rw${i}`, values: y.slice(0, 120), period: 1, horizon: h });
      futures.push(y.slice(120));
    }
    const out = await forecastCollection(series, { thread: false });
    let inside95 = 0;
    let inside80 = 0;
    out.forEach((r, i) =>
      futures[i].forEach((v, k) => {
        if (v >= r.forecast.lo95[k] && v <= r.forecast.hi95[k]) inside95++;
        if (v >= r.forecast.lo80[k] && v <= r.forecast.hi80[k]) inside80++;
      }),
    );
    const total = 60 * h;
    expect(inside95 / total).toBeGreaterThan(0.88);
    expect(inside95 / total).toBeLessThan(0.995);
    expect(inside80 / total).toBeGreaterThan(0.65);
    expect(inside80 / total).toBeLessThan(0.92);
  });
});
