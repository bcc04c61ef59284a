"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteImport } from "@/lib/ingest/imports";
import { workspaceAction } from "@/lib/web/actions";

export const deleteImportAction = workspaceAction(
  { schema: z.object({ batchId: z.string().min(1).max(64) }), permission: "data.write" },
  async (ctx, { batchId }) => {
    const { rowsDeleted } = await deleteImport(ctx, batchId);
    revalidatePath("/feedback");
    return { message: `Import deleted with its ${rowsDeleted.toLocaleString("en-US")} rows` };
  },
);
