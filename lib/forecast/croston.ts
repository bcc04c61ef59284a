/**
 * Intermittent demand (many zero periods): Croston's method with the Syntetos–Boylan correction
 * (SBA). Non-zero demand sizes z and the intervals p between them are smoothed separately with
 * simple exponential smoothing (α = 0.1, as R's forecast::croston), and the flat forecast is
 *
 *   ŷ = (1 − α/2) · z̃ / p̃
 *
 * It has no intervals of its own; the production path gives it conformal ones from its backtest.
 */
import type { FittedModel, ModelFamily } from "./types.ts";

const ALPHA = 0.1;

/** Share of zero values; Croston is tried when it is at least INTERMITTENT_SHARE. */
export const zeroShare = (y: readonly number[]) => y.filter((v) => v === 0).length / Math.max(1, y.length);
export const INTERMITTENT_SHARE = 0.3;

export function fitCroston(y: readonly number[]): FittedModel {
  let z = NaN;
  let p = NaN;
  let gap = 1;
  for (const v of y) {
    if (v > 0) {
      if (Number.isNaN(z)) {
        z = v;
        p = gap;
      } else {
        z += ALPHA * (v - z);
        p += ALPHA * (gap - p);
      }
      gap = 1;
    } else gap++;
  }
  const level = Number.isNaN(z) ? 0 : ((1 - ALPHA / 2) * z) / p;
  return {
    method: "Croston (SBA)",
    forecast: (h) => ({ mean: new Array<number>(h).fill(level) }),
  };
}

export const crostonFamily: ModelFamily = {
  key: "croston",
  minLength: () => 4,
  fit: (y) => fitCroston(y),
};
