"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_FORM_UPLOAD_BYTES, uploadImport } from "@/lib/ingest/imports";
import { workspaceAction } from "@/lib/web/actions";

/**
 * Uploads a feedback file as a draft and opens its preview. The page sends the file to the
 * upload API with byte progress; this action is the same upload for a form posted before the
 * page's script has loaded.
 */
export const importFeedbackAction = workspaceAction(
  {
    schema: z.object({ file: z.unknown(), source: z.string().trim().max(100).optional() }),
    permission: "data.write",
  },
  async (ctx, { file, source }) => {
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("invalid_input", "Choose a file to upload.", { file: "Choose a file" });
    }
    const { batchId } = await uploadImport(ctx, "FEEDBACK", {
      name: file.name,
      content: new Uint8Array(await file.arrayBuffer()),
      source: source || undefined,
      draft: true,
      maxBytes: MAX_FORM_UPLOAD_BYTES,
    });
    redirect(`/imports/${batchId}`);
  },
);
