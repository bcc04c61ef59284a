/**
 * The global neural forecaster: one N-BEATS-style MLP trained across every series of a collection
 * (a workspace's series of one frequency, or a benchmark file) on normalised windows, so that a
 * short series borrows the shapes the others show.
 *
 *   input  x = the last L values of a window, normalised by its last value ("log": log(y / level),
 *              for all-positive collections; "scaled": (y − level) / mean|y|, otherwise), clipped
 *              to ±CLIP, front-padded with the series' first value when the history is shorter
 *   output ŷ = the next h values in the same normalisation:
 *              ŷ = W3·relu(W2·relu(W1·x + b1) + b2) + b3 + S·x   (a linear skip path S)
 *
 * Training (TensorFlow.js, seeded, mean absolute error, Adam) runs in a worker thread through
 * `trainGlobalNetTask`; forecasting is plain JS over the returned weights (`netForecast`), fast and
 * identical in every process.
 */
import {
  getMlBackend,
  initMlBackend,
  loadTensorFlow,
  ML_BACKEND_PREFERENCES,
  type MlBackendPreference,
} from "../ml/backend.ts";
import { rng } from "../ml/random.ts";
import type { TaskTools } from "../ml/thread.ts";
import type { Scalar, Tensor2D, Variable } from "@tensorflow/tfjs";

export type Transform = "log" | "scaled";

export interface NetSpec {
  lookback: number;
  horizon: number;
  hidden: number;
  transform: Transform;
}

/** Dense layer, kernel row-major [inputs × outputs]. */
export interface DenseWeights {
  inputs: number;
  outputs: number;
  kernel: Float32Array;
  bias: Float32Array;
}

export interface NetWeights {
  spec: NetSpec;
  layers: [DenseWeights, DenseWeights, DenseWeights];
  skip: DenseWeights;
  /** Training windows used and the backend that trained it (for the model card). */
  windows: number;
  epochs: number;
  backend: string;
}

export interface TrainNetInput {
  spec: NetSpec;
  /** The collection's series, oldest first. */
  series: number[][];
  /** Per series: training windows only use values before this index (the backtest origin). */
  cutoffs: number[];
  /** Most recent windows taken per series (stride 1). */
  windowsPerSeries: number;
  /** Budget of window presentations (epochs = budget / windows, within [minEpochs, maxEpochs]). */
  samplePasses: number;
  seed: number;
}

const CLIP = 5;
const MIN_EPOCHS = 3;
const MAX_EPOCHS = 150;
const BATCH = 512;
const LEARNING_RATE = 2e-3;

/** The transform for a collection: log ratios when every value is positive. */
export const transformFor = (series: readonly (readonly number[])[]): Transform =>
  series.every((y) => y.every((v) => v > 0)) ? "log" : "scaled";

interface Normaliser {
  to(v: number): number;
  from(z: number): number;
}

/** Normalisation of the window y[end − lookback, end): by its last value (and scale). */
function normaliser(y: readonly number[], end: number, spec: NetSpec): Normaliser | null {
  const level = y[end - 1];
  if (spec.transform === "log") {
    if (!(level > 0)) return null;
    return { to: (v) => Math.log(Math.max(v, 1e-9) / level), from: (z) => level * Math.exp(z) };
  }
  let sum = 0;
  let n = 0;
  for (let i = Math.max(0, end - spec.lookback); i < end; i++, n++) sum += Math.abs(y[i]);
  const scale = sum / n > 1e-9 ? sum / n : 1;
  return { to: (v) => (v - level) / scale, from: (z) => level + z * scale };
}

const clip = (z: number) => (z > CLIP ? CLIP : z < -CLIP ? -CLIP : z);

/** Writes the normalised input window ending at `end` into out[offset…offset+lookback). */
function fillInput(
  y: readonly number[],
  end: number,
  spec: NetSpec,
  norm: Normaliser,
  out: Float32Array,
  offset: number,
) {
  const L = spec.lookback;
  for (let i = 0; i < L; i++) {
    const t = end - L + i;
    out[offset + i] = clip(norm.to(y[t >= 0 ? t : 0]));
  }
}

/** The shortest history the net forecasts from (shorter ones are padded up to the lookback). */
export const minNetInput = (spec: NetSpec) => Math.max(3, Math.ceil(spec.lookback / 4));

/** Builds the training windows: inputs [count × L], targets [count × h]. */
export function trainingWindows(input: TrainNetInput): { x: Float32Array; y: Float32Array; count: number } {
  const { spec } = input;
  const ends: [number, number][] = [];
  input.series.forEach((y, s) => {
    const cutoff = Math.min(input.cutoffs[s] ?? y.length, y.length);
    let taken = 0;
    for (let end = cutoff - spec.horizon; end >= minNetInput(spec) && taken < input.windowsPerSeries; end--) {
      ends.push([s, end]);
      taken++;
    }
  });
  const x = new Float32Array(ends.length * spec.lookback);
  const t = new Float32Array(ends.length * spec.horizon);
  let count = 0;
  for (const [s, end] of ends) {
    const y = input.series[s];
    const norm = normaliser(y, end, spec);
    if (!norm) continue;
    let ok = true;
    for (let k = 0; k < spec.horizon; k++) {
      const z = norm.to(y[end + k]);
      if (!Number.isFinite(z)) ok = false;
      t[count * spec.horizon + k] = clip(z);
    }
    if (!ok) continue;
    fillInput(y, end, spec, norm, x, count * spec.lookback);
    count++;
  }
  return { x: x.subarray(0, count * spec.lookback), y: t.subarray(0, count * spec.horizon), count };
}

