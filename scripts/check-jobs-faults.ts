/**
 * `npm run check:jobs-faults [-- --jobs 500 --kills 5 --workers 2 --work-ms 20-150]`
 *
 * Starts worker processes on a fresh PostgreSQL database, queues idempotent
 * test jobs that each write one row, SIGKILLs a random worker at random
 * moments (restarting it each time), waits for every job to finish, and
 * counts effects written twice and jobs lost. The last line printed is JSON.
 *
 * PostgreSQL: DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Db } from "../lib/db/client.ts";
import { createTestDatabase, type TestDatabase } from "../lib/testing/db.ts";
import { enqueueJobs } from "../lib/jobs/enqueue.ts";

const { values: args } = parseArgs({
  options: {
    jobs: { type: "string", default: "500" },
    kills: { type: "string", default: "5" },
    workers: { type: "string", default: "2" },
    concurrency: { type: "string", default: "4" },
    /** Each job works for a random time in [min, max] ms before writing its row. */
    "work-ms": { type: "string", default: "20-150" },
    "timeout-seconds": { type: "string", default: "600" },
  },
});
const JOBS = Number(args.jobs);
const KILLS = Number(args.kills);
const WORKERS = Number(args.workers);
const TIMEOUT_MS = Number(args["timeout-seconds"]) * 1000;
const [WORK_MIN, WORK_MAX] = args["work-ms"].split("-").map(Number) as [number, number];
const SERVER_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (lo: number, hi: number) => lo + Math.random() * (hi - lo);
const log = (line: string) => console.log(`[check] ${line}`);

async function main(): Promise<number> {
  let handle: TestDatabase;
  try {
    handle = await createTestDatabase({ serverUrl: SERVER_URL, prefix: "foresight_faults" });
  } catch (e) {
    console.error(`PostgreSQL is needed at ${SERVER_URL} (set DATABASE_URL): ${e instanceof Error ? e.message : e}`);
    return 2;
  }
  const url = handle.url!;
  const children = new Set<ChildProcess>();
  try {
    await handle.prisma.$executeRawUnsafe(
      `CREATE TABLE fault_effect (job_id text NOT NULL, attempt int NOT NULL, worker text NOT NULL)`,
    );
    const owner = await handle.prisma.user.create({
      data: { email: "faults@example.com", name: "Fault check", passwordHash: "-" },
    });
    const ws = await handle.prisma.workspace.create({ data: { name: "Fault check", slug: "fault-check" } });

    const workerEnv = {
      ...process.env,
      DATABASE_URL: url,
      MIGRATE_ON_START: "false",
      WORKER_CONCURRENCY: args.concurrency,
      WORKER_POLL_MS: "200",
      JOB_HEARTBEAT_SECONDS: "0.5",
      JOB_STALE_SECONDS: "3",
    };
    const script = fileURLToPath(new URL("./fault-worker.ts", import.meta.url));
    const spawnWorker = () =>
      new Promise<ChildProcess>((resolve, reject) => {
        const child = fork(script, { env: workerEnv, execArgv: ["--import", "tsx"], stdio: "inherit" });
        children.add(child);
        child.once("exit", () => children.delete(child));
        child.once("message", () => resolve(child));
        child.once("error", reject);
      });
    const workers = await Promise.all(Array.from({ length: WORKERS }, spawnWorker));
    log(`${WORKERS} workers up; queuing ${JOBS} jobs`);

    const started = Date.now();
    const jobs = Array.from({ length: JOBS }, (_, i) => ({
      workspaceId: ws.id,
      kind: "IMPORT" as const,
      createdById: owner.id,
      input: { n: i, workMs: Math.round(rand(WORK_MIN, WORK_MAX ?? WORK_MIN)) },
      retryLimit: 10,
      retryDelaySeconds: 1,
    }));
    for (let i = 0; i < jobs.length; i += 100) await enqueueJobs(handle, jobs.slice(i, i + 100));

    let kills = 0;
    const running = () => handle.prisma.job.count({ where: { workspaceId: ws.id, state: "RUNNING" } });
    while (kills < KILLS && Date.now() - started < TIMEOUT_MS) {
      await sleep(rand(200, 900));
      if ((await unfinished(handle.prisma, ws.id)) === 0) break;
      if ((await running()) === 0) continue; // kill while work is in flight
      const i = Math.floor(Math.random() * workers.length);
      const victim = workers[i]!;
      const inFlight = await running();
      victim.kill("SIGKILL");
      kills++;
      log(`kill ${kills}: SIGKILL worker ${victim.pid} (${inFlight} jobs running in all); restarting it`);
      workers[i] = await spawnWorker();
    }
    while ((await unfinished(handle.prisma, ws.id)) > 0 && Date.now() - started < TIMEOUT_MS) await sleep(250);
    const seconds = (Date.now() - started) / 1000;

    const [effects] = await handle.prisma.$queryRawUnsafe<{ rows: bigint; distinct_jobs: bigint }[]>(
      `SELECT count(*) AS rows, count(DISTINCT job_id) AS distinct_jobs FROM fault_effect`,
    );
    const completed = await handle.prisma.job.count({ where: { workspaceId: ws.id, state: "SUCCEEDED" } });
    const [effected] = await handle.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(DISTINCT e.job_id) AS n FROM fault_effect e JOIN "Job" j ON j.id = e.job_id AND j.state = 'SUCCEEDED'`,
    );
    const retried = await handle.prisma.job.count({ where: { workspaceId: ws.id, attempts: { gt: 1 } } });
    const failed = await handle.prisma.job.count({ where: { workspaceId: ws.id, state: "FAILED" } });
    const perWorker = await handle.prisma.$queryRawUnsafe<{ worker: string; n: bigint }[]>(
      `SELECT worker, count(*) AS n FROM fault_effect GROUP BY worker ORDER BY worker`,
    );
    log(`effects per worker process: ${perWorker.map((w) => `${w.worker}=${w.n}`).join(", ")}`);
    log(`${retried} jobs needed more than one attempt; ${failed} failed`);

    const result = {
      enqueued: JOBS,
      completed,
      duplicateEffects: Number(effects!.rows - effects!.distinct_jobs),
      lost: JOBS - Number(effected!.n),
      seconds: Math.round(seconds * 10) / 10,
      kills,
      workers: WORKERS,
      retriedJobs: retried,
    };
    console.log(JSON.stringify(result));
    if (kills < KILLS)
      console.error(`Only ${kills} of ${KILLS} kills happened before the jobs ran out: use more jobs.`);
    return result.duplicateEffects === 0 && result.lost === 0 && kills === KILLS ? 0 : 1;
  } finally {
    for (const c of children) c.kill("SIGKILL");
    await handle.destroy().catch(() => undefined);
  }
}

function unfinished(db: Db, workspaceId: string) {
  return db.job.count({ where: { workspaceId, state: { in: ["QUEUED", "RUNNING"] } } });
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
