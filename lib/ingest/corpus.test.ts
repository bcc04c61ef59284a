/**
 * The bad-input corpus: real files (lib/ingest/corpus/) plus a few generated here (a 50 MB line,
 * an XLSX workbook), each imported through the real path (upload → IMPORT job → publish) with its
 * exact expected outcome: rows new / duplicate / invalid, the message, the row errors, and what
 * the stored items say.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ImportKind } from "../db/generated/enums.ts";
import { getJob } from "../jobs/manage.ts";
import { startWorker, type Worker } from "../jobs/runner.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { makeUser } from "../testing/factories.ts";
import { uploadImport, type ReadOptionsInput } from "./imports.ts";
import { runImportJob } from "./job.ts";

let db: TestDatabase;
let worker: Worker;

beforeAll(async () => {
  db = await createTestDatabase();
  worker = await startWorker({
    handle: db,
    handlers: { IMPORT: runImportJob },
    mode: "worker",
    concurrency: 2,
    pollIntervalMs: 50,
    log: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  await worker?.stop(500);
  await db?.destroy();
});

const corpus = (name: string) => readFileSync(path.join(import.meta.dirname, "corpus", name));

/** Imports into a fresh workspace (so files do not deduplicate against each other) and waits. */
async function importInto(
  name: string,
  content: Uint8Array,
  opts: {
    kind?: ImportKind;
    mapping?: unknown;
    read?: ReadOptionsInput;
    ctx?: Awaited<ReturnType<typeof makeUser>>["ctx"];
  } = {},
) {
  const ctx = opts.ctx ?? (await makeUser(db.prisma)).ctx;
  const started = await uploadImport(ctx, opts.kind ?? "FEEDBACK", {
    name,
    content,
    mapping: opts.mapping,
    read: opts.read,
  });
  let job = await getJob(ctx, started.jobId!);
  for (let i = 0; i < 1200 && (job.state === "QUEUED" || job.state === "RUNNING"); i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = await getJob(ctx, started.jobId!);
  }
  const batch = await db.prisma.importBatch.findUniqueOrThrow({ where: { id: started.batchId } });
  const errors = await db.prisma.importRowError.findMany({
    where: { batchId: batch.id },
    orderBy: [{ line: "asc" }, { id: "asc" }],
    select: { line: true, column: true, value: true, reason: true },
  });
  const items = await db.prisma.feedbackItem.findMany({ where: { batchId: batch.id }, orderBy: { createdAt: "asc" } });
  return { ctx, job, batch, errors, items };
}

async function imported(name: string, opts: Parameters<typeof importInto>[2] = {}) {
  return importInto(name, corpus(name), opts);
}

const counts = (b: { status: string; rowsNew: number; rowsDuplicate: number; rowsInvalid: number }) => ({
  status: b.status,
  rowsNew: b.rowsNew,
  rowsDuplicate: b.rowsDuplicate,
  rowsInvalid: b.rowsInvalid,
});
const ok = (rowsNew: number, rowsDuplicate = 0, rowsInvalid = 0) => ({
  status: "COMPLETED",
  rowsNew,
  rowsDuplicate,
  rowsInvalid,
});
const texts = (items: { text: string }[]) => items.map((i) => i.text).sort();

describe("files that cannot be read are rejected whole, with a message, and nothing is written", () => {
  test("an empty file is refused at upload", async () => {
    const { ctx } = await makeUser(db.prisma);
    await expect(
      uploadImport(ctx, "FEEDBACK", { name: "empty.csv", content: corpus("empty.csv") }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      message: "The file is empty.",
    });
    expect(await db.prisma.importBatch.count({ where: { workspaceId: ctx.workspaceId } })).toBe(0);
  });

  test.each([
    ["header-only.csv", "The file has a header row but no data rows."],
    ["binary.csv", "This file is binary data, not text: upload a CSV, TSV, XLSX or JSON file."],
    ["unbalanced-quotes.csv", /^A quoted field that starts near line \d+ is never closed/],
    ["no-text-column.csv", /^No feedback text column found\. The header row has: a, b, c\./],
    [
      "json-object.json",
      "This JSON file holds one object: use an array of objects ([{…}, {…}]) or one object per line (NDJSON).",
    ],
  ])("%s", async (name, message) => {
    const r = await imported(name);
    expect(r.job).toMatchObject({ state: "FAILED", attempts: 1 });
    expect(r.batch.status).toBe("FAILED");
    expect(r.batch.message).toEqual(typeof message === "string" ? message : expect.stringMatching(message));
    expect(r.items).toHaveLength(0);
    expect(r.errors).toHaveLength(0);
  });

  test("a 50 MB single line", async () => {
    const line = Buffer.alloc(50 * 1024 * 1024, "a");
    const r = await importInto("one-line.csv", line);
    expect(r.batch).toMatchObject({ status: "FAILED", message: expect.stringMatching(/^Line 1 is longer than 1 MB/) });
    expect(r.items).toHaveLength(0);
  }, 120_000);

  test("dates that could be day/month or month/day stop the import until the order is chosen", async () => {
    const r = await imported("dates-ambiguous.csv");
    expect(r.batch.status).toBe("FAILED");
    expect(r.batch.message).toMatch(/^Dates such as 03\/04\/2026 could be day\/month or month\/day/);
    const chosen = await imported("dates-ambiguous.csv", {
      mapping: { text: ["review"], date: "date", externalId: "id", dateOrder: "dmy" },
    });
    expect(counts(chosen.batch)).toEqual(ok(3));
    expect(chosen.items.map((i) => i.occurredAt?.toISOString().slice(0, 10)).sort()).toEqual([
      "2026-02-01",
      "2026-04-03",
      "2026-06-05",
    ]);
  });
});

