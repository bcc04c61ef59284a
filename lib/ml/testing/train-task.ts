/** A real training task for the thread tests: a small dense classifier on synthetic data. */
import { threadId } from "node:worker_threads";
import type { TaskTools } from "../thread.ts";

export async function trainSynthetic(input: { rows: number; epochs: number }, tools: TaskTools) {
  const tf = await import("@tensorflow/tfjs");
  await tf.setBackend("cpu");
  const x = tf.randomUniform([input.rows, 256], 0, 1, "float32", 7);
  const y = tf.oneHot(tf.cast(tf.greater(tf.sum(x, 1), 128), "int32"), 2);
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [256], units: 64, activation: "relu" }),
      tf.layers.dense({ units: 2, activation: "softmax" }),
    ],
  });
  model.compile({ optimizer: "adam", loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const history = await model.fit(x, y, {
    epochs: input.epochs,
    batchSize: 32,
    verbose: 0,
    callbacks: {
      onEpochEnd: async (epoch) => tools.progress(((epoch + 1) / input.epochs) * 100, `epoch ${epoch + 1}`),
    },
  });
  return { epochs: history.epoch.length, backend: tf.getBackend(), threadId };
}

export async function failing(): Promise<never> {
  throw new Error("the task failed on purpose");
}
