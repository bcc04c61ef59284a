/**
 * A worker process for `npm run check:jobs-faults`: the real worker (lib/jobs)
 * with a test handler that works for a while, reporting progress, and then
 * writes one effect row per job in its final commit.
 */
import { hostname } from "node:os";
import { closeDatabase, getDatabase } from "../lib/db/client.ts";
import { startWorker, type JobHandler } from "../lib/jobs/runner.ts";
import { workerSettings } from "../lib/jobs/serve.ts";

const handler: JobHandler = async (ctx) => {
  const { workMs = 50 } = (ctx.job.input ?? {}) as { workMs?: number };
  const steps = 5;
  for (let i = 1; i <= steps; i++) {
    await new Promise((r) => setTimeout(r, workMs / steps));
    await ctx.progress((i / steps) * 100, `step ${i} / ${steps}`);
  }
  return {
    message: "effect written",
    commit: async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO fault_effect (job_id, attempt, worker) VALUES ($1, $2, $3)`,
        ctx.job.id,
        ctx.job.attempt,
        `${hostname()}:${process.pid}`,
      );
    },
  };
};

const worker = await startWorker({
  handle: await getDatabase(),
  handlers: { IMPORT: handler },
  mode: "worker",
  ...workerSettings(),
  log: () => undefined,
});
process.send?.("ready");
process.on("SIGTERM", () => {
  void worker
    .stop(2000)
    .then(() => closeDatabase())
    .then(() => process.exit(0));
});