describe("encodings and line endings", () => {
  test.each([
    ["utf8-bom.csv", ["Très bien 👍", "Ça marche"]],
    ["utf8-no-bom.csv", ["Großartig – schnell", "日本語のレビュー"]],
    ["utf16le-bom.csv", ["Schön", "Zu teuer für uns"]],
    ["utf16be-bom.csv", ["Schön", "Zu teuer für uns"]],
    ["utf16le-no-bom.tsv", ["Schön", "Zu teuer für uns"]],
    ["windows-1252.csv", ["Prix élevé – trop cher", "Très bien, merci"]],
    ["mixed-line-endings.csv", ["Last one", "Old Mac line", "Unix line", "Windows line"]],
  ])("%s", async (name, expected) => {
    const r = await imported(name);
    expect(counts(r.batch)).toEqual(ok(expected.length));
    expect(texts(r.items)).toEqual([...expected].sort());
  });

  test("UTF-8 with invalid bytes keeps the good text and marks the broken bytes", async () => {
    const r = await imported("utf8-invalid-bytes.csv");
    expect(counts(r.batch)).toEqual(ok(5));
    expect(texts(r.items)).toContain("Good app \uFFFD\uFFFD but slow");
    expect(texts(r.items)).toContain("Très bien et café crème");
    expect(r.batch.mapping).toMatchObject({ detected: { encoding: "utf-8" } });
  });
});

describe("content is stored as text, exactly", () => {
  test("formula cells are kept as text (neutralised only when exported)", async () => {
    const r = await imported("formula-cells.csv");
    expect(counts(r.batch)).toEqual(ok(5));
    expect(texts(r.items)).toEqual(
      ["=SUM(A1:A9)", "+1 great app", "-2 stars for billing", "@cmd /c calc", '=HYPERLINK("http://x","click")'].sort(),
    );
  });

  test("HTML and script in text are kept verbatim (the pages escape them)", async () => {
    const r = await imported("html-script.csv");
    expect(texts(r.items)).toEqual(['<script>alert("x")</script> nice', "<b>bold</b> & <i>italic</i>"].sort());
  });

  test("a title and a body column are joined; quoted fields keep their newlines and delimiters", async () => {
    const r = await imported("quoted-newlines-semicolon.csv");
    expect(counts(r.batch)).toEqual(ok(2));
    expect(texts(r.items)).toEqual(["Billing\n\nCharged twice;\nplease refund", 'Sync\n\n"Slow" sync on Android']);
  });

  test("personal data in the text is redacted; the author is stored only as a hash", async () => {
    const r = await imported("pii.csv");
    expect(counts(r.batch)).toEqual(ok(4));
    expect(texts(r.items)).toEqual(
      [
        "Mail me at [email] or call [phone]",
        "Card [card] was charged twice",
        "IBAN [iban] please refund",
        "Order #12345678 on 2026-03-04 cost $1234.56",
      ].sort(),
    );
    const first = r.items.find((i) => i.externalId === "1")!;
    expect(first.authorHash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(r.items)).not.toContain("example.com");
  });

  test("rows without text are rejected one by one, with their line", async () => {
    const r = await imported("empty-text-rows.csv");
    expect(counts(r.batch)).toEqual(ok(2, 0, 2));
    expect(r.errors).toEqual([
      { line: 3, column: "review", value: null, reason: "The text is empty" },
      { line: 4, column: "review", value: null, reason: "The text is empty" },
    ]);
  });

  test("duplicates within a file and across imports are added once", async () => {
    const r = await imported("duplicate-rows.csv");
    expect(counts(r.batch)).toEqual(ok(3, 2));
    const again = await imported("duplicate-rows.csv", { ctx: r.ctx });
    expect(counts(again.batch)).toEqual(ok(0, 5));
  });
});

