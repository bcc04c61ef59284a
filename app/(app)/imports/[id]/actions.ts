"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/errors";
import { deleteImport, getImport } from "@/lib/ingest/imports";
import {
  previewImport,
  previewInputSchema,
  startDraftImport,
  type ImportPreview,
  type PreviewInput,
} from "@/lib/ingest/preview";
import { workspaceAction } from "@/lib/web/actions";

const batchId = z.string().min(1).max(64);

/** The preview editor's options (how to read the file, the column mapping) travel as one JSON field. */
const withOptions = z.object({ batchId, options: z.string().max(200_000).optional() });

function parseOptions(raw: string | undefined): PreviewInput {
  if (!raw) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("invalid_input", "The import options are not valid JSON.", { options: "Not JSON" });
  }
  return parseInput(previewInputSchema, json);
}

/** How the draft's first rows read with these options; the editor calls it after every change. */
export const previewImportAction = workspaceAction<typeof withOptions, ImportPreview>(
  { schema: withOptions, permission: "data.write" },
  async (ctx, input) => ({ data: await previewImport(ctx, input.batchId, parseOptions(input.options)) }),
);

/** Starts the draft with the confirmed options; refused, with the reason, when they cannot work. */
export const startImportAction = workspaceAction<typeof withOptions, { jobId: string | null }>(
  { schema: withOptions, permission: "data.write" },
  async (ctx, input) => {
    const started = await startDraftImport(ctx, input.batchId, parseOptions(input.options));
    revalidatePath(`/imports/${input.batchId}`);
    return { message: "Import started", data: { jobId: started.jobId } };
  },
);

/** Deletes a draft (or a finished import with its rows) and goes back to the upload page. */
export const discardImportAction = workspaceAction(
  { schema: z.object({ batchId }), permission: "data.write" },
  async (ctx, input) => {
    const { kind } = await getImport(ctx, input.batchId, { errors: 0 });
    await deleteImport(ctx, input.batchId);
    revalidatePath(kind === "FEEDBACK" ? "/feedback" : "/market");
    redirect(kind === "FEEDBACK" ? "/feedback/import" : "/market/import");
  },
);
