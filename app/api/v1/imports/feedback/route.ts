import { AppError } from "@/lib/errors";
import { startFeedbackImport } from "@/lib/ingest/feedback";
import { apiRoute } from "@/lib/web/routes";

/** multipart/form-data with a `file` field; answers 202 with the batch and the import job to follow. */
export const POST = apiRoute({ permission: "data.write" }, async (ctx, { req }) => {
  const form = await req.formData().catch(() => {
    throw new AppError("invalid_input", "Send the file as multipart/form-data in a field named file.");
  });
  const file = form.get("file");
  if (!(file instanceof File)) {
    throw new AppError("invalid_input", "Send the file as multipart/form-data in a field named file.", {
      file: "Missing",
    });
  }
  const started = await startFeedbackImport(ctx, {
    name: file.name,
    content: new Uint8Array(await file.arrayBuffer()),
  });
  return Response.json(started, { status: 202 });
});
