/**
 * The training recipe of the shipped model, shared by `npm run train:sentiment` and the benchmark's
 * --cv / --holdout-domain runs (so that those measure exactly what ships). The other settings are
 * train.ts's defaults: 8 tanh hidden units, Adam at 0.003, batch 64, L2 1e-4, n-grams seen in 2+
 * texts, early stopping (patience 5) on a 12% validation split that also calibrates the neutral band.
 */
import type { TrainOptions } from "./train.ts";

export const BASE_TRAIN_OPTIONS: TrainOptions = {
  seed: 7,
};
