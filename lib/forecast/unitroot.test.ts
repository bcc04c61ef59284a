import { describe, expect, it } from "vitest";
import fixture from "./fixtures/arima.json" with { type: "json" };
import {
  isConstant,
  kpssPValue,
  kpssStatistic,
  ndiffs,
  nsdiffs,
  seasonalStrength,
  stl,
  stlDefaults,
} from "./unitroot.ts";

/** Known answers from R (lib/forecast/fixtures/arima.R): urca::ur.kpss, ndiffs, nsdiffs, stl. */
interface RUnitRoot {
  ndiffs: number;
  kpss: number;
  nsdiffs?: number;
  seasonalStrength?: number;
  stlSeasonal?: number[];
  stlTrend?: number[];
}
interface RCase {
  name: string;
  period: number;
  y: number[];
  unitroot: RUnitRoot;
}
const cases = fixture.cases as unknown as RCase[];

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe("KPSS and ndiffs against R", () => {
  for (const c of cases) {
    it(`${c.name}: KPSS statistic and ndiffs`, () => {
      const lags = Math.trunc((3 * Math.sqrt(c.y.length)) / 13);
      expect(relErr(kpssStatistic(c.y, lags), c.unitroot.kpss)).toBeLessThan(1e-10);
      expect(ndiffs(c.y)).toBe(c.unitroot.ndiffs);
    });
  }

  it("reads urca's table like forecast::ndiffs (linear interpolation, clamped)", () => {
    expect(kpssPValue(0.1)).toBe(0.1);
    expect(kpssPValue(0.347)).toBeCloseTo(0.1, 12);
    expect(kpssPValue(0.463)).toBeCloseTo(0.05, 12);
    expect(kpssPValue((0.463 + 0.574) / 2)).toBeCloseTo(0.0375, 12);
    expect(kpssPValue(5)).toBe(0.01);
  });

  it("needs no difference for a constant series and stops once the differences are constant", () => {
    expect(ndiffs(new Array(20).fill(3))).toBe(0);
    expect(ndiffs(Array.from({ length: 40 }, (_, i) => 2 * i + 1))).toBe(1);
  });
});

describe("STL, seasonal strength and nsdiffs against R", () => {
  for (const c of cases.filter((s) => s.period > 1)) {
    it(`${c.name}: stl(s.window = 11) components, strength and nsdiffs`, () => {
      const { seasonal, trend } = stl(c.y, stlDefaults(c.period, 11));
      const scale = Math.max(...c.y.map(Math.abs));
      seasonal.forEach((v, i) => expect(Math.abs(v - c.unitroot.stlSeasonal![i])).toBeLessThan(1e-10 * scale));
      trend.forEach((v, i) => expect(Math.abs(v - c.unitroot.stlTrend![i])).toBeLessThan(1e-10 * scale));
      expect(relErr(seasonalStrength(c.y, c.period), c.unitroot.seasonalStrength!)).toBeLessThan(1e-10);
      expect(nsdiffs(c.y, c.period)).toBe(c.unitroot.nsdiffs);
    });
  }

  it("takes no seasonal difference without two full periods or without seasonality", () => {
    expect(nsdiffs([1, 2, 3, 4, 5, 6, 7, 8], 4)).toBe(0);
    expect(nsdiffs(new Array(30).fill(1), 4)).toBe(0);
    const noise = Array.from(
      { length: 60 },
      (_, i) => Math.sin(i * 12.9898) * 43758.5453 - Math.floor(Math.sin(i * 12.9898) * 43758.5453),
    );
    expect(nsdiffs(noise, 4)).toBe(0);
  });
});

describe("isConstant (R's all.equal to the first value)", () => {
  it("accepts exact and numerically constant series, rejects real variation", () => {
    expect(isConstant([])).toBe(true);
    expect(isConstant([0, 0, 0])).toBe(true);
    expect(isConstant([5, 5, 5, 5])).toBe(true);
    expect(isConstant([1, 1 + 1e-10, 1])).toBe(true);
    expect(isConstant([1, 1 + 1e-6, 1])).toBe(false);
    expect(isConstant([1e-12, 2e-12, 3e-12])).toBe(true);
    expect(isConstant([1, 2, 3])).toBe(false);
  });
});
