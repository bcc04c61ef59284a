import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { addMember, makeUser } from "../testing/factories.ts";
import { getJob } from "../jobs/manage.ts";
import { startWorker, type Worker } from "../jobs/runner.ts";
import { deleteImport, uploadImport } from "./imports.ts";
import { runImportJob } from "./job.ts";
import { detectDelimiter } from "./reader.ts";
import { readingMessage } from "./run.ts";

const startFeedbackImport = async (ctx: typeof owner.ctx, file: { name: string; content: Uint8Array }) => {
  const r = await uploadImport(ctx, "FEEDBACK", file);
  return { batchId: r.batchId, jobId: r.jobId! };
};

let db: TestDatabase;
let owner: Awaited<ReturnType<typeof makeUser>>;
let worker: Worker;

beforeAll(async () => {
  db = await createTestDatabase();
  owner = await makeUser(db.prisma, "Owner");
  worker = await startWorker({
    handle: db,
    handlers: { IMPORT: runImportJob },
    mode: "worker",
    pollIntervalMs: 100,
    log: () => undefined,
  });
});

afterAll(async () => {
  await worker.stop(500);
  await db.destroy();
});

const csv = (s: string) => new TextEncoder().encode(s);

async function importFile(name: string, content: string) {
  const { batchId, jobId } = await startFeedbackImport(owner.ctx, { name, content: csv(content) });
  for (let i = 0; i < 400; i++) {
    const job = await getJob(owner.ctx, jobId);
    if (job.state === "SUCCEEDED" || job.state === "FAILED") {
      const batch = await db.prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } });
      return { job, batch };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("import did not finish");
}

test("a CSV import writes its rows, reports new/duplicate/invalid counts, and adds nothing twice", async () => {
  const file =
    "\uFEFFid,review,rating,date,plan\n" +
    '1,"Love the app, but billing is a mess",4,2026-03-01,pro\n' +
    "2,Crashes on start,1,2026-03-02,free\n" +
    "3,,5,2026-03-03,free\n";
  const first = await importFile("reviews.csv", file);
  expect(first.job).toMatchObject({ state: "SUCCEEDED", progress: 100, resultType: "ImportBatch" });
  expect(first.batch).toMatchObject({
    status: "COMPLETED",
    rowsTotal: 3,
    rowsNew: 2,
    rowsDuplicate: 0,
    rowsInvalid: 1,
  });
  const items = await db.prisma.feedbackItem.findMany({
    where: { batchId: first.batch.id },
    orderBy: { externalId: "asc" },
  });
  expect(items.map((i) => i.text)).toEqual(["Love the app, but billing is a mess", "Crashes on start"]);
  expect(items[0]).toMatchObject({ rating: 4, ratingScale: "STARS_5", ratingNorm: 0.75, plan: "pro", attributes: {} });
  const errors = await db.prisma.importRowError.findMany({ where: { batchId: first.batch.id } });
  expect(errors).toMatchObject([{ line: 4, reason: "The text is empty" }]);

  const again = await importFile("reviews-again.csv", file + "4,New one,5,2026-03-04,pro\n");
  expect(again.batch).toMatchObject({ rowsNew: 1, rowsDuplicate: 2, rowsInvalid: 1 });
  expect(await db.prisma.feedbackItem.count({ where: { workspaceId: owner.ctx.workspaceId } })).toBe(3);
});

test("semicolon-separated files without ids are deduplicated by their text and date", async () => {
  const file =
    "Feedback;Created_At\nGreat onboarding;2026-01-05\nGreat   onboarding;2026-01-05\nSlow sync;2026-01-06\n";
  const r = await importFile("survey.csv", file);
  expect(r.batch).toMatchObject({ rowsTotal: 3, rowsNew: 2, rowsDuplicate: 1 });
});

test("UTF-16 and Windows-1252 files are read in their encoding, which the batch records", async () => {
  const { batchId: u16, jobId: j16 } = await startFeedbackImport(owner.ctx, {
    name: "excel-export.csv",
    content: new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("comment\tscore\nZu teuer für uns\t2\n", "utf16le")]),
    ),
  });
  const latin = Buffer.concat([Buffer.from("feedback\nTr"), Buffer.from([0xe8]), Buffer.from("s bien\n")]);
  const { batchId: w1252, jobId: j1252 } = await startFeedbackImport(owner.ctx, { name: "legacy.csv", content: latin });
  for (const jobId of [j16, j1252]) {
    for (let i = 0; i < 200 && (await getJob(owner.ctx, jobId)).state !== "SUCCEEDED"; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const texts = await db.prisma.feedbackItem.findMany({
    where: { batchId: { in: [u16, w1252] } },
    select: { text: true, rating: true },
  });
  expect(texts).toEqual(
    expect.arrayContaining([
      { text: "Zu teuer für uns", rating: 2 },
      { text: "Très bien", rating: null },
    ]),
  );
  const batch = await db.prisma.importBatch.findUniqueOrThrow({ where: { id: w1252 } });
  expect(batch.mapping).toMatchObject({
    detected: { encoding: "windows-1252", delimiter: ",", columns: { text: ["feedback"] } },
  });
});

