/** The IMPORT job for every kind of import. */
import type { JobContext, JobOutcome } from "../jobs/runner.ts";
import { runFeedbackImport } from "./feedback.ts";
import { runMarketImport } from "./market.ts";
import { runImport } from "./run.ts";

export const runImportJob = (ctx: JobContext): Promise<JobOutcome> =>
  runImport(ctx, { FEEDBACK: runFeedbackImport, MARKET: runMarketImport });
