import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { emailSchema } from "../../auth/signup.ts";
import { handleOf } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { MAX_UPLOAD_BYTES, runFeedbackImport, startFeedbackImport } from "../../ingest/feedback.ts";
import { getJob } from "../../jobs/manage.ts";
import { startWorker } from "../../jobs/runner.ts";
import { defineCommand, requiredString } from "../command.ts";
import { contextFor, findUserByEmail } from "../lookup.ts";

const feedback = defineCommand({
  name: "import feedback",
  summary: "Import a CSV/TSV file of feedback into a workspace",
  usage: `import feedback FILE --workspace SLUG --user EMAIL [--no-wait]

Stores the file and queues its import job, exactly as an upload in the app
does. Unless --no-wait is given, the command runs the job itself (and any
other waiting import) and prints what was imported.

Options:
  --workspace SLUG   Workspace slug (see "workspace list")
  --user EMAIL       Member importing (analyst or above)
  --no-wait          Only queue the job; a worker or the app runs it`,
  options: { workspace: { type: "string" }, user: { type: "string" }, "no-wait": { type: "boolean" } },
  positional: "file",
  schema: z.object({
    file: requiredString().min(1, "Give the file to import"),
    workspace: requiredString().trim().min(1, "Give a workspace slug"),
    user: requiredString().pipe(emailSchema),
    "no-wait": z.boolean().optional(),
  }),
  async run(input, io) {
    const db = await io.db();
    const user = await findUserByEmail(db, input.user, "user");
    const ctx = await contextFor(db, user.id, user.email, input.workspace);
    const size = await stat(input.file).then(
      (s) => s.size,
      () => {
        throw new AppError("invalid_input", `Cannot read ${input.file}`, { file: "No such file" });
      },
    );
    if (size > MAX_UPLOAD_BYTES) {
      throw new AppError("invalid_input", `${input.file} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
    }
    const started = await startFeedbackImport(ctx, {
      name: path.basename(input.file),
      content: new Uint8Array(await readFile(input.file)),
    });
    if (input["no-wait"]) {
      return { json: { ...started }, text: `Queued: import ${started.batchId} (job ${started.jobId}).` };
    }
    const worker = await startWorker({
      handle: handleOf(db),
      handlers: { IMPORT: runFeedbackImport },
      mode: "worker",
      concurrency: 1,
      pollIntervalMs: 200,
      log: () => undefined,
    });
    let job = await getJob(ctx, started.jobId);
    try {
      while (job.state === "QUEUED" || job.state === "RUNNING") {
        await new Promise((r) => setTimeout(r, 200));
        job = await getJob(ctx, started.jobId);
      }
    } finally {
      await worker.stop(1000);
    }
    if (job.state !== "SUCCEEDED") {
      throw new AppError("invalid_input", `The import ${job.state.toLowerCase()}: ${job.error ?? job.progressMessage}`);
    }
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: started.batchId } });
    const counts = {
      rowsNew: batch.rowsNew,
      rowsDuplicate: batch.rowsDuplicate,
      rowsInvalid: batch.rowsInvalid,
    };
    return {
      json: { ...started, ...counts },
      text: `Imported ${batch.fileName}: ${job.progressMessage} (import ${batch.id}).`,
    };
  },
});

export const importCommands = [feedback];
