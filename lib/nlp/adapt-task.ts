/** Fine-tuning in a worker thread (lib/ml/thread.ts runs it): see adapt.ts. */
import type { TaskTools } from "../ml/thread.ts";
import { fineTuneSentimentModel, sentimentModelFromBytes, sentimentModelToBytes } from "./sentiment/index.ts";

export interface FineTuneTaskInput {
  baseBytes: Uint8Array;
  examples: { text: string; target: number }[];
}

export async function fineTune(
  input: FineTuneTaskInput,
  tools: TaskTools,
): Promise<{ bytes: Uint8Array; backend: string }> {
  const base = sentimentModelFromBytes(input.baseBytes);
  const tuned = await fineTuneSentimentModel(base, input.examples, {
    onProgress: (pct: number, msg?: string) => tools.progress(pct, msg),
  });
  const tf = await import("@tensorflow/tfjs");
  return { bytes: sentimentModelToBytes(tuned), backend: tf.getBackend() };
}
