/** IMPORT jobs: read an uploaded file into the workspace (lib/ingest does the work). */
import { runImportJob } from "../../lib/ingest/job.ts";
import type { JobHandler } from "../../lib/jobs/runner.ts";

export const importHandler: JobHandler = (ctx) => runImportJob(ctx);
