/**
 * Reads an uploaded file as a table: a header row and rows of string cells, streamed.
 *
 * - CSV/TSV (any delimiter, detected) through csv-parse, after decoding the bytes with the
 *   detected (or chosen) encoding;
 * - XLSX through exceljs's streaming workbook reader (first sheet, or a chosen one);
 * - JSON arrays through stream-json, NDJSON through its JSONL parser; nested objects are
 *   flattened one level ("plan.name"), arrays kept as JSON text.
 *
 * Nothing here holds more than a chunk of the file (and one row) in memory.
 */
import { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse";
import ExcelJS from "exceljs";
import jsonlParser from "stream-chain/jsonl/parserStream.js";
import streamArray from "stream-json/streamers/stream-array.js";
import { detectEncoding, ENCODINGS, type Detected, type Encoding } from "./encoding.ts";

export const FORMATS = ["csv", "xlsx", "json", "ndjson"] as const;
export type FileFormat = (typeof FORMATS)[number];
export const DELIMITERS = [",", ";", "\t", "|"] as const;

/** The file cannot be read as a table at all: nothing of it is imported. */
export class UnreadableFileError extends Error {}

export interface ReadOptions {
  format?: FileFormat;
  encoding?: Encoding;
  delimiter?: string;
  /** Sheet name or 1-based number (XLSX). */
  sheet?: string;
}

export interface TableInfo {
  format: FileFormat;
  encoding?: Detected;
  delimiter?: string;
  sheet?: string;
  /** What a row's number counts: lines of text, spreadsheet rows or array items. */
  rowUnit: "line" | "row" | "item";
}

export interface Row {
  /** Line (CSV, NDJSON), spreadsheet row (XLSX) or item number (JSON array), from 1. */
  line: number;
  /** Aligned with `headers`; missing cells are "". */
  cells: string[];
  /** Why the row could not be read (it is reported, not imported). */
  error?: string;
}

export interface Table {
  info: TableInfo;
  /** Column names, unique and non-empty. JSON files may add columns as new keys appear. */
  headers: string[];
  rows: AsyncIterable<Row>;
  /** Bytes of the file consumed so far (for progress). */
  bytesRead(): number;
}

/** Decides the format from the file's name and first bytes (content wins over the name). */
export function detectFormat(name: string, head: Uint8Array): FileFormat {
  // A zip archive (whatever its name says) is a workbook.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  if (/\.xls$/i.test(name)) {
    throw new UnreadableFileError("Old Excel files (.xls) are not supported: save the sheet as .xlsx or CSV.");
  }
  const text = new TextDecoder("utf-8").decode(head.subarray(0, 64 * 1024)).replace(/^\uFEFF/, "");
  const first = text.trimStart()[0];
  if (/\.ndjson$|\.jsonl$/i.test(name)) return "ndjson";
  if (first === "[") return "json";
  if (first === "{") {
    // One object per line is NDJSON; a single (possibly pretty-printed) object is not a table.
    const lines = text.trim().split(/\r?\n/);
    if (lines.length > 1 && lines[0]!.trim().endsWith("}")) return "ndjson";
    throw new UnreadableFileError(
      "This JSON file holds one object: use an array of objects ([{…}, {…}]) or one object per line (NDJSON).",
    );
  }
  if (/\.json$/i.test(name)) throw new UnreadableFileError("This .json file does not start with [ or {.");
  return "csv";
}

/** Rejects files that are not text at all (images, archives, executables renamed .csv). */
function assertText(head: Uint8Array, encoding: Detected): void {
  if (encoding.encoding.startsWith("utf-16")) return;
  const sample = head.subarray(0, 8192);
  if (sample[0] === 0x25 && sample[1] === 0x50 && sample[2] === 0x44 && sample[3] === 0x46) {
    throw new UnreadableFileError("This is a PDF, not a table: export the data as CSV, XLSX or JSON.");
  }
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 0x09 && b !== 0) || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  if (sample.length && control / sample.length > 0.01) {
    throw new UnreadableFileError("This file is binary data, not text: upload a CSV, TSV, XLSX or JSON file.");
  }
}

/** The delimiter that splits the first lines into the same number of fields, most fields first. */
export function detectDelimiter(sample: string): string {
  const lines = sample
    .split(/\r\n|\n|\r/, 12)
    .slice(0, 11)
    .filter((l) => l.trim() !== "");
  if (lines.length > 1 && sample.length >= 64 * 1024) lines.pop(); // the last may be cut short
  let best = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const head = counts[0] ?? 0;
    if (head === 0) continue;
    const consistent = counts.filter((c) => c === head).length / counts.length;
    const score = head * (consistent >= 0.6 ? 2 : 1);
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/** Header names made unique and non-empty ("column 3", "date (2)"). */
export function cleanHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    let name = h.replace(/^\uFEFF/, "").trim() || `column ${i + 1}`;
    const n = seen.get(name.toLowerCase()) ?? 0;
    seen.set(name.toLowerCase(), n + 1);
    if (n > 0) name = `${name} (${n + 1})`;
    return name;
  });
}

