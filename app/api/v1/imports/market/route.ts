import { uploadImport } from "@/lib/ingest/imports";
import { readUploadRequest } from "@/lib/web/upload";
import { apiRoute } from "@/lib/web/routes";

/** Upload market data (time series or market sizes); same forms as /api/v1/imports/feedback. */
export const POST = apiRoute({ permission: "data.write" }, async (ctx, { req }) =>
  Response.json(await uploadImport(ctx, "MARKET", await readUploadRequest(req, "MARKET")), { status: 202 }),
);
