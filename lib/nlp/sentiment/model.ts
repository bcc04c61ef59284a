/**
 * The sentiment model: the lexicon, the standardisation of the dense rule features, a small
 * network over them (one tanh hidden layer plus a direct linear path), a sparse linear layer over
 * hashed n-grams, and the calibration of the score (neutral band, residual spread).
 *
 *   z     = bias + u·x + v·tanh(W x + c) + s · Σ_j w[h_j]      x = standardised dense features
 *   score = tanh(z)                                             h_j = the text's sparse hashes
 *
 * `s` is 1/sqrt(number of sparse features of the text). This file holds the plain-JS forward
 * pass (the production path) and the byte format; training (TensorFlow.js) is in train.ts.
 */
import { DENSE_DIM, type Lexicon } from "./analyze.ts";

export const MODEL_FORMAT = "foresight-sentiment";
export const MODEL_VERSION = 1;

export interface SentimentModelMeta {
  /** What the model was trained on ("amazon+tweets", "fine-tuned on 312 items"). */
  trainedOn: string;
  examples: number;
  epochs: number;
  /** Names of the dense features, in order (a check when loading). */
  dense: string[];
  /** The base model's trainedOn, for fine-tuned models. */
  base?: string;
  notice: string;
}

export interface SentimentModel {
  format: typeof MODEL_FORMAT;
  version: number;
  meta: SentimentModelMeta;
  lexicon: Lexicon;
  denseMean: Float32Array;
  denseStd: Float32Array;
  hidden: number;
  /** [hidden × DENSE_DIM], row-major. */
  w1: Float32Array;
  b1: Float32Array;
  /** Hidden -> output. */
  v: Float32Array;
  /** Dense -> output. */
  u: Float32Array;
  bias: number;
  /** Sorted feature hashes and their weights. */
  sparseKeys: Uint32Array;
  sparseWeights: Float32Array;
  /** Scores at or below `negative` are negative, at or above `positive` positive. */
  thresholds: { negative: number; positive: number };
  /** Residual standard deviation of the score on held-out data (for confidence). */
  sigma: number;
  /** Lookup table built on first use (not serialised). */
  table?: SparseTable;
}

/**
 * Open-addressing hash table from feature hash to weight (linear probing, power-of-two size,
 * load ≤ 0.5): several times faster than a Map<number, number> on the scoring path.
 */
export class SparseTable {
  readonly keys: Uint32Array;
  readonly values: Float32Array;
  private readonly mask: number;

  constructor(keys: Uint32Array, values: Float32Array) {
    let size = 16;
    while (size < keys.length * 2) size <<= 1;
    this.keys = new Uint32Array(size);
    this.values = new Float32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < keys.length; i++) {
      // Keys are never 0 (hashString), so 0 marks an empty slot.
      let j = (Math.imul(keys[i], 0x9e3779b1) >>> 0) & this.mask;
      while (this.keys[j] !== 0 && this.keys[j] !== keys[i]) j = (j + 1) & this.mask;
      this.keys[j] = keys[i];
      this.values[j] = values[i];
    }
  }

  get(key: number): number {
    let j = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const k = this.keys[j];
      if (k === key) return this.values[j];
      if (k === 0) return 0;
      j = (j + 1) & this.mask;
    }
  }
}

export function sparseTable(m: SentimentModel): SparseTable {
  if (!m.table) m.table = new SparseTable(m.sparseKeys, m.sparseWeights);
  return m.table;
}

/** Plain-JS forward pass for one example: raw dense features and sparse hashes -> score in (-1, 1). */
export function forward(
  m: SentimentModel,
  dense: Float64Array,
  hashes: readonly number[],
  scratch: Float64Array,
): number {
  const d = DENSE_DIM;
  for (let j = 0; j < d; j++) scratch[j] = (dense[j] - m.denseMean[j]) / m.denseStd[j];
  let z = m.bias;
  for (let j = 0; j < d; j++) z += m.u[j] * scratch[j];
  for (let h = 0; h < m.hidden; h++) {
    let a = m.b1[h];
    const row = h * d;
    for (let j = 0; j < d; j++) a += m.w1[row + j] * scratch[j];
    z += m.v[h] * Math.tanh(a);
  }
  if (hashes.length > 0) {
    const table = sparseTable(m);
    let s = 0;
    for (let i = 0; i < hashes.length; i++) s += table.get(hashes[i]);
    z += s / Math.sqrt(hashes.length);
  }
  return Math.tanh(z);
}