const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * Opens a file as a table. `open()` yields the file's bytes from the start (it is called once
 * per pass); `head` is its first bytes, used for detection.
 */
export async function openTable(
  name: string,
  head: Uint8Array,
  open: () => AsyncIterable<Buffer>,
  opts: ReadOptions = {},
): Promise<Table> {
  if (head.byteLength === 0) throw new UnreadableFileError("The file is empty.");
  const format = opts.format ?? detectFormat(name, head);
  let consumed = 0;
  const counted = async function* () {
    for await (const chunk of open()) {
      consumed += chunk.length;
      yield chunk;
    }
  };
  const bytesRead = () => consumed;
  if (format === "xlsx") return openXlsx(counted(), opts, bytesRead);
  const encoding: Detected = opts.encoding
    ? { encoding: opts.encoding, reason: "chosen", bomLength: 0 }
    : detectEncoding(head);
  assertText(head, encoding);
  const text = decodeStream(counted(), encoding.encoding);
  if (format === "csv") {
    const sample = new TextDecoder(encoding.encoding).decode(head.subarray(0, 64 * 1024));
    const delimiter = opts.delimiter ?? detectDelimiter(sample.replace(/^\uFEFF/, ""));
    return openCsv(text, { format, encoding, delimiter, rowUnit: "line" }, bytesRead);
  }
  return openJson(text, { format, encoding, rowUnit: format === "json" ? "item" : "line" }, bytesRead);
}

/** Bytes to text, chunk by chunk (a character split across chunks is kept whole); drops a BOM. */
async function* decodeStream(source: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<string> {
  if (!ENCODINGS.includes(encoding)) throw new UnreadableFileError(`Unknown encoding ${encoding}`);
  const decoder = new TextDecoder(encoding); // BOM dropped by default (ignoreBOM false)
  for await (const chunk of source) {
    const s = decoder.decode(chunk, { stream: true });
    if (s) yield s;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function csvMessage(e: unknown): string {
  const err = e as { code?: string; lines?: number; message?: string };
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `A quoted field that starts near line ${err.lines ?? "?"} is never closed: check for a stray " in the file.`;
    case "CSV_MAX_RECORD_SIZE":
      return `Line ${err.lines ?? "?"} is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB: this does not look like a table of feedback or market data.`;
    case "CSV_INVALID_CLOSING_QUOTE":
      return `Line ${err.lines ?? "?"}: a quote in the middle of a field. Quotes inside a field must be doubled ("").`;
    default:
      return `The file could not be read as CSV: ${err.message ?? String(e)}`;
  }
}

async function openCsv(text: AsyncIterable<string>, info: TableInfo, bytesRead: () => number): Promise<Table> {
  const parser = Readable.from(text).pipe(
    parseCsv({
      delimiter: info.delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      // Exports often hold quotes inside unquoted fields (<a href="…">): keep them as text.
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_BYTES,
      info: true,
    }),
  );
  const iterator = (parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)[Symbol.asyncIterator]();
  const next = async () => {
    try {
      return await iterator.next();
    } catch (e) {
      throw new UnreadableFileError(csvMessage(e));
    }
  };
  const first = await next();
  if (first.done) throw new UnreadableFileError("The file is empty.");
  const headers = cleanHeaders(first.value.record);
  const width = headers.length;
  async function* rows(): AsyncGenerator<Row> {
    for (let r = await next(); !r.done; r = await next()) {
      const cells = r.value.record;
      if (cells.length < width) for (let i = cells.length; i < width; i++) cells.push("");
      // csv-parse counts the line a record ends on; a user looks for the line it starts on.
      let line = r.value.info.lines;
      for (const c of cells) if (c.length > 0 && (c.includes("\n") || c.includes("\r"))) line -= newlines(c);
      yield { line, cells };
    }
  }
  return { info, headers, rows: rows(), bytesRead };
}

function newlines(s: string): number {
  return s.match(/\r\n|\n|\r/g)?.length ?? 0;
}

/** A spreadsheet cell as text: dates as ISO, formulas by their result, rich text by its text. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString();
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((t: { text?: string }) => t.text ?? "").join("");
    if ("result" in o) return cellText(o.result);
    if ("text" in o) return cellText(o.text);
    if ("error" in o) return "";
    return JSON.stringify(v);
  }
  return String(v);
}

async function openXlsx(source: AsyncIterable<Buffer>, opts: ReadOptions, bytesRead: () => number): Promise<Table> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(source), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache", // needed to tell dates from numbers
    worksheets: "emit",
  });
  const wanted = opts.sheet?.trim();
  const sheets: string[] = [];
  const books = reader[Symbol.asyncIterator]();
  let sheet: AsyncIterable<ExcelJS.Row> | undefined;
  let sheetName = "";
  try {
    for (let r = await books.next(); !r.done; r = await books.next()) {
      const ws = r.value as unknown as AsyncIterable<ExcelJS.Row> & { id: number; name?: string };
      const label = ws.name ?? `Sheet ${ws.id}`;
      sheets.push(label);
      if (!wanted || wanted === label || wanted === String(sheets.length)) {
        sheet = ws;
        sheetName = label;
        break;
      }
      // Skip this sheet's rows to reach the next one.
      for await (const _row of ws) void _row;
    }
  } catch (e) {
    throw new UnreadableFileError(`The spreadsheet could not be read: ${(e as Error).message}`);
  }
  if (!sheet) {
    throw new UnreadableFileError(`There is no sheet "${wanted}" in this workbook. Its sheets: ${sheets.join(", ")}.`);
  }
  const rowsIt = sheet[Symbol.asyncIterator]();
  const values = (row: ExcelJS.Row) => {
    const v = row.values as unknown[];
    return v.slice(1).map(cellText);
  };
  let headerRow: ExcelJS.Row | undefined;
  for (let r = await rowsIt.next(); !r.done; r = await rowsIt.next()) {
    if (values(r.value).some((c) => c.trim() !== "")) {
      headerRow = r.value;
      break;
    }
  }
  if (!headerRow) throw new UnreadableFileError(`The sheet "${sheetName}" is empty.`);
  const headers = cleanHeaders(values(headerRow));
  const width = headers.length;
  async function* rows(): AsyncGenerator<Row> {
    for (let r = await rowsIt.next(); !r.done; r = await rowsIt.next()) {
      const cells = values(r.value).slice(0, width);
      if (!cells.some((c) => c.trim() !== "")) continue;
      while (cells.length < width) cells.push("");
      yield { line: r.value.number, cells };
    }
  }
  return { info: { format: "xlsx", sheet: sheetName, rowUnit: "row" }, headers, rows: rows(), bytesRead };
}

/** An NDJSON line that is not valid JSON: a row error, not the end of the file. */
class BadLine {
  constructor(readonly message: string) {}
}

/** A JSON object as one row's named values: nested objects flattened one level. */
function flatten(item: unknown): Map<string, string> | null {
  if (!item || typeof item !== "object" || Array.isArray(item) || item instanceof BadLine) return null;
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(item)) {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v)) out.set(`${k}.${k2}`, cellText(v2));
    } else out.set(k, cellText(v));
  }
  return out;
}

