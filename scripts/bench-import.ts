/**
 * `npm run bench:import [-- --rows 1000000] [--embedded]`
 *
 * Generates a feedback CSV (id, date, rating, channel, segment, 8–40 word text), imports it
 * through the real import path (upload stored in chunks → IMPORT job → staged with COPY →
 * published) into a fresh database, and prints one JSON line last:
 *   {"rows","seconds","rowsPerSec","peakRssMb","database","copySeconds","ratio",…}
 *
 * The database is a new one on the PostgreSQL server of DATABASE_URL (default the local
 * postgres://postgres@127.0.0.1:5432/postgres), or the embedded PGlite with --embedded. On
 * PostgreSQL the same file is also loaded with `psql \copy` into a plain table, for comparison.
 */
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { uploadImport } from "../lib/ingest/imports.ts";
import { runImportJob } from "../lib/ingest/job.ts";
import { getJob } from "../lib/jobs/manage.ts";
import { startWorker } from "../lib/jobs/runner.ts";
import { openDatabase } from "../lib/db/client.ts";
import { createTestDatabase, type TestDatabase } from "../lib/testing/db.ts";
import { makeUser } from "../lib/testing/factories.ts";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    embedded: { type: "boolean", default: false },
    seed: { type: "string", default: "42" },
  },
});
const ROWS = Number(args.rows);
const SERVER_URL = args.embedded
  ? undefined
  : process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const t00 = performance.now();
const log = (line: string) => console.error(`[bench ${((performance.now() - t00) / 1000).toFixed(1)}s] ${line}`);

const WORDS = (
  "app billing invoice onboarding crash slow fast love hate great terrible support team reply export report " +
  "dashboard chart sync mobile android iphone login password reset integration slack salesforce api pricing " +
  "plan upgrade downgrade refund charge feature request missing search filter notification email setup easy " +
  "confusing helpful broken works finally again always never update version bug fix thanks please would " +
  "could should really very quite much more less data team account workspace permission admin user customer"
).split(" ");
const CHANNELS = ["App Store", "Google Play", "Zendesk", "NPS survey", "Intercom"];
const SEGMENTS = ["Free", "Starter", "Pro", "Enterprise"];

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function generate(file: string, rows: number): Promise<void> {
  const rand = rng(Number(args.seed));
  const out = createWriteStream(file);
  const start = Date.UTC(2025, 0, 1);
  let buf = "id,date,rating,channel,segment,text\n";
  for (let i = 0; i < rows; i++) {
    const n = 8 + Math.floor(rand() * 33);
    const words: string[] = [];
    for (let w = 0; w < n; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    const date = new Date(start + Math.floor(rand() * 540) * 86_400_000).toISOString().slice(0, 10);
    const text = words.join(" ");
    buf += `r${i},${date},${1 + Math.floor(rand() * 5)},${CHANNELS[i % CHANNELS.length]},${SEGMENTS[i % 4]},"${text}"\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}

function psqlCopy(url: string, file: string): number | null {
  const sql = (s: string) => execFileSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-qc", s], { stdio: "pipe" });
  try {
    sql("CREATE TABLE bench_copy (id text, date timestamp, rating integer, channel text, segment text, text text)");
  } catch (e) {
    log(`psql is not available (${(e as Error).message.split("\n")[0]}): no \\copy comparison`);
    return null;
  }
  const t0 = performance.now();
  sql(`\\copy bench_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`);
  const seconds = (performance.now() - t0) / 1000;
  sql("DROP TABLE bench_copy");
  return seconds;
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), "foresight-bench-"));
  const file = path.join(dir, "feedback.csv");
  log(`generating ${ROWS.toLocaleString("en-US")} rows…`);
  await generate(file, ROWS);
  const fileMb = (await stat(file)).size / 1024 / 1024;
  log(`${fileMb.toFixed(1)} MB`);
  // The embedded database as `npm start` runs it: kept in a folder (not in memory).
  const db: TestDatabase = SERVER_URL
    ? await createTestDatabase({ serverUrl: SERVER_URL, prefix: "foresight_bench" })
    : await openDatabase({ dataDir: path.join(dir, "data") }).then((h) => ({ ...h, destroy: h.close }));
  try {
    const copySeconds = db.url ? psqlCopy(db.url, file) : null;
    if (copySeconds !== null) log(`psql \\copy: ${copySeconds.toFixed(2)} s`);
    const { ctx } = await makeUser(db.prisma, "Bench");
    const worker = await startWorker({
      handle: db,
      handlers: { IMPORT: runImportJob },
      mode: "worker",
      concurrency: 1,
      pollIntervalMs: 100,
      log: () => undefined,
    });
    const t0 = performance.now();
    const started = await uploadImport(ctx, "FEEDBACK", {
      name: "feedback.csv",
      content: createReadStream(file, { highWaterMark: 1024 * 1024 }),
    });
    const uploadSeconds = (performance.now() - t0) / 1000;
    let job = await getJob(ctx, started.jobId!);
    let lastMessage = "";
    while (job.state === "QUEUED" || job.state === "RUNNING") {
      await new Promise((r) => setTimeout(r, 100));
      job = await getJob(ctx, started.jobId!);
      if (job.progressMessage && job.progressMessage !== lastMessage) log((lastMessage = job.progressMessage));
    }
    const seconds = (performance.now() - t0) / 1000;
    await worker.stop(1000);
    if (job.state !== "SUCCEEDED") throw new Error(`import ${job.state}: ${job.error}`);
    const batch = await db.prisma.importBatch.findUniqueOrThrow({ where: { id: started.batchId } });
    const result = {
      rows: ROWS,
      seconds: round(seconds),
      rowsPerSec: Math.round(ROWS / seconds),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      database: db.kind,
      copySeconds: copySeconds === null ? null : round(copySeconds),
      ratio: copySeconds === null ? null : round(seconds / copySeconds),
      uploadSeconds: round(uploadSeconds),
      fileMb: round(fileMb),
      rowsNew: batch.rowsNew,
      rowsInvalid: batch.rowsInvalid,
    };
    console.log(JSON.stringify(result));
  } finally {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
