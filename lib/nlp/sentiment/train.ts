/**
 * Training and fine-tuning with TensorFlow.js.
 *
 * The graph mirrors model.ts's plain-JS forward pass: a sparse linear layer over hashed n-grams
 * (an embedding-bag of width 1: gather the weights of a text's features, sum, scale by
 * 1/sqrt(count)), plus a one-hidden-layer tanh network and a linear path over the standardised
 * dense rule features, through tanh. Loss: squared error to the -1…+1 target plus a logistic
 * term on the sign for clearly polar examples, L2 on the weights (towards the base model's weights
 * when fine-tuning). Early stopping on a seeded validation split, which also calibrates the neutral
 * band and the residual spread.
 */
import type * as TfNs from "@tensorflow/tfjs";
import {
  getMlBackend,
  initMlBackend,
  loadTensorFlow,
  ML_BACKEND_PREFERENCES,
  type MlBackendPreference,
} from "../../ml/backend.ts";
import { DENSE_DIM, DENSE_NAMES, type Lexicon } from "./analyze.ts";
import { featurize } from "./featurize.ts";
import { FEEDBACK_LEXICON } from "./lexicon.ts";
import { loadVaderLexicon } from "./lexicon-source.ts";
import { computeMetrics, type SentimentLabel } from "./metrics.ts";
import { cloneModel, forward, MODEL_FORMAT, MODEL_VERSION, type SentimentModel } from "./model.ts";

type Tf = typeof TfNs;

export interface TrainExample {
  text: string;
  /** -1…+1. */
  target: number;
}

export interface TrainOptions {
  seed?: number;
  hidden?: number;
  maxEpochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** L2 on the sparse weights (per example, summed). */
  l2Sparse?: number;
  /** L2 on the dense-path weights. */
  l2Dense?: number;
  /** Keep sparse features seen in at least this many training texts. */
  minDf?: number;
  validationFraction?: number;
  /**
   * Ensemble members, each early-stopped on its own 1/K of the data and averaged into one model;
   * their out-of-fold scores calibrate the neutral band. 1 = one model and a validation split.
   */
  folds?: number;
  patience?: number;
  /** Weight of the logistic sign term. */
  signWeight?: number;
  /** Start from, and regularise towards, a fit on the rule layer's compound score (else from 0). */
  rulePrior?: boolean;
  /** Calibrate the neutral band on the validation split (else the ±0.05 convention). */
  calibrateBand?: boolean;
  /** Pull of the calibrated band towards ±0.05 (F1 points per unit of distance). */
  bandPenalty?: number;
  /** Per-example weights (same order as the examples); default 1. */
  weights?: number[];
  /** What the data was, for the model's metadata. */
  trainedOn?: string;
  /** The lexicon to use (default: VADER's, from the vader-sentiment package). */
  lexicon?: Lexicon;
  onProgress?(pct: number, msg?: string): void;
}

export interface FineTuneOptions extends Omit<TrainOptions, "hidden" | "lexicon" | "minDf" | "folds"> {
  /** Pull towards the base weights (L2 on the difference). */
  anchor?: number;
  minDf?: number;
  /** Recalibrate the neutral band on the validation split (needs ≥ 200 examples). */
  recalibrate?: boolean;
}

const DEFAULTS = {
  seed: 7,
  hidden: 8,
  maxEpochs: 40,
  batchSize: 64,
  learningRate: 0.003,
  l2Sparse: 1e-4,
  l2Dense: 1e-4,
  minDf: 2,
  validationFraction: 0.12,
  folds: 4,
  patience: 5,
  signWeight: 0.3,
  calibrateBand: true,
  rulePrior: true,
  bandPenalty: 0.05,
};

import { rng, shuffled } from "../../ml/random.ts";

async function tensorflow(): Promise<Tf> {
  const tf = await loadTensorFlow();
  // A process that chose a backend keeps it; otherwise WebAssembly (deterministic, and far faster
  // than the pure-JS backend for this model's elementwise updates), falling back to cpu.
  if (!getMlBackend()) {
    const pref = process.env.ML_BACKEND;
    const choice =
      pref && (ML_BACKEND_PREFERENCES as readonly string[]).includes(pref) && pref !== "auto" ? pref : "wasm";
    await initMlBackend(choice as MlBackendPreference, () => {});
  }
  return tf;
}

