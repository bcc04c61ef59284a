import { describe, expect, it } from "vitest";
import { etsFamily, etsWithParameters, fitEts, type EtsParams } from "./ets.ts";
import fixture from "./fixtures/ets.json" with { type: "json" };
import type { Forecast } from "./types.ts";

/** Known answers from R's forecast::ets (lib/forecast/fixtures/ets.R). */
interface Bands {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}
interface RFit {
  method: string;
  params: EtsParams;
  initialStates: number[];
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  sigma2: number;
  fitted10: number[];
  forecast: Bands;
}
interface RSeries {
  period: number;
  h: number;
  y: number[];
  fixed: Record<string, RFit>;
  auto: RFit;
  candidates: Record<string, number>;
}
interface RShort {
  y: number[];
  period: number;
  model: string;
  components: string;
  params: EtsParams;
  sigma2: number;
  forecast: Bands;
}
const series = fixture.series as unknown as Record<string, RSeries>;
const short = fixture.short as unknown as Record<string, RShort>;

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const maxRelErr = (a: readonly number[], b: readonly number[]) => {
  expect(a).toHaveLength(b.length);
  return Math.max(...a.map((v, i) => relErr(v, b[i])));
};
const BANDS = ["lo80", "hi80", "lo95", "hi95"] as const;
/** R's model string "ETS(M,Ad,N)" as our model code "MAdN". */
const code = (method: string) => method.replace(/^ETS\((\w),(\w+),(\w)\).*$/, "$1$2$3");
/** Models R forecasts by simulation (multiplicative trend): intervals are random. */
const simulated = (model: string) => model[1] === "M";

/** Largest error of simulated bands relative to R's 95% interval width, per horizon. */
function bandErrorOverWidth(ours: Forecast, r: Bands): number {
  return Math.max(
    ...BANDS.flatMap((band) => r[band].map((v, k) => Math.abs(ours[band]![k] - v) / (r.hi95[k] - r.lo95[k]))),
  );
}

const fixedCases = Object.entries(series).flatMap(([name, s]) =>
  Object.entries(s.fixed).map(([model, r]) => ({ name, model, s, r })),
);

describe("ETS model equations at R's parameters", () => {
  it.each(fixedCases)(
    "$name $model: likelihood, criteria, fitted values and forecasts equal R's",
    ({ s, model, r }) => {
      const fit = etsWithParameters(s.y, { period: s.period, model, params: r.params, initialStates: r.initialStates });
      expect(fit.method).toBe(r.method);
      expect(relErr(fit.loglik, r.loglik)).toBeLessThan(1e-9);
      expect(relErr(fit.aic, r.aic)).toBeLessThan(1e-9);
      expect(relErr(fit.aicc, r.aicc)).toBeLessThan(1e-9);
      expect(relErr(fit.bic, r.bic)).toBeLessThan(1e-9);
      expect(relErr(fit.sigma2, r.sigma2)).toBeLessThan(1e-9);
      expect(maxRelErr(fit.fitted.slice(0, 10), r.fitted10)).toBeLessThan(1e-9);
      const fc = fit.forecast(s.h);
      expect(maxRelErr(fc.mean, r.forecast.mean)).toBeLessThan(1e-9);
      if (simulated(model)) {
        // 5000 simulated paths here and in R, from different generators.
        expect(bandErrorOverWidth(fc, r.forecast)).toBeLessThan(0.05);
      } else {
        for (const band of BANDS) expect(maxRelErr(fc[band]!, r.forecast[band])).toBeLessThan(1e-9);
      }
    },
  );
});

describe("ETS estimation", () => {
  it.each(fixedCases)("$name $model: reaches R's AICc and forecasts", ({ s, model, r }) => {
    const fit = fitEts(s.y, { period: s.period, model, allowMultiplicativeTrend: true });
    expect(fit.method).toBe(r.method);
    // Same objective, starting point and Nelder–Mead as R: the optimum is R's.
    expect(fit.aicc).toBeLessThanOrEqual(r.aicc + 0.5);
    expect(Math.abs(fit.aicc - r.aicc)).toBeLessThan(1e-3);
    const fc = fit.forecast(s.h);
    expect(maxRelErr(fc.mean, r.forecast.mean)).toBeLessThan(1e-4);
    if (simulated(model)) expect(bandErrorOverWidth(fc, r.forecast)).toBeLessThan(0.05);
    else for (const band of BANDS) expect(maxRelErr(fc[band]!, r.forecast[band])).toBeLessThan(1e-4);
  });

  it.each(Object.entries(series))("%s: automatic selection picks R's model", (_, s) => {
    const fit = fitEts(s.y, { period: s.period });
    expect(code(fit.method)).toBe(code(s.auto.method));
    expect(fit.aicc).toBeLessThanOrEqual(s.auto.aicc + 0.5);
    const fc = fit.forecast(s.h);
    expect(maxRelErr(fc.mean, s.auto.forecast.mean)).toBeLessThan(1e-4);
    for (const band of BANDS) expect(maxRelErr(fc[band]!, s.auto.forecast[band])).toBeLessThan(1e-4);
  });

  it.each(Object.entries(series))("%s: every candidate of the automatic search reaches R's AICc", (_, s) => {
    for (const [model, rAicc] of Object.entries(s.candidates)) {
      const fit = fitEts(s.y, { period: s.period, model });
      expect(code(fit.method)).toBe(model);
      expect(fit.aicc).toBeLessThanOrEqual(rAicc + 0.5);
    }
  });

  it.each(Object.entries(short))("short series %s: R's Holt–Winters fallback", (_, c) => {
    const fit = fitEts(c.y, { period: c.period, model: c.model === "ZZZ" ? undefined : c.model });
    expect(code(fit.method)).toBe(c.components);
    // R optimises these by L-BFGS-B on the squared errors, we by Nelder–Mead: close, not identical.
    expect(relErr(fit.sigma2 + 1e-12, c.sigma2 + 1e-12)).toBeLessThan(1e-3);
    const fc = fit.forecast(6);
    expect(maxRelErr(fc.mean, c.forecast.mean)).toBeLessThan(1e-3);
    for (const band of BANDS) expect(maxRelErr(fc[band]!, c.forecast[band])).toBeLessThan(1e-3);
  });
});

