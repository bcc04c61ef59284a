/**
 * Honest evaluation of the training recipe, shared by `npm run bench:sentiment` and
 * `npm run train:sentiment` (which stores the figures with the shipped model for its card):
 *
 * - out-of-fold: the rows are split in `folds` parts (fixed seed); each part is scored by a model
 *   trained from scratch on the other reference sets plus the other parts, so no row is scored by
 *   a model that saw it;
 * - unseen domain: a model trained only on the other reference sets scores every row.
 */
import { scoreTexts, type SentimentModel, type SentimentResult } from "./index.ts";
import { BASE_TRAIN_OPTIONS } from "./recipe.ts";
import { shuffled } from "../../ml/random.ts";
import { trainSentimentModel, type TrainExample } from "./train.ts";

export type Scorer = (model: SentimentModel, texts: string[]) => SentimentResult[];

export interface Predictions {
  scores: number[];
  labels: SentimentResult["label"][];
}

const train = (rows: TrainExample[], label: string) =>
  trainSentimentModel(rows, { ...BASE_TRAIN_OPTIONS, trainedOn: label });

export async function outOfFold(
  rows: TrainExample[],
  others: TrainExample[],
  folds: number,
  opts: { score?: Scorer; onFold?: (k: number, held: number) => void } = {},
): Promise<Predictions> {
  const score = opts.score ?? scoreTexts;
  const scores = new Array<number>(rows.length);
  const labels = new Array<SentimentResult["label"]>(rows.length);
  const order = shuffled(
    rows.map((_, i) => i),
    20240611,
  );
  for (let k = 0; k < folds; k++) {
    const test = order.filter((_, i) => i % folds === k);
    const held = new Set(test);
    opts.onFold?.(k, test.length);
    const model = await train([...others, ...rows.filter((_, i) => !held.has(i))], `fold ${k + 1}`);
    const results = score(
      model,
      test.map((i) => rows[i]!.text),
    );
    test.forEach((i, j) => {
      scores[i] = results[j]!.score;
      labels[i] = results[j]!.label;
    });
  }
  return { scores, labels };
}

export async function unseenDomain(
  rows: TrainExample[],
  others: TrainExample[],
  opts: { score?: Scorer } = {},
): Promise<Predictions> {
  if (others.length === 0) throw new Error("An unseen-domain evaluation needs other reference sets to train on");
  const model = await train(others, "other domains");
  const results = (opts.score ?? scoreTexts)(
    model,
    rows.map((r) => r.text),
  );
  return { scores: results.map((r) => r.score), labels: results.map((r) => r.label) };
}
