"use server";

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { startFeedbackImport } from "@/lib/ingest/feedback";
import { workspaceAction } from "@/lib/web/actions";

export const importFeedbackAction = workspaceAction(
  { schema: z.object({ file: z.unknown() }), permission: "data.write" },
  async (ctx, { file }) => {
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("invalid_input", "Choose a CSV or TSV file to import.", { file: "Choose a file" });
    }
    const started = await startFeedbackImport(ctx, {
      name: file.name,
      content: new Uint8Array(await file.arrayBuffer()),
    });
    return { message: `Importing ${file.name}: follow it on the Jobs page.`, data: started };
  },
);
