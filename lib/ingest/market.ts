/**
 * Market data import: time series in long layout (series, date, value[, unit][, kind]) or wide
 * layout (date + one column per series), and market-size figures (TAM/SAM/SOM by year).
 *
 * Values with thousands separators, currency symbols and percent signs are parsed; each series'
 * frequency is detected; non-numeric values, bad dates, duplicate periods and gaps are reported
 * row by row. Points are published in the job's final transaction (new periods inserted, revised
 * values updated), so a failed or cancelled import leaves the market data as it was.
 */
import { z } from "zod";
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import { handleOf } from "../db/client.ts";
import type { Frequency, MarketSizeLevel, SeriesKind } from "../db/generated/enums.ts";
import { followUps } from "../jobs/pipeline.ts";
import { PermanentJobError, type JobContext, type JobOutcome } from "../jobs/runner.ts";
import { copyRow } from "./copy.ts";
import { getDraft, readOptionsSchema, type StoredOptions } from "./imports.ts";
import {
  checkSeries,
  detectFrequency,
  detectMarketLayout,
  guessSeriesKind,
  parseSeriesKind,
  parseSizeLevel,
  periodStart,
  type MarketLayout,
} from "./market-shape.ts";
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
import { inspectDateColumn, parseDateValue, parseNumber, type DateColumnInfo } from "./values.ts";

const SERIES_KINDS = [
  "DEMAND",
  "SALES",
  "SIGNUPS",
  "TRAFFIC",
  "SEARCH_INTEREST",
  "PRICE",
  "COMPETITOR_PRICE",
  "MARKET_SHARE",
] as const satisfies readonly SeriesKind[];

const column = z.string().trim().min(1).max(200);
const dateOrder = z.enum(["dmy", "mdy"]).optional();
/** Per-series overrides, by series name. */
const kinds = z.record(z.string(), z.enum(SERIES_KINDS)).optional();

export const marketMappingSchema = z.discriminatedUnion("layout", [
  z.object({
    layout: z.literal("long"),
    date: column,
    series: column,
    value: column,
    unit: column.optional(),
    kind: column.optional(),
    dateOrder,
    kinds,
  }),
  z.object({
    layout: z.literal("wide"),
    date: column,
    series: z.array(column).min(1, "Choose at least one series column"),
    dateOrder,
    kinds,
    units: z.record(z.string(), z.string().max(40)).optional(),
  }),
  z.object({
    layout: z.literal("sizes"),
    level: column,
    value: column,
    year: column.optional(),
    source: column.optional(),
    currency: column.optional(),
  }),
]);
export type MarketMapping = z.infer<typeof marketMappingSchema>;

/** Most points one market import may hold (they are checked in memory, series by series). */
export const MAX_MARKET_POINTS = 2_000_000;

/** A mapping from the detected layout (the user can edit it on the preview). */
export function mappingFromLayout(layout: MarketLayout): MarketMapping {
  switch (layout.layout) {
    case "long":
      return {
        layout: "long",
        date: layout.date,
        series: layout.series,
        value: layout.value,
        unit: layout.unit,
        kind: layout.kind,
      };
    case "wide":
      return { layout: "wide", date: layout.date, series: layout.series };
    case "sizes":
      return {
        layout: "sizes",
        level: layout.level,
        value: layout.value,
        year: layout.year,
        source: layout.source,
        currency: layout.currency,
      };
  }
}

interface Point {
  line: number;
  series: string;
  date: Date;
  value: number;
  unit: string | null;
  kind: SeriesKind | null;
}

interface SizeRow {
  line: number;
  level: MarketSizeLevel;
  year: number;
  value: number;
  currency: string;
  source: string | null;
}

/** Reads market rows with a mapping; every problem is reported with its line and column. */
class MarketReader {
  readonly points: Point[] = [];
  readonly sizes: SizeRow[] = [];
  readonly date: DateColumnInfo | null;
  readonly needsDateOrder: { example: string } | null;
  private readonly index: Map<string, number>;