test("a file without a text column fails with a message that names the columns, and is not retried", async () => {
  const r = await importFile("numbers.csv", "a,b\n1,2\n");
  expect(r.job.state).toBe("FAILED");
  expect(r.job.attempts).toBe(1);
  expect(r.job.error).toMatch(/No feedback text column found\. The header row has: a, b/);
  expect(r.batch.status).toBe("FAILED");
});

test("bad uploads are refused before anything is stored; viewers cannot import", async () => {
  await expect(startFeedbackImport(owner.ctx, { name: "x.csv", content: new Uint8Array() })).rejects.toMatchObject({
    code: "invalid_input",
  });
  await expect(startFeedbackImport(owner.ctx, { name: "x.pdf", content: csv("a") })).rejects.toMatchObject({
    code: "invalid_input",
  });
  const viewerUser = await makeUser(db.prisma);
  const viewer = await addMember(owner.ctx, viewerUser.user.id, "VIEWER");
  await expect(startFeedbackImport(viewer, { name: "x.csv", content: csv("text\nhi\n") })).rejects.toMatchObject({
    code: "forbidden",
  });
  expect(await db.prisma.importBatch.count({ where: { fileName: "x.pdf" } })).toBe(0);
});

test("an import is all or nothing: a worker dying mid-file leaves no rows, and the retry imports the file exactly once", async () => {
  const rows = ["id,text", ...Array.from({ length: 20_000 }, (_, i) => `k${i},Item number ${i} of the big file`)].join(
    "\n",
  );
  let hung = false;
  let release = () => undefined as void;
  const released = new Promise<void>((r) => (release = r));
  // Worker A stages the first rows, then goes silent (no heartbeats, no progress): as if killed.
  const a = await startWorker({
    handle: db,
    handlers: {
      IMPORT: (ctx) =>
        runImportJob({
          ...ctx,
          progress: async () => {
            hung = true;
            // Silent until the test is over, then gone mid-COPY, as a killed process is.
            await released;
            throw new Error("killed");
          },
        }),
    },
    mode: "worker",
    concurrency: 1,
    pollIntervalMs: 100,
    heartbeatMs: 3_600_000,
    staleAfterMs: 3_600_000,
    log: () => undefined,
  });
  await worker.stop(500); // only A takes this job
  try {
    const { batchId, jobId } = await startFeedbackImport(owner.ctx, { name: "big.csv", content: csv(rows) });
    while (!hung) await new Promise((r) => setTimeout(r, 20));
    expect(await db.prisma.feedbackItem.count({ where: { batchId } })).toBe(0);
    // Worker B notices the silence and runs the import again from the start.
    worker = await startWorker({
      handle: db,
      handlers: { IMPORT: runImportJob },
      mode: "worker",
      pollIntervalMs: 100,
      staleAfterMs: 1000,
      log: () => undefined,
    });
    for (let i = 0; i < 400 && (await getJob(owner.ctx, jobId)).state !== "SUCCEEDED"; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await getJob(owner.ctx, jobId)).toMatchObject({ state: "SUCCEEDED", attempts: 2 });
    expect(await db.prisma.feedbackItem.count({ where: { batchId } })).toBe(20_000);
    expect(await db.prisma.feedbackStaging.count({ where: { batchId } })).toBe(0);
    expect(await db.prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      rowsNew: 20_000,
      rowsDuplicate: 0,
    });
  } finally {
    release();
    await a.stop(1000);
  }
});

test("an import can be deleted with its rows once it finished; not by a viewer, not while it runs", async () => {
  const r = await importFile("to-delete.csv", "text\nalpha\nbeta\n");
  const viewerUser = await makeUser(db.prisma);
  const viewer = await addMember(owner.ctx, viewerUser.user.id, "VIEWER");
  await expect(deleteImport(viewer, r.batch.id)).rejects.toMatchObject({ code: "forbidden" });
  expect(await deleteImport(owner.ctx, r.batch.id)).toEqual({ rowsDeleted: 2 });
  expect(await db.prisma.feedbackItem.count({ where: { text: { in: ["alpha", "beta"] } } })).toBe(0);
  await expect(deleteImport(owner.ctx, r.batch.id)).rejects.toMatchObject({ code: "not_found" });
  const pending = await db.prisma.importBatch.create({
    data: { workspaceId: owner.ctx.workspaceId, kind: "FEEDBACK", fileName: "x.csv", status: "RUNNING" },
  });
  await expect(deleteImport(owner.ctx, pending.id)).rejects.toMatchObject({ code: "conflict" });
});

test("the progress message gives rows, speed and time left", () => {
  expect(readingMessage(12_400, 0.25, 0, 2000)).toBe("12,400 rows · 6,200 rows/s · about 6 s left");
  expect(readingMessage(500_000, 0.1, 0, 20_000)).toBe("500,000 rows · 25,000 rows/s · about 3 min left");
});

test("delimiter detection", () => {
  expect(detectDelimiter("a;b;c")).toBe(";");
  expect(detectDelimiter("a\tb")).toBe("\t");
  expect(detectDelimiter("text")).toBe(",");
});
