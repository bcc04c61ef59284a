/** THEMES jobs: discover themes and assign items to them (lib/nlp/theme-job.ts does the work). */
import type { JobHandler } from "../../lib/jobs/runner.ts";
import { runThemesJob } from "../../lib/nlp/theme-job.ts";

export const themesHandler: JobHandler = (ctx) => runThemesJob(ctx);
