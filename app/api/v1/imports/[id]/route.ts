import { z } from "zod";
import { deleteImport } from "@/lib/ingest/feedback";
import { apiRoute } from "@/lib/web/routes";

export const DELETE = apiRoute(
  { permission: "data.write", params: z.object({ id: z.string().min(1).max(64) }) },
  async (ctx, { params }) => deleteImport(ctx, params.id),
);
