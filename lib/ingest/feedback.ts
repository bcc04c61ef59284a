/**
 * Feedback import from CSV/TSV: the upload is stored with its batch and an
 * import job reads it in the background (any worker, any machine).
 *
 * Rows are deduplicated by external id, or by a hash of normalised text, date
 * and author; every write is keyed so a job that runs twice (retry after a
 * crash) leaves the same rows as one that ran once.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { decode, detectEncoding } from "./encoding.ts";
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import { handleOf, type Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { AppError } from "../errors.ts";
import { enqueueInTransaction, TX_OPTIONS } from "../jobs/enqueue.ts";
import { announceQueued } from "../jobs/events.ts";
import { followUps } from "../jobs/pipeline.ts";
import { getQueue } from "../jobs/queue.ts";
import { audit } from "../workspaces/workspaces.ts";
import { JobCancelledError, PermanentJobError, type JobContext, type JobOutcome } from "../jobs/runner.ts";

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface StartedImport {
  batchId: string;
  jobId: string;
}

/** Stores an uploaded feedback file and queues its import; the batch, the file and the job are written together. */
export async function startFeedbackImport(
  ctx: WorkspaceContext,
  file: { name: string; content: Uint8Array },
): Promise<StartedImport> {
  requirePermission(ctx, "data.write");
  const name = file.name.trim().slice(0, 200) || "upload.csv";
  if (file.content.byteLength === 0) {
    throw new AppError("invalid_input", "The file is empty.", { file: "The file is empty" });
  }
  if (file.content.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError("invalid_input", `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, {
      file: "Too large",
    });
  }
  if (!/\.(csv|tsv|txt)$/i.test(name)) {
    throw new AppError("invalid_input", "Upload a CSV or TSV file (.csv, .tsv or .txt).", {
      file: "Not a CSV or TSV file",
    });
  }
  const boss = await getQueue(handleOf(ctx.db));
  const content = Buffer.from(file.content);
  const started = await ctx.db.$transaction(async (tx) => {
    const batch = await tx.importBatch.create({
      data: {
        workspaceId: ctx.workspaceId,
        kind: "FEEDBACK",
        fileName: name,
        fileBytes: content.byteLength,
        createdById: ctx.actor.userId,
      },
    });
    await tx.importFile.create({
      data: {
        batchId: batch.id,
        workspaceId: ctx.workspaceId,
        sha256: createHash("sha256").update(content).digest("hex"),
        content,
      },
    });
    const [job] = await enqueueInTransaction(tx, boss, [
      { workspaceId: ctx.workspaceId, kind: "IMPORT", input: { batchId: batch.id }, createdById: ctx.actor.userId },
    ]);
    return { batchId: batch.id, jobId: job!.id };
  }, TX_OPTIONS);
  announceQueued(["IMPORT"]);
  return started;
}

// ───────────────────────────── reading the file ─────────────────────────────

const TEXT_HEADERS = ["text", "review", "comment", "comments", "feedback", "body", "message", "content", "answer"];
const DATE_HEADERS = ["date", "created_at", "createdat", "created", "timestamp", "time", "submitted_at", "review_date"];
const RATING_HEADERS = ["rating", "stars", "star_rating", "score"];
const ID_HEADERS = ["id", "external_id", "review_id", "ticket_id", "response_id"];
const CHANNEL_HEADERS = ["channel", "source", "platform", "store"];
const AUTHOR_HEADERS = ["author", "user", "user_id", "customer", "customer_id", "email"];

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

export interface ColumnGuess {
  text: string;
  date?: string;
  rating?: string;
  externalId?: string;
  channel?: string;
  author?: string;
}

/** Finds the columns by their headers; the text column is required. */
export function guessColumns(headers: string[]): ColumnGuess {
  const find = (names: string[]) => headers.find((h) => names.includes(norm(h)));
  const text = find(TEXT_HEADERS);
  if (!text) {
    throw new PermanentJobError(
      `No text column found. The header row has: ${headers.join(", ") || "(nothing)"}. ` +
        `Name the feedback column one of: ${TEXT_HEADERS.join(", ")}.`,
    );
  }
  return {
    text,
    date: find(DATE_HEADERS),
    rating: find(RATING_HEADERS),
    externalId: find(ID_HEADERS),
    channel: find(CHANNEL_HEADERS),
    author: find(AUTHOR_HEADERS),
  };
}

/** The delimiter that splits the header line into the most fields. */
export function detectDelimiter(firstLine: string): string {
  const candidates = [",", ";", "\t", "|"];
  let best = ",";
  let bestCount = 0;
  for (const d of candidates) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

function parseDate(value: string | undefined): Date | null {
  if (!value?.trim()) return null;
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

function parseRating(value: string | undefined): number | null {
  if (!value?.trim()) return null;
  const n = Number(value.trim().replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

const normaliseText = (t: string) => t.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

/** The deduplication key: the external id when there is one, else a hash of text + date + author. */
export function dedupeKey(row: {
  externalId?: string | null;
  text: string;
  date?: Date | null;
  author?: string | null;
}) {
  if (row.externalId) return `id:${row.externalId}`;
  return `h:${sha(`${normaliseText(row.text)}\u0000${row.date?.toISOString() ?? ""}\u0000${row.author ?? ""}`)}`;
}

const CHUNK = 500;

/** The IMPORT job: reads the stored file and writes its rows. */
export async function runFeedbackImport(ctx: JobContext): Promise<JobOutcome> {
  const { batchId } = (ctx.job.input ?? {}) as { batchId?: string };
  const db = ctx.db;
  const batch = batchId
    ? await db.importBatch.findFirst({
        where: { id: batchId, workspaceId: ctx.job.workspaceId },
        include: { file: true },
      })
    : null;
  if (!batch?.file) throw new PermanentJobError("The uploaded file of this import no longer exists.");
  try {
    return await readBatch(ctx, db, batch.id, batch.file.content);
  } catch (e) {
    const cancelled = e instanceof JobCancelledError;
    await db.feedbackStaging.deleteMany({ where: { batchId: batch.id } });
    await db.importBatch.update({
      where: { id: batch.id },
      data: {
        status: cancelled ? "CANCELLED" : "FAILED",
        message: cancelled ? "Cancelled; nothing was imported" : e instanceof Error ? e.message : String(e),
        finishedAt: new Date(),
      },
    });
    throw e;
  }
}

async function readBatch(ctx: JobContext, db: Db, batchId: string, content: Uint8Array): Promise<JobOutcome> {
  const workspaceId = ctx.job.workspaceId;
  // A retry starts over: what an earlier (killed) attempt staged is thrown away.
  await db.feedbackStaging.deleteMany({ where: { batchId } });
  await db.importRowError.deleteMany({ where: { batchId } });
  await db.importBatch.update({ where: { id: batchId }, data: { status: "RUNNING", startedAt: new Date() } });

  const encoding = detectEncoding(content);
  const text = decode(content, encoding);
  const delimiter = detectDelimiter(text.slice(0, text.indexOf("\n") >>> 0 || text.length));
  const totalBytes = Math.max(1, Buffer.byteLength(text));
  const startedAt = Date.now();
  const parser = Readable.from([text]).pipe(
    parse({ columns: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }),
  );

  let columns: ColumnGuess | undefined;
  let rowsTotal = 0;
  let rowsInvalid = 0;
  let pending: Prisma.FeedbackStagingCreateManyInput[] = [];
  const errors: Prisma.ImportRowErrorCreateManyInput[] = [];
  const flush = async () => {
    if (pending.length) await db.feedbackStaging.createMany({ data: pending });
    if (errors.length) await db.importRowError.createMany({ data: errors.splice(0) });
    pending = [];
  };

  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number; bytes: number };
  }>) {
    columns ??= guessColumns(Object.keys(record));
    rowsTotal++;
    const body = record[columns.text]?.trim() ?? "";
    if (!body) {
      rowsInvalid++;
      errors.push({ workspaceId, batchId, line: info.lines, column: columns.text, reason: "The text is empty" });
      continue;
    }
    const date = columns.date ? parseDate(record[columns.date]) : null;
    const externalId = columns.externalId ? record[columns.externalId]?.trim() || null : null;
    const author = columns.author ? record[columns.author]?.trim() || null : null;
    const rating = columns.rating ? parseRating(record[columns.rating]) : null;
    const known = new Set(Object.values(columns));
    const attributes = Object.fromEntries(Object.entries(record).filter(([k, v]) => !known.has(k) && v !== ""));
    pending.push({
      workspaceId,
      batchId,
      line: info.lines,
      externalId,
      dedupeKey: dedupeKey({ externalId, text: body, date, author }),
      text: body.slice(0, 20_000),
      occurredAt: date,
      rating,
      channel: columns.channel ? record[columns.channel]?.trim() || null : null,
      authorHash: author ? sha(`${workspaceId}:${author}`) : null,
      attributes,
    });
    if (pending.length >= CHUNK) {
      await flush();
      await ctx.progress((info.bytes / totalBytes) * 95, readingMessage(rowsTotal, info.bytes / totalBytes, startedAt));
    }
  }
  if (!columns) throw new PermanentJobError("The file has a header row but no data rows.");
  // What was read and how, kept with the batch (the mapping screen will show and edit it).
  await db.importBatch.update({
    where: { id: batchId },
    data: {
      mapping: { encoding: encoding.encoding, encodingReason: encoding.reason, delimiter, columns: { ...columns } },
    },
  });
  await flush();
  ctx.checkpoint();

  const rowsValid = rowsTotal - rowsInvalid;
  return {
    resultType: "ImportBatch",
    resultId: batchId,
    commit: async (tx) => {
      // The batch's rows appear all at once; a row already imported (or repeated in the file) is a duplicate.
      const rowsNew = await tx.$executeRaw`
        INSERT INTO "FeedbackItem" ("id", "workspaceId", "batchId", "externalId", "dedupeKey", "text", "occurredAt",
          "rating", "channel", "authorHash", "attributes")
        SELECT DISTINCT ON (s."dedupeKey") 'fi' || replace(gen_random_uuid()::text, '-', ''), s."workspaceId",
          s."batchId", s."externalId", s."dedupeKey", s."text", s."occurredAt", s."rating", s."channel",
          s."authorHash", s."attributes"
        FROM "FeedbackStaging" s WHERE s."batchId" = ${batchId}
        ORDER BY s."dedupeKey", s."line"
        ON CONFLICT ("workspaceId", "dedupeKey") DO NOTHING`;
      await tx.feedbackStaging.deleteMany({ where: { batchId } });
      const rowsDuplicate = rowsValid - rowsNew;
      const message = `${fmt(rowsNew)} new, ${fmt(rowsDuplicate)} duplicates, ${fmt(rowsInvalid)} invalid`;
      await tx.importBatch.update({
        where: { id: batchId },
        data: { status: "COMPLETED", rowsTotal, rowsNew, rowsDuplicate, rowsInvalid, message, finishedAt: new Date() },
      });
      return {
        message,
        followUps: followUps(
          { kind: "feedback-imported", batchId, newItems: rowsNew },
          { workspaceId, createdById: ctx.job.createdById },
        ),
      };
    },
  };
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** "12,400 rows · 5,200 rows/s · about 3 s left": what the progress bar says while a file is read. */
export function readingMessage(rows: number, fraction: number, startedAt: number, now = Date.now()): string {
  const seconds = Math.max(0.001, (now - startedAt) / 1000);
  const parts = [`${fmt(rows)} rows`, `${fmt(Math.round(rows / seconds))} rows/s`];
  if (fraction > 0.02 && fraction < 1) {
    const left = Math.ceil((seconds / fraction) * (1 - fraction));
    parts.push(left < 60 ? `about ${left} s left` : `about ${Math.ceil(left / 60)} min left`);
  }
  return parts.join(" · ");
}

/** Deletes an import with every row it brought in. A running import must be cancelled first. */
export async function deleteImport(ctx: WorkspaceContext, batchId: string): Promise<{ rowsDeleted: number }> {
  requirePermission(ctx, "data.write");
  const batch = await ctx.db.importBatch.findFirst({ where: { id: batchId, workspaceId: ctx.workspaceId } });
  if (!batch) throw new AppError("not_found", "Import not found");
  if (batch.status === "PENDING" || batch.status === "RUNNING") {
    throw new AppError("conflict", "This import is still running: cancel its job on the Jobs page first.");
  }
  const rowsDeleted = await ctx.db.feedbackItem.count({ where: { batchId } });
  await ctx.db.importBatch.delete({ where: { id: batchId } });
  await audit(ctx, "import.delete", { targetType: "ImportBatch", targetId: batchId, metadata: { rowsDeleted } });
  return { rowsDeleted };
}
