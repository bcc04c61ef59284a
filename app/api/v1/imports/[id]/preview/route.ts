import { z } from "zod";
import { previewImport, previewInputSchema } from "@/lib/ingest/preview";
import { apiRoute } from "@/lib/web/routes";

/** How a draft import's first rows will be read with a mapping (the given one, or the detected one). */
export const POST = apiRoute(
  { permission: "data.write", params: z.object({ id: z.string().min(1).max(64) }), body: previewInputSchema },
  async (ctx, { params, body }) => previewImport(ctx, params.id, body),
);