  constructor(
    readonly mapping: MarketMapping,
    readonly headers: string[],
    sample: string[][],
  ) {
    this.index = new Map(headers.map((h, i) => [h, i]));
    const cols =
      mapping.layout === "sizes"
        ? [mapping.level, mapping.value, mapping.year, mapping.source, mapping.currency]
        : mapping.layout === "long"
          ? [mapping.date, mapping.series, mapping.value, mapping.unit, mapping.kind]
          : [mapping.date, ...mapping.series];
    for (const c of cols) {
      if (c !== undefined && !this.index.has(c)) {
        throw new PermanentJobError(`The column "${c}" is not in the file (it has: ${headers.join(", ")}).`);
      }
    }
    if (mapping.layout === "sizes") {
      this.date = null;
      this.needsDateOrder = null;
    } else {
      const i = this.index.get(mapping.date)!;
      const info = inspectDateColumn(sample.map((r) => r[i] ?? ""));
      this.date = { ...info, order: mapping.dateOrder ?? info.order };
      this.needsDateOrder = info.ambiguous && !mapping.dateOrder ? { example: info.example ?? "" } : null;
    }
  }

  private cell(cells: string[], name: string | undefined): string {
    if (name === undefined) return "";
    return (cells[this.index.get(name)!] ?? "").trim();
  }

  /** Reads one row; returns its problems (an empty list when every value was taken). */
  read(row: Row): { column: string | null; value: string | null; reason: string }[] {
    if (row.error) return [{ column: null, value: null, reason: row.error }];
    const m = this.mapping;
    const problems: { column: string | null; value: string | null; reason: string }[] = [];
    if (m.layout === "sizes") {
      const levelRaw = this.cell(row.cells, m.level);
      const level = parseSizeLevel(levelRaw);
      if (!level) problems.push({ column: m.level, value: levelRaw, reason: "Not TAM, SAM or SOM" });
      const valueRaw = this.cell(row.cells, m.value);
      const value = parseNumber(valueRaw);
      if (!value.ok) problems.push({ column: m.value, value: valueRaw, reason: value.reason });
      else if (value.empty) problems.push({ column: m.value, value: valueRaw, reason: "The value is empty" });
      const yearRaw = this.cell(row.cells, m.year);
      const year = yearRaw ? Number(/\b(19|20)\d{2}\b/.exec(yearRaw)?.[0]) : new Date().getUTCFullYear();
      if (!Number.isInteger(year)) problems.push({ column: m.year ?? null, value: yearRaw, reason: "Not a year" });
      if (problems.length || !level || !value.ok || value.empty) return problems;
      this.sizes.push({
        line: row.line,
        level,
        year,
        value: value.value,
        currency: (this.cell(row.cells, m.currency) || value.currency || "USD").slice(0, 10),
        source: this.cell(row.cells, m.source).slice(0, 300) || null,
      });
      return problems;
    }
    const dateRaw = this.cell(row.cells, m.date);
    const d = dateRaw ? parseDateValue(dateRaw, this.date!) : null;
    if (!d || !d.ok || !d.date) {
      return [
        {
          column: m.date,
          value: dateRaw,
          reason: !dateRaw ? "The date is empty" : d && !d.ok ? d.reason : "Not a date",
        },
      ];
    }
    const entries =
      m.layout === "long"
        ? [{ series: this.cell(row.cells, m.series), column: m.value }]
        : m.series.map((s) => ({ series: s, column: s }));
    for (const e of entries) {
      const raw = this.cell(row.cells, e.column);
      if (!e.series) {
        problems.push({
          column: m.layout === "long" ? m.series : e.column,
          value: "",
          reason: "The series name is empty",
        });
        continue;
      }
      if (!raw && m.layout === "wide") continue; // a blank cell in a wide file: no point that period
      const value = parseNumber(raw);
      if (!value.ok || value.empty) {
        problems.push({ column: e.column, value: raw, reason: value.ok ? "The value is empty" : value.reason });
        continue;
      }
      const kindRaw = m.layout === "long" ? this.cell(row.cells, m.kind) : "";
      const unit =
        (m.layout === "long" ? this.cell(row.cells, m.unit) : (m.units?.[e.series] ?? "")) ||
        (value.percent ? "%" : value.currency) ||
        null;
      const kind = m.kinds?.[e.series] ?? (kindRaw ? parseSeriesKind(kindRaw) : null);
      if (kindRaw && !kind && !m.kinds?.[e.series]) {
        problems.push({
          column: m.layout === "long" ? (m.kind ?? null) : null,
          value: kindRaw,
          reason: "Unknown series kind",
        });
        continue;
      }
      this.points.push({
        line: row.line,
        series: e.series.slice(0, 200),
        date: d.date,
        value: value.value,
        unit,
        kind,
      });
      if (this.points.length > MAX_MARKET_POINTS) {
        throw new PermanentJobError(
          `A market import can hold at most ${fmt(MAX_MARKET_POINTS)} points: split the file.`,
        );
      }
    }
    return problems;
  }
}