interface Prepared {
  dense: Float64Array[];
  hashes: number[][];
  targets: number[];
  weights: number[];
}

function prepare(lexicon: Lexicon, examples: TrainExample[], weights?: number[]): Prepared {
  const dense: Float64Array[] = [];
  const hashes: number[][] = [];
  for (const ex of examples) {
    const f = featurize(lexicon, ex.text);
    dense.push(f.dense.slice());
    hashes.push(f.hashes.slice());
  }
  return {
    dense,
    hashes,
    targets: examples.map((e) => Math.max(-1, Math.min(1, e.target))),
    weights: weights ?? examples.map(() => 1),
  };
}

interface Params {
  hidden: number;
  denseMean: Float32Array;
  denseStd: Float32Array;
  w1: Float32Array;
  b1: Float32Array;
  v: Float32Array;
  u: Float32Array;
  bias: number;
  keys: Uint32Array;
  sparse: Float32Array;
}

interface FitConfig {
  maxEpochs: number;
  batchSize: number;
  learningRate: number;
  l2Sparse: number;
  l2Dense: number;
  patience: number;
  signWeight: number;
  seed: number;
  /** When set, L2 pulls towards these values instead of zero. */
  anchor?: Params;
  onProgress?(pct: number, msg?: string): void;
  progressFrom: number;
  progressTo: number;
}

/**
 * Fits `init` (modified copy returned) on train rows, early-stopping on validation rows.
 * Returns the best parameters and the number of epochs run.
 */