// ───────────────────────── bytes ─────────────────────────
//
// "FSNT" | u32 version | u32 header length | header JSON (UTF-8) | pad to 4 | float32 blocks
// (denseMean, denseStd, w1, b1, v, u) | u32 sparseKeys | f32 sparseWeights. Little-endian.

const MAGIC = [0x46, 0x53, 0x4e, 0x54];

interface Header {
  format: string;
  version: number;
  meta: SentimentModelMeta;
  hidden: number;
  denseDim: number;
  sparse: number;
  bias: number;
  thresholds: { negative: number; positive: number };
  sigma: number;
  /** "word\tvalence" lines. */
  lexicon: string;
}

export function modelToBytes(m: SentimentModel): Uint8Array {
  const lexLines: string[] = [];
  for (const [w, v] of m.lexicon) lexLines.push(`${w}\t${Math.round(v * 1000) / 1000}`);
  const header: Header = {
    format: m.format,
    version: m.version,
    meta: m.meta,
    hidden: m.hidden,
    denseDim: m.denseMean.length,
    sparse: m.sparseKeys.length,
    bias: m.bias,
    thresholds: m.thresholds,
    sigma: m.sigma,
    lexicon: lexLines.join("\n"),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = 12 + headerBytes.length;
  const dataStart = (headerEnd + 3) & ~3;
  const floats = [m.denseMean, m.denseStd, m.w1, m.b1, m.v, m.u];
  const floatCount = floats.reduce((s, a) => s + a.length, 0);
  const total = dataStart + 4 * floatCount + 8 * m.sparseKeys.length;
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, MODEL_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  let off = dataStart;
  for (const a of floats) {
    for (let i = 0; i < a.length; i++, off += 4) view.setFloat32(off, a[i], true);
  }
  for (let i = 0; i < m.sparseKeys.length; i++, off += 4) view.setUint32(off, m.sparseKeys[i], true);
  for (let i = 0; i < m.sparseWeights.length; i++, off += 4) view.setFloat32(off, m.sparseWeights[i], true);
  return out;
}

export function modelFromBytes(bytes: Uint8Array): SentimentModel {
  if (bytes.length < 12 || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error("Not a Foresight sentiment model");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== MODEL_VERSION) throw new Error(`Unsupported sentiment model version ${version}`);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header;
  if (header.format !== MODEL_FORMAT) throw new Error("Not a Foresight sentiment model");
  if (header.denseDim !== DENSE_DIM) {
    throw new Error(`The model has ${header.denseDim} dense features; this code computes ${DENSE_DIM}`);
  }
  let off = (12 + headerLength + 3) & ~3;
  const f32 = (n: number) => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++, off += 4) a[i] = view.getFloat32(off, true);
    return a;
  };
  const d = header.denseDim;
  const h = header.hidden;
  const denseMean = f32(d);
  const denseStd = f32(d);
  const w1 = f32(h * d);
  const b1 = f32(h);
  const v = f32(h);
  const u = f32(d);
  const sparseKeys = new Uint32Array(header.sparse);
  for (let i = 0; i < header.sparse; i++, off += 4) sparseKeys[i] = view.getUint32(off, true);
  const sparseWeights = f32(header.sparse);
  if (off !== bytes.length) throw new Error("Sentiment model bytes have the wrong length");
  const lexicon: Lexicon = new Map();
  for (const line of header.lexicon.split("\n")) {
    const tab = line.lastIndexOf("\t");
    if (tab > 0) lexicon.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return {
    format: MODEL_FORMAT,
    version,
    meta: header.meta,
    lexicon,
    denseMean,
    denseStd,
    hidden: h,
    w1,
    b1,
    v,
    u,
    bias: header.bias,
    sparseKeys,
    sparseWeights,
    thresholds: header.thresholds,
    sigma: header.sigma,
  };
}

/** A deep copy (the lookup table is rebuilt on use). */
export function cloneModel(m: SentimentModel): SentimentModel {
  return {
    ...m,
    meta: { ...m.meta, dense: [...m.meta.dense] },
    lexicon: new Map(m.lexicon),
    denseMean: m.denseMean.slice(),
    denseStd: m.denseStd.slice(),
    w1: m.w1.slice(),
    b1: m.b1.slice(),
    v: m.v.slice(),
    u: m.u.slice(),
    sparseKeys: m.sparseKeys.slice(),
    sparseWeights: m.sparseWeights.slice(),
    thresholds: { ...m.thresholds },
    table: undefined,
  };
}
