/**
 * The IMPORT job: loads the batch, hands it to the feedback or market reader, and makes sure a
 * failed or cancelled import leaves nothing behind but its status and message.
 */
import type { Db } from "../db/client.ts";
import type { ImportBatch, Prisma } from "../db/generated/client.ts";
import { JobCancelledError, PermanentJobError, type JobContext, type JobOutcome } from "../jobs/runner.ts";
import type { StoredOptions } from "./imports.ts";
import { AppError } from "../errors.ts";
import { openTable, UnreadableFileError, type Row, type Table, type TableInfo } from "./reader.ts";
import { readFile, readHead } from "./storage.ts";

export interface ImportRun {
  db: Db;
  batch: ImportBatch;
  options: StoredOptions;
  /** Records what the reader detected (format, encoding, columns) with the batch. */
  recordDetected(detected: Record<string, unknown>): Promise<void>;
}

export type ImportReader = (ctx: JobContext, run: ImportRun) => Promise<JobOutcome>;

/** Publishing a very large import (a million rows and their indexes) may take minutes. */
export const PUBLISH_TIMEOUT_MS = 30 * 60 * 1000;

const HEAD_BYTES = 256 * 1024;

/** Opens a batch's stored file as a table and reads a sample of its first rows. */
export async function openBatchTable(
  ctx: { db: Db },
  batch: Pick<ImportBatch, "id" | "fileName">,
  read: StoredOptions["read"],
  sampleSize = 1000,
): Promise<{ table: Table; sample: Row[]; rest: AsyncIterator<Row> }> {
  const head = await readHead(ctx.db, batch.id, HEAD_BYTES);
  const table = await openTable(batch.fileName, head, () => readFile(ctx.db, batch.id), read ?? {});
  const rest = table.rows[Symbol.asyncIterator]();
  const sample: Row[] = [];
  while (sample.length < sampleSize) {
    const r = await rest.next();
    if (r.done) break;
    sample.push(r.value);
  }
  return { table, sample, rest };
}

/** The same for a preview: a file that cannot be read is the user's input error. */
export async function openDraftTable(...args: Parameters<typeof openBatchTable>): ReturnType<typeof openBatchTable> {
  try {
    return await openBatchTable(...args);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new AppError("invalid_input", e.message, { file: e.message });
    throw e;
  }
}

/** What the reader found, as recorded with the batch. */
export function describeTable(info: TableInfo): Record<string, unknown> {
  return {
    format: info.format,
    encoding: info.encoding?.encoding ?? null,
    encodingReason: info.encoding?.reason ?? null,
    delimiter: info.delimiter ?? null,
    sheet: info.sheet ?? null,
  };
}

/** Runs one import with the reader for its kind. */
export async function runImport(
  ctx: JobContext,
  readers: Record<ImportBatch["kind"], ImportReader>,
): Promise<JobOutcome> {
  const { batchId } = (ctx.job.input ?? {}) as { batchId?: string };
  const db = ctx.db;
  const batch = batchId
    ? await db.importBatch.findFirst({ where: { id: batchId, workspaceId: ctx.job.workspaceId } })
    : null;
  if (!batch) throw new PermanentJobError("This import no longer exists.");
  const options = (batch.mapping ?? {}) as StoredOptions;
  // A retry starts over: whatever an earlier (killed) attempt staged is thrown away.
  await clearStaging(db, batch.id);
  await db.importRowError.deleteMany({ where: { batchId: batch.id } });
  await db.importBatch.update({ where: { id: batch.id }, data: { status: "RUNNING", startedAt: new Date() } });
  const run: ImportRun = {
    db,
    batch,
    options,
    recordDetected: async (detected) => {
      await db.importBatch.update({
        where: { id: batch.id },
        data: { mapping: { ...options, detected } as Prisma.InputJsonValue },
      });
    },
  };
  try {
    return await readers[batch.kind](ctx, run);
  } catch (e) {
    const cancelled = e instanceof JobCancelledError;
    const unreadable = e instanceof UnreadableFileError;
    await clearStaging(db, batch.id);
    if (!cancelled) await db.importRowError.deleteMany({ where: { batchId: batch.id } });
    await db.importBatch.update({
      where: { id: batch.id },
      data: {
        status: cancelled ? "CANCELLED" : "FAILED",
        message: cancelled ? "Cancelled; nothing was imported" : e instanceof Error ? e.message : String(e),
        finishedAt: new Date(),
      },
    });
    // A file that cannot be read will not read better on a retry.
    throw unreadable ? new PermanentJobError((e as Error).message) : e;
  }
}

async function clearStaging(db: Db, batchId: string) {
  await db.feedbackStaging.deleteMany({ where: { batchId } });
  await db.marketStaging.deleteMany({ where: { batchId } });
}

/** The first this-many row errors are kept (and downloadable); beyond them only the count. */
export const MAX_STORED_ERRORS = 10_000;

/** Collects per-row errors and writes them in batches. */
export class RowErrorLog {
  private pending: Prisma.ImportRowErrorCreateManyInput[] = [];
  stored = 0;
  /** Problems seen, stored or not. */
  seen = 0;
  rowsRejected = 0;

  constructor(
    private readonly db: Db,
    private readonly workspaceId: string,
    private readonly batchId: string,
  ) {}

  async add(line: number, column: string | null, value: string | null, reason: string): Promise<void> {
    this.seen++;
    if (this.stored >= MAX_STORED_ERRORS) return;
    this.stored++;
    this.pending.push({ workspaceId: this.workspaceId, batchId: this.batchId, line, column, value, reason });
    if (this.pending.length >= 1000) await this.flush();
  }

  /** Counts a row as rejected (its problems are added separately). */
  rowRejected(): void {
    this.rowsRejected++;
  }

  async flush(): Promise<void> {
    if (this.pending.length) await this.db.importRowError.createMany({ data: this.pending.splice(0) });
  }
}

export const fmt = (n: number) => n.toLocaleString("en-US");

/** "1 duplicate", "3 duplicates". */
export const count = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

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
