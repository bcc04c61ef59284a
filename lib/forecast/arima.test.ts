import { describe, expect, it } from "vitest";
import { arimaFamily, arimaLabel, autoArima, fitArima, type ArimaMethod, type FitArimaOptions } from "./arima.ts";
import fixture from "./fixtures/arima.json" with { type: "json" };
import type { Forecast } from "./types.ts";

/** Known answers from R's forecast::Arima / auto.arima (lib/forecast/fixtures/arima.R). */
interface Bands {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}
interface RFit extends Bands {
  order: [number, number, number];
  seasonal: [number, number, number];
  /** include.constant, or null when left to Arima's default. */
  constant: boolean | null;
  method: ArimaMethod;
  label: string;
  coef: Record<string, number>;
  sigma2: number;
  loglik: number;
  aic: number | null;
  aicc: number | null;
  bic: number | null;
  fitted: number[];
  residuals: number[];
}
interface RAuto extends Bands {
  label: string;
  coef: Record<string, number>;
  aicc: number;
}
interface RCase {
  name: string;
  period: number;
  h: number;
  y: number[];
  fits: RFit[];
  auto: RAuto;
}
const cases = fixture.cases as unknown as RCase[];

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

function options(c: RCase, f: RFit): FitArimaOptions {
  return {
    order: f.order,
    seasonal: c.period > 1 ? { order: f.seasonal, period: c.period } : undefined,
    includeConstant: f.constant ?? undefined,
    method: f.method,
  };
}

/** Every band within `tol` relative to R's value. */
function expectBands(ours: Forecast, r: Bands, tol: number) {
  for (const key of ["mean", "lo80", "hi80", "lo95", "hi95"] as const) {
    const mine = ours[key]!;
    expect(mine).toHaveLength(r[key].length);
    mine.forEach((v, i) => expect(relErr(v, r[key][i])).toBeLessThan(tol));
  }
}

function expectFinite(fc: Forecast) {
  for (const key of ["mean", "lo80", "hi80", "lo95", "hi95"] as const)
    for (const v of fc[key] ?? []) expect(Number.isFinite(v)).toBe(true);
}

describe("exact likelihood at R's coefficients (Kalman filter)", () => {
  for (const c of cases)
    for (const f of c.fits) {
      it(`${c.name} ${f.label} [${f.method}]`, () => {
        const names = Object.keys(f.coef);
        const model = fitArima(c.y, { ...options(c, f), fixed: names.map((k) => f.coef[k]) });
        expect(relErr(model.loglik, f.loglik)).toBeLessThan(1e-9);
        // Fitted values come from the same filter: y - standardized innovations.
        const scale = Math.max(...c.y.map(Math.abs));
        f.fitted.forEach((v, i) => expect(Math.abs(model.fitted[i] - v)).toBeLessThan(1e-8 * scale));
      });
    }
});

describe("fitArima against forecast::Arima", () => {
  for (const c of cases)
    for (const f of c.fits) {
      it(`${c.name} ${f.label} [${f.method}]`, () => {
        const model = fitArima(c.y, options(c, f));
        expect(model.method).toBe(f.label);
        for (const [name, value] of Object.entries(f.coef))
          expect(Math.abs(model.coef[name] - value)).toBeLessThan(1e-3 * Math.max(1, Math.abs(value)));
        expect(Object.keys(model.coef)).toEqual(Object.keys(f.coef));
        expect(relErr(model.sigma2, f.sigma2)).toBeLessThan(1e-3);
        expect(relErr(model.loglik, f.loglik)).toBeLessThan(1e-6);
        if (f.aicc === null) expect(model.aicc).toBeNaN();
        else expect(Math.abs(model.aicc - f.aicc)).toBeLessThan(1e-3);
        expectBands(model.forecast(c.h), f, 0.01);
      });
    }

  it("throws where R stops: too few observations, wrong-length fixed values", () => {
    expect(() => fitArima([1, 2, 3], { order: [0, 1, 0], seasonal: { order: [0, 1, 0], period: 4 } })).toThrow(
      /Not enough data/,
    );
    expect(() => fitArima([1, 2, 3, 5, 4, 6], { order: [1, 0, 0], fixed: [0.5] })).toThrow(/fixed/);
  });

  it("extends a drift model along its line with widening intervals", () => {
    const y = noise(60, 3).map((v, i) => 10 + 0.5 * i + v);
    const model = fitArima(y, { order: [0, 1, 1], includeConstant: true });
    expect(model.method).toBe("ARIMA(0,1,1) with drift");
    const fc = model.forecast(20);
    expect(fc.mean[19] - fc.mean[0]).toBeCloseTo(19 * model.coef.drift, 6);
    expect(fc.hi95[19] - fc.lo95[19]).toBeGreaterThan(fc.hi95[0] - fc.lo95[0]);
  });
});

