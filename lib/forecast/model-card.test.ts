import { describe, expect, it } from "vitest";
import stored from "./model-card.json" with { type: "json" };
import { forecastBenchmark } from "./model-card.ts";

describe("forecasting model card", () => {
  it("reads the measurement the benchmark command wrote", () => {
    const card = forecastBenchmark();
    expect(card).not.toBeNull();
    expect(card!.result.series).toBeGreaterThan(0);
    // OWA is recomputable from the stored scores and the benchmark's: the card holds one consistent run.
    const owa =
      0.5 * (card!.result.smape / card!.benchmarkScores.smape + card!.result.mase / card!.benchmarkScores.mase);
    expect(card!.result.owa).toBeCloseTo(owa, 3);
    expect(Object.values(card!.chosen).reduce((a, b) => a + b, 0)).toBe(card!.result.series);
  });

  it("shows nothing rather than a partial or made-up figure when the file is malformed", () => {
    expect(forecastBenchmark({ ...stored, result: { series: 3 } })).toBeNull();
    expect(forecastBenchmark(null)).toBeNull();
  });
});