describe("dates in every form", () => {
  const days = (items: { occurredAt: Date | null }[]) => items.map((i) => i.occurredAt?.toISOString() ?? null).sort();

  test.each([
    ["dates-iso.csv", ["2026-03-04T00:00:00.000Z", "2026-03-04T08:20:30.000Z", "2026-03-04T10:20:30.000Z"]],
    ["dates-us.csv", ["2025-12-31T00:00:00.000Z", "2026-01-15T00:00:00.000Z", "2026-03-04T00:00:00.000Z"]],
    ["dates-eu.csv", ["2025-12-31T00:00:00.000Z", "2026-01-15T00:00:00.000Z", "2026-04-03T00:00:00.000Z"]],
    ["dates-epoch.csv", ["2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"]],
    ["dates-serial.csv", ["2025-01-01T00:00:00.000Z", "2025-12-09T00:00:00.000Z", "2025-12-09T12:00:00.000Z"]],
  ])("%s", async (name, expected) => {
    const r = await imported(name);
    expect(counts(r.batch)).toEqual(ok(3));
    expect(days(r.items)).toEqual(expected);
  });

  test("an impossible date rejects its row with the reason", async () => {
    const r = await imported("dates-text.csv");
    expect(counts(r.batch)).toEqual(ok(2, 0, 1));
    expect(days(r.items)).toEqual(["2026-03-04T00:00:00.000Z", "2026-03-04T00:00:00.000Z"]);
    expect(r.errors).toEqual([
      { line: 4, column: "date", value: "31/02/2026", reason: expect.stringMatching(/Februar/) },
    ]);
  });
});

describe("ratings on their scales", () => {
  test("stars: values outside 1–5 are rejected", async () => {
    const r = await imported("ratings-out-of-range.csv");
    expect(counts(r.batch)).toEqual(ok(3, 0, 2));
    expect(r.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [4, "stars", "7"],
      [6, "stars", "0"],
    ]);
    const half = r.items.find((i) => i.externalId === "4")!;
    expect(half).toMatchObject({ rating: 4.5, ratingScale: "STARS_5", ratingNorm: 0.875 });
  });

  test("NPS: 0–10, 11 is rejected", async () => {
    const r = await imported("ratings-nps.csv");
    expect(counts(r.batch)).toEqual(ok(3, 0, 1));
    expect(r.errors).toMatchObject([{ line: 5, column: "nps", value: "11" }]);
    expect(r.items.map((i) => [i.rating, i.ratingNorm, i.ratingScale])).toEqual(
      expect.arrayContaining([
        [10, 1, "NPS_10"],
        [6, 0.6, "NPS_10"],
        [0, 0, "NPS_10"],
      ]),
    );
  });

  test("thumbs: up and down, anything else rejected", async () => {
    const r = await imported("ratings-thumbs.csv");
    expect(counts(r.batch)).toEqual(ok(3, 0, 1));
    expect(r.errors).toMatchObject([{ line: 5, column: "helpful", value: "maybe" }]);
    expect(r.items.map((i) => i.ratingNorm).sort()).toEqual([0, 1, 1]);
  });
});

describe("JSON, NDJSON and XLSX", () => {
  test("a JSON array: objects flattened, an item without text rejected by its number", async () => {
    const r = await imported("json-array.json");
    expect(counts(r.batch)).toEqual(ok(2, 0, 1));
    expect(r.errors).toMatchObject([{ line: 2, reason: "The text is empty" }]);
    expect(r.items.find((i) => i.externalId === "a1")).toMatchObject({
      text: "Nice app",
      rating: 5,
      attributes: { "meta.plan": "pro" },
    });
  });

  test("NDJSON: a broken line is one row error, the others are imported", async () => {
    const r = await imported("ndjson-bad-line.ndjson");
    expect(counts(r.batch)).toEqual(ok(2, 0, 1));
    expect(r.errors).toMatchObject([{ line: 2, reason: expect.stringMatching(/^Not valid JSON/) }]);
  });

  test("XLSX: a chosen sheet, with date cells, numbers and formula results", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["not this sheet"]);
    const ws = wb.addWorksheet("Reviews");
    ws.addRow(["Review", "Date", "Stars"]);
    ws.addRow(["Great export", new Date(Date.UTC(2026, 2, 4)), 5]);
    ws.addRow(["Sync is slow", new Date(Date.UTC(2026, 2, 5)), { formula: "1+1", result: 2 }]);
    ws.addRow([]);
    ws.addRow(["", new Date(Date.UTC(2026, 2, 6)), 3]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importInto("reviews.xlsx", bytes, { read: { sheet: "Reviews" } });
    expect(counts(r.batch)).toEqual(ok(2, 0, 1));
    expect(r.errors).toMatchObject([{ line: 5, reason: "The text is empty" }]);
    expect(r.items.map((i) => [i.text, i.occurredAt?.toISOString().slice(0, 10), i.rating]).sort()).toEqual([
      ["Great export", "2026-03-04", 5],
      ["Sync is slow", "2026-03-05", 2],
    ]);
    const missing = await importInto("reviews.xlsx", bytes, { read: { sheet: "Nope" } });
    expect(missing.batch.message).toBe('There is no sheet "Nope" in this workbook. Its sheets: Notes, Reviews.');
  });
});

