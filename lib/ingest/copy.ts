/**
 * PostgreSQL COPY text format: one row a line, columns separated by tabs, NULL as \N, and
 * backslash, tab, newline and carriage return escaped with a backslash.
 */
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value in COPY text format. */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v !== "string") return String(v);
  // PostgreSQL text cannot hold NUL; the readers strip it, this keeps COPY safe regardless.
  const s = v.includes("\u0000") ? v.replaceAll("\u0000", "") : v;
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : s;
}

/** One row in COPY text format, newline included. */
export function copyRow(values: (string | number | boolean | null | undefined)[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i ? "\t" : "") + copyValue(values[i]);
  return `${line}\n`;
}

/** Timestamps as PostgreSQL reads them for `timestamp(3)` columns (UTC, no zone). */
export const copyTimestamp = (d: Date | null) => (d ? d.toISOString().replace("T", " ").replace("Z", "") : null);
