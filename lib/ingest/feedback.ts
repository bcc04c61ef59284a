/**
 * Feedback import: preview (how each row will be read with a mapping) and the IMPORT job that
 * reads the whole file.
 *
 * The job streams: rows are read, mapped and bulk-loaded (COPY) into FeedbackStaging as the
 * file is read, and published into FeedbackItem in the transaction that completes the job, so an
 * import appears all at once or not at all. Rows are deduplicated by external id, or by a hash of
 * normalised text, date and author.
 */
import { z } from "zod";
import type { WorkspaceContext } from "../auth/context.ts";
import { requirePermission } from "../auth/context.ts";
import { handleOf } from "../db/client.ts";
import { followUps } from "../jobs/pipeline.ts";
import { PermanentJobError, type JobContext, type JobOutcome } from "../jobs/runner.ts";
import { getWorkspaceSettings } from "../workspaces/settings.ts";
import { copyRow, copyTimestamp } from "./copy.ts";
import { getDraft, readOptionsSchema, type StoredOptions } from "./imports.ts";
import {
  compileFeedbackMapping,
  feedbackMappingSchema,
  MappingError,
  suggestFeedbackMapping,
  type CompiledMapping,
  type FeedbackMapping,
  type RowProblem,
} from "./mapping.ts";
import type { Row, TableInfo } from "./reader.ts";
import {
  RowErrorLog,
  count,
  describeTable,
  fmt,
  openBatchTable,
  openDraftTable,
  PUBLISH_TIMEOUT_MS,
  readingMessage,
  type ImportRun,
} from "./run.ts";

// ───────────────────────────────── preview ─────────────────────────────────

export interface FeedbackPreview {
  batchId: string;
  fileName: string;
  fileBytes: number;
  status: string;
  source: string | null;
  info: TableInfo;
  headers: string[];
  mapping: FeedbackMapping;
  /** Fields matched by content rather than header. */
  guessed: string[];
  /** Why the mapping cannot be used as it is (a column that does not exist…). */
  mappingError: string | null;
  ratingScale: string | null;
  ratingScaleReason: string | null;
  dateForm: string | null;
  needsDateOrder: { example: string } | null;
  rows: {
    line: number;
    cells: string[];
    read: { text: string; date: string | null; rating: number | null; channel: string | null } | null;
    problems: RowProblem[];
  }[];
  /** Of the rows sampled, how many would be rejected. */
  sampled: number;
  invalidInSample: number;
}

export const feedbackPreviewInputSchema = z.object({
  read: readOptionsSchema.optional(),
  mapping: feedbackMappingSchema.optional(),
});

/** How the first rows of a draft import will be read with a mapping (the given one, the source's, or a suggestion). */
export async function previewFeedbackImport(
  ctx: WorkspaceContext,
  batchId: string,
  input: z.infer<typeof feedbackPreviewInputSchema> = {},
  opts: { rows?: number } = {},
): Promise<FeedbackPreview> {
  requirePermission(ctx, "data.write");
  const batch = await getDraft(ctx, batchId);
  const stored = (batch.mapping ?? {}) as StoredOptions;
  const { table, sample } = await openDraftTable(ctx, batch, input.read ?? stored.read ?? {}, 500);
  const cells = sample.map((r) => r.cells);
  const suggested = suggestFeedbackMapping(table.headers, cells);
  const fromSource = batch.source ? feedbackMappingSchema.safeParse(batch.source.mapping) : null;
  let mapping: FeedbackMapping =
    input.mapping ??
    (fromSource?.success && fromSource.data.text.every((t) => table.headers.includes(t))
      ? fromSource.data
      : suggested.mapping);
  const settings = await getWorkspaceSettings(ctx.db, ctx.workspaceId);
  const { salt } = await ctx.db.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { salt: true } });
  let compiled: CompiledMapping | null = null;
  let mappingError: string | null = null;
  if (!mapping.text.length) mappingError = "Choose the column that holds the feedback text.";
  else {
    try {
      compiled = compileFeedbackMapping(mapping, table.headers, cells, { redact: settings.privacy.redactPii, salt });
    } catch (e) {
      if (!(e instanceof MappingError)) throw e;
      mappingError = e.message;
      mapping = { ...mapping, text: mapping.text.filter((t) => table.headers.includes(t)) };
    }
  }
  let invalid = 0;
  const rows = sample.map((r) => {
    const out = compiled && !r.error ? compiled.read(r.cells) : null;
    const problems = r.error ? [{ column: null, value: null, reason: r.error }] : (out?.problems ?? []);
    if (problems.length) invalid++;
    const f = out?.fields;
    return {
      line: r.line,
      cells: r.cells.map((c) => (c.length > 300 ? `${c.slice(0, 300)}…` : c)),
      read: f
        ? {
            text: f.text.length > 500 ? `${f.text.slice(0, 500)}…` : f.text,
            date: f.occurredAt?.toISOString() ?? null,
            rating: f.rating,
            channel: f.channel,
          }
        : null,
      problems,
    };
  });
  return {
    batchId: batch.id,
    fileName: batch.fileName,
    fileBytes: Number(batch.fileBytes),
    status: batch.status,
    source: batch.source?.name ?? null,
    info: table.info,
    headers: table.headers,
    mapping,
    guessed: input.mapping ? [] : suggested.guessed,
    mappingError,
    ratingScale: compiled?.ratingScale ?? null,
    ratingScaleReason: compiled?.ratingScaleReason ?? null,
    dateForm: compiled?.date?.form ?? null,
    needsDateOrder: compiled?.needsDateOrder ?? null,
    rows: rows.slice(0, opts.rows ?? 20),
    sampled: rows.length,
    invalidInSample: invalid,
  };
}

