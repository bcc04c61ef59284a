/**
 * Adapting the sentiment model to a workspace, with its own ratings as weak labels.
 *
 * When a workspace has at least MIN_RATED rated items (stars, NPS or thumbs; weak-labels.ts),
 * the base model is fine-tuned on four fifths of them and both models are scored on the fifth
 * the fine-tuning never saw. The adapted model replaces the model in use only if it is better
 * there: support-weighted F1 up by at least MIN_GAIN and Pearson r not down. Every attempt is
 * stored as a ModelVersion (rejected ones not current), so the model card shows both models'
 * figures and why one was chosen. The fine-tuning runs in a worker thread (lib/ml/thread.ts):
 * in the embedded set-up the worker is the web server.
 */
import type { Db } from "../db/client.ts";
import type { JobContext } from "../jobs/runner.ts";
import { registerModel } from "../ml/registry.ts";
import { runInThread } from "../ml/thread.ts";
import { fmt } from "../ingest/run.ts";
import { currentSentimentModel, type LoadedSentimentModel } from "./sentiment-models.ts";
import { evaluateSentiment, sentimentModelFromBytes, sentimentModelToBytes } from "./sentiment/index.ts";
import type { FineTuneTaskInput } from "./adapt-task.ts";
import { weakLabel } from "./weak-labels.ts";
import { MIN_GAIN, MIN_RATED } from "./adapt-policy.ts";

export { MIN_GAIN, MIN_RATED };

/** A new attempt needs this many times the rated items of the last one. */
const GROWTH = 1.25;
/** Rated items read at most (a deterministic sample beyond). */
const MAX_EXAMPLES = 20_000;

export type SentimentMetrics = ReturnType<typeof evaluateSentiment>;

export interface AdaptationRecord {
  kind: "adapted";
  ratedItems: number;
  trainItems: number;
  holdoutItems: number;
  candidate: SentimentMetrics;
  /** The model in use when the attempt ran, on the same held-out items. */
  incumbent: SentimentMetrics & { name: string };
  accepted: boolean;
  reason: string;
  trainedAt: string;
  seconds: number;
}

/** Small, stable hash of an id: which fifth an item falls in. */
function bucket(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % 5;
}

async function ratedCount(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS "n" FROM "FeedbackItem"
    WHERE "workspaceId" = ${workspaceId} AND "rating" IS NOT NULL AND "ratingScale" IS NOT NULL`;
  return Number(row?.n ?? 0);
}

/** Whether an attempt is due: enough ratings, and clearly more than at the last attempt. */
async function attemptDue(db: Db, workspaceId: string, rated: number): Promise<boolean> {
  if (rated < MIN_RATED) return false;
  const last = await db.modelVersion.findFirst({
    where: { workspaceId, kind: "SENTIMENT" },
    orderBy: { version: "desc" },
    select: { metrics: true },
  });
  const before = (last?.metrics as { ratedItems?: number } | null)?.ratedItems;
  return typeof before !== "number" || rated >= before * GROWTH;
}

/**
 * Tries a workspace model when one is due; returns it when it was accepted (and made current),
 * else null (nothing due, or the model in use stays).
 */
export async function maybeAdaptSentimentModel(
  ctx: JobContext,
  incumbent: LoadedSentimentModel,
): Promise<LoadedSentimentModel | null> {
  const { workspaceId } = ctx.job;
  const rated = await ratedCount(ctx.db, workspaceId);
  if (!(await attemptDue(ctx.db, workspaceId, rated))) return null;

  const started = Date.now();
  await ctx.progress(0, `Adapting the model to ${fmt(rated)} rated items`);
  const rows = await ctx.db.$queryRaw<
    { id: string; text: string; rating: number; ratingScale: "STARS_5" | "NPS_10" | "THUMBS" }[]
  >`
    SELECT "id", "text", "rating", "ratingScale" FROM "FeedbackItem"
    WHERE "workspaceId" = ${workspaceId} AND "rating" IS NOT NULL AND "ratingScale" IS NOT NULL
    ORDER BY md5("id") LIMIT ${MAX_EXAMPLES}`;
  const train: { text: string; target: number }[] = [];
  const holdout: { text: string; target: number }[] = [];
  for (const r of rows) {
    const w = weakLabel(r.rating, r.ratingScale);
    if (!w) continue;
    (bucket(r.id) === 0 ? holdout : train).push({ text: r.text, target: w.target });
  }

  const base = await currentSentimentModel(ctx.db, null);
  const input: FineTuneTaskInput = { baseBytes: sentimentModelToBytes(base.model), examples: train };
  const result = await runInThread<FineTuneTaskInput, { bytes: Uint8Array; backend: string }>(
    "lib/nlp/adapt-task.ts",
    "fineTune",
    input,
    {
      signal: ctx.signal,
      onProgress: (pct, msg) => void ctx.progress(pct * 0.9, msg ?? "Adapting the model").catch(() => {}),
    },
  );
  ctx.checkpoint();
  const candidateModel = sentimentModelFromBytes(result.bytes);
  const candidate = evaluateSentiment(candidateModel, holdout);
  const current = evaluateSentiment(incumbent.model, holdout);
  const gain = candidate.weightedF1 - current.weightedF1;
  const accepted = gain >= MIN_GAIN && candidate.pearson >= current.pearson;
  const reason = accepted
    ? `Better than the ${incumbent.name} on ${fmt(holdout.length)} held-out rated items: weighted F1 ` +
      `${candidate.weightedF1.toFixed(3)} vs ${current.weightedF1.toFixed(3)}, r ${candidate.pearson.toFixed(3)} vs ${current.pearson.toFixed(3)}.`
    : `Not better than the ${incumbent.name} on ${fmt(holdout.length)} held-out rated items (weighted F1 ` +
      `${candidate.weightedF1.toFixed(3)} vs ${current.weightedF1.toFixed(3)}, r ${candidate.pearson.toFixed(3)} vs ` +
      `${current.pearson.toFixed(3)}; needs +${MIN_GAIN} F1 and no lower r), so the ${incumbent.name} stays.`;
  const record: AdaptationRecord = {
    kind: "adapted",
    ratedItems: rated,
    trainItems: train.length,
    holdoutItems: holdout.length,
    candidate,
    incumbent: { ...current, name: incumbent.name },
    accepted,
    reason,
    trainedAt: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  const version = await registerModel(ctx.db, {
    workspaceId,
    kind: "SENTIMENT",
    dataFingerprint: `rated:${rated}`,
    metrics: record as unknown as Record<string, unknown>,
    backend: result.backend,
    weights: new Uint8Array(result.bytes),
    makeCurrent: accepted,
  });
  if (!accepted) return null;
  return {
    model: candidateModel,
    versionId: version.id,
    version: version.version,
    isBase: false,
    name: `workspace model v${version.version}`,
    backend: result.backend,
  };
}
