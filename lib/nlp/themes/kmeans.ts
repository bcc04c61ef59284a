/**
 * Spherical k-means on sparse, L2-normalised vectors (cosine similarity), seeded k-means++
 * initialisation; deterministic for a seed.
 */

export interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
}

import { rng } from "../../ml/random.ts";

function dotDense(v: SparseVec, c: Float64Array, off: number): number {
  let s = 0;
  for (let i = 0; i < v.idx.length; i++) s += v.val[i]! * c[off + v.idx[i]!]!;
  return s;
}

export interface KMeansResult {
  /** Cluster of each vector. */
  assign: Int32Array;
  /** Cosine similarity of each vector to its cluster's centroid. */
  sim: Float64Array;
  k: number;
}

/**
 * Clusters `vecs` (each L2-normalised, non-empty) over `dims` features into `k` clusters.
 * Empty clusters are re-seeded with the vector worst served by its centroid.
 */
export function sphericalKMeans(vecs: SparseVec[], dims: number, k: number, seed: number, maxIter = 25): KMeansResult {
  const n = vecs.length;
  k = Math.max(1, Math.min(k, n));
  const rand = rng(seed);
  const cent = new Float64Array(k * dims);
  const setCentroid = (c: number, v: SparseVec) => {
    cent.fill(0, c * dims, (c + 1) * dims);
    for (let i = 0; i < v.idx.length; i++) cent[c * dims + v.idx[i]!] = v.val[i]!;
  };
  // k-means++ on cosine distance.
  const best = new Float64Array(n).fill(-1);
  setCentroid(0, vecs[Math.floor(rand() * n)]!);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const s = dotDense(vecs[i]!, cent, (c - 1) * dims);
      if (s > best[i]!) best[i] = s;
      const d = Math.max(0, 1 - best[i]!);
      total += d * d;
    }
    let r = rand() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - best[i]!);
      r -= d * d;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    setCentroid(c, vecs[pick]!);
  }
  const assign = new Int32Array(n).fill(-1);
  const sim = new Float64Array(n);
  for (let iter = 0; iter < maxIter; iter++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let bc = 0;
      let bs = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dotDense(vecs[i]!, cent, c * dims);
        if (s > bs) {
          bs = s;
          bc = c;
        }
      }
      if (assign[i] !== bc) changed++;
      assign[i] = bc;
      sim[i] = bs;
    }
    if (changed === 0 && iter > 0) break;
    cent.fill(0);
    const size = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = assign[i]!;
      size[c]!++;
      const v = vecs[i]!;
      for (let j = 0; j < v.idx.length; j++) cent[c * dims + v.idx[j]!]! += v.val[j]!;
    }
    // Re-seed empty clusters with the worst-served vectors.
    const order = [...sim.keys()].sort((a, b) => sim[a]! - sim[b]! || a - b);
    let o = 0;
    for (let c = 0; c < k; c++) {
      if (size[c] === 0 && o < order.length) {
        setCentroid(c, vecs[order[o++]!]!);
        continue;
      }
      let norm = 0;
      for (let f = 0; f < dims; f++) norm += cent[c * dims + f]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let f = 0; f < dims; f++) cent[c * dims + f]! /= norm;
    }
  }
  return { assign, sim, k };
}
