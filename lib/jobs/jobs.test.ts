import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { AppError } from "../errors.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { addMember, makeUser } from "../testing/factories.ts";
import { enqueueJob } from "./enqueue.ts";
import { cancelJob, getJob, listJobs, recomputeEverything, retryJob, startJobs } from "./manage.ts";
import { followUps } from "./pipeline.ts";
import { PermanentJobError, startWorker, type JobHandler, type Worker } from "./runner.ts";
import { listWorkers } from "./workers.ts";

let db: TestDatabase;
let owner: Awaited<ReturnType<typeof makeUser>>;
const workers: Worker[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  owner = await makeUser(db.prisma, "Owner");
  await db.prisma.$executeRawUnsafe(`CREATE TABLE effect (job_id text NOT NULL, attempt int NOT NULL)`);
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop(200)));
});

afterAll(async () => {
  await db.destroy();
});

const FAST = {
  pollIntervalMs: 100,
  heartbeatMs: 200,
  staleAfterMs: 5000,
  log: process.env.JOBS_TEST_LOG ? console.log : () => undefined,
} as const;

async function worker(handler: JobHandler, opts: Partial<Parameters<typeof startWorker>[0]> = {}) {
  const w = await startWorker({ handle: db, handlers: { IMPORT: handler }, mode: "worker", ...FAST, ...opts });
  workers.push(w);
  return w;
}

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const job = (id: string) => getJob(owner.ctx, id);
const finished = (id: string) =>
  waitFor(
    () => job(id),
    (j) => ["SUCCEEDED", "FAILED", "CANCELLED"].includes(j.state),
  );
const effects = async (jobId: string) =>
  (await db.prisma.$queryRawUnsafe<{ attempt: number }[]>(`SELECT attempt FROM effect WHERE job_id = $1`, jobId)).map(
    (r) => r.attempt,
  );

