/**
 * An import's life, whatever it imports: the file is uploaded (stored in chunks), optionally
 * waits as a draft while the user checks the mapping on a preview, then an IMPORT job reads it.
 * The batch, its file and its job are written so that a failure at any point leaves either
 * nothing or a batch the user can see, retry or delete.
 */
import { z } from "zod";
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import { handleOf } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { ImportKind } from "../db/generated/enums.ts";
import { AppError } from "../errors.ts";
import { enqueueInTransaction, TX_OPTIONS } from "../jobs/enqueue.ts";
import { announceQueued } from "../jobs/events.ts";
import { getQueue } from "../jobs/queue.ts";
import { audit } from "../workspaces/workspaces.ts";
import { DELIMITERS, FORMATS } from "./reader.ts";
import { ENCODINGS } from "./encoding.ts";
import { storeFile } from "./storage.ts";
import { neutraliseFormula } from "./values.ts";

/** Uploads through a web form (the server action's body limit). */
export const MAX_FORM_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Uploads streamed through the API or the CLI. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export const readOptionsSchema = z.object({
  format: z.enum(FORMATS).optional(),
  encoding: z.enum(ENCODINGS).optional(),
  delimiter: z
    .string()
    .refine((d) => (DELIMITERS as readonly string[]).includes(d), "Delimiter must be , ; | or a tab")
    .optional(),
  sheet: z.string().trim().min(1).max(100).optional(),
});
export type ReadOptionsInput = z.infer<typeof readOptionsSchema>;

/** What a batch remembers about how to read its file (ImportBatch.mapping). */
export interface StoredOptions {
  read?: ReadOptionsInput;
  /** The confirmed column mapping (feedback or market); absent means "detect". */
  mapping?: unknown;
  /** What the reader found, recorded by the job for the history. */
  detected?: Record<string, unknown>;
}

export interface UploadInput {
  name: string;
  content: Uint8Array | AsyncIterable<Uint8Array>;
  /** Where the feedback comes from; its saved mapping is used and updated. */
  source?: string;
  read?: ReadOptionsInput;
  mapping?: unknown;
  /** Keep as a draft for the preview instead of importing at once. */
  draft?: boolean;
  maxBytes?: number;
}

export interface StartedImport {
  batchId: string;
  /** Null while the import is a draft. */
  jobId: string | null;
}

const ACCEPTED = /\.(csv|tsv|txt|xlsx|json|ndjson|jsonl)$/i;

/**
 * Stores an upload and, unless it is a draft, queues its import. The file is written as it
 * arrives; if the upload fails part-way the batch is removed again.
 */
export async function uploadImport(
  ctx: WorkspaceContext,
  kind: ImportKind,
  input: UploadInput,
): Promise<StartedImport> {
  requirePermission(ctx, "data.write");
  const name = input.name.trim().slice(0, 200) || "upload.csv";
  if (!ACCEPTED.test(name)) {
    throw new AppError("invalid_input", "Upload a CSV, TSV, XLSX, JSON or NDJSON file.", {
      file: "Not a CSV, TSV, XLSX, JSON or NDJSON file",
    });
  }
  const maxBytes = input.maxBytes ?? MAX_FILE_BYTES;
  if (input.content instanceof Uint8Array) {
    if (input.content.byteLength === 0)
      throw new AppError("invalid_input", "The file is empty.", { file: "The file is empty" });
    if (input.content.byteLength > maxBytes) throw tooLarge(maxBytes);
  }
  const source = input.source ? await sourceFor(ctx, input.source) : null;
  const batch = await ctx.db.importBatch.create({
    data: {
      workspaceId: ctx.workspaceId,
      kind,
      sourceId: source?.id ?? null,
      fileName: name,
      status: "DRAFT",
      createdById: ctx.actor.userId,
      mapping: { read: input.read ?? {} } as Prisma.InputJsonValue,
      file: { create: { workspaceId: ctx.workspaceId, sha256: "" } },
    },
  });
  try {
    const content = input.content instanceof Uint8Array ? [input.content] : input.content;
    const stored = await storeFile(ctx.db, batch.id, content, { maxBytes, tooLarge: () => tooLarge(maxBytes) });
    if (stored.bytes === 0) throw new AppError("invalid_input", "The file is empty.", { file: "The file is empty" });
    await ctx.db.importBatch.update({ where: { id: batch.id }, data: { fileBytes: stored.bytes } });
  } catch (e) {
    await ctx.db.importBatch.delete({ where: { id: batch.id } }).catch(() => undefined);
    throw e;
  }
  if (input.draft) return { batchId: batch.id, jobId: null };
  const mapping = input.mapping ?? (source ? savedMapping(source.mapping) : undefined);
  return queueImport(ctx, batch.id, { read: input.read, mapping });
}

