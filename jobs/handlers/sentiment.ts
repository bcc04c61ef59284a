/** SENTIMENT jobs: score feedback items (lib/nlp/sentiment-job.ts does the work). */
import type { JobHandler } from "../../lib/jobs/runner.ts";
import { runSentimentJob } from "../../lib/nlp/sentiment-job.ts";

export const sentimentHandler: JobHandler = (ctx) => runSentimentJob(ctx);
