import { getSentimentModelCard } from "@/lib/nlp/model-card";
import { apiRoute } from "@/lib/web/routes";

export const dynamic = "force-dynamic";

/**
 * GET → the sentiment model card: { inUse, base, baseVersions, workspaceVersions, scoredBy,
 * ratedItems, minRatedForAdaptation } (lib/nlp/model-card.ts); each version's `metrics` is the
 * evaluation stored with it.
 */
export const GET = apiRoute({ permission: "workspace.read" }, async (ctx) => getSentimentModelCard(ctx));
