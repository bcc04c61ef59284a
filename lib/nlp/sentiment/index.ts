/**
 * Sentiment of feedback texts: a VADER-style rule layer (negation, intensifiers, contrast,
 * punctuation, caps, emoji) feeding a small model trained with TensorFlow.js, scored in plain JS.
 *
 * Each text gets a label, a score in [-1, 1], a confidence, a score per sentence/clause ("love
 * the app | but billing is a mess") and highlights: the words and phrases that pushed the score.
 */
import { DENSE_DIM, denseFeatures, sparseFeatures } from "./analyze.ts";
import { BASE_MODEL_BASE64 } from "./base-model.ts";
import { featurize } from "./featurize.ts";
import { CONTRAST_AFTER } from "./lexicon.ts";
import { computeMetrics, type SentimentEvaluation, type SentimentLabel } from "./metrics.ts";
import { cloneModel, forward, modelFromBytes, modelToBytes, sparseTable, type SentimentModel } from "./model.ts";

export type { SentimentModel } from "./model.ts";
export type { SentimentEvaluation, SentimentLabel, ClassMetrics } from "./metrics.ts";
export { trainSentimentModel, fineTuneSentimentModel } from "./train.ts";
export type { TrainExample, TrainOptions, FineTuneOptions } from "./train.ts";

export interface SentimentSpan {
  start: number;
  end: number;
  score: number;
  label: SentimentLabel;
}

export interface SentimentResult {
  label: SentimentLabel;
  /** In [-1, 1]. */
  score: number;
  /** Probability of `label` under the model's residual spread, in [0, 1]. */
  confidence: number;
  /** Sentences and contrast clauses, with offsets into the text. */
  sentences: SentimentSpan[];
  /** Words/phrases that pushed the score: weight > 0 positive, < 0 negative. */
  highlights: { start: number; end: number; weight: number }[];
}

let base: SentimentModel | undefined;

/** The shipped model (trained by `npm run train:sentiment`), decoded once per process. */
export function loadBaseSentimentModel(): SentimentModel {
  if (!base) base = modelFromBytes(decodeBase64(BASE_MODEL_BASE64));
  return base;
}

export function sentimentModelToBytes(m: SentimentModel): Uint8Array {
  return modelToBytes(m);
}

export function sentimentModelFromBytes(b: Uint8Array): SentimentModel {
  return modelFromBytes(b);
}

export function copySentimentModel(m: SentimentModel): SentimentModel {
  return cloneModel(m);
}

function labelFor(m: SentimentModel, score: number): SentimentLabel {
  return score <= m.thresholds.negative ? "negative" : score >= m.thresholds.positive ? "positive" : "neutral";
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** P(the true -1…+1 rating falls in the predicted class's band), rating ~ N(score, sigma²). */
function confidenceOf(m: SentimentModel, score: number, label: SentimentLabel): number {
  const s = m.sigma;
  const pNeg = phi((-0.05 - score) / s);
  const pPos = 1 - phi((0.05 - score) / s);
  const p = label === "positive" ? pPos : label === "negative" ? pNeg : Math.max(0, 1 - pPos - pNeg);
  return Math.max(0, Math.min(1, p));
}

const scratch = new Float64Array(DENSE_DIM);
const segDense = new Float64Array(DENSE_DIM);
const segHashes: number[] = [];
let COVERED = new Uint8Array(256);

/** Scores texts with a model: the production path (synchronous, plain JS). */
export function scoreTexts(model: SentimentModel, texts: string[]): SentimentResult[] {
  const table = sparseTable(model);
  const out: SentimentResult[] = new Array(texts.length);
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t] ?? "";
    const f = featurize(model.lexicon, text);
    const a = f.analysis;
    let score = forward(model, f.dense, f.hashes, scratch);
    const sentences: SentimentSpan[] = [];
    if (a.segments.length === 1) {
      const seg = a.segments[0];
      sentences.push({ start: seg.start, end: seg.end, score, label: labelFor(model, score) });
    } else if (a.segments.length > 1) {
      let strongest = 0;
      let strongestWeight = 0;
      let pos = false;
      let neg = false;
      for (let s = 0; s < a.segments.length; s++) {
        const seg = a.segments[s];
        denseFeatures(a, s, s + 1, segDense);
        sparseFeatures(a, seg.from, seg.to, segHashes);
        const ss = forward(model, segDense, segHashes, scratch);
        const label = labelFor(model, ss);
        sentences.push({ start: seg.start, end: seg.end, score: ss, label });
        if (label === "positive") pos = true;
        if (label === "negative") neg = true;
        // A clause opened by "but"/"however" counts more.
        const w = Math.abs(ss) * (CONTRAST_AFTER.has(a.tokens[seg.from].lower) ? 1.5 : 1);
        if (w > strongestWeight) {
          strongestWeight = w;
          strongest = ss;
        }
      }
      // Mixed texts are not neutral: follow the stronger side.
      if (pos && neg && labelFor(model, score) === "neutral") score = (score + strongest) / 2;
    }
    const label = labelFor(model, score);

    // Highlights: rule valences (after negation/boosters/contrast) plus learned unigram weights.
    const highlights: SentimentResult["highlights"] = [];
    const nTok = a.tokens.length;
    const scale = f.hashes.length > 0 ? 1 / Math.sqrt(f.hashes.length) : 0;
    // Tokens inside a rule span ("not good", "pretty good", "stopped working") belong to that span.
    const covered = COVERED.length >= nTok ? COVERED : (COVERED = new Uint8Array(nTok * 2));
    covered.fill(0, 0, nTok);
    for (let i = 0; i < nTok; i++) {
      if (a.valence[i] !== 0) for (let k = a.spanFrom[i]; k < i; k++) covered[k] = 1;
      else if (a.spanFrom[i] < i) covered[i] = 1; // the tail of a phrase
    }
    for (let i = 0; i < nTok; i++) {
      const rule = (a.valence[i] * a.weight[i]) / 4;
      if (rule === 0 && covered[i] === 1) continue;
      const learned = table.get(a.uni[i]) * scale;
      const w = rule !== 0 ? rule + learned : learned;
      if (Math.abs(w) < 0.05) continue;
      let end = a.tokens[i].end;
      for (let j = i + 1; j < nTok && a.spanFrom[j] === i && a.valence[j] === 0; j++) end = a.tokens[j].end;
      const start = a.tokens[rule !== 0 ? a.spanFrom[i] : i].start;
      highlights.push({ start, end, weight: Math.round(w * 1000) / 1000 });
    }
    out[t] = { label, score, confidence: confidenceOf(model, score, label), sentences, highlights };
  }
  return out;
}

/** Scores rows with known -1…+1 targets and compares (3 classes by the ±0.05 convention). */
export function evaluateSentiment(
  model: SentimentModel,
  rows: { text: string; target: number }[],
): SentimentEvaluation {
  const results = scoreTexts(
    model,
    rows.map((r) => r.text),
  );
  return computeMetrics(
    rows.map((r) => r.target),
    results.map((r) => r.score),
    results.map((r) => r.label),
  );
}

function decodeBase64(s: string): Uint8Array {
  if (typeof Buffer !== "undefined") {
    const b = Buffer.from(s, "base64");
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
