/** Text -> model inputs (dense rule features of the whole text and its sparse hashes). */
import { analyze, DENSE_DIM, denseFeatures, sparseFeatures, type Analysis, type Lexicon } from "./analyze.ts";

export interface Featurized {
  analysis: Analysis;
  dense: Float64Array;
  hashes: number[];
}

export function featurize(lexicon: Lexicon, text: string): Featurized {
  const analysis = analyze(text, lexicon);
  const dense = new Float64Array(DENSE_DIM);
  const hashes: number[] = [];
  if (analysis.segments.length > 0) {
    denseFeatures(analysis, 0, analysis.segments.length, dense);
    sparseFeatures(analysis, 0, analysis.tokens.length, hashes);
  } else {
    emptyDense(dense);
    sparseFeatures(analysis, 0, 0, hashes);
  }
  return { analysis, dense, hashes };
}

/** Dense features of a text with no tokens. */
export function emptyDense(out: Float64Array): void {
  out.fill(0);
  out[19] = 1; // noSentiment
}
