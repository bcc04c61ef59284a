/**
 * Ratings as weak sentiment labels, for adapting the sentiment model to a workspace.
 *
 * A rating says how the customer felt overall, on the scale it was given in:
 * - 1–5 stars: 1–2 negative, 3 neutral, 4–5 positive;
 * - 0–10 (NPS): detractors 0–6 negative, passives 7–8 neutral, promoters 9–10 positive;
 * - thumbs: down negative, up positive.
 * The target is the rating mapped onto [-1, 1] with the neutral band at 0, so a model trained on
 * it scores on the same scale as the base model.
 */
import type { RatingScale } from "../db/generated/enums.ts";

export type SentimentClass = "negative" | "neutral" | "positive";

export interface WeakLabel {
  target: number;
  label: SentimentClass;
}

/** Piecewise-linear map of `x` through the knots `[x, y][]` (ascending x). */
function through(knots: [number, number][], x: number): number {
  if (x <= knots[0]![0]) return knots[0]![1];
  for (let i = 1; i < knots.length; i++) {
    const [x1, y1] = knots[i]!;
    const [x0, y0] = knots[i - 1]!;
    if (x <= x1) return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
  }
  return knots[knots.length - 1]![1];
}

const labelOf = (target: number): SentimentClass =>
  target > 0.05 ? "positive" : target < -0.05 ? "negative" : "neutral";

/** The weak label of a rating, or null when the rating cannot be read as sentiment. */
export function weakLabel(rating: number | null, scale: RatingScale | null): WeakLabel | null {
  if (rating === null || scale === null || !Number.isFinite(rating)) return null;
  let target: number;
  switch (scale) {
    case "STARS_5":
      if (rating < 1 || rating > 5) return null;
      target = through(
        [
          [1, -1],
          [2, -0.5],
          [3, 0],
          [4, 0.5],
          [5, 1],
        ],
        rating,
      );
      break;
    case "NPS_10":
      if (rating < 0 || rating > 10) return null;
      // 0–6 spread over [-1, -0.2], 7–8 the neutral band, 9–10 over [0.6, 1].
      target = through(
        [
          [0, -1],
          [6, -0.2],
          [7, 0],
          [8, 0],
          [9, 0.6],
          [10, 1],
        ],
        rating,
      );
      break;
    case "THUMBS":
      target = rating >= 0.5 ? 0.8 : -0.8;
      break;
    default:
      return null;
  }
  return { target, label: labelOf(target) };
}
