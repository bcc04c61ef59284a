/** The local model families the production path tries on each series (auto.ts). */
import { crostonFamily, INTERMITTENT_SHARE, zeroShare } from "./croston.ts";
import { etsFamily } from "./ets.ts";
import { harmonicFamily } from "./harmonic.ts";
import { naiveFamily, seasonalNaiveFamily } from "./naive.ts";
import { thetaFamily } from "./theta.ts";
import type { ModelFamily } from "./types.ts";

/**
 * Baselines (naive, seasonal naive) always; Theta and ETS; Croston when at least 30% of the
 * history is zero (intermittent demand); harmonic regression for daily series (period 7) with two
 * years of history, for the yearly season on top of the weekly one.
 */
export function localFamilies(y: readonly number[], period: number): ModelFamily[] {
  const families: ModelFamily[] = [naiveFamily, seasonalNaiveFamily, thetaFamily, etsFamily as ModelFamily];
  if (zeroShare(y) >= INTERMITTENT_SHARE) families.push(crostonFamily);
  if (period === 7 && y.length >= harmonicFamily.minLength(period)) families.push(harmonicFamily);
  return families;
}
