/** Evaluation metrics for the 3-class sentiment task and the continuous score. */

export type SentimentLabel = "negative" | "neutral" | "positive";
export const LABELS: readonly SentimentLabel[] = ["negative", "neutral", "positive"];

/** The VADER study's convention for a -1…+1 target: > +0.05 positive, < -0.05 negative. */
export const TARGET_BAND = 0.05;

export function labelOfTarget(target: number): SentimentLabel {
  return target > TARGET_BAND ? "positive" : target < -TARGET_BAND ? "negative" : "neutral";
}

export const labelIndex = (l: SentimentLabel): number => (l === "negative" ? 0 : l === "neutral" ? 1 : 2);

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface SentimentEvaluation {
  n: number;
  pearson: number;
  accuracy: number;
  macroF1: number;
  weightedF1: number;
  perClass: Record<SentimentLabel, ClassMetrics>;
  /** rows = truth (negative, neutral, positive); columns = predicted. */
  confusion: number[][];
}

export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n === 0) return 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

/** Metrics from true targets (-1…+1), predicted scores and predicted labels. */
export function computeMetrics(
  targets: ArrayLike<number>,
  scores: ArrayLike<number>,
  predicted: ArrayLike<SentimentLabel>,
): SentimentEvaluation {
  const n = targets.length;
  const confusion = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const t = labelIndex(labelOfTarget(targets[i]));
    const p = labelIndex(predicted[i]);
    confusion[t][p]++;
    if (t === p) correct++;
  }
  const perClass = {} as Record<SentimentLabel, ClassMetrics>;
  let macro = 0;
  let weighted = 0;
  for (let c = 0; c < 3; c++) {
    const tp = confusion[c][c];
    const support = confusion[c][0] + confusion[c][1] + confusion[c][2];
    const predictedCount = confusion[0][c] + confusion[1][c] + confusion[2][c];
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[LABELS[c]] = { precision, recall, f1, support };
    macro += f1 / 3;
    weighted += n === 0 ? 0 : (f1 * support) / n;
  }
  return {
    n,
    pearson: pearson(scores, targets),
    accuracy: n === 0 ? 0 : correct / n,
    macroF1: macro,
    weightedF1: weighted,
    perClass,
    confusion,
  };
}
