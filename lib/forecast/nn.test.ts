import { describe, expect, it } from "vitest";
import { mase } from "./metrics.ts";
import { netForecast, trainGlobalNet, trainingWindows, transformFor, type NetSpec, type TrainNetInput } from "./nn.ts";

/** A collection sharing one shape (a 12-step season) at different levels: what a global model can learn. */
function collection(count: number, n: number): number[][] {
  return Array.from({ length: count }, (_, i) =>
    Array.from(
      { length: n },
      (_, t) => (50 + 20 * i) * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12)) + ((t * 7 + i) % 5),
    ),
  );
}

const spec: NetSpec = { lookback: 24, horizon: 12, hidden: 32, transform: "log" };

describe("global neural forecaster", () => {
  it("builds training windows only from values before each series' cutoff", () => {
    // 10 before the cutoff, 1000 after: any target reaching past the cutoff would show log(100).
    const series = [Array.from({ length: 60 }, (_, t) => (t < 48 ? 10 : 1000))];
    const input: TrainNetInput = { spec, series, cutoffs: [48], windowsPerSeries: 1000, samplePasses: 1, seed: 1 };
    const w = trainingWindows(input);
    expect(w.count).toBe(48 - 12 - 6 + 1);
    expect(Math.max(...w.y)).toBe(0);
  });

  it("learns the shared seasonal shape and beats the naive forecast on data it did not train on", async () => {
    const full = collection(8, 132);
    const train = full.map((y) => y.slice(0, 120));
    const input: TrainNetInput = {
      spec: { ...spec, transform: transformFor(train) },
      series: train,
      cutoffs: train.map((y) => y.length),
      windowsPerSeries: 100,
      samplePasses: 40_000,
      seed: 3,
    };
    const net = (await trainGlobalNet(input))!;
    expect(net.windows).toBeGreaterThan(100);
    let netErr = 0;
    let naiveErr = 0;
    full.forEach((y, i) => {
      const actual = y.slice(120);
      const f = netForecast(net, train[i])!;
      netErr += mase(train[i], actual, f);
      naiveErr += mase(train[i], actual, new Array(12).fill(train[i][119]));
    });
    expect(netErr).toBeLessThan(0.5 * naiveErr);

    // Seeded: training again gives the same forecasts.
    const again = (await trainGlobalNet(input))!;
    expect(netForecast(again, train[0])).toEqual(netForecast(net, train[0]));
  });

  it("declines to forecast from a window it cannot normalise, instead of returning NaN", async () => {
    const net = (await trainGlobalNet({
      spec,
      series: collection(2, 60),
      cutoffs: [60, 60],
      windowsPerSeries: 20,
      samplePasses: 100,
      seed: 1,
    }))!;
    expect(netForecast(net, [5, 4, 3, 0])).toBeNull();
    expect(netForecast(net, [5, 6])).toBeNull();
  });
});
