/** Preview and start of a draft import, whatever its kind (the UI and the API share these). */
import { z } from "zod";
import type { WorkspaceContext } from "../auth/context.ts";
import { AppError, parseInput } from "../errors.ts";
import { previewFeedbackImport, type FeedbackPreview } from "./feedback.ts";
import { getDraft, queueImport, readOptionsSchema, type StartedImport } from "./imports.ts";
import { feedbackMappingSchema } from "./mapping.ts";
import { marketMappingSchema, previewMarketImport, type MarketPreview } from "./market.ts";

export const previewInputSchema = z.object({
  read: readOptionsSchema.optional(),
  /** Checked against the import's kind. */
  mapping: z.unknown().optional(),
});
export type PreviewInput = z.infer<typeof previewInputSchema>;

export type ImportPreview = ({ kind: "FEEDBACK" } & FeedbackPreview) | ({ kind: "MARKET" } & MarketPreview);

export async function previewImport(
  ctx: WorkspaceContext,
  batchId: string,
  input: PreviewInput = {},
): Promise<ImportPreview> {
  const batch = await getDraft(ctx, batchId);
  if (batch.kind === "FEEDBACK") {
    const mapping = input.mapping === undefined ? undefined : parseInput(feedbackMappingSchema, input.mapping);
    return { kind: "FEEDBACK", ...(await previewFeedbackImport(ctx, batchId, { read: input.read, mapping })) };
  }
  const mapping = input.mapping === undefined ? undefined : parseInput(marketMappingSchema, input.mapping);
  return { kind: "MARKET", ...(await previewMarketImport(ctx, batchId, { read: input.read, mapping })) };
}

/**
 * Starts a draft with the mapping the user confirmed (or the detected one). Refuses, with the
 * reason, a mapping that cannot work: a missing column, or dates whose order was not chosen.
 */
export async function startDraftImport(
  ctx: WorkspaceContext,
  batchId: string,
  input: PreviewInput = {},
): Promise<StartedImport> {
  const preview = await previewImport(ctx, batchId, input);
  if (preview.status !== "DRAFT") throw new AppError("conflict", "This import has already been started.");
  if (preview.mappingError || !preview.mapping) {
    throw new AppError("invalid_input", preview.mappingError ?? "Choose how the columns map to fields.", {
      mapping: preview.mappingError ?? "Missing",
    });
  }
  if (preview.needsDateOrder) {
    throw new AppError(
      "invalid_input",
      `Dates such as ${preview.needsDateOrder.example} could be day/month or month/day: choose the order.`,
      { dateOrder: "Choose day/month or month/day" },
    );
  }
  return queueImport(ctx, batchId, { read: input.read, mapping: preview.mapping });
}
