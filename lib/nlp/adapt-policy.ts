/**
 * When a workspace gets its own sentiment model (adapt.ts), as plain constants: the model card
 * and its page read them without loading the fine-tuning code (worker threads, TensorFlow.js).
 */

/** Rated items needed before a workspace model is tried. */
export const MIN_RATED = 200;
/** Required gain in support-weighted F1 on the held-out fifth. */
export const MIN_GAIN = 0.01;
