import { z } from "zod";
import { previewInputSchema, startDraftImport } from "@/lib/ingest/preview";
import { apiRoute } from "@/lib/web/routes";

/** Starts a draft import with the confirmed mapping; answers 202 with its job. */
export const POST = apiRoute(
  { permission: "data.write", params: z.object({ id: z.string().min(1).max(64) }), body: previewInputSchema },
  async (ctx, { params, body }) => Response.json(await startDraftImport(ctx, params.id, body), { status: 202 }),
);