async function fit(
  tf: Tf,
  init: Params,
  data: Prepared,
  trainIdx: number[],
  valIdx: number[],
  cfg: FitConfig,
): Promise<{ params: Params; epochs: number; bestEpoch: number }> {
  const keyIndex = new Map<number, number>();
  for (let i = 0; i < init.keys.length; i++) keyIndex.set(init.keys[i], i + 1); // 0 = padding
  const rows = [...trainIdx, ...valIdx];
  let maxLen = 1;
  const ids: number[][] = [];
  for (const r of rows) {
    const list: number[] = [];
    for (const h of data.hashes[r]) {
      const k = keyIndex.get(h);
      if (k !== undefined) list.push(k);
    }
    ids.push(list);
    if (list.length > maxLen) maxLen = list.length;
  }
  const n = rows.length;
  const idArr = new Int32Array(n * maxLen);
  const valArr = new Float32Array(n * maxLen);
  const denseArr = new Float32Array(n * DENSE_DIM);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    // The scale uses the text's full feature count (known or not), as forward() does.
    const scale = 1 / Math.sqrt(Math.max(1, data.hashes[r].length));
    ids[i].forEach((k, j) => {
      idArr[i * maxLen + j] = k;
      valArr[i * maxLen + j] = scale;
    });
    const d = data.dense[r];
    for (let j = 0; j < DENSE_DIM; j++) {
      denseArr[i * DENSE_DIM + j] = (d[j] - init.denseMean[j]) / init.denseStd[j];
    }
  }
  const yArr = Float32Array.from(rows.map((r) => data.targets[r]));
  const wArr = Float32Array.from(rows.map((r) => data.weights[r]));

  const H = init.hidden;
  const sparseInit = new Float32Array(init.keys.length + 1);
  sparseInit.set(init.sparse, 1);
  const V = sparseInit.length;
  const vars = {
    sparse: tf.variable(tf.tensor1d(sparseInit), true, "sparse"),
    w1: tf.variable(tf.tensor2d(init.w1, [H, DENSE_DIM]), true, "w1"),
    b1: tf.variable(tf.tensor1d(init.b1), true, "b1"),
    v: tf.variable(tf.tensor2d(init.v, [H, 1]), true, "v"),
    u: tf.variable(tf.tensor2d(init.u, [DENSE_DIM, 1]), true, "u"),
    bias: tf.variable(tf.scalar(init.bias), true, "bias"),
  };
  const anchor = cfg.anchor
    ? (() => {
        const a = new Float32Array(V);
        // Anchor values are aligned to init.keys (fine-tuning passes aligned params).
        a.set(cfg.anchor.sparse, 1);
        return {
          sparse: tf.tensor1d(a),
          w1: tf.tensor2d(cfg.anchor.w1, [H, DENSE_DIM]),
          v: tf.tensor2d(cfg.anchor.v, [H, 1]),
          u: tf.tensor2d(cfg.anchor.u, [DENSE_DIM, 1]),
        };
      })()
    : undefined;

  /** Rows [i] of the prepared arrays as tensors. */
  const batchOf = (rowsIdx: ArrayLike<number>) => {
    const b = rowsIdx.length;
    const idB = new Int32Array(b * maxLen);
    const valB = new Float32Array(b * maxLen);
    const denseB = new Float32Array(b * DENSE_DIM);
    const yB = new Float32Array(b);
    const wB = new Float32Array(b);
    for (let i = 0; i < b; i++) {
      const r = rowsIdx[i];
      idB.set(idArr.subarray(r * maxLen, (r + 1) * maxLen), i * maxLen);
      valB.set(valArr.subarray(r * maxLen, (r + 1) * maxLen), i * maxLen);
      denseB.set(denseArr.subarray(r * DENSE_DIM, (r + 1) * DENSE_DIM), i * DENSE_DIM);
      yB[i] = yArr[r];
      wB[i] = wArr[r];
    }
    return { b, idB, valB, denseB, yB, wB };
  };

  /**
   * The sparse layer: Σ_l w[id_l]·val_l per row. Its gradient is a scatter-add done here in JS
   * (TF.js's generic gather gradient is very slow on the CPU backends for a large vocabulary).
   */
  const bag = (idB: Int32Array, valB: Float32Array, b: number) =>
    tf.customGrad(((w: TfNs.Tensor) => {
      const idT = tf.tensor2d(idB, [b, maxLen], "int32");
      const valT = tf.tensor2d(valB, [b, maxLen]);
      return {
        value: tf.sum(tf.mul(tf.gather(w, idT), valT), 1),
        gradFunc: (dy: TfNs.Tensor) => {
          const d = dy.dataSync();
          const g = new Float32Array(V);
          for (let i = 0; i < b; i++) {
            const di = d[i];
            if (di === 0) continue;
            for (let l = i * maxLen, e = l + maxLen; l < e; l++) g[idB[l]] += di * valB[l];
          }
          g[0] = 0;
          return tf.tensor1d(g);
        },
      };
    }) as unknown as Parameters<Tf["customGrad"]>[0]);

  const predict = (idB: Int32Array, valB: Float32Array, denseB: Float32Array, b: number) => {
    const denseT = tf.tensor2d(denseB, [b, DENSE_DIM]);
    const sp = bag(idB, valB, b)(vars.sparse) as TfNs.Tensor1D;
    const hid = tf.tanh(tf.add(tf.matMul(denseT, vars.w1, false, true), vars.b1));
    const z = tf.add(
      tf.add(tf.reshape(tf.matMul(hid, vars.v), [-1]), tf.reshape(tf.matMul(denseT, vars.u), [-1])),
      tf.add(sp, vars.bias),
    );
    return z as TfNs.Tensor1D;
  };

  const optimizer = tf.train.adam(cfg.learningRate);
  const nTrain = trainIdx.length;
  const order = Array.from({ length: nTrain }, (_, i) => i);
  const r = rng(cfg.seed);
  const snapshot = (): Params => ({
    ...init,
    w1: (vars.w1.dataSync() as Float32Array).slice(),
    b1: (vars.b1.dataSync() as Float32Array).slice(),
    v: (vars.v.dataSync() as Float32Array).slice(),
    u: (vars.u.dataSync() as Float32Array).slice(),
    bias: vars.bias.dataSync()[0],
    sparse: (vars.sparse.dataSync() as Float32Array).slice(1),
  });
  const valRows = Int32Array.from({ length: valIdx.length }, (_, i) => nTrain + i);
  const valLoss = (): number => {
    if (valIdx.length === 0) return 0;
    const v = batchOf(valRows);
    return tf.tidy(() => {
      const err = tf.sub(tf.tanh(predict(v.idB, v.valB, v.denseB, v.b)), tf.tensor1d(v.yB));
      return tf.mean(tf.mul(err, err)).dataSync()[0];
    });
  };

  let best = snapshot();
  let bestLoss = valIdx.length ? valLoss() : Infinity;
  let bestEpoch = 0;
  let since = 0;
  let epoch = 0;
  try {
    for (epoch = 1; epoch <= cfg.maxEpochs; epoch++) {
      for (let i = nTrain - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (let s = 0; s < nTrain; s += cfg.batchSize) {
        const batch = batchOf(order.slice(s, s + cfg.batchSize));
        tf.tidy(() => {
          const y = tf.tensor1d(batch.yB);
          const w = tf.tensor1d(batch.wB);
          const wSum = tf.sum(w);
          optimizer.minimize(() => {
            const z = predict(batch.idB, batch.valB, batch.denseB, batch.b);
            const err = tf.sub(tf.tanh(z), y);
            let loss = tf.div(tf.sum(tf.mul(w, tf.mul(err, err))), wSum);
            if (cfg.signWeight > 0) {
              // Logistic loss on the sign for examples outside the neutral band.
              const sign = tf.sign(y);
              const polar = tf.mul(w, tf.cast(tf.greater(tf.abs(y), 0.05), "float32"));
              const logit = tf.mul(tf.mul(z, 2), sign);
              const l = tf.div(tf.sum(tf.mul(polar, tf.softplus(tf.neg(logit)))), tf.add(tf.sum(polar), 1e-6));
              loss = tf.add(loss, tf.mul(l, cfg.signWeight));
            }
            const frac = batch.b / nTrain;
            const diff = (x: TfNs.Tensor, a?: TfNs.Tensor) => (a ? tf.sub(x, a) : x);
            const sq = (x: TfNs.Tensor) => tf.sum(tf.mul(x, x));
            const reg = tf.add(
              tf.mul(sq(diff(vars.sparse, anchor?.sparse)), cfg.l2Sparse * frac),
              tf.mul(
                tf.add(tf.add(sq(diff(vars.w1, anchor?.w1)), sq(diff(vars.v, anchor?.v))), sq(diff(vars.u, anchor?.u))),
                cfg.l2Dense * frac,
              ),
            );
            return tf.add(loss, reg) as TfNs.Scalar;
          });
        });
      }
      // Let the event loop run between epochs (progress messages, cancellation, other work).
      await new Promise((resolve) => setImmediate(resolve));
      const pct = cfg.progressFrom + ((cfg.progressTo - cfg.progressFrom) * epoch) / cfg.maxEpochs;
      if (valIdx.length) {
        const l = valLoss();
        cfg.onProgress?.(pct, `epoch ${epoch}: validation MSE ${l.toFixed(4)}`);
        if (l < bestLoss - 1e-5) {
          bestLoss = l;
          best = snapshot();
          bestEpoch = epoch;
          since = 0;
        } else if (++since >= cfg.patience) break;
      } else {
        cfg.onProgress?.(pct, `epoch ${epoch}`);
        best = snapshot();
        bestEpoch = epoch;
      }
    }
  } finally {
    optimizer.dispose();
    for (const t of Object.values(vars)) t.dispose();
    if (anchor) for (const t of Object.values(anchor)) t.dispose();
  }
  return { params: best, epochs: Math.min(epoch, cfg.maxEpochs), bestEpoch };
}