describe("queue and worker", () => {
  test("a queued job runs once, reports progress and succeeds with its result", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await worker(async (ctx) => {
      await ctx.progress(40, "4 / 10 items");
      await gate;
      return {
        message: "10 items imported",
        resultType: "ImportBatch",
        resultId: "b1",
        commit: async (tx) => {
          await tx.$executeRawUnsafe(`INSERT INTO effect VALUES ($1, $2)`, ctx.job.id, ctx.job.attempt);
        },
      };
    });
    const [ref] = await startJobs(owner.ctx, [{ kind: "IMPORT", input: { batchId: "b1" } }]);
    const running = await waitFor(
      () => job(ref!.id),
      (j) => j.progress === 40,
    );
    expect(running).toMatchObject({ state: "RUNNING", progressMessage: "4 / 10 items", attempts: 1 });
    expect(running.createdBy?.name).toBe("Owner");
    release();
    const done = await finished(ref!.id);
    expect(done).toMatchObject({
      state: "SUCCEEDED",
      progress: 100,
      progressMessage: "10 items imported",
      resultType: "ImportBatch",
      resultId: "b1",
      attempts: 1,
      error: null,
    });
    expect(done.durationMs).toBeGreaterThanOrEqual(0);
    expect(await effects(ref!.id)).toEqual([1]);
  });

  test("a failing job is retried with backoff, then fails with a readable message", async () => {
    await worker(async (ctx) => {
      throw new Error(`upstream unavailable (attempt ${ctx.job.attempt})`);
    });
    const ref = await enqueueJob(db, {
      workspaceId: owner.ctx.workspaceId,
      kind: "IMPORT",
      retryLimit: 2,
      retryDelaySeconds: 0,
    });
    const done = await finished(ref.id);
    expect(done).toMatchObject({ state: "FAILED", attempts: 3, error: "upstream unavailable (attempt 3)" });
    expect(done.progressMessage).toBe("Failed after 3 attempts");
  });

  test("a permanent failure is not retried", async () => {
    await worker(async () => {
      throw new PermanentJobError("The file has no text column");
    });
    const ref = await enqueueJob(db, { workspaceId: owner.ctx.workspaceId, kind: "IMPORT", retryDelaySeconds: 0 });
    expect(await finished(ref.id)).toMatchObject({
      state: "FAILED",
      attempts: 1,
      error: "The file has no text column",
    });
  });

  test("cancel stops a running job at its next checkpoint, and a queued one at once", async () => {
    let iterations = 0;
    await worker(
      async (ctx) => {
        for (;;) {
          iterations++;
          await ctx.progress(Math.min(99, iterations), `${iterations} steps`);
          await new Promise((r) => setTimeout(r, 20));
        }
      },
      { concurrency: 1 },
    );
    const [a] = await startJobs(owner.ctx, [{ kind: "IMPORT" }]);
    await waitFor(
      () => job(a!.id),
      (j) => j.state === "RUNNING" && j.progress > 0,
    );
    // The worker runs one at a time, so b waits in the queue.
    const [b] = await startJobs(owner.ctx, [{ kind: "IMPORT" }]);
    expect((await cancelJob(owner.ctx, b!.id)).state).toBe("CANCELLED");
    const cancelling = await cancelJob(owner.ctx, a!.id);
    expect(cancelling.cancelRequested).toBe(true);
    const done = await finished(a!.id);
    expect(done.state).toBe("CANCELLED");
    const stoppedAt = iterations;
    await new Promise((r) => setTimeout(r, 300));
    expect(iterations).toBe(stoppedAt);
    expect((await job(b!.id)).attempts).toBe(0);
    await expect(cancelJob(owner.ctx, a!.id)).rejects.toMatchObject({ code: "conflict" });
  });

  test("a failed job can be retried by an analyst, not by a viewer", async () => {
    let fail = true;
    await worker(async () => {
      if (fail) throw new PermanentJobError("bad mapping");
      return { message: "ok" };
    });
    const [ref] = await startJobs(owner.ctx, [{ kind: "IMPORT" }]);
    expect((await finished(ref!.id)).state).toBe("FAILED");
    const viewerUser = await makeUser(db.prisma, "Viewer");
    const viewer = await addMember(owner.ctx, viewerUser.user.id, "VIEWER");
    await expect(retryJob(viewer, ref!.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(cancelJob(viewer, ref!.id)).rejects.toMatchObject({ code: "forbidden" });
    fail = false;
    const analystUser = await makeUser(db.prisma, "Analyst");
    const analyst = await addMember(owner.ctx, analystUser.user.id, "ANALYST");
    // Queued again; the idle worker may already have taken it by the time the call returns.
    expect(["QUEUED", "RUNNING", "SUCCEEDED"]).toContain((await retryJob(analyst, ref!.id)).state);
    expect(await finished(ref!.id)).toMatchObject({ state: "SUCCEEDED", attempts: 2, error: null });
  });

  test("a job whose worker died is picked up by another after the heartbeat timeout, and its effect is written once", async () => {
    // Worker A takes the job and then goes silent (no heartbeats): as if killed.
    let releaseA!: () => void;
    const gateA = new Promise<void>((r) => (releaseA = r));
    const handler: JobHandler = async (ctx) => {
      if (ctx.job.attempt === 1) await gateA; // attempt 1 hangs, ignoring everything
      return {
        commit: async (tx) => {
          await tx.$executeRawUnsafe(`INSERT INTO effect VALUES ($1, $2)`, ctx.job.id, ctx.job.attempt);
        },
      };
    };
    await worker(handler, { heartbeatMs: 3_600_000, staleAfterMs: 3_600_000, concurrency: 1 });
    const ref = await enqueueJob(db, { workspaceId: owner.ctx.workspaceId, kind: "IMPORT", retryDelaySeconds: 0 });
    await waitFor(
      () => job(ref.id),
      (j) => j.state === "RUNNING",
    );
    // Worker B notices the silence and runs the job again.
    await worker(handler, { staleAfterMs: 1000 });
    const done = await finished(ref.id);
    expect(done).toMatchObject({ state: "SUCCEEDED", attempts: 2 });
    // A wakes up and finishes too: its result must not be written.
    releaseA();
    await new Promise((r) => setTimeout(r, 500));
    expect(await effects(ref.id)).toEqual([2]);
    expect((await job(ref.id)).state).toBe("SUCCEEDED");
  });

  test("follow-up jobs are queued with the finished job", async () => {
    await worker(async (ctx) =>
      (ctx.job.input as { chain?: boolean }).chain
        ? { followUps: [{ workspaceId: ctx.job.workspaceId, kind: "IMPORT", input: { chained: true } }] }
        : { message: "second" },
    );
    const [ref] = await startJobs(owner.ctx, [{ kind: "IMPORT", input: { chain: true } }]);
    await finished(ref!.id);
    const list = await waitFor(
      () => listJobs(owner.ctx, { kind: "IMPORT" }),
      (l) => l.jobs.some((j) => (j.input as { chained?: boolean }).chained && j.state === "SUCCEEDED"),
    );
    expect(list.counts.SUCCEEDED).toBeGreaterThan(0);
  });

  test("two workers share the load, and each shows its ML backend", async () => {
    const handler: JobHandler = async () => {
      await new Promise((r) => setTimeout(r, 100));
      return {};
    };
    const a = await worker(handler, { concurrency: 1 });
    const b = await worker(handler, { concurrency: 1 });
    await a.setBackend("wasm", "tfjs-node is not installed; WebAssembly with SIMD");
    const refs = await startJobs(
      owner.ctx,
      Array.from({ length: 8 }, () => ({ kind: "IMPORT" as const, input: { n: 1 } })),
    );
    for (const r of refs) expect((await finished(r.id)).state).toBe("SUCCEEDED");
    const listed = await listWorkers(owner.ctx);
    const mine = listed.filter((w) => w.id === a.id || w.id === b.id);
    expect(mine).toHaveLength(2);
    expect(mine.every((w) => w.jobsHere > 0)).toBe(true);
    expect(mine.find((w) => w.id === a.id)?.backend).toBe("wasm");
  });
});

describe("access", () => {
  test("jobs of another workspace are not found", async () => {
    const other = await makeUser(db.prisma, "Other");
    const [ref] = await startJobs(owner.ctx, [{ kind: "IMPORT" }]);
    await expect(getJob(other.ctx, ref!.id)).rejects.toBeInstanceOf(AppError);
    await expect(cancelJob(other.ctx, ref!.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listJobs(other.ctx)).jobs).toHaveLength(0);
    await cancelJob(owner.ctx, ref!.id);
  });

  test("kinds without a handler in this version cannot be started; recompute queues the ones that can run", async () => {
    await expect(startJobs(owner.ctx, [{ kind: "FORECAST" }])).rejects.toMatchObject({ code: "conflict" });
    // A workspace of its own, so the queued analyses do not mix with this file's other jobs.
    const other = await makeUser(db.prisma);
    const { kinds, queued } = await recomputeEverything(other.ctx);
    expect(kinds).toEqual(["SENTIMENT", "THEMES"]);
    expect(queued.map((q) => q.kind)).toEqual(["SENTIMENT", "THEMES"]);
    const analystUser = await makeUser(db.prisma);
    const analyst = await addMember(owner.ctx, analystUser.user.id, "ANALYST");
    await expect(recomputeEverything(analyst)).rejects.toMatchObject({ code: "forbidden" });
  });

  test("pipeline: what each event queues, limited to kinds that run in this version", () => {
    const job = { workspaceId: "w", createdById: "u" };
    expect(followUps({ kind: "feedback-imported", batchId: "b", newItems: 0 }, job)).toEqual([]);
    for (const j of followUps({ kind: "feedback-imported", batchId: "b", newItems: 5 }, job)) {
      expect(["SENTIMENT", "THEMES"]).toContain(j.kind);
    }
  });

  test("a running job cannot be cancelled twice into a bad state", async () => {
    await worker(async (ctx) => {
      for (;;) {
        await ctx.progress(10);
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    const [ref] = await startJobs(owner.ctx, [{ kind: "IMPORT" }]);
    await waitFor(
      () => job(ref!.id),
      (j) => j.state === "RUNNING",
    );
    await cancelJob(owner.ctx, ref!.id);
    await cancelJob(owner.ctx, ref!.id).catch(() => undefined);
    expect((await finished(ref!.id)).state).toBe("CANCELLED");
  });
});
