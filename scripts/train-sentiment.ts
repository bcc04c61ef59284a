/**
 * npm run train:sentiment [-- <data folder>]
 *
 * Trains the shipped sentiment model from scratch on every `*_GroundTruth.txt` file in the data
 * folder (default ../shared/data/sentiment, or FORESIGHT_DATA_DIR) with the fixed recipe and seed
 * of lib/nlp/sentiment/recipe.ts, and writes lib/nlp/sentiment/model/base.json (the model's bytes,
 * base64). Same data, same code, same bytes.
 *
 * It then measures the recipe honestly, for the model card the app shows (stored in base.json as
 * `card`): for each reference set, out-of-fold (5 folds, each scored by a model trained without it)
 * and unseen-domain (a model trained only on the other sets) figures. `--no-evaluate` skips that
 * (about 3 minutes) and keeps the card that was there.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listGroundTruthFiles, readGroundTruth, sentimentDataDir } from "../lib/nlp/sentiment/data.ts";
import { evaluateSentiment, sentimentModelToBytes, trainSentimentModel } from "../lib/nlp/sentiment/index.ts";
import { BASE_TRAIN_OPTIONS } from "../lib/nlp/sentiment/recipe.ts";
import { outOfFold, unseenDomain, type Predictions } from "../lib/nlp/sentiment/evaluate.ts";
import { computeMetrics } from "../lib/nlp/sentiment/metrics.ts";
import { getMlBackend } from "../lib/ml/backend.ts";

const evaluate = !process.argv.includes("--no-evaluate");
const dir = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? sentimentDataDir();
const files = listGroundTruthFiles(dir);
if (files.length === 0) {
  console.error(`No *_GroundTruth.txt files in ${dir}`);
  process.exit(1);
}
const sets = files.map((f) => ({ name: path.basename(f).replace(/_GroundTruth\.txt$/, ""), rows: readGroundTruth(f) }));
const rows = sets.flatMap((s) => s.rows);
console.log(`Training on ${rows.length} rows: ${sets.map((s) => `${s.name} (${s.rows.length})`).join(", ")}`);

const t0 = performance.now();
let last = -10;
const model = await trainSentimentModel(rows, {
  ...BASE_TRAIN_OPTIONS,
  trainedOn: sets.map((s) => s.name).join("+"),
  onProgress: (pct, msg) => {
    if (pct - last >= 10 || pct === 100) {
      last = pct;
      console.log(`  ${pct.toFixed(0).padStart(3)}%  ${msg ?? ""}`);
    }
  },
});
const seconds = (performance.now() - t0) / 1000;

const bytes = sentimentModelToBytes(model);
const out = path.resolve(import.meta.dirname, "../lib/nlp/sentiment/model/base.json");
const previous = JSON.parse(readFileSync(out, "utf8")) as { card?: unknown };
const round = (x: number) => Math.round(x * 10000) / 10000;
const figures = (rows: { target: number }[], p: Predictions) => {
  const m = computeMetrics(
    rows.map((r) => r.target),
    p.scores,
    p.labels,
  );
  return {
    n: m.n,
    accuracy: round(m.accuracy),
    macroF1: round(m.macroF1),
    weightedF1: round(m.weightedF1),
    pearson: round(m.pearson),
    perClass: m.perClass,
    confusion: m.confusion,
  };
};
let card: unknown = previous.card ?? null;
if (evaluate) {
  const outOfFoldFigures: Record<string, unknown> = {};
  const unseen: Record<string, unknown> = {};
  for (const s of sets) {
    const others = sets.filter((o) => o !== s);
    const otherRows = others.flatMap((o) => o.rows);
    console.log(`Evaluating on ${s.name}: 5 folds, then trained on ${others.map((o) => o.name).join(", ")} only`);
    outOfFoldFigures[s.name] = { folds: 5, ...figures(s.rows, await outOfFold(s.rows, otherRows, 5)) };
    unseen[s.name] = {
      trainedOn: others.map((o) => o.name).join(", "),
      ...figures(s.rows, await unseenDomain(s.rows, otherRows)),
    };
  }
  card = {
    trainedAt: new Date().toISOString(),
    trainingSeconds: Math.round(seconds * 10) / 10,
    backend: getMlBackend()?.backend ?? null,
    data: sets.map((s) => ({ name: s.name, rows: s.rows.length, source: "VADER study (Hutto & Gilbert, ICWSM 2014)" })),
    evaluation: { outOfFold: outOfFoldFigures, unseenDomain: unseen },
  };
}
const json = JSON.stringify(
  {
    format: "foresight-sentiment",
    trainedOn: model.meta.trainedOn,
    card,
    bytes: Buffer.from(bytes).toString("base64"),
  },
  null,
  2,
);
writeFileSync(out, json + "\n");
console.log(
  `Trained in ${seconds.toFixed(1)} s (best epoch ${model.meta.epochs}); ${model.sparseKeys.length} n-gram weights, ` +
    `band [${model.thresholds.negative}, ${model.thresholds.positive}], sigma ${model.sigma.toFixed(3)}`,
);
console.log(
  `Wrote ${path.relative(process.cwd(), out)} (${(json.length / 1024).toFixed(0)} KiB; model ${(bytes.length / 1024).toFixed(0)} KiB)`,
);
for (const s of sets) {
  const e = evaluateSentiment(model, s.rows);
  console.log(
    `  ${s.name} (seen in training): pearson ${e.pearson.toFixed(3)}, weighted F1 ${e.weightedF1.toFixed(3)}, accuracy ${e.accuracy.toFixed(3)}`,
  );
}