function toModel(p: Params, lexicon: Lexicon, meta: SentimentModel["meta"]): SentimentModel {
  // Drop sparse weights that are ~0 (never moved): smaller model, same scores to 1e-6.
  const keep: number[] = [];
  for (let i = 0; i < p.keys.length; i++) if (Math.abs(p.sparse[i]) >= 1e-6) keep.push(i);
  const order = keep.sort((a, b) => p.keys[a] - p.keys[b]);
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    meta,
    lexicon,
    denseMean: p.denseMean,
    denseStd: p.denseStd,
    hidden: p.hidden,
    w1: p.w1,
    b1: p.b1,
    v: p.v,
    u: p.u,
    bias: p.bias,
    sparseKeys: Uint32Array.from(order.map((i) => p.keys[i])),
    sparseWeights: Float32Array.from(order.map((i) => p.sparse[i])),
    thresholds: { negative: -0.05, positive: 0.05 },
    sigma: 0.3,
  };
}

/**
 * Chooses the neutral band that maximises support-weighted F1 on held-out predictions, within
 * ±0.15 of the study's ±0.05 convention and with a small pull towards it (the validation split is
 * small, and a band fitted too closely to it does not carry over to other data).
 */
export function calibrateBand(
  scores: number[],
  targets: number[],
  penalty = 0.05,
): { negative: number; positive: number } {
  let best = { negative: -0.05, positive: 0.05 };
  let bestF1 = -Infinity;
  const pred: SentimentLabel[] = new Array(scores.length);
  for (let a = -20; a <= 10; a++) {
    const lo = a / 100;
    for (let b = Math.max(a, -10); b <= 20; b++) {
      const hi = b / 100;
      for (let i = 0; i < scores.length; i++) {
        pred[i] = scores[i] <= lo ? "negative" : scores[i] >= hi ? "positive" : "neutral";
      }
      const f1 =
        computeMetrics(targets, scores, pred).weightedF1 - penalty * (Math.abs(lo + 0.05) + Math.abs(hi - 0.05));
      if (f1 > bestF1) {
        bestF1 = f1;
        best = { negative: lo, positive: hi };
      }
    }
  }
  return best;
}