function tooLarge(maxBytes: number) {
  return new AppError("invalid_input", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, {
    file: "Too large",
  });
}

async function sourceFor(ctx: WorkspaceContext, name: string) {
  const clean = name.trim().slice(0, 100);
  return ctx.db.feedbackSource.upsert({
    where: { workspaceId_name: { workspaceId: ctx.workspaceId, name: clean } },
    create: { workspaceId: ctx.workspaceId, name: clean },
    update: {},
  });
}

function savedMapping(m: Prisma.JsonValue): unknown {
  return m && typeof m === "object" && !Array.isArray(m) && Object.keys(m).length ? m : undefined;
}

/** A draft batch, loaded by id within the workspace. */
export async function getDraft(ctx: WorkspaceContext, batchId: string) {
  const batch = await ctx.db.importBatch.findFirst({
    where: { id: batchId, workspaceId: ctx.workspaceId },
    include: { source: true },
  });
  if (!batch) throw new AppError("not_found", "Import not found");
  return batch;
}

/**
 * Confirms a draft (or queues a fresh upload): records the mapping the import will use, saves it
 * for the batch's source, and queues the job, all in one transaction.
 */
export async function queueImport(
  ctx: WorkspaceContext,
  batchId: string,
  options: { read?: ReadOptionsInput; mapping?: unknown },
): Promise<StartedImport> {
  requirePermission(ctx, "data.write");
  const boss = await getQueue(handleOf(ctx.db));
  const started = await ctx.db.$transaction(async (tx) => {
    const batch = await tx.importBatch.findFirst({ where: { id: batchId, workspaceId: ctx.workspaceId } });
    if (!batch) throw new AppError("not_found", "Import not found");
    if (batch.status !== "DRAFT") throw new AppError("conflict", "This import has already been started.");
    const stored: StoredOptions = { read: options.read ?? {}, mapping: options.mapping };
    await tx.importBatch.update({
      where: { id: batch.id },
      data: { status: "PENDING", mapping: stored as Prisma.InputJsonValue },
    });
    if (batch.sourceId && options.mapping) {
      await tx.feedbackSource.update({
        where: { id: batch.sourceId },
        data: { mapping: options.mapping as Prisma.InputJsonValue },
      });
    }
    const [job] = await enqueueInTransaction(tx, boss, [
      { workspaceId: ctx.workspaceId, kind: "IMPORT", input: { batchId: batch.id }, createdById: ctx.actor.userId },
    ]);
    return { batchId: batch.id, jobId: job!.id };
  }, TX_OPTIONS);
  announceQueued(["IMPORT"]);
  return started;
}

