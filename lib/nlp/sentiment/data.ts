/**
 * Reading the VADER ground-truth files (`id<TAB>mean_rating<TAB>text`, CRLF, rating -4…+4) for
 * the training script and the benchmark. Nothing in the app reads these files.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface GroundTruthRow {
  id: string;
  /** mean_rating / 4, in -1…+1. */
  target: number;
  text: string;
}

export function readGroundTruth(file: string): GroundTruthRow[] {
  const rows: GroundTruthRow[] = [];
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    if (!line.trim()) continue;
    const a = line.indexOf("\t");
    const b = line.indexOf("\t", a + 1);
    if (a < 0 || b < 0) continue;
    const rating = Number(line.slice(a + 1, b));
    if (!Number.isFinite(rating)) continue;
    rows.push({ id: line.slice(0, a), target: Math.max(-1, Math.min(1, rating / 4)), text: line.slice(b + 1) });
  }
  return rows;
}

/** The data folder: FORESIGHT_DATA_DIR (the sentiment folder or the data root above it), else ../shared/data/sentiment from the project root. */
export function sentimentDataDir(): string {
  const env = process.env.FORESIGHT_DATA_DIR;
  if (env) {
    const nested = path.join(env, "sentiment");
    return existsSync(nested) && listGroundTruthFiles(env).length === 0 ? nested : env;
  }
  return path.resolve("../shared/data/sentiment");
}

/** Every `*_GroundTruth.txt` file in a folder, sorted by name. */
export function listGroundTruthFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /_GroundTruth\.txt$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}
