/** IMPORT jobs: read an uploaded file into the workspace (lib/ingest does the work). */
import { runFeedbackImport } from "../../lib/ingest/feedback.ts";
import type { JobHandler } from "../../lib/jobs/runner.ts";

export const importHandler: JobHandler = (ctx) => runFeedbackImport(ctx);