function calibrate(model: SentimentModel, data: Prepared, valIdx: number[], band: boolean, penalty = 0.05): void {
  const scratch = new Float64Array(DENSE_DIM);
  const scores = valIdx.map((i) => forward(model, data.dense[i], data.hashes[i], scratch));
  calibrateFrom(
    model,
    scores,
    valIdx.map((i) => data.targets[i]),
    band,
    penalty,
  );
}

/** Residual spread and (optionally) the neutral band from held-out scores. */
function calibrateFrom(
  model: SentimentModel,
  scores: number[],
  targets: number[],
  band: boolean,
  penalty: number,
): void {
  if (scores.length === 0) return;
  let se = 0;
  for (let i = 0; i < scores.length; i++) se += (scores[i] - targets[i]) ** 2;
  model.sigma = Math.max(0.05, Math.sqrt(se / scores.length));
  if (band) model.thresholds = calibrateBand(scores, targets, penalty);
}

function splitIndices(n: number, fraction: number, seed: number): { train: number[]; val: number[] } {
  const idx = shuffled(
    Array.from({ length: n }, (_, i) => i),
    seed,
  );
  const nVal = n >= 20 ? Math.max(1, Math.round(n * fraction)) : 0;
  return { val: idx.slice(0, nVal).sort((a, b) => a - b), train: idx.slice(nVal) };
}

