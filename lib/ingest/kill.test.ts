/**
 * Kill test (PostgreSQL, where worker processes are separate): a worker process reading a large
 * import is killed with SIGKILL mid-file. Afterwards the database holds none of that batch's
 * items; a second worker process picks the import up and imports the file exactly once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getJob } from "../jobs/manage.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { makeUser } from "../testing/factories.ts";
import { uploadImport } from "./imports.ts";

const ROWS = 150_000;
let db: TestDatabase;
const children: ChildProcess[] = [];

function startWorkerProcess(url: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "jobs/worker.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      WORKER_KINDS: "import",
      WORKER_POLL_MS: "200",
      JOB_HEARTBEAT_SECONDS: "1",
      JOB_STALE_SECONDS: "3",
      ML_BACKEND: "cpu",
    },
    stdio: "ignore",
  });
  children.push(child);
  return child;
}

describe.skipIf(!process.env.DATABASE_URL)("an import process killed mid-file", () => {
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const c of children) c.kill("SIGKILL");
    await db?.destroy();
  });

  test("leaves nothing of its batch, and the retry imports the file exactly once", async () => {
    const { ctx } = await makeUser(db.prisma);
    const lines = ["id,review,date"];
    for (let i = 0; i < ROWS; i++)
      lines.push(`k${i},Item ${i}: the sync was slow again and export failed twice,2026-03-04`);
    const started = await uploadImport(ctx, "FEEDBACK", {
      name: "big.csv",
      content: new TextEncoder().encode(lines.join("\n")),
    });
    const first = startWorkerProcess(db.url!);
    // Wait until the worker is reading rows (its progress says so), then kill it.
    let job = await getJob(ctx, started.jobId!);
    for (let i = 0; i < 600 && !/rows\/s/.test(job.progressMessage ?? ""); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await getJob(ctx, started.jobId!);
    }
    expect(job).toMatchObject({ state: "RUNNING", progressMessage: expect.stringMatching(/rows\/s/) });
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    expect(await db.prisma.feedbackItem.count({ where: { batchId: started.batchId } })).toBe(0);

    startWorkerProcess(db.url!);
    for (let i = 0; i < 1200 && job.state !== "SUCCEEDED" && job.state !== "FAILED"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await getJob(ctx, started.jobId!);
    }
    expect(job).toMatchObject({ state: "SUCCEEDED", attempts: 2 });
    expect(await db.prisma.feedbackItem.count({ where: { batchId: started.batchId } })).toBe(ROWS);
    expect(await db.prisma.importBatch.findUniqueOrThrow({ where: { id: started.batchId } })).toMatchObject({
      status: "COMPLETED",
      rowsNew: ROWS,
      rowsDuplicate: 0,
      rowsInvalid: 0,
    });
    expect(await db.prisma.feedbackStaging.count({ where: { batchId: started.batchId } })).toBe(0);
  }, 180_000);
});
