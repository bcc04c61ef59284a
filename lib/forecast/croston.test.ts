import { describe, expect, it } from "vitest";
import { fitCroston, zeroShare } from "./croston.ts";

describe("Croston (SBA) for intermittent demand", () => {
  it("forecasts the corrected demand rate: sizes over intervals", () => {
    // Every third period sells 6: the rate is 2 a period, SBA multiplies by 0.95.
    const y = Array.from({ length: 60 }, (_, t) => (t % 3 === 2 ? 6 : 0));
    const f = fitCroston(y).forecast(4).mean;
    expect(f).toHaveLength(4);
    for (const v of f) expect(v).toBeCloseTo(0.95 * 2, 6);
  });

  it("matches a hand-worked example", () => {
    // Demands 4 (after 2 periods), 2 (after 1), 6 (after 3): z = 4 → 3.8 → 4.02; p = 2 → 1.9 → 2.01.
    const y = [0, 4, 2, 0, 0, 6];
    expect(fitCroston(y).forecast(1).mean[0]).toBeCloseTo((0.95 * 4.02) / 2.01, 10);
  });

  it("forecasts zero for a series with no demand, and measures intermittency", () => {
    expect(fitCroston([0, 0, 0, 0]).forecast(2).mean).toEqual([0, 0]);
    expect(zeroShare([0, 1, 0, 2])).toBe(0.5);
  });
});