async function openJson(text: AsyncIterable<string>, info: TableInfo, bytesRead: () => number): Promise<Table> {
  const stream =
    info.format === "json"
      ? Readable.from(text).pipe(streamArray.withParserAsStream())
      : Readable.from(text).pipe(jsonlParser({ errorIndicator: (e: Error) => new BadLine(e.message) }));
  const items = (stream as AsyncIterable<{ key: number; value: unknown }>)[Symbol.asyncIterator]();
  const next = async () => {
    try {
      return await items.next();
    } catch (e) {
      throw new UnreadableFileError(
        `The file is not valid ${info.format === "json" ? "JSON" : "NDJSON"}: ${(e as Error).message}`,
      );
    }
  };
  // Columns come from the first items; keys first seen later are added as they appear.
  const buffered: { line: number; value: unknown }[] = [];
  const headers: string[] = [];
  const index = new Map<string, number>();
  const addKeys = (m: Map<string, string>) => {
    for (const k of m.keys()) if (!index.has(k)) index.set(k, headers.push(k) - 1);
  };
  let done = false;
  while (buffered.length < 200) {
    const r = await next();
    if (r.done) {
      done = true;
      break;
    }
    const values = flatten(r.value.value);
    if (values) addKeys(values);
    buffered.push({ line: r.value.key + 1, value: r.value.value });
  }
  if (!buffered.length) throw new UnreadableFileError("The file holds no items.");
  if (!headers.length) throw new UnreadableFileError("The items of this file are not objects with named fields.");
  const toRow = (line: number, value: unknown): Row => {
    const values = flatten(value);
    const cells = new Array<string>(headers.length).fill("");
    if (value instanceof BadLine) return { line, cells, error: `Not valid JSON: ${value.message}` };
    if (!values) return { line, cells, error: "Not an object with named fields" };
    {
      addKeys(values);
      while (cells.length < headers.length) cells.push("");
      for (const [k, v] of values) cells[index.get(k)!] = v;
    }
    return { line, cells };
  };
  async function* rows(): AsyncGenerator<Row> {
    for (const b of buffered.splice(0)) yield toRow(b.line, b.value);
    if (done) return;
    for (let r = await next(); !r.done; r = await next()) yield toRow(r.value.key + 1, r.value.value);
  }
  return { info, headers, rows: rows(), bytesRead };
}
