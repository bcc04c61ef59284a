/**
 * The SENTIMENT job: scores a workspace's feedback items with its current sentiment model and
 * stores one SentimentResult per item (label, score, confidence, and the sentences and phrases
 * behind them).
 *
 * Before scoring, a workspace with enough rated items may get its own model (adapt.ts); when a
 * new model is accepted every item is rescored with it, otherwise only the items without a result
 * (after an import, the new ones). Results are written page by page as upserts, so a retried job
 * continues where the last attempt stopped and never scores an item twice in the end.
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { JobContext, JobOutcome } from "../jobs/runner.ts";
import { followUps } from "../jobs/pipeline.ts";
import { fmt } from "../ingest/run.ts";
import { maybeAdaptSentimentModel } from "./adapt.ts";
import { currentSentimentModel, type LoadedSentimentModel } from "./sentiment-models.ts";
import { scoreTexts, type SentimentResult } from "./sentiment/index.ts";

export const sentimentJobInputSchema = z.object({
  /** Only this import's items (after an import); otherwise the whole workspace. */
  batchId: z.string().min(1).optional(),
  /** "unscored": items without a result; "all": rescore every item (a new model). */
  scope: z.enum(["unscored", "all"]).default("unscored"),
  /** Skip the adaptation check (tests, and the CLI's --no-adapt). */
  adapt: z.boolean().default(true),
});
export type SentimentJobInput = z.input<typeof sentimentJobInputSchema>;

/** Items scored and written per round trip. */
const PAGE = 2000;

export async function runSentimentJob(ctx: JobContext): Promise<JobOutcome> {
  const input = sentimentJobInputSchema.parse(ctx.job.input ?? {});
  const { workspaceId } = ctx.job;
  let scope = input.scope;
  let batchId = input.batchId;

  let model = await currentSentimentModel(ctx.db, workspaceId);
  if (input.adapt) {
    const adapted = await maybeAdaptSentimentModel(ctx, model);
    if (adapted) {
      model = adapted;
      // A new model: every item gets its score from it, not only this import's.
      scope = "all";
      batchId = undefined;
    }
  }

  const scored = await scoreItems(ctx, model, { scope, batchId });
  return {
    message: `${fmt(scored)} ${scored === 1 ? "item" : "items"} scored with ${model.name}`,
    model: model.name,
    backend: model.backend,
    followUps: followUps({ kind: "analysed", by: "SENTIMENT" }, { workspaceId, createdById: ctx.job.createdById }),
  };
}

interface ScoreScope {
  scope: "unscored" | "all";
  batchId?: string;
}

async function scoreItems(ctx: JobContext, model: LoadedSentimentModel, s: ScoreScope): Promise<number> {
  const { workspaceId } = ctx.job;
  const total = await countItems(ctx.db, workspaceId, s);
  let done = 0;
  let cursor = "";
  const startedAt = Date.now();
  await ctx.progress(0, `0 / ${fmt(total)} items`);
  for (;;) {
    ctx.checkpoint();
    const rows = await pageOfItems(ctx.db, workspaceId, s, cursor);
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]!.id;
    const results = scoreTexts(
      model.model,
      rows.map((r) => r.text),
    );
    await writeResults(ctx.db, workspaceId, model.versionId, rows, results);
    done += rows.length;
    const rate = done / Math.max(0.001, (Date.now() - startedAt) / 1000);
    await ctx.progress(
      total ? Math.min(99, (done / total) * 100) : 99,
      `${fmt(done)} / ${fmt(Math.max(total, done))} items · ${fmt(Math.round(rate))} items/s`,
    );
  }
  return done;
}

const scopeSql = (s: ScoreScope) =>
  `${s.batchId ? `AND f."batchId" = $2` : ""}
   ${s.scope === "unscored" ? `AND NOT EXISTS (SELECT 1 FROM "SentimentResult" r WHERE r."itemId" = f."id")` : ""}`;

async function countItems(db: Db, workspaceId: string, s: ScoreScope): Promise<number> {
  const params: unknown[] = [workspaceId];
  if (s.batchId) params.push(s.batchId);
  const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(
    `SELECT count(*) AS "n" FROM "FeedbackItem" f WHERE f."workspaceId" = $1 ${scopeSql(s)}`,
    ...params,
  );
  return Number(row?.n ?? 0);
}

async function pageOfItems(db: Db, workspaceId: string, s: ScoreScope, after: string) {
  const params: unknown[] = [workspaceId];
  if (s.batchId) params.push(s.batchId);
  params.push(after);
  return db.$queryRawUnsafe<{ id: string; text: string }[]>(
    `SELECT f."id", f."text" FROM "FeedbackItem" f
     WHERE f."workspaceId" = $1 ${scopeSql(s)} AND f."id" > $${params.length}
     ORDER BY f."id" LIMIT ${PAGE}`,
    ...params,
  );
}

const LABEL = { negative: "NEGATIVE", neutral: "NEUTRAL", positive: "POSITIVE" } as const;

/** What the item view shows: each sentence's score and the phrases that moved it (offsets into the text). */
export interface SentimentExplanation {
  sentences: SentimentResult["sentences"];
  highlights: SentimentResult["highlights"];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

async function writeResults(
  db: Db,
  workspaceId: string,
  modelVersionId: string | null,
  rows: { id: string }[],
  results: SentimentResult[],
): Promise<void> {
  const explanation = results.map((r) =>
    JSON.stringify({
      sentences: r.sentences.map((x) => ({ ...x, score: round(x.score) })),
      highlights: r.highlights.map((h) => ({ ...h, weight: round(h.weight) })),
    } satisfies SentimentExplanation),
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "SentimentResult" ("itemId", "workspaceId", "label", "score", "confidence", "explanation", "modelVersionId", "createdAt")
     SELECT u."itemId", $1, u."label"::"SentimentLabel", u."score", u."confidence", u."explanation"::jsonb, $2, now()
     FROM unnest($3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[])
       AS u("itemId", "label", "score", "confidence", "explanation")
     ON CONFLICT ("itemId") DO UPDATE SET "label" = EXCLUDED."label", "score" = EXCLUDED."score",
       "confidence" = EXCLUDED."confidence", "explanation" = EXCLUDED."explanation",
       "modelVersionId" = EXCLUDED."modelVersionId", "createdAt" = EXCLUDED."createdAt"`,
    workspaceId,
    modelVersionId,
    rows.map((r) => r.id),
    results.map((r) => LABEL[r.label]),
    results.map((r) => round(r.score)),
    results.map((r) => round(r.confidence)),
    explanation,
  );
}