const finite = (f: Forecast) =>
  [f.mean, f.lo80 ?? [], f.hi80 ?? [], f.lo95 ?? [], f.hi95 ?? []].every((xs) => xs.every(Number.isFinite));
const nile = series.Nile.y;

describe("ETS robustness", () => {
  it("fits a constant series as R does (SES with alpha 0.99999) with flat forecasts", () => {
    for (const value of [5, 0, -3]) {
      const fit = fitEts(new Array(30).fill(value), { period: 12 });
      expect(fit.method).toBe("ETS(A,N,N) (constant series)");
      expect(fit.params.alpha).toBe(0.99999);
      const fc = fit.forecast(5);
      expect(fc.mean).toEqual(new Array(5).fill(value));
      expect(finite(fc)).toBe(true);
    }
  });

  it("never uses multiplicative components on data with zeros or negatives", () => {
    const withZero = nile.map((v, i) => (i === 40 ? 0 : v));
    const auto = fitEts(withZero, { period: 1 });
    expect(auto.components.error).toBe("A");
    expect(finite(auto.forecast(8))).toBe(true);
    const refused = fitEts(
      nile.map((v) => v - 900),
      { period: 1, model: "MAdN" },
    );
    expect(refused.method).toMatch(/^ETS\(A,N,N\) \(fallback: MAdN refused/);
    expect(finite(refused.forecast(8))).toBe(true);
  });

  it("falls back for forbidden, malformed or impossible requests", () => {
    const air = series.AirPassengers.y;
    expect(fitEts(air, { period: 12, model: "AAM" }).method).toBe(
      "ETS(A,N,N) (fallback: AAM refused, forbidden combination)",
    );
    expect(fitEts(nile, { period: 1, model: "XYZ" }).method).toMatch(/^ETS\(A,N,N\) \(fallback/);
    expect(fitEts(nile, { period: 1, model: "ANA" }).method).toBe(
      "ETS(A,N,N) (no usable seasonal period: season dropped)",
    );
  });

  it("handles very short series without throwing", () => {
    for (const y of [[], [7], [7, 9], [3, 5, 4], [3, 5, 4, 6], [10, 12, 11, 13, 12]]) {
      for (const period of [1, 4, 12]) {
        const fit = fitEts(y, { period });
        const fc = fit.forecast(6);
        expect(fc.mean).toHaveLength(6);
        expect(finite(fc)).toBe(true);
        if (y.length < 3) expect(fit.method).toMatch(/^Mean \(ETS fallback/);
      }
    }
  });

  it("ignores seasonality above 24 and for series no longer than one period", () => {
    const weekly = series.W76.y;
    expect(fitEts(weekly, { period: 52 }).components.season).toBe("N");
    const air = series.AirPassengers.y.slice(0, 12);
    expect(fitEts(air, { period: 12 }).components.season).toBe("N");
  });

  it("uses the longest run of finite values, as R's na.contiguous", () => {
    const y = [1, 2, NaN, ...nile];
    const fit = fitEts(y, { period: 1 });
    expect(fit.fitted).toHaveLength(nile.length);
    expect(fit.method).toBe(series.Nile.auto.method);
  });

  it("gives finite forecasts for intermittent, tiny and huge series", () => {
    const spikes = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? 5 : 0));
    const tiny = nile.map((v) => v * 1e-6);
    const huge = nile.map((v) => v * 1e12);
    for (const y of [spikes, tiny, huge]) {
      const fit = fitEts(y, { period: 7 });
      expect(finite(fit.forecast(14))).toBe(true);
    }
  });

  it("is deterministic, simulated intervals included", () => {
    const air = series.AirPassengers.y;
    const a = fitEts(air, { period: 12, model: "MMM", allowMultiplicativeTrend: true }).forecast(12);
    const b = fitEts(air, { period: 12, model: "MMM", allowMultiplicativeTrend: true }).forecast(12);
    expect(a).toEqual(b);
    expect(fitEts(air, { period: 12 }).forecast(0).mean).toEqual([]);
  });

  it("is the 'ets' model family", () => {
    expect(etsFamily.key).toBe("ets");
    expect(etsFamily.minLength(12)).toBe(3);
    const fit = etsFamily.fit(series.W1.y, { period: 1 });
    expect(fit.method).toBe("ETS(M,Ad,N)");
    expect(fit.aicc).toBeCloseTo(series.W1.auto.aicc, 6);
  });
});
