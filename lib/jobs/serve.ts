/**
 * Starting a worker from the environment: `npm run worker` (jobs/worker.ts)
 * and the worker inside the web server (jobs/in-app.ts) both come here.
 */
import { getDatabase } from "../db/client.ts";
import { getEnv } from "../env.ts";
import { describeBackend, initMlBackend } from "../ml/backend.ts";
import { JOB_KINDS, type JobKind } from "./kinds.ts";
import { startWorker, type JobHandlers, type Worker } from "./runner.ts";

/** Parses WORKER_KINDS ("import, sentiment") into job kinds; unknown names are an error that lists the valid ones. */
export function parseKinds(text: string | undefined): JobKind[] | undefined {
  if (!text?.trim()) return undefined;
  const kinds = text
    .split(",")
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknown = kinds.filter((k) => !(JOB_KINDS as readonly string[]).includes(k));
  if (unknown.length) {
    throw new Error(
      `WORKER_KINDS: unknown job kind ${unknown.join(", ")}; use ${JOB_KINDS.map((k) => k.toLowerCase()).join(", ")}`,
    );
  }
  return kinds as JobKind[];
}

/** The worker settings the environment asks for (WORKER_*, JOB_*). */
export function workerSettings(env = getEnv()) {
  return {
    kinds: parseKinds(env.WORKER_KINDS),
    concurrency: env.WORKER_CONCURRENCY,
    pollIntervalMs: env.WORKER_POLL_MS,
    heartbeatMs: env.JOB_HEARTBEAT_SECONDS * 1000,
    staleAfterMs: env.JOB_STALE_SECONDS * 1000,
  };
}

export async function startConfiguredWorker(mode: "app" | "worker", handlers: JobHandlers): Promise<Worker> {
  const env = getEnv();
  const worker = await startWorker({ handle: await getDatabase(), handlers, mode, ...workerSettings(env) });
  // Chosen in the background: jobs that need no model start meanwhile.
  void initMlBackend(env.ML_BACKEND, (line) => console.log(`[worker] ${line}`))
    .then((sel) => worker.setBackend(sel.backend, `${describeBackend(sel)}: ${sel.reason}`))
    .catch((e: unknown) =>
      console.error(`[worker] ML backend could not be chosen: ${e instanceof Error ? e.message : e}`),
    );
  return worker;
}
