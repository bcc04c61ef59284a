/**
 * Reading an import upload from an HTTP request: either multipart/form-data (a `file` field,
 * up to the form limit) or the raw file as the body (streamed to storage, up to 1 GB), with the
 * options as form fields or query parameters: name, source, mapping (JSON), sheet, encoding,
 * delimiter, draft.
 */
import type { ImportKind } from "../db/generated/enums.ts";
import { AppError, parseInput } from "../errors.ts";
import { MAX_FILE_BYTES, MAX_FORM_UPLOAD_BYTES, readOptionsSchema, type UploadInput } from "../ingest/imports.ts";
import { feedbackMappingSchema } from "../ingest/mapping.ts";
import { marketMappingSchema } from "../ingest/market.ts";

function field(get: (k: string) => string | null, kind: ImportKind): Omit<UploadInput, "name" | "content"> {
  const mappingText = get("mapping");
  let mapping: unknown;
  if (mappingText) {
    try {
      mapping = JSON.parse(mappingText);
    } catch {
      throw new AppError("invalid_input", "mapping must be JSON", { mapping: "Not JSON" });
    }
    mapping = parseInput(kind === "FEEDBACK" ? feedbackMappingSchema : marketMappingSchema, mapping);
  }
  const delimiter = get("delimiter");
  const read = parseInput(readOptionsSchema, {
    sheet: get("sheet") || undefined,
    encoding: get("encoding") || undefined,
    delimiter: delimiter === "tab" ? "\t" : delimiter || undefined,
  });
  const draft = get("draft");
  return { source: get("source")?.trim() || undefined, read, mapping, draft: draft === "1" || draft === "true" };
}

export async function readUploadRequest(req: Request, kind: ImportKind): Promise<UploadInput> {
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await req.formData().catch(() => {
      throw new AppError("invalid_input", "Send the file as multipart/form-data in a field named file.");
    });
    const file = form.get("file");
    if (!(file instanceof File)) {
      throw new AppError("invalid_input", "Send the file as multipart/form-data in a field named file.", {
        file: "Missing",
      });
    }
    const get = (k: string) => {
      const v = form.get(k);
      return typeof v === "string" ? v : null;
    };
    return {
      name: file.name,
      content: new Uint8Array(await file.arrayBuffer()),
      maxBytes: MAX_FORM_UPLOAD_BYTES,
      ...field(get, kind),
    };
  }
  const url = new URL(req.url);
  const name = url.searchParams.get("name");
  if (!name || !req.body) {
    throw new AppError(
      "invalid_input",
      "Send the file as multipart/form-data (field file), or as the request body with ?name=file.csv.",
      { file: "Missing" },
    );
  }
  return {
    name,
    content: req.body as unknown as AsyncIterable<Uint8Array>,
    maxBytes: MAX_FILE_BYTES,
    ...field((k) => url.searchParams.get(k), kind),
  };
}
