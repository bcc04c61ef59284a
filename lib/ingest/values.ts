/**
 * Cell values of imported files, read and cleaned: pure functions that never throw for bad input and
 * say why a value could not be read (the reason is shown in the import's per-row error list).
 *
 * - dates.ts: `inspectDateColumn`, `parseDateValue` (ISO, day/month orders, month names, Unix time,
 *   spreadsheet serials, Date objects);
 * - ratings.ts: `detectRatingScale`, `parseRating` (5 stars, NPS 0–10, thumbs up/down);
 * - numbers.ts: `parseNumber`, `detectDecimalSeparator` (separators, currencies, percent, negatives);
 * - redact.ts: `redactText` (e-mail, phone, card, IBAN);
 * - here: `stripControlChars` for text going into the database and `neutraliseFormula` for text going
 *   out to spreadsheets.
 *
 * Every parser returns `{ ok: true, empty: false, … }` for a value, `{ ok: true, empty: true, … }`
 * (the value fields null) for a blank cell, and `{ ok: false, empty: false, reason }` otherwise: a blank
 * cell is not an error, and a required column checks `empty` itself.
 */
export * from "./dates.ts";
export * from "./numbers.ts";
export * from "./ratings.ts";
export * from "./redact.ts";

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const LINE_BREAK = /\r\n?/g;

/**
 * Removes C0 control characters (NUL included: PostgreSQL text cannot hold it) except tab and newline,
 * and turns CRLF and lone CR line breaks into LF. Everything else stays: emoji, accents, every script.
 * Text without control characters is returned as it is, without a copy.
 */
export function stripControlChars(text: string): string {
  let k = 0;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c < 32 && c !== 9 && c !== 10) break;
    k++;
  }
  if (k === text.length) return text;
  return text.replace(LINE_BREAK, "\n").replace(CONTROL, "");
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Makes a value safe to write into a CSV or XLSX cell that a spreadsheet will open (CSV injection,
 * OWASP): a value beginning with =, +, -, @, a tab or a carriage return would be run as a formula
 * (=HYPERLINK(…), =cmd|' /C calc'!A0, DDE), so it gets a leading apostrophe and shows as text.
 * Plain numbers (-12.5, +3, -1e5) are left alone: they cannot run anything, and prefixed they would
 * become text in every negative figure of an export.
 * Quoting the cell (commas, quotes, line breaks) is the CSV writer's job, after this.
 */
export function neutraliseFormula(value: string): string {
  const c = value.charCodeAt(0);
  if (c !== 61 && c !== 43 && c !== 45 && c !== 64 && c !== 9 && c !== 13) return value;
  if ((c === 43 || c === 45) && PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