/** Deletes an import with every row it brought in. A running import must be cancelled first. */
export async function deleteImport(ctx: WorkspaceContext, batchId: string): Promise<{ rowsDeleted: number }> {
  requirePermission(ctx, "data.write");
  const batch = await ctx.db.importBatch.findFirst({ where: { id: batchId, workspaceId: ctx.workspaceId } });
  if (!batch) throw new AppError("not_found", "Import not found");
  if (batch.status === "PENDING" || batch.status === "RUNNING") {
    throw new AppError("conflict", "This import is still running: cancel its job on the Jobs page first.");
  }
  const rowsDeleted =
    batch.kind === "FEEDBACK"
      ? await ctx.db.feedbackItem.count({ where: { batchId } })
      : await ctx.db.marketPoint.count({ where: { batchId } });
  await ctx.db.importBatch.delete({ where: { id: batchId } });
  await audit(ctx, "import.delete", { targetType: "ImportBatch", targetId: batchId, metadata: { rowsDeleted } });
  return { rowsDeleted };
}

/** The rows an import rejected, as CSV (line, column, value, reason) for the user to fix. */
export async function rowErrorsCsv(ctx: WorkspaceContext, batchId: string): Promise<{ fileName: string; csv: string }> {
  requirePermission(ctx, "workspace.read");
  const batch = await ctx.db.importBatch.findFirst({ where: { id: batchId, workspaceId: ctx.workspaceId } });
  if (!batch) throw new AppError("not_found", "Import not found");
  const errors = await ctx.db.importRowError.findMany({
    where: { batchId },
    orderBy: [{ line: "asc" }, { id: "asc" }],
  });
  const lines = ["line,column,value,reason"];
  for (const e of errors) lines.push([String(e.line), e.column ?? "", e.value ?? "", e.reason].map(csvCell).join(","));
  const base = batch.fileName.replace(/\.[^.]+$/, "");
  return { fileName: `${base}-errors.csv`, csv: `${lines.join("\r\n")}\r\n` };
}

/** A CSV cell, quoted when needed; a formula-like start is neutralised so spreadsheets do not run it. */
export function csvCell(v: string): string {
  const safe = neutraliseFormula(v);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export interface ImportView {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileBytes: number;
  status: string;
  source: string | null;
  rowsTotal: number;
  rowsNew: number;
  rowsDuplicate: number;
  rowsInvalid: number;
  message: string | null;
  detected: Record<string, unknown> | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  errorCount: number;
  errors: { line: number; column: string | null; value: string | null; reason: string }[];
  /** The import's job (null for a draft). */
  jobId: string | null;
}

/** One import with its first row errors (the rest are in the CSV download). */
export async function getImport(
  ctx: WorkspaceContext,
  batchId: string,
  opts: { errors?: number } = {},
): Promise<ImportView> {
  requirePermission(ctx, "workspace.read");
  const batch = await ctx.db.importBatch.findFirst({
    where: { id: batchId, workspaceId: ctx.workspaceId },
    include: { source: { select: { name: true } } },
  });
  if (!batch) throw new AppError("not_found", "Import not found");
  const [errorCount, errors, job] = await Promise.all([
    ctx.db.importRowError.count({ where: { batchId } }),
    ctx.db.importRowError.findMany({
      where: { batchId },
      orderBy: [{ line: "asc" }, { id: "asc" }],
      take: opts.errors ?? 100,
      select: { line: true, column: true, value: true, reason: true },
    }),
    ctx.db.job.findFirst({
      where: { workspaceId: ctx.workspaceId, kind: "IMPORT", input: { path: ["batchId"], equals: batchId } },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    }),
  ]);
  const stored = (batch.mapping ?? {}) as StoredOptions;
  return {
    id: batch.id,
    kind: batch.kind,
    fileName: batch.fileName,
    fileBytes: Number(batch.fileBytes),
    status: batch.status,
    source: batch.source?.name ?? null,
    rowsTotal: batch.rowsTotal,
    rowsNew: batch.rowsNew,
    rowsDuplicate: batch.rowsDuplicate,
    rowsInvalid: batch.rowsInvalid,
    message: batch.message,
    detected: stored.detected ?? null,
    createdAt: batch.createdAt.toISOString(),
    startedAt: batch.startedAt?.toISOString() ?? null,
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    errorCount,
    errors,
    jobId: job?.id ?? null,
  };
}
