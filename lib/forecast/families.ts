/** The local model families the production path tries on each series (auto.ts). */
import { autoArima } from "./arima.ts";
import { crostonFamily, INTERMITTENT_SHARE, zeroShare } from "./croston.ts";
import { etsFamily } from "./ets.ts";
import { harmonicFamily } from "./harmonic.ts";
import { naiveFamily, seasonalNaiveFamily } from "./naive.ts";
import { thetaFamily } from "./theta.ts";
import type { ModelFamily } from "./types.ts";

/**
 * ARIMA is R's exact auto.arima search (arima.ts), which costs about a quarter of a millisecond
 * per observation and fit: it is tried on collections of at most this many observations (a
 * workspace's series; a 359-series benchmark of 367,000 points is beyond it).
 */
export const ARIMA_MAX_OBSERVATIONS = 20_000;

/**
 * The production ARIMA: automatic orders with R's approximation (CSS during the search) and, for
 * seasonal series, seasonal differencing without seasonal AR/MA terms, whose exact search takes
 * tens of seconds a series (35 s for 150 monthly points).
 */
export const productionArimaFamily: ModelFamily = {
  key: "arima",
  minLength: () => 8,
  fit(y, { period }) {
    const model = autoArima(y, { period, approximation: true, maxSeasonalP: 0, maxSeasonalQ: 0 });
    return { method: model.method, fitted: model.fitted, forecast: (h) => model.forecast(h) };
  },
};

export interface FamilyContext {
  period: number;
  /** Observations across the collection being forecast together. */
  collectionObservations: number;
}

/**
 * Baselines (naive, seasonal naive) always; Theta and ETS; ARIMA within ARIMA_MAX_OBSERVATIONS;
 * Croston when at least 30% of the history is zero (intermittent demand); harmonic regression for
 * daily series (period 7) with two years of history, for the yearly season on top of the weekly one.
 */
export function localFamilies(y: readonly number[], ctx: FamilyContext): ModelFamily[] {
  const families: ModelFamily[] = [naiveFamily, seasonalNaiveFamily, thetaFamily, etsFamily as ModelFamily];
  if (ctx.collectionObservations <= ARIMA_MAX_OBSERVATIONS) families.push(productionArimaFamily);
  if (zeroShare(y) >= INTERMITTENT_SHARE) families.push(crostonFamily);
  if (ctx.period === 7 && y.length >= harmonicFamily.minLength(ctx.period)) families.push(harmonicFamily);
  return families;
}