describe("market data", () => {
  const market = { kind: "MARKET" as const };

  test("a wide file: one point per series and month; a non-numeric cell and a gap are reported", async () => {
    const r = await imported("market-wide.csv", market);
    expect(counts(r.batch)).toEqual(ok(11, 0, 1));
    expect(r.errors).toEqual([
      { line: 4, column: "Signups", value: "n/a", reason: expect.any(String) },
      {
        line: 5,
        column: null,
        value: "2026-04-01",
        reason: 'Gap in "Signups": 1 period missing after 2026-02-01 (row imported)',
      },
    ]);
    const series = await db.prisma.marketSeries.findMany({
      where: { workspaceId: r.ctx.workspaceId },
      orderBy: { name: "asc" },
      include: { points: { orderBy: { date: "asc" } } },
    });
    expect(series.map((s) => [s.name, s.kind, s.frequency, s.points.length])).toEqual([
      ["Revenue ($)", "SALES", "MONTHLY", 4],
      ["Signups", "SIGNUPS", "MONTHLY", 3],
      ["Website visits", "TRAFFIC", "MONTHLY", 4],
    ]);
    expect(series[0]!.points.map((p) => p.value)).toEqual([1234.5, 1310, 1402.75, 1455]);
    expect(series[2]!.points[0]!.value).toBe(10500);
  });

  test("duplicate dates: the first is kept, the second reported; the missing week is a gap", async () => {
    const r = await imported("market-duplicate-dates.csv", market);
    expect(counts(r.batch)).toEqual(ok(4, 1, 0));
    expect(r.errors.map((e) => [e.line, e.reason])).toEqual([
      [4, 'Duplicate date in "Demand": line 3 has the same period (kept)'],
      [5, 'Gap in "Demand": 1 period missing after 2026-01-12 (row imported)'],
    ]);
  });

  test("market sizes: TAM/SAM/SOM with amounts like $4.2bn; an unknown level is rejected", async () => {
    const r = await imported("market-sizes.csv", market);
    expect(counts(r.batch)).toEqual(ok(6, 0, 1));
    expect(r.errors).toEqual([{ line: 8, column: "level", value: "XYZ", reason: "Not TAM, SAM or SOM" }]);
    const sizes = await db.prisma.marketSize.findMany({
      where: { workspaceId: r.ctx.workspaceId, year: 2026 },
      orderBy: { value: "desc" },
    });
    expect(sizes.map((s) => [s.level, s.year, s.value, s.source])).toEqual([
      ["TAM", 2026, 4.2e9, "Analyst report"],
      ["SAM", 2026, 9e8, "Analyst report"],
      ["SOM", 2026, 4.5e7, "Our estimate"],
    ]);
    const again = await imported("market-sizes.csv", { ...market, ctx: r.ctx });
    expect(counts(again.batch)).toEqual(ok(0, 6, 1));
  });

  test("a long file with a kind column and percent values", async () => {
    const r = await imported("market-long-kinds.csv", market);
    expect(counts(r.batch)).toEqual(ok(6));
    const series = await db.prisma.marketSeries.findMany({
      where: { workspaceId: r.ctx.workspaceId },
      orderBy: { name: "asc" },
      include: { points: { orderBy: { date: "asc" } } },
    });
    expect(series.map((s) => [s.name, s.kind, s.unit, s.frequency])).toEqual([
      ["Our price", "PRICE", "USD", "MONTHLY"],
      ["Share", "MARKET_SHARE", "%", "MONTHLY"],
    ]);
    expect(series[1]!.points.map((p) => p.value)).toEqual([12.5, 13, 14.1]);
  });
});
