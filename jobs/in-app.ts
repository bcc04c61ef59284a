/**
 * The worker inside the web server, so `npm start` alone runs everything
 * (the embedded database admits one process). Started once per server process
 * from instrumentation.ts; IN_APP_WORKER=false leaves the work to `npm run worker`.
 */
import { getEnv } from "../lib/env.ts";
import { startConfiguredWorker } from "../lib/jobs/serve.ts";
import { handlers } from "./handlers/index.ts";

const g = globalThis as unknown as { __foresightInAppWorker?: Promise<unknown> };

export function startInAppWorker(): void {
  if (g.__foresightInAppWorker || !getEnv().IN_APP_WORKER) return;
  g.__foresightInAppWorker = startConfiguredWorker("app", handlers).then(
    (worker) => {
      const stop = () => void worker.stop(5000);
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
      return worker;
    },
    (e: unknown) => {
      console.error(`[worker] the in-app worker could not start: ${e instanceof Error ? e.message : e}`);
      g.__foresightInAppWorker = undefined;
    },
  );
}
