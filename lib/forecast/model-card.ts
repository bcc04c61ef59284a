/**
 * The forecasting model card: what the production path is, and how it measured on public data.
 * The measurement is the file `npm run bench:forecast -- … --card` writes (model-card.json): the
 * page shows exactly what that command computed, and nothing when the file holds no result.
 */
import { z } from "zod";
import stored from "./model-card.json" with { type: "json" };

const score = z.object({ smape: z.number(), mase: z.number() });
const cardSchema = z.object({
  dataset: z.string(),
  horizon: z.number().int().positive(),
  season: z.number().nullable(),
  benchmark: z.string(),
  benchmarkScores: score,
  measuredAt: z.string(),
  machine: z.string(),
  result: z.object({
    series: z.number().int(),
    smape: z.number(),
    mase: z.number(),
    owa: z.number(),
    coverage80: z.number(),
    coverage95: z.number(),
    seconds: z.number(),
  }),
  chosen: z.record(z.string(), z.number()),
  backtestMase: z.record(z.string(), z.number()),
});

export type ForecastBenchmark = z.infer<typeof cardSchema>;

/** The stored benchmark, or null when the file is missing a valid measurement. */
export function forecastBenchmark(raw: unknown = stored): ForecastBenchmark | null {
  const parsed = cardSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Readable names of the candidate keys (auto.ts). */
export const CANDIDATE_LABEL: Record<string, string> = {
  nn: "Global neural network",
  combo: "Combination",
  ets: "ETS",
  arima: "ARIMA",
  theta: "Theta",
  harmonic: "Harmonic regression",
  croston: "Croston (SBA)",
  snaive: "Seasonal naive",
  naive: "Naive",
};
