"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_FORM_UPLOAD_BYTES, uploadImport } from "@/lib/ingest/imports";
import { workspaceAction } from "@/lib/web/actions";

/** Uploads a market-data file as a draft and opens its preview (the no-script form of the upload). */
export const importMarketAction = workspaceAction(
  { schema: z.object({ file: z.unknown() }), permission: "data.write" },
  async (ctx, { file }) => {
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("invalid_input", "Choose a file to upload.", { file: "Choose a file" });
    }
    const { batchId } = await uploadImport(ctx, "MARKET", {
      name: file.name,
      content: new Uint8Array(await file.arrayBuffer()),
      draft: true,
      maxBytes: MAX_FORM_UPLOAD_BYTES,
    });
    redirect(`/imports/${batchId}`);
  },
);