async function tensorflow() {
  const tf = await loadTensorFlow();
  if (!getMlBackend()) {
    const pref = process.env.ML_BACKEND;
    const choice =
      pref && (ML_BACKEND_PREFERENCES as readonly string[]).includes(pref) && pref !== "auto" ? pref : "wasm";
    await initMlBackend(choice as MlBackendPreference, () => {});
  }
  return tf;
}

/** Trains the net (TensorFlow.js). Returns null when the collection has no complete window. */
export async function trainGlobalNet(input: TrainNetInput, tools?: TaskTools): Promise<NetWeights | null> {
  const { spec } = input;
  const data = trainingWindows(input);
  if (data.count === 0) return null;
  const tf = await tensorflow();
  const L = spec.lookback;
  const h = spec.horizon;
  const H = spec.hidden;
  const rand = rng(input.seed);
  const glorot = (fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return tf.variable(
      tf.tensor2d(
        Float32Array.from({ length: fanIn * fanOut }, () => (2 * rand() - 1) * limit),
        [fanIn, fanOut],
      ),
    );
  };
  const zeros = (...shape: number[]) => tf.variable(tf.zeros(shape));
  const w1 = glorot(L, H);
  const b1 = zeros(H);
  const w2 = glorot(H, H);
  const b2 = zeros(H);
  const w3 = glorot(H, h);
  const b3 = zeros(h);
  const ws = zeros(L, h);
  const bs = zeros(h);
  const vars = [w1, b1, w2, b2, w3, b3, ws, bs];
  const optimizer = tf.train.adam(LEARNING_RATE);
  const predict = (x: Tensor2D) =>
    tf.tidy(() => {
      const a1 = tf.relu(tf.add(tf.matMul(x, w1), b1));
      const a2 = tf.relu(tf.add(tf.matMul(a1, w2), b2));
      return tf.add(tf.add(tf.matMul(a2, w3), b3), tf.add(tf.matMul(x, ws), bs));
    });

  const epochs = Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, Math.ceil(input.samplePasses / data.count)));
  const batches = Math.ceil(data.count / BATCH);
  const order = Array.from({ length: data.count }, (_, i) => i);
  const bx = new Float32Array(BATCH * L);
  const by = new Float32Array(BATCH * h);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let b = 0; b < batches; b++) {
      const from = b * BATCH;
      const size = Math.min(BATCH, data.count - from);
      for (let r = 0; r < size; r++) {
        const w = order[from + r];
        bx.set(data.x.subarray(w * L, (w + 1) * L), r * L);
        by.set(data.y.subarray(w * h, (w + 1) * h), r * h);
      }
      tf.tidy(() => {
        const xs = tf.tensor2d(bx.subarray(0, size * L), [size, L]);
        const ys = tf.tensor2d(by.subarray(0, size * h), [size, h]);
        optimizer.minimize(() => tf.mean(tf.abs(tf.sub(predict(xs), ys))) as Scalar, false, vars);
      });
    }
    tools?.progress(Math.round(((epoch + 1) / epochs) * 100), `epoch ${epoch + 1} of ${epochs}`);
  }
  const dense = (k: Variable, b: Variable, inputs: number, outputs: number): DenseWeights => ({
    inputs,
    outputs,
    kernel: k.dataSync() as Float32Array,
    bias: b.dataSync() as Float32Array,
  });
  const weights: NetWeights = {
    spec,
    layers: [dense(w1, b1, L, H), dense(w2, b2, H, H), dense(w3, b3, H, h)],
    skip: dense(ws, bs, L, h),
    windows: data.count,
    epochs,
    backend: tf.getBackend(),
  };
  for (const v of vars) v.dispose();
  optimizer.dispose();
  return weights;
}

/** The worker-thread task (lib/ml/thread.ts): same as trainGlobalNet. */
export const trainGlobalNetTask = (input: TrainNetInput, tools: TaskTools) => trainGlobalNet(input, tools);

function applyDense(d: DenseWeights, x: Float32Array | Float64Array, relu: boolean): Float64Array {
  const out = new Float64Array(d.outputs);
  for (let o = 0; o < d.outputs; o++) out[o] = d.bias[o];
  for (let i = 0; i < d.inputs; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const row = i * d.outputs;
    for (let o = 0; o < d.outputs; o++) out[o] += xi * d.kernel[row + o];
  }
  if (relu) for (let o = 0; o < d.outputs; o++) if (out[o] < 0) out[o] = 0;
  return out;
}

/**
 * Forecasts the h values after y[0, end) (end defaults to the whole series); null when the window
 * cannot be normalised (a non-positive last value under "log") or the history is too short.
 */
export function netForecast(w: NetWeights, y: readonly number[], end = y.length): number[] | null {
  const { spec } = w;
  if (end < minNetInput(spec)) return null;
  const norm = normaliser(y, end, spec);
  if (!norm) return null;
  const x = new Float32Array(spec.lookback);
  fillInput(y, end, spec, norm, x, 0);
  const a1 = applyDense(w.layers[0], x, true);
  const a2 = applyDense(w.layers[1], a1, true);
  const out = applyDense(w.layers[2], a2, false);
  const lin = applyDense(w.skip, x, false);
  const f = Array.from(out, (z, k) => norm.from(z + lin[k]));
  return f.every(Number.isFinite) ? f : null;
}