export interface SeriesSummary {
  name: string;
  kind: SeriesKind;
  unit: string | null;
  frequency: Frequency | null;
  frequencyReason: string;
  points: number;
  duplicates: number;
  gaps: number;
  first: string | null;
  last: string | null;
}

/** Groups points into series: kind, unit, frequency, duplicate periods (dropped) and gaps. */
function summarise(points: Point[]) {
  const bySeries = new Map<string, Point[]>();
  for (const p of points) {
    let list = bySeries.get(p.series);
    if (!list) bySeries.set(p.series, (list = []));
    list.push(p);
  }
  const series: (SeriesSummary & { kept: Point[] })[] = [];
  const duplicates: { line: number; series: string; date: Date; firstLine: number }[] = [];
  const gaps: { line: number; series: string; after: Date; before: Date; missing: number }[] = [];
  for (const [name, list] of bySeries) {
    const freq = detectFrequency(list.map((p) => p.date));
    const check = checkSeries(list, freq.frequency);
    const dropped = new Set(check.duplicates.map((d) => d.line));
    for (const d of check.duplicates) duplicates.push({ ...d, series: name });
    const kept = list.filter((p) => !dropped.has(p.line));
    const lineOf = new Map(kept.map((p) => [p.date.getTime(), p.line]));
    for (const g of check.gaps) gaps.push({ ...g, series: name, line: lineOf.get(g.before.getTime()) ?? 0 });
    const sorted = kept.map((p) => p.date.getTime()).sort((a, b) => a - b);
    const explicit = list.find((p) => p.kind)?.kind;
    const unit = list.find((p) => p.unit)?.unit ?? null;
    series.push({
      name,
      kind: explicit ?? guessSeriesKind(name, unit ?? undefined),
      unit,
      frequency: freq.frequency,
      frequencyReason: freq.reason,
      points: kept.length,
      duplicates: check.duplicates.length,
      gaps: check.gaps.reduce((n, g) => n + g.missing, 0),
      first: sorted.length ? new Date(sorted[0]!).toISOString().slice(0, 10) : null,
      last: sorted.length ? new Date(sorted[sorted.length - 1]!).toISOString().slice(0, 10) : null,
      kept,
    });
  }
  return { series, duplicates, gaps };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

// ───────────────────────────────── preview ─────────────────────────────────

export const marketPreviewInputSchema = z.object({
  read: readOptionsSchema.optional(),
  mapping: marketMappingSchema.optional(),
});

export interface MarketPreview {
  batchId: string;
  fileName: string;
  status: string;
  info: TableInfo;
  headers: string[];
  mapping: MarketMapping | null;
  mappingError: string | null;
  ignored: { column: string; reason: string }[];
  needsDateOrder: { example: string } | null;
  dateForm: string | null;
  series: SeriesSummary[];
  sizes: { line: number; level: string; year: number; value: number; currency: string; source: string | null }[];
  rows: {
    line: number;
    cells: string[];
    problems: { column: string | null; value: string | null; reason: string }[];
  }[];
  sampled: number;
  invalidInSample: number;
}

/** How the first rows of a draft market import will be read. */
export async function previewMarketImport(
  ctx: WorkspaceContext,
  batchId: string,
  input: z.infer<typeof marketPreviewInputSchema> = {},
): Promise<MarketPreview> {
  requirePermission(ctx, "data.write");
  const batch = await getDraft(ctx, batchId);
  const stored = (batch.mapping ?? {}) as StoredOptions;
  const { table, sample } = await openDraftTable(ctx, batch, input.read ?? stored.read ?? {}, 2000);
  const cells = sample.map((r) => r.cells);
  const detected = detectMarketLayout(table.headers, headersAsRecords(table.headers, cells));
  let mapping: MarketMapping | null = input.mapping ?? ("error" in detected ? null : mappingFromLayout(detected));
  let mappingError = "error" in detected && !input.mapping ? detected.error : null;
  let reader: MarketReader | null = null;
  if (mapping) {
    try {
      reader = new MarketReader(mapping, table.headers, cells);
    } catch (e) {
      if (!(e instanceof PermanentJobError)) throw e;
      mappingError = e.message;
      mapping = input.mapping ? mapping : null;
    }
  }
  let invalid = 0;
  const rows = sample.map((r) => {
    const problems = reader ? reader.read(r) : [];
    if (problems.length) invalid++;
    return { line: r.line, cells: r.cells.map((c) => c.slice(0, 200)), problems };
  });
  const summary = reader ? summarise(reader.points) : null;
  return {
    batchId: batch.id,
    fileName: batch.fileName,
    status: batch.status,
    info: table.info,
    headers: table.headers,
    mapping,
    mappingError,
    ignored: "error" in detected ? [] : detected.ignored,
    needsDateOrder: reader?.needsDateOrder ?? null,
    dateForm: reader?.date?.form ?? null,
    series: summary?.series.map(({ kept: _kept, ...s }) => s) ?? [],
    sizes: reader?.sizes.map((s) => ({ ...s })) ?? [],
    rows: rows.slice(0, 20),
    sampled: rows.length,
    invalidInSample: invalid,
  };
}

function headersAsRecords(headers: string[], rows: string[][]): Record<string, string>[] {
  return rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ""])));
}

