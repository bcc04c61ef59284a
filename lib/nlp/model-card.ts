/**
 * The sentiment model card: which model scores this workspace's feedback, what it is, what it
 * was trained on and when, and how it measured on data it never saw. The figures are the ones
 * stored with each ModelVersion: for the base model what `npm run train:sentiment` measured
 * (out-of-fold and unseen-domain evaluation), for a workspace model the held-out comparison the
 * adaptation made (adapt.ts). Nothing here is computed for show.
 */
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import type { Prisma } from "../db/generated/client.ts";
import { currentSentimentModel, ensureBaseSentimentModel } from "./sentiment-models.ts";
import type { SentimentModel } from "./sentiment/index.ts";
import { MIN_RATED } from "./adapt-policy.ts";

export interface ModelCardVersion {
  id: string;
  version: number;
  isBase: boolean;
  isCurrent: boolean;
  inUse: boolean;
  backend: string | null;
  createdAt: string;
  metrics: Prisma.JsonValue;
}

/** What a model's own bytes say about its training (model.ts's meta) and its size. */
export interface ModelTraining {
  /** The data sets it learned from ("amazonReviewSnippets+tweets", "fine-tuned on 312 items"). */
  trainedOn: string;
  examples: number;
  /** Epochs kept (the best one on the validation split). */
  epochs: number;
  /** For a fine-tuned model: what its base was trained on. */
  base?: string;
  /** Where the lexicon comes from, and its licence. */
  notice: string;
  hiddenUnits: number;
  ngramWeights: number;
}

const trainingOf = (m: SentimentModel): ModelTraining => ({
  trainedOn: m.meta.trainedOn,
  examples: m.meta.examples,
  epochs: m.meta.epochs,
  ...(m.meta.base ? { base: m.meta.base } : {}),
  notice: m.meta.notice,
  hiddenUnits: m.hidden,
  ngramWeights: m.sparseKeys.length,
});

export interface SentimentModelCard {
  /** The version scoring this workspace's items now. */
  inUse: ModelCardVersion;
  /** What the in-use and the base model's bytes record about their training. */
  inUseTraining: ModelTraining;
  baseTraining: ModelTraining;
  /** The base model's current version (what a workspace without its own model uses). */
  base: ModelCardVersion;
  /** Every version of the base model shipped so far, newest first (the current one included). */
  baseVersions: ModelCardVersion[];
  /** This workspace's adaptation attempts, newest first (accepted or not). */
  workspaceVersions: ModelCardVersion[];
  /** Items scored, and by which version. */
  scoredBy: { versionId: string | null; items: number }[];
  ratedItems: number;
  minRatedForAdaptation: number;
}

export async function getSentimentModelCard(ctx: WorkspaceContext): Promise<SentimentModelCard> {
  requirePermission(ctx, "workspace.read");
  await ensureBaseSentimentModel(ctx.db);
  const [inUse, baseModel] = await Promise.all([
    currentSentimentModel(ctx.db, ctx.workspaceId),
    currentSentimentModel(ctx.db, null),
  ]);
  const select = {
    id: true,
    version: true,
    workspaceId: true,
    isCurrent: true,
    backend: true,
    createdAt: true,
    metrics: true,
  } as const;
  const [bases, own, scored, rated] = await Promise.all([
    ctx.db.modelVersion.findMany({
      where: { workspaceId: null, kind: "SENTIMENT" },
      select,
      orderBy: { version: "desc" },
    }),
    ctx.db.modelVersion.findMany({
      where: { workspaceId: ctx.workspaceId, kind: "SENTIMENT" },
      select,
      orderBy: { version: "desc" },
    }),
    ctx.db.sentimentResult.groupBy({
      by: ["modelVersionId"],
      where: { workspaceId: ctx.workspaceId },
      _count: { _all: true },
    }),
    ctx.db.feedbackItem.count({
      where: { workspaceId: ctx.workspaceId, rating: { not: null }, ratingScale: { not: null } },
    }),
  ]);
  const base = bases.find((v) => v.isCurrent);
  // ensureBaseSentimentModel registered one just above.
  if (!base) throw new Error("No current base sentiment model is registered");
  const view = (v: typeof base): ModelCardVersion => ({
    id: v.id,
    version: v.version,
    isBase: v.workspaceId === null,
    isCurrent: v.isCurrent,
    inUse: v.id === inUse.versionId,
    backend: v.backend,
    createdAt: v.createdAt.toISOString(),
    metrics: v.metrics,
  });
  const inUseRow = inUse.isBase ? base : (own.find((v) => v.id === inUse.versionId) ?? base);
  return {
    inUse: view(inUseRow),
    inUseTraining: trainingOf(inUse.model),
    baseTraining: trainingOf(baseModel.model),
    base: view(base),
    baseVersions: bases.map(view),
    workspaceVersions: own.map(view),
    scoredBy: scored.map((s) => ({ versionId: s.modelVersionId, items: s._count._all })),
    ratedItems: rated,
    minRatedForAdaptation: MIN_RATED,
  };
}
