import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { emailSchema } from "../../auth/signup.ts";
import { handleOf } from "../../db/client.ts";
import type { ImportKind } from "../../db/generated/enums.ts";
import { AppError } from "../../errors.ts";
import { runImportJob } from "../../ingest/job.ts";
import { MAX_FILE_BYTES, readOptionsSchema, uploadImport } from "../../ingest/imports.ts";
import { feedbackMappingSchema } from "../../ingest/mapping.ts";
import { marketMappingSchema } from "../../ingest/market.ts";
import { getJob } from "../../jobs/manage.ts";
import { startWorker } from "../../jobs/runner.ts";
import { defineCommand, requiredString } from "../command.ts";
import { memberContext } from "../lookup.ts";

/** --mapping takes JSON inline or @file.json. */
async function readMapping(raw: string | undefined, kind: ImportKind): Promise<unknown> {
  if (raw === undefined) return undefined;
  let text = raw;
  if (raw.startsWith("@")) {
    const { readFile } = await import("node:fs/promises");
    text = await readFile(raw.slice(1), "utf8").catch(() => {
      throw new AppError("invalid_input", `Cannot read ${raw.slice(1)}`, { mapping: "No such file" });
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "--mapping must be JSON (or @file.json)", { mapping: "Not JSON" });
  }
  const schema = kind === "FEEDBACK" ? feedbackMappingSchema : marketMappingSchema;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "mapping"}: ${i.message}`).join("; ");
    throw new AppError("invalid_input", `The mapping is not valid: ${issues}`, { mapping: issues });
  }
  return parsed.data;
}

function importCommand(kind: ImportKind) {
  const noun = kind === "FEEDBACK" ? "feedback" : "market";
  return defineCommand({
    name: `import ${noun}`,
    summary:
      kind === "FEEDBACK"
        ? "Import a file of feedback (CSV/TSV/XLSX/JSON/NDJSON) into a workspace"
        : "Import market data (time series or TAM/SAM/SOM) into a workspace",
    usage: `import ${noun} FILE --workspace SLUG [--user EMAIL] [--mapping JSON|@file.json] [options]

Stores the file and queues its import job, exactly as an upload in the app
does. Unless --no-wait is given, the command runs the job itself (and any
other waiting import) and prints what was imported. Without --mapping the
columns are detected from the headers (see the README for the mapping format).

Options:
  --workspace SLUG   Workspace slug (see "workspace list")
  --user EMAIL       Member importing (analyst or above); default: the workspace owner
  --mapping JSON     Column mapping, inline JSON or @path/to/mapping.json${kind === "FEEDBACK" ? "\n  --source NAME      Where the feedback comes from; its saved mapping is reused" : ""}
  --sheet NAME       XLSX: sheet name or number (default: the first)
  --encoding ENC     utf-8, utf-16le, utf-16be or windows-1252 (default: detected)
  --delimiter D      CSV delimiter: , ; | or "tab" (default: detected)
  --no-wait          Only queue the job; a worker or the app runs it`,
    options: {
      workspace: { type: "string" },
      user: { type: "string" },
      mapping: { type: "string" },
      ...(kind === "FEEDBACK" ? { source: { type: "string" as const } } : {}),
      sheet: { type: "string" },
      encoding: { type: "string" },
      delimiter: { type: "string" },
      "no-wait": { type: "boolean" },
    },
    positional: "file",
    schema: z.object({
      file: requiredString().min(1, "Give the file to import"),
      workspace: requiredString().trim().min(1, "Give a workspace slug"),
      user: emailSchema.optional(),
      mapping: z.string().optional(),
      source: z.string().trim().min(1).max(100).optional(),
      sheet: readOptionsSchema.shape.sheet,
      encoding: readOptionsSchema.shape.encoding,
      delimiter: z
        .string()
        .transform((d) => (d === "tab" || d === "\\t" ? "\t" : d))
        .pipe(readOptionsSchema.shape.delimiter.unwrap())
        .optional(),
      "no-wait": z.boolean().optional(),
    }),
    async run(input, io) {
      const db = await io.db();
      // The member to import as: --user, or else the workspace's first owner.
      const ctx = await memberContext(db, input.workspace, input.user);
      const mapping = await readMapping(input.mapping, kind);
      await stat(input.file).catch(() => {
        throw new AppError("invalid_input", `Cannot read ${input.file}`, { file: "No such file" });
      });
      const started = await uploadImport(ctx, kind, {
        name: path.basename(input.file),
        content: createReadStream(input.file, { highWaterMark: 1024 * 1024 }),
        source: input.source,
        read: { sheet: input.sheet, encoding: input.encoding, delimiter: input.delimiter },
        mapping,
        maxBytes: MAX_FILE_BYTES,
      });
      const jobId = started.jobId!;
      if (input["no-wait"]) {
        return { json: { ...started }, text: `Queued: import ${started.batchId} (job ${jobId}).` };
      }
      const worker = await startWorker({
        handle: handleOf(db),
        handlers: { IMPORT: runImportJob },
        mode: "worker",
        concurrency: 1,
        pollIntervalMs: 200,
        log: () => undefined,
      });
      let job = await getJob(ctx, jobId);
      try {
        while (job.state === "QUEUED" || job.state === "RUNNING") {
          await new Promise((r) => setTimeout(r, 200));
          job = await getJob(ctx, jobId);
        }
      } finally {
        await worker.stop(1000);
      }
      if (job.state !== "SUCCEEDED") {
        throw new AppError(
          "invalid_input",
          `The import ${job.state.toLowerCase()}: ${job.error ?? job.progressMessage}`,
        );
      }
      const batch = await db.importBatch.findUniqueOrThrow({ where: { id: started.batchId } });
      const counts = { rowsNew: batch.rowsNew, rowsDuplicate: batch.rowsDuplicate, rowsInvalid: batch.rowsInvalid };
      return {
        json: { ...started, ...counts, message: batch.message },
        text: `Imported ${batch.fileName}: ${batch.message} (import ${batch.id}).`,
      };
    },
  });
}

export const importCommands = [importCommand("FEEDBACK"), importCommand("MARKET")];
