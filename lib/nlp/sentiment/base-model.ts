/**
 * The shipped weights: lib/nlp/sentiment/model/base.json, written by `npm run train:sentiment`
 * (the model's bytes, base64). Imported as a module so that bundles carry it and nothing reads
 * the disk at run time.
 */
import file from "./model/base.json" with { type: "json" };

export const BASE_MODEL_BASE64: string = (file as { bytes: string }).bytes;

/** What `npm run train:sentiment` measured for these weights (data, date, evaluation), for the model card. */
export const BASE_MODEL_CARD: Record<string, unknown> =
  ((file as { card?: Record<string, unknown> | null }).card ?? null) || {};
