import { uploadImport } from "@/lib/ingest/imports";
import { readUploadRequest } from "@/lib/web/upload";
import { apiRoute } from "@/lib/web/routes";

/**
 * Upload feedback: multipart/form-data (field `file`) or the raw file as the body with ?name=.
 * Answers 202 with the batch and its import job (no job for a draft: preview it, then start it).
 */
export const POST = apiRoute({ permission: "data.write" }, async (ctx, { req }) =>
  Response.json(await uploadImport(ctx, "FEEDBACK", await readUploadRequest(req, "FEEDBACK")), { status: 202 }),
);