describe("autoArima against forecast::auto.arima", () => {
  for (const c of cases) {
    it(`${c.name}: R chose ${c.auto.label}`, () => {
      const model = autoArima(c.y, { period: c.period });
      // R's order, or one at most 1 AICc worse than R's choice.
      if (model.method !== c.auto.label) expect(model.aicc - c.auto.aicc).toBeLessThan(1);
      else {
        expect(Math.abs(model.aicc - c.auto.aicc)).toBeLessThan(1e-3);
        expectBands(model.forecast(c.h), c.auto, 0.01);
      }
    });
  }
});

/** Reproducible standard-normal noise (Park–Miller generator, Box–Muller). */
function noise(n: number, seed = 7): number[] {
  let state = seed;
  const uniform = () => (state = (state * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
}

describe("robustness", () => {
  const wiggle = (n: number) => noise(n);
  const odd: [string, number[], number][] = [
    ["constant", new Array(30).fill(5), 1],
    ["zeros", new Array(30).fill(0), 12],
    ["four values", [1, 3, 2, 4], 1],
    ["four values, period 12", [10, 12, 9, 11], 12],
    ["a single spike", [...new Array(20).fill(0), 10, ...new Array(20).fill(0)], 1],
    ["huge level", wiggle(60).map((v, i) => 1e12 + 1e6 * v + 1e5 * i), 1],
    ["exact linear trend", Array.from({ length: 30 }, (_, i) => 3 + 2 * i), 1],
    ["exact quadratic", Array.from({ length: 30 }, (_, i) => i * i), 1],
    ["exact seasonal pattern", Array.from({ length: 48 }, (_, i) => [1, 5, 3, 8][i % 4]), 4],
    ["intermittent counts, period 52", wiggle(80).map((v) => (v > 0.5 ? Math.round(4 * v) : 0)), 52],
    ["seasonal period 52", wiggle(200).map((v, i) => 100 + 20 * Math.sin((2 * Math.PI * i) / 52) + 5 * v), 52],
    ["two values", [1, 2], 1],
    ["one value", [7], 1],
  ];
  for (const [name, y, period] of odd) {
    it(`${name}: fits without throwing and forecasts finite values`, () => {
      const model = arimaFamily.fit(y, { period });
      expect(model.method).toMatch(/^ARIMA\(/);
      expect(model.fitted).toHaveLength(y.length);
      const fc = model.forecast(2 * Math.max(period, 4));
      expect(fc.mean).toHaveLength(2 * Math.max(period, 4));
      expectFinite(fc);
    });
  }

  it("forecasts a constant series by its value with zero-width intervals (as R)", () => {
    const fc = autoArima(new Array(30).fill(5)).forecast(3);
    expect(fc.mean).toEqual([5, 5, 5]);
    expect(fc.lo95).toEqual([5, 5, 5]);
  });

  it("continues an exact line and an exact seasonal pattern", () => {
    const line = autoArima(Array.from({ length: 30 }, (_, i) => 3 + 2 * i));
    expect(line.method).toBe("ARIMA(0,1,0) with drift");
    line.forecast(5).mean.forEach((v, i) => expect(v).toBeCloseTo(3 + 2 * (30 + i), 6));
    const pattern = [1, 5, 3, 8];
    const seasonal = autoArima(
      Array.from({ length: 48 }, (_, i) => pattern[i % 4]),
      { period: 4 },
    );
    expect(seasonal.method).toBe("ARIMA(0,0,0)(0,1,0)[4] with drift");
    seasonal.forecast(8).mean.forEach((v, i) => expect(v).toBeCloseTo(pattern[i % 4], 6));
  });

  it("searches no seasonal AR/MA terms beyond period 12, only a seasonal difference", () => {
    const e = noise(200, 11);
    const y = e.map((v, i) => 100 + 20 * Math.sin((2 * Math.PI * i) / 52) + v);
    const model = autoArima(y, { period: 52 });
    expect(model.order.P + model.order.Q).toBe(0);
    expect(model.order.D).toBe(1);
  });

  it("falls back, and says so, where no ARIMA model gives finite forecasts", () => {
    const model = autoArima([1e308, -1e308, 1e308, -1e308, 1e308, 0]);
    expect(model.method).toMatch(/fallback/);
    expectFinite(model.forecast(5));
  });

  it("refuses only an empty series", () => {
    expect(() => autoArima([])).toThrow();
    expect(arimaFamily.minLength(12)).toBe(4);
  });
});

describe("labels", () => {
  it("reads like R's arima.string", () => {
    const o = { p: 1, d: 1, q: 1, P: 0, D: 0, Q: 0, period: 1 };
    expect(arimaLabel(o, "drift")).toBe("ARIMA(1,1,1) with drift");
    expect(arimaLabel({ ...o, d: 0 }, "mean")).toBe("ARIMA(1,0,1) with non-zero mean");
    expect(arimaLabel({ ...o, d: 0 }, "none")).toBe("ARIMA(1,0,1) with zero mean");
    expect(arimaLabel({ p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, period: 12 }, "none")).toBe("ARIMA(0,1,1)(0,1,1)[12]");
    expect(arimaLabel({ ...o, period: 12 }, "none")).toBe("ARIMA(1,1,1)");
  });
});