// ─────────────────────────────────── job ───────────────────────────────────

const STAGING_COLUMNS = [
  "batchId",
  "attempt",
  "line",
  "workspaceId",
  "externalId",
  "dedupeKey",
  "text",
  "occurredAt",
  "rating",
  "ratingScale",
  "ratingNorm",
  "channel",
  "segment",
  "plan",
  "country",
  "companySize",
  "productArea",
  "authorHash",
  "attributes",
] as const;
const ITEM_COLUMNS = STAGING_COLUMNS.filter((c) => c !== "line" && c !== "attempt");
const COPY_FEEDBACK = `COPY "FeedbackStaging" (${STAGING_COLUMNS.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;

/** Reads a feedback batch's file into staging; the outcome publishes it. */
export async function runFeedbackImport(ctx: JobContext, run: ImportRun): Promise<JobOutcome> {
  const { db, batch, options } = run;
  const workspaceId = ctx.job.workspaceId;
  const { table, sample, rest } = await openBatchTable(ctx, batch, options.read);
  const cells = sample.map((r) => r.cells);
  const parsed = options.mapping === undefined ? null : feedbackMappingSchema.safeParse(options.mapping);
  if (parsed && !parsed.success) {
    throw new PermanentJobError(
      `The column mapping is not valid: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
    );
  }
  const mapping = parsed?.data ?? suggestFeedbackMapping(table.headers, cells).mapping;
  if (!mapping.text.length) {
    throw new PermanentJobError(
      `No feedback text column found. The header row has: ${table.headers.join(", ")}. ` +
        `Name the column "text", "review", "comment" or "feedback", or choose it on the import's preview.`,
    );
  }
  const settings = await getWorkspaceSettings(db, workspaceId);
  const { salt } = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { salt: true } });
  let compiled: CompiledMapping;
  try {
    compiled = compileFeedbackMapping(mapping, table.headers, cells, { redact: settings.privacy.redactPii, salt });
  } catch (e) {
    throw e instanceof MappingError ? new PermanentJobError(e.message) : e;
  }
  if (compiled.needsDateOrder) {
    throw new PermanentJobError(
      `Dates such as ${compiled.needsDateOrder.example} could be day/month or month/day. Choose the order on the ` +
        `import's preview, or give "dateOrder": "dmy" or "mdy" in the mapping.`,
    );
  }
  await run.recordDetected({
    ...describeTable(table.info),
    columns: mapping,
    ratingScale: compiled.ratingScale,
    dateForm: compiled.date?.form ?? null,
  });

  const errors = new RowErrorLog(db, workspaceId, batch.id);
  let rowsTotal = 0;
  const startedAt = Date.now();
  const totalBytes = Math.max(1, Number(batch.fileBytes));
  let lastReport = 0;
  const attempt = ctx.job.attempt;

  async function* copyData(): AsyncGenerator<string> {
    let buf = "";
    const take = async (row: Row) => {
      rowsTotal++;
      if (row.error) {
        await errors.add(row.line, null, null, row.error);
        errors.rowRejected();
        return;
      }
      const out = compiled.read(row.cells);
      if (out.problems) {
        for (const p of out.problems) await errors.add(row.line, p.column, p.value, p.reason);
        errors.rowRejected();
        return;
      }
      const f = out.fields;
      buf += copyRow([
        batch.id,
        attempt,
        row.line,
        workspaceId,
        f.externalId,
        f.dedupeKey,
        f.text,
        copyTimestamp(f.occurredAt),
        f.rating,
        f.ratingScale,
        f.ratingNorm,
        f.channel,
        f.segment,
        f.plan,
        f.country,
        f.companySize,
        f.productArea,
        f.authorHash,
        JSON.stringify(f.attributes),
      ]);
    };
    for (const row of sample) await take(row);
    for (let r = await rest.next(); !r.done; r = await rest.next()) {
      await take(r.value);
      if (buf.length >= 256 * 1024) {
        yield buf;
        buf = "";
        // Let the web server answer between chunks when the worker runs inside it.
        await new Promise((r) => setImmediate(r));
        const now = Date.now();
        if (now - lastReport > 1000) {
          lastReport = now;
          const fraction = Math.min(1, table.bytesRead() / totalBytes);
          await ctx.progress(fraction * 95, readingMessage(rowsTotal, fraction, startedAt, now));
        } else ctx.checkpoint();
      }
    }
    if (buf) yield buf;
  }

  await handleOf(db).copyIn(COPY_FEEDBACK, copyData());
  await errors.flush();
  ctx.checkpoint();
  if (rowsTotal === 0) throw new PermanentJobError("The file has a header row but no data rows.");
  await ctx.progress(96, `${fmt(rowsTotal)} rows read · publishing`);

  const rowsInvalid = errors.rowsRejected;
  const rowsValid = rowsTotal - rowsInvalid;
  const cols = ITEM_COLUMNS.map((c) => `"${c}"`).join(", ");
  const fromStaging = ITEM_COLUMNS.map((c) => `s."${c}"`).join(", ");
  return {
    resultType: "ImportBatch",
    resultId: batch.id,
    commitTimeoutMs: PUBLISH_TIMEOUT_MS,
    commit: async (tx) => {
      // The batch's rows appear all at once; a row already imported (or repeated in the file) is a
      // duplicate: ON CONFLICT DO NOTHING skips it. Staging is read in the order one COPY appended
      // it (the file's order), so the earliest line wins, without sorting a million rows.
      // Ids are the batch id and the zero-padded line: increasing, so the primary key and the
      // (…, id) indexes grow at their right edge instead of splitting pages all over (2× faster
      // than random ids at a million rows).
      const rowsNew = await tx.$executeRawUnsafe(
        `INSERT INTO "FeedbackItem" ("id", ${cols})
         SELECT s."batchId" || '_' || lpad(s."line"::text, 10, '0'), ${fromStaging}
         FROM "FeedbackStaging" s WHERE s."batchId" = $1 AND s."attempt" = $2
         ON CONFLICT ("workspaceId", "dedupeKey") DO NOTHING`,
        batch.id,
        attempt,
      );
      await tx.feedbackStaging.deleteMany({ where: { batchId: batch.id } });
      const rowsDuplicate = rowsValid - rowsNew;
      const message = `${fmt(rowsNew)} new, ${count(rowsDuplicate, "duplicate")}, ${fmt(rowsInvalid)} invalid`;
      await tx.importBatch.update({
        where: { id: batch.id },
        data: { status: "COMPLETED", rowsTotal, rowsNew, rowsDuplicate, rowsInvalid, message, finishedAt: new Date() },
      });
      return {
        message,
        followUps: followUps(
          { kind: "feedback-imported", batchId: batch.id, newItems: rowsNew },
          { workspaceId, createdById: ctx.job.createdById },
        ),
      };
    },
  };
}
