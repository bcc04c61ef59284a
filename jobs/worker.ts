/**
 * `npm run worker`: a job worker process. Start any number, on any number of
 * machines, against one PostgreSQL (DATABASE_URL); each job runs once.
 */
import { closeDatabase } from "../lib/db/client.ts";
import { LockedError } from "../lib/db/lock.ts";
import { getEnv } from "../lib/env.ts";
import { startConfiguredWorker } from "../lib/jobs/serve.ts";
import { handlers } from "./handlers/index.ts";

async function main(): Promise<void> {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    console.log(
      "No DATABASE_URL: using the embedded database. Only one process can open it, so stop `npm start` first " +
        "(it runs a worker itself). To run separate workers, point DATABASE_URL at a PostgreSQL server.",
    );
  }
  const worker = await startConfiguredWorker("worker", handlers);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing running jobs (up to 20 s)…`);
    await worker.stop(20_000);
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((e: unknown) => {
  console.error(e instanceof LockedError ? e.message : e);
  process.exit(1);
});
