import { z } from "zod";
import { rowErrorsCsv } from "@/lib/ingest/imports";
import { apiRoute } from "@/lib/web/routes";

/** The rows an import rejected, as a CSV download. */
export const GET = apiRoute(
  { permission: "workspace.read", params: z.object({ id: z.string().min(1).max(64) }) },
  async (ctx, { params }) => {
    const { fileName, csv } = await rowErrorsCsv(ctx, params.id);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]+/g, "_")}"`,
      },
    });
  },
);