// ─────────────────────────────────── job ───────────────────────────────────

const COPY_MARKET = `COPY "MarketStaging" ("batchId", "attempt", "seq", "seriesName", "kind", "unit", "date", "value", "line") FROM STDIN`;

/** Reads a market batch's file, checks each series, stages its points; the outcome publishes them. */
export async function runMarketImport(ctx: JobContext, run: ImportRun): Promise<JobOutcome> {
  const { db, batch, options } = run;
  const workspaceId = ctx.job.workspaceId;
  const { table, sample, rest } = await openBatchTable(ctx, batch, options.read, 2000);
  const cells = sample.map((r) => r.cells);
  let mapping: MarketMapping;
  if (options.mapping !== undefined) {
    const parsed = marketMappingSchema.safeParse(options.mapping);
    if (!parsed.success) {
      throw new PermanentJobError(
        `The column mapping is not valid: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
      );
    }
    mapping = parsed.data;
  } else {
    const detected = detectMarketLayout(table.headers, headersAsRecords(table.headers, cells));
    if ("error" in detected) throw new PermanentJobError(detected.error);
    mapping = mappingFromLayout(detected);
  }
  const reader = new MarketReader(mapping, table.headers, cells);
  if (reader.needsDateOrder) {
    throw new PermanentJobError(
      `Dates such as ${reader.needsDateOrder.example} could be day/month or month/day. Choose the order on the ` +
        `import's preview, or give "dateOrder": "dmy" or "mdy" in the mapping.`,
    );
  }
  const errors = new RowErrorLog(db, workspaceId, batch.id);
  let rowsTotal = 0;
  const startedAt = Date.now();
  const totalBytes = Math.max(1, Number(batch.fileBytes));
  const take = async (row: Row) => {
    rowsTotal++;
    const problems = reader.read(row);
    for (const p of problems) await errors.add(row.line, p.column, p.value, p.reason);
    if (problems.length) errors.rowRejected();
  };
  for (const row of sample) await take(row);
  let lastReport = Date.now();
  for (let r = await rest.next(); !r.done; r = await rest.next()) {
    await take(r.value);
    if (rowsTotal % 1000 === 0 && Date.now() - lastReport > 1000) {
      lastReport = Date.now();
      const fraction = Math.min(1, table.bytesRead() / totalBytes);
      await ctx.progress(fraction * 80, readingMessage(rowsTotal, fraction, startedAt));
    }
  }
  ctx.checkpoint();

  const { series, duplicates, gaps } = summarise(reader.points);
  for (const d of duplicates) {
    await errors.add(
      d.line,
      null,
      day(d.date),
      `Duplicate date in "${d.series}": line ${d.firstLine} has the same period (kept)`,
    );
  }
  for (const g of gaps) {
    await errors.add(
      g.line,
      null,
      day(g.before),
      `Gap in "${g.series}": ${g.missing} period${g.missing === 1 ? "" : "s"} missing after ${day(g.after)} (row imported)`,
    );
  }
  await errors.flush();
  if (mapping.layout !== "sizes" && series.length === 0 && reader.sizes.length === 0) {
    throw new PermanentJobError(
      rowsTotal === 0
        ? "The file has a header row but no data rows."
        : "No row of the file holds a valid date and value.",
    );
  }
  await run.recordDetected({
    ...describeTable(table.info),
    columns: mapping,
    dateForm: reader.date?.form ?? null,
    series: series.map(({ kept: _kept, ...s }) => s),
  });

  let seq = 0;
  async function* copyData(): AsyncGenerator<string> {
    let buf = "";
    for (const s of series) {
      for (const p of s.kept) {
        const date = s.frequency ? periodStart(p.date, s.frequency) : p.date;
        buf += copyRow([batch.id, ctx.job.attempt, seq++, s.name, s.kind, s.unit, day(date), p.value, p.line]);
        if (buf.length > 256 * 1024) {
          yield buf;
          buf = "";
        }
      }
    }
    if (buf) yield buf;
  }
  await handleOf(db).copyIn(COPY_MARKET, copyData());
  await ctx.progress(90, `${fmt(seq)} points in ${fmt(series.length)} series · publishing`);

  const rowsInvalid = errors.rowsRejected;
  const duplicatesDropped = duplicates.length;
  return {
    resultType: "ImportBatch",
    resultId: batch.id,
    commitTimeoutMs: PUBLISH_TIMEOUT_MS,
    commit: async (tx) => {
      const seriesIds: string[] = [];
      for (const s of series) {
        const row = await tx.marketSeries.upsert({
          where: { workspaceId_name: { workspaceId, name: s.name } },
          create: { workspaceId, name: s.name, kind: s.kind, unit: s.unit, frequency: s.frequency },
          update: { frequency: s.frequency ?? undefined, unit: s.unit ?? undefined },
        });
        seriesIds.push(row.id);
      }
      // New periods are inserted, revised values replace the old ones, identical values are left alone.
      const written = await tx.$queryRaw<{ inserted: boolean }[]>`
        INSERT INTO "MarketPoint" ("seriesId", "date", "workspaceId", "batchId", "value")
        SELECT ms."id", s."date", ${workspaceId}, s."batchId", s."value"
        FROM "MarketStaging" s JOIN "MarketSeries" ms ON ms."workspaceId" = ${workspaceId} AND ms."name" = s."seriesName"
        WHERE s."batchId" = ${batch.id} AND s."attempt" = ${ctx.job.attempt}
        ON CONFLICT ("seriesId", "date") DO UPDATE SET "value" = EXCLUDED."value", "batchId" = EXCLUDED."batchId"
          WHERE "MarketPoint"."value" IS DISTINCT FROM EXCLUDED."value"
        RETURNING (xmax = 0) AS inserted`;
      await tx.marketStaging.deleteMany({ where: { batchId: batch.id } });
      const inserted = written.filter((w) => w.inserted).length;
      const updated = written.length - inserted;
      let sizesNew = 0;
      for (const s of reader.sizes) {
        const existing = await tx.marketSize.findFirst({
          where: { workspaceId, level: s.level, year: s.year, source: s.source },
        });
        if (existing) {
          if (existing.value !== s.value || existing.currency !== s.currency) {
            await tx.marketSize.update({
              where: { id: existing.id },
              data: { value: s.value, currency: s.currency, batchId: batch.id },
            });
          }
        } else {
          await tx.marketSize.create({
            data: {
              workspaceId,
              level: s.level,
              year: s.year,
              value: s.value,
              currency: s.currency,
              source: s.source,
              batchId: batch.id,
            },
          });
          sizesNew++;
        }
      }
      const unchanged = seq - written.length + duplicatesDropped;
      const parts =
        mapping.layout === "sizes"
          ? [count(sizesNew, "new market size"), `${fmt(reader.sizes.length - sizesNew)} already known`]
          : [
              `${count(inserted, "new point")} in ${fmt(series.length)} series`,
              ...(updated ? [`${fmt(updated)} updated`] : []),
              count(unchanged, "duplicate"),
            ];
      const message = [...parts, `${fmt(rowsInvalid)} invalid`].join(", ");
      await tx.importBatch.update({
        where: { id: batch.id },
        data: {
          status: "COMPLETED",
          rowsTotal,
          rowsNew: mapping.layout === "sizes" ? sizesNew : inserted,
          rowsDuplicate: mapping.layout === "sizes" ? reader.sizes.length - sizesNew : unchanged,
          rowsInvalid,
          message,
          finishedAt: new Date(),
        },
      });
      const changed = inserted + updated > 0 ? seriesIds : [];
      return {
        message,
        followUps: followUps(
          { kind: "market-changed", seriesIds: changed },
          { workspaceId, createdById: ctx.job.createdById },
        ),
      };
    },
  };
}