/** Trains a model from scratch. */
export async function trainSentimentModel(examples: TrainExample[], opts: TrainOptions = {}): Promise<SentimentModel> {
  const o = { ...DEFAULTS, ...opts };
  if (examples.length === 0) throw new Error("No training examples");
  const tf = await tensorflow();
  const lexicon = opts.lexicon ?? withFeedbackLexicon(loadVaderLexicon());
  o.onProgress?.(0, "features");
  const data = prepare(lexicon, examples, opts.weights);
  const n = examples.length;

  // Vocabulary and standardisation from all rows (no labels involved).
  const df = new Map<number, number>();
  for (const hs of data.hashes) for (const h of hs) df.set(h, (df.get(h) ?? 0) + 1);
  const keys = Uint32Array.from([...df].filter(([, c]) => c >= o.minDf).map(([h]) => h)).sort();
  const mean = new Float32Array(DENSE_DIM);
  const std = new Float32Array(DENSE_DIM);
  for (const d of data.dense) for (let j = 0; j < DENSE_DIM; j++) mean[j] += d[j] / n;
  for (const d of data.dense) for (let j = 0; j < DENSE_DIM; j++) std[j] += (d[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < DENSE_DIM; j++) std[j] = Math.sqrt(std[j]) > 1e-4 ? Math.sqrt(std[j]) : 1;

  // K members, each early-stopped on its own fold; their out-of-fold scores calibrate the band.
  const folds = n >= 40 ? Math.max(1, Math.floor(o.folds)) : 1;
  const order = shuffled(
    Array.from({ length: n }, (_, i) => i),
    o.seed,
  );
  const foldOf = (pos: number) => pos % folds;
  const members: Params[] = [];
  const oofScores: number[] = [];
  const oofTargets: number[] = [];
  let epochs = 0;
  const H = o.hidden;
  for (let k = 0; k < folds; k++) {
    let train: number[];
    let val: number[];
    if (folds === 1) ({ train, val } = splitIndices(n, o.validationFraction, o.seed));
    else {
      val = order.filter((_, pos) => foldOf(pos) === k).sort((a, b) => a - b);
      train = order.filter((_, pos) => foldOf(pos) !== k);
    }
    const r = rng((o.seed + k) * 7919 + 1);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    // The rule layer's compound score is the prior: the linear path starts at (and its L2 pulls
    // towards) a one-feature fit of the target on it, the rest starts at 0. With little or
    // unrepresentative data the model stays near the rules.
    const prior = o.rulePrior ? compoundFit(data, train, mean[0], std[0]) : { slope: 0, intercept: 0 };
    const u = new Float32Array(DENSE_DIM);
    u[0] = prior.slope;
    const init: Params = {
      hidden: H,
      denseMean: mean,
      denseStd: std,
      w1: Float32Array.from({ length: H * DENSE_DIM }, () => gauss() * Math.sqrt(1 / DENSE_DIM)),
      b1: new Float32Array(H),
      v: o.rulePrior ? new Float32Array(H) : Float32Array.from({ length: H }, () => gauss() * 0.1),
      u,
      bias: prior.intercept,
      keys,
      sparse: new Float32Array(keys.length),
    };
    const anchor: Params | undefined = o.rulePrior
      ? { ...init, w1: new Float32Array(H * DENSE_DIM), v: new Float32Array(H), sparse: new Float32Array(keys.length) }
      : undefined;
    const span = 96 / folds;
    const result = await fit(tf, init, data, train, val, {
      maxEpochs: o.maxEpochs,
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      l2Sparse: o.l2Sparse,
      l2Dense: o.l2Dense,
      patience: o.patience,
      signWeight: o.signWeight,
      seed: o.seed + k,
      anchor,
      onProgress: o.onProgress
        ? (pct, msg) => o.onProgress!(pct, folds > 1 ? `model ${k + 1}/${folds}, ${msg ?? ""}` : msg)
        : undefined,
      progressFrom: 2 + span * k,
      progressTo: 2 + span * (k + 1),
    });
    members.push(result.params);
    epochs += result.bestEpoch / folds;
    const member = toModel(result.params, lexicon, META_PLACEHOLDER);
    const scratch = new Float64Array(DENSE_DIM);
    for (const i of val) {
      oofScores.push(forward(member, data.dense[i], data.hashes[i], scratch));
      oofTargets.push(data.targets[i]);
    }
  }
  const model = toModel(mergeMembers(members), lexicon, {
    trainedOn: o.trainedOn ?? `${n} examples`,
    examples: n,
    epochs: Math.round(epochs * 10) / 10,
    dense: [...DENSE_NAMES],
    notice: LEXICON_NOTICE,
  });
  calibrateFrom(model, oofScores, oofTargets, o.calibrateBand, o.bandPenalty);
  o.onProgress?.(100, "done");
  return model;
}

/** Least-squares fit of atanh(target) on the standardised compound score over some rows. */
function compoundFit(data: Prepared, rows: number[], mean: number, std: number): { slope: number; intercept: number } {
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (const i of rows) {
    const x = (data.dense[i][0] - mean) / std;
    const y = Math.atanh(Math.max(-0.95, Math.min(0.95, data.targets[i])));
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const m = rows.length || 1;
  const vx = sxx / m - (sx / m) ** 2;
  const slope = vx > 1e-9 ? (sxy / m - (sx / m) * (sy / m)) / vx : 0;
  return { slope, intercept: sy / m - slope * (sx / m) };
}

const META_PLACEHOLDER: SentimentModel["meta"] = { trainedOn: "", examples: 0, epochs: 0, dense: [], notice: "" };

/**
 * Averages K members in z (logit) space as one model of the same form: the sparse weights, the
 * linear path and the bias are averaged, the hidden layers are stacked (K·H units) with their
 * output weights divided by K. Exact: z(merged) = mean_k z(member k).
 */
function mergeMembers(members: Params[]): Params {
  const K = members.length;
  if (K === 1) return members[0];
  const H = members[0].hidden;
  const w1 = new Float32Array(K * H * DENSE_DIM);
  const b1 = new Float32Array(K * H);
  const v = new Float32Array(K * H);
  const u = new Float32Array(DENSE_DIM);
  const sparse = new Float32Array(members[0].sparse.length);
  let bias = 0;
  members.forEach((m, k) => {
    w1.set(m.w1, k * H * DENSE_DIM);
    b1.set(m.b1, k * H);
    for (let h = 0; h < H; h++) v[k * H + h] = m.v[h] / K;
    for (let j = 0; j < DENSE_DIM; j++) u[j] += m.u[j] / K;
    for (let i = 0; i < sparse.length; i++) sparse[i] += m.sparse[i] / K;
    bias += m.bias / K;
  });
  return { ...members[0], hidden: K * H, w1, b1, v, u, sparse, bias };
}

/**
 * Adapts a copy of `base` to a workspace's weakly-labelled items: its weights start from the
 * base's and are pulled back towards them (L2 on the difference), new n-grams of the workspace
 * join the vocabulary at 0. The base is not modified.
 */
export async function fineTuneSentimentModel(
  base: SentimentModel,
  examples: TrainExample[],
  opts: FineTuneOptions = {},
): Promise<SentimentModel> {
  const o = {
    ...DEFAULTS,
    maxEpochs: 15,
    learningRate: 0.003,
    minDf: 2,
    anchor: 1e-3,
    recalibrate: false,
    ...opts,
  };
  if (examples.length === 0) return cloneModel(base);
  const tf = await tensorflow();
  const data = prepare(base.lexicon, examples, opts.weights);
  const { train, val } = splitIndices(examples.length, examples.length >= 50 ? o.validationFraction : 0, o.seed);

  const df = new Map<number, number>();
  for (const i of train) for (const h of data.hashes[i]) df.set(h, (df.get(h) ?? 0) + 1);
  const baseIndex = new Map<number, number>();
  for (let i = 0; i < base.sparseKeys.length; i++) baseIndex.set(base.sparseKeys[i], i);
  const extra = [...df].filter(([h, c]) => c >= o.minDf && !baseIndex.has(h)).map(([h]) => h);
  const keys = Uint32Array.from([...base.sparseKeys, ...extra]).sort();
  const sparse = Float32Array.from(keys, (k) => {
    const i = baseIndex.get(k);
    return i === undefined ? 0 : base.sparseWeights[i];
  });
  const init: Params = {
    hidden: base.hidden,
    denseMean: base.denseMean.slice(),
    denseStd: base.denseStd.slice(),
    w1: base.w1.slice(),
    b1: base.b1.slice(),
    v: base.v.slice(),
    u: base.u.slice(),
    bias: base.bias,
    keys,
    sparse,
  };
  const anchorParams: Params = {
    ...init,
    sparse: sparse.slice(),
    w1: init.w1.slice(),
    v: init.v.slice(),
    u: init.u.slice(),
  };
  const result = await fit(tf, init, data, train, val, {
    maxEpochs: o.maxEpochs,
    batchSize: o.batchSize,
    learningRate: o.learningRate,
    l2Sparse: o.anchor,
    l2Dense: o.anchor * 10,
    patience: o.patience,
    signWeight: o.signWeight,
    seed: o.seed,
    anchor: anchorParams,
    onProgress: o.onProgress,
    progressFrom: 2,
    progressTo: 98,
  });
  const model = toModel(result.params, new Map(base.lexicon), {
    trainedOn: o.trainedOn ?? `fine-tuned on ${examples.length} examples`,
    examples: examples.length,
    epochs: result.bestEpoch,
    dense: [...DENSE_NAMES],
    base: base.meta.trainedOn,
    notice: base.meta.notice,
  });
  model.thresholds = { ...base.thresholds };
  model.sigma = base.sigma;
  calibrate(model, data, val, o.recalibrate && val.length >= 200);
  o.onProgress?.(100, "done");
  return model;
}

export const LEXICON_NOTICE =
  "Lexicon: VADER (Hutto & Gilbert, ICWSM 2014; MIT), via the vader-sentiment package (Apache-2.0), " +
  "plus Foresight's product-feedback additions.";

/** VADER's lexicon plus the feedback words it lacks (the lexicon wins where both have a word). */
export function withFeedbackLexicon(lex: Lexicon): Lexicon {
  const out = new Map(lex);
  for (const [w, v] of Object.entries(FEEDBACK_LEXICON)) if (!out.has(w)) out.set(w, v);
  return out;
}

/**
 * The same forward pass in TensorFlow.js, for checking the plain-JS path (tests) — slow, not for
 * production.
 */
export async function predictWithTensorFlow(model: SentimentModel, texts: string[]): Promise<number[]> {
  const tf = await tensorflow();
  const H = model.hidden;
  const rows = texts.map((t) => featurize(model.lexicon, t));
  const index = new Map<number, number>();
  for (let i = 0; i < model.sparseKeys.length; i++) index.set(model.sparseKeys[i], i + 1);
  const maxLen = Math.max(1, ...rows.map((r) => r.hashes.length));
  const ids = new Int32Array(rows.length * maxLen);
  const vals = new Float32Array(rows.length * maxLen);
  const dense = new Float32Array(rows.length * DENSE_DIM);
  rows.forEach((r, i) => {
    r.hashes.forEach((h, j) => {
      ids[i * maxLen + j] = index.get(h) ?? 0;
      vals[i * maxLen + j] = 1 / Math.sqrt(r.hashes.length);
    });
    for (let j = 0; j < DENSE_DIM; j++) dense[i * DENSE_DIM + j] = r.dense[j];
  });
  const sparse = new Float32Array(model.sparseKeys.length + 1);
  sparse.set(model.sparseWeights, 1);
  return tf.tidy(() => {
    const x = tf.div(
      tf.sub(tf.tensor2d(dense, [rows.length, DENSE_DIM]), tf.tensor1d(model.denseMean)),
      tf.tensor1d(model.denseStd),
    );
    const hid = tf.tanh(
      tf.add(tf.matMul(x, tf.tensor2d(model.w1, [H, DENSE_DIM]), false, true), tf.tensor1d(model.b1)),
    );
    const sp = tf.sum(
      tf.mul(
        tf.gather(tf.tensor1d(sparse), tf.tensor2d(ids, [rows.length, maxLen], "int32")),
        tf.tensor2d(vals, [rows.length, maxLen]),
      ),
      1,
    );
    const z = tf.add(
      tf.add(
        tf.reshape(tf.matMul(hid, tf.tensor2d(model.v, [H, 1])), [-1]),
        tf.reshape(tf.matMul(x, tf.tensor2d(model.u, [DENSE_DIM, 1])), [-1]),
      ),
      tf.add(sp, model.bias),
    );
    return Array.from(tf.tanh(z).dataSync());
  });
}
