/**
 * Which sentiment model scores a workspace's feedback: its own adapted model when one was
 * accepted (adapt.ts), else the base model shipped with the app.
 *
 * The shipped base model is registered in ModelVersion (workspaceId null) the first time it is
 * needed, with the evaluation `npm run train:sentiment` measured for it (base.json's `card`), so
 * the model card and every SentimentResult point at a stored version. A new release with other
 * weights registers a new base version (told apart by the weights' fingerprint).
 */
import { createHash } from "node:crypto";
import type { Db, DbTx } from "../db/client.ts";
import { currentModel, registerModel } from "../ml/registry.ts";
import {
  loadBaseSentimentModel,
  sentimentModelFromBytes,
  sentimentModelToBytes,
  type SentimentModel,
} from "./sentiment/index.ts";
import { BASE_MODEL_CARD } from "./sentiment/base-model.ts";

export interface LoadedSentimentModel {
  model: SentimentModel;
  /** The ModelVersion row the results will point at. */
  versionId: string;
  version: number;
  isBase: boolean;
  /** For messages: "base model v1", "workspace model v2". */
  name: string;
  backend: string | undefined;
}

/** What `npm run train:sentiment` measured for the shipped weights (scripts/train-sentiment.ts). */
export const baseModelCard = (): Record<string, unknown> => BASE_MODEL_CARD;

let shipped: { bytes: Uint8Array; fingerprint: string } | undefined;
function shippedBase() {
  if (!shipped) {
    const bytes = sentimentModelToBytes(loadBaseSentimentModel());
    // The card is part of the fingerprint: a new evaluation of the same weights registers a new
    // base version, so the model card never shows figures that were not stored with its version.
    const hash = createHash("sha256").update(bytes).update(JSON.stringify(BASE_MODEL_CARD));
    shipped = { bytes, fingerprint: `sha256:${hash.digest("hex").slice(0, 32)}` };
  }
  return shipped;
}

/** Registers the shipped base model unless its weights are already the current base version. */
export async function ensureBaseSentimentModel(db: Db): Promise<void> {
  const { bytes, fingerprint } = shippedBase();
  const current = await db.modelVersion.findFirst({
    where: { workspaceId: null, kind: "SENTIMENT", isCurrent: true },
    select: { dataFingerprint: true },
  });
  if (current?.dataFingerprint === fingerprint) return;
  const card = baseModelCard();
  await registerModel(db, {
    workspaceId: null,
    kind: "SENTIMENT",
    dataFingerprint: fingerprint,
    metrics: card,
    backend: typeof card.backend === "string" ? card.backend : null,
    weights: new Uint8Array(bytes),
  });
}

/** No workspace has this id, so currentModel falls through to the base model. */
const BASE_ONLY = "(base)";

/** Parsed models by version id: a model is read from its bytes once per process. */
const parsed = new Map<string, SentimentModel>();

/** The workspace's current model, else the base model; `null` asks for the base model. */
export async function currentSentimentModel(db: Db, workspaceId: string | null): Promise<LoadedSentimentModel> {
  await ensureBaseSentimentModel(db);
  const found = await currentModel(db as DbTx, workspaceId ?? BASE_ONLY, "SENTIMENT");
  if (!found) throw new Error("No sentiment model is registered");
  let model = parsed.get(found.id);
  if (!model) {
    model = sentimentModelFromBytes(found.weights);
    if (parsed.size > 20) parsed.clear();
    parsed.set(found.id, model);
  }
  return {
    model,
    versionId: found.id,
    version: found.version,
    isBase: found.isBase,
    name: `${found.isBase ? "base" : "workspace"} model v${found.version}`,
    backend: found.backend ?? undefined,
  };
}
