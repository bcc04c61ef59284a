import { describe, expect, it } from "vitest";
import { cleanOutliers, KEEP_LAST } from "./clean.ts";

const wave = (n: number) => Array.from({ length: n }, (_, t) => 100 + 10 * Math.sin(t / 3) + (t % 2));

describe("outlier cleaning", () => {
  it("replaces a one-off spike by its neighbourhood's median and leaves the rest alone", () => {
    const y = wave(60);
    y[20] = 400;
    const { values, replaced } = cleanOutliers(y);
    expect(replaced).toEqual([20]);
    expect(values[20]).toBeGreaterThan(85);
    expect(values[20]).toBeLessThan(115);
    values.forEach((v, t) => t !== 20 && expect(v).toBe(y[t]));
  });

  it("keeps a level shift: a lasting change is not an outlier", () => {
    const y = wave(60).map((v, t) => (t >= 30 ? v + 80 : v));
    expect(cleanOutliers(y).replaced).toEqual([]);
  });

  it("never touches the last values, where a jump may be the start of a new level", () => {
    const y = wave(60);
    y[59] = 400;
    y[60 - KEEP_LAST] = 5;
    expect(cleanOutliers(y).replaced).toEqual([]);
  });
});
