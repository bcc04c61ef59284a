/**
 * Date cells of imported files (CSV, XLSX, JSON): which form a column uses, and one cell read as a
 * UTC instant.
 *
 * Forms, as `inspectDateColumn` names them:
 * - `iso`: 2026-03-04, 2026-03-04T10:20:30Z, with an offset (+01:00, +0100), a space instead of T,
 *   fractional seconds; also the reduced forms 2026-03 (month), 2026-W10 (ISO week, its Monday),
 *   20260304 (basic form) and a bare year 2026 (its 1 January).
 * - `slash`: day and month as numbers in an order the file does not state: 03/04/2026, 3-4-2026,
 *   03.04.2026, 03/04/26, optionally with a time (10:20, 10:20:30, 10:20 PM); year first (2026/03/04)
 *   is always year/month/day.
 * - `text`: a month name: 4 Mar 2026, March 4, 2026, Mar 4 2026 10:00, Wed, 04 Mar 2026 10:20:30 +0000,
 *   4. März 2026, 4 de marzo de 2026 (month names in English, German, French, Spanish, Italian,
 *   Portuguese and Dutch), March 2026 and Mar-26 (a month, as spreadsheets write mmm-yy), Q1 2026.
 * - `epoch_s` / `epoch_ms`: Unix time in seconds (9 or 10 digits) or milliseconds (11 to 13 digits).
 * - `serial`: spreadsheet day numbers (1900 date system), 46000 or 46000.5 (noon).
 * - `date_object`: Date values, as XLSX readers give for cells formatted as dates.
 *
 * A date without a zone is UTC (midnight, or the time given). Only 1970 to 2100 is accepted. Two-digit
 * years are 2000–2069 for 00–69 and 1970–1999 for 70–99.
 */

export const DATE_FORMS = ["iso", "slash", "text", "epoch_s", "epoch_ms", "serial", "date_object"] as const;
export type DateForm = (typeof DATE_FORMS)[number];

/** How day and month are ordered in numeric dates; "ymd" for year-first columns (2026/03/04). */
export type DayOrder = "dmy" | "mdy" | "ymd";

export interface DateOptions {
  /**
   * How to read 03/04/2026: "dmy" (3 April) or "mdy" (March 4). Without it ("ymd" or null), only values
   * that prove their own order (25/03/2026) are read; the others are rejected as ambiguous.
   */
  order?: DayOrder | null;
}

/** A cell read: a date, an empty cell (not an error: the column is optional for some imports), or why not. */
export type DateValue =
  | { ok: true; empty: false; date: Date }
  | { ok: true; empty: true; date: null }
  | { ok: false; empty: false; reason: string };

export interface DateColumnInfo {
  /** The most common form among the samples that were read; null when none was. */
  form: DateForm | null;
  /** How many samples were read in each form (a column may mix ISO strings and spreadsheet dates). */
  forms: Partial<Record<DateForm, number>>;
  /** Day/month order of `slash` dates: proven by a sample, or null when no sample proves it. */
  order: DayOrder | null;
  /** True when slash dates such as 03/04/2026 could be read either way and no sample settles it. */
  ambiguous: boolean;
  /** When ambiguous: a sample that could be read both ways, such as "03/04/2026" (or, in a tie, a day-first one). */
  example: string | null;
  /** When a sample such as 03/04/2026 makes the column ambiguous: "03/04/2026 could be 3 April or March 4". */
  ambiguity: string | null;
  /** True when some samples are day-first (25/03/2026) and others month-first (03/25/2026). */
  inconsistent: boolean;
  /** Samples read, empty, and not read (with the order above, or either order when ambiguous). */
  counts: { parsed: number; empty: number; unparseable: number };
  /** The first sample that could not be read, and why. */
  firstProblem: { value: string; reason: string } | null;
  /** One line for the preview: what the column holds, or what is wrong with it. */
  message: string;
}

const DAY_MS = 86_400_000;
const MIN_TIME = Date.UTC(1970, 0, 1);
const MAX_TIME = Date.UTC(2101, 0, 1) - 1;
const RANGE = "outside the supported years 1970–2100";
/** Samples looked at by `inspectDateColumn`; more add nothing to the decision. */
const MAX_SAMPLES = 10_000;

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

// ───────────────────────────── one cell ─────────────────────────────

/** Reads one date cell with the column's day/month order (a `DateColumnInfo` will do). Never throws. */
export function parseDateValue(raw: unknown, options?: DateOptions | null): DateValue {
  return read(raw, options?.order ?? null, null);
}

/**
 * A spreadsheet serial day number in the 1900 date system as a UTC instant; the fraction is the time of
 * day. Serial 1 is 1900-01-01 and 61 is 1900-03-01: spreadsheets count a 29 February 1900 (serial 60)
 * that never existed, a Lotus 1-2-3 bug kept for compatibility, so 60 has no date. 45658 is 2025-01-01.
 * Returns null for 60, for values below 1 (a time without a date) and for non-finite values.
 */
export function fromSpreadsheetSerial(serial: number): Date | null {
  const time = serialTime(serial);
  return time === null ? null : new Date(time);
}

function serialTime(serial: number): number | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  let days = Math.floor(serial);
  let ms = Math.round((serial - days) * DAY_MS);
  if (ms === DAY_MS) {
    days++;
    ms = 0;
  }
  if (days === 60) return null;
  // Day 0 is 1899-12-31 before the phantom leap day, 1899-12-30 after it.
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return epoch + days * DAY_MS + ms;
}

/** Where `read` reports the form of what it read (only `inspectDateColumn` asks). */
interface FormSink {
  form: DateForm | null;
}

const EMPTY: DateValue = Object.freeze({ ok: true, empty: true, date: null });
const fail = (reason: string): DateValue => ({ ok: false, empty: false, reason });
const unrecognised = (s: string) => fail(`${quote(s)} is not a date we recognise`);

function read(raw: unknown, order: DayOrder | null, sink: FormSink | null): DateValue {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === "string") {
    const s = raw.trim();
    return s ? fromString(s, order, sink) : EMPTY;
  }
  if (typeof raw === "number") return fromNumber(raw, raw, sink);
  if (raw instanceof Date) {
    if (sink) sink.form = "date_object";
    const t = raw.getTime();
    if (Number.isNaN(t)) return fail("The cell holds an invalid date");
    return t < MIN_TIME || t > MAX_TIME ? fail(`${raw.toISOString().slice(0, 10)} is ${RANGE}`) : ok(t);
  }
  if (typeof raw === "boolean") return fail(`${raw} is not a date`);
  return fail(`A ${typeof raw} value is not a date`);
}

const ok = (time: number): DateValue => ({ ok: true, empty: false, date: new Date(time) });

// ── numbers: years, serial days, 20260304, Unix seconds and milliseconds ──

const NUMERIC = /^\d+(?:\.\d+)?$/;

function fromNumber(n: number, src: Src, sink: FormSink | null): DateValue {
  if (!Number.isFinite(n) || n < 0) return fail(`${show(src)} is not a date`);
  if (Number.isInteger(n) && n >= 1000 && n <= 9999) {
    // A year: as serial days, four digits are dates in 1902–1927, which no import means.
    if (sink) sink.form = "iso";
    return build(n, 1, 1, 0, src, null);
  }
  if (n < 1e7) {
    if (sink) sink.form = "serial";
    if (n < 1) return fail(`${show(src)} is a time of day without a date`);
    const time = serialTime(n);
    if (time === null)
      return fail(`${show(src)} is 29 February 1900 as a spreadsheet day number, a day that never existed`);
    return inRange(time, src, "a spreadsheet day number");
  }
  if (n < 1e8) {
    // 20260304, the basic ISO form; other 8-digit numbers are not dates.
    const [y, m, d] = [Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100];
    if (!Number.isInteger(n) || y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1)
      return fail(`${show(src)} is not a date`);
    if (sink) sink.form = "iso";
    return build(y, m, d, 0, src, null);
  }
  if (n < 1e10) {
    if (sink) sink.form = "epoch_s";
    const time = Math.round(n * 1000);
    return inRange(time, src, "Unix seconds");
  }
  if (n < 1e14) {
    if (sink) sink.form = "epoch_ms";
    const time = Math.round(n);
    return inRange(time, src, "Unix milliseconds");
  }
  return fail(`${show(src)} is too large for a timestamp in seconds or milliseconds`);
}

const day = (time: number) => new Date(time).toISOString().slice(0, 10);
/** The instant, or why not: "… is outside …", or with `readAs`, "… read as Unix seconds is 2101-01-01, outside …". */
function inRange(time: number, src: Src, readAs: string | null): DateValue {
  if (time >= MIN_TIME && time <= MAX_TIME) return ok(time);
  return fail(readAs ? `${show(src)} read as ${readAs} is ${day(time)}, ${RANGE}` : `${show(src)} is ${RANGE}`);
}

// ── strings ──

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const ISO_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const ISO_WEEK = /^(\d{4})-?W(\d{2})(?:-?([1-7]))?$/i;
const SLASH = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?!\d)/;
const QUARTER = /^(?:Q([1-4])[\s/-]*(?:['’](\d{2})|(\d{4}))|(\d{4})[\s/-]*Q([1-4]))$/i;

function fromString(s: string, order: DayOrder | null, sink: FormSink | null): DateValue {
  const c0 = s.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    if (NUMERIC.test(s)) return fromNumber(Number(s), s, sink);
    let m = ISO_DATE.exec(s);
    if (m) {
      if (sink) sink.form = "iso";
      return withTail(+m[1]!, +m[2]!, +m[3]!, s, m[0].length, null);
    }
    m = SLASH.exec(s);
    if (m) {
      if (sink) sink.form = "slash";
      return fromSlash(m, s, order);
    }
    m = ISO_MONTH.exec(s);
    if (m) {
      if (sink) sink.form = "iso";
      return build(+m[1]!, +m[2]!, 1, 0, s, null);
    }
    m = ISO_WEEK.exec(s);
    if (m) {
      if (sink) sink.form = "iso";
      return fromIsoWeek(+m[1]!, +m[2]!, m[3] ? +m[3] : 1, s);
    }
  }
  const quarter = QUARTER.exec(s);
  if (quarter) {
    if (sink) sink.form = "text";
    const year = quarter[3] ? +quarter[3] : quarter[2] ? twoDigitYear(+quarter[2]) : +quarter[4]!;
    return build(year, (+(quarter[1] ?? quarter[5]!) - 1) * 3 + 1, 1, 0, s, null);
  }
  return fromText(s, sink);
}

function fromSlash(m: RegExpExecArray, s: string, order: DayOrder | null): DateValue {
  const a = m[1]!;
  const b = m[3]!;
  const c = m[4]!;
  if (a.length === 4) {
    if (c.length > 2) return unrecognised(s);
    return withTail(+a, +b, +c, s, m[0].length, null);
  }
  if (a.length > 2 || (c.length !== 2 && c.length !== 4)) return unrecognised(s);
  const year = c.length === 2 ? twoDigitYear(+c) : +c;
  const first = +a;
  const second = +b;
  let dmy: boolean;
  if (order === "dmy" || order === "mdy") dmy = order === "dmy";
  else if (first > 12 && second <= 12) dmy = true;
  else if (second > 12 && first <= 12) dmy = false;
  else if (first === second) dmy = true;
  else if (first === 0 || second === 0) return fail(`${show(s)} is not a real date: there is no day or month 0`);
  else if (first > 12) return fail(`${show(s)} is not a real date: neither ${first} nor ${second} can be a month`);
  else return fail(`${show(s)} could be ${readings(first, second)}: choose the column's day/month order`);
  const readAs = order === "dmy" || order === "mdy" ? (dmy ? "day/month/year" : "month/day/year") : null;
  return withTail(year, dmy ? second : first, dmy ? first : second, s, m[0].length, readAs);
}

/** The two readings of 03/04: "3 April or March 4". */
const readings = (first: number, second: number) =>
  `${first} ${MONTH_NAMES[second - 1]} or ${MONTH_NAMES[first - 1]} ${second}`;

const twoDigitYear = (yy: number) => (yy < 70 ? 2000 + yy : 1900 + yy);

function fromIsoWeek(year: number, week: number, weekday: number, src: Src): DateValue {
  if (year < 1969 || year > 2101) return fail(`${show(src)} is ${RANGE}`);
  // Week 1 is the week with 4 January in it; weeks start on Monday.
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const jan4Next = Date.UTC(year + 1, 0, 4);
  const weeks = Math.round((jan4Next - ((new Date(jan4Next).getUTCDay() + 6) % 7) * DAY_MS - monday1) / (7 * DAY_MS));
  if (week < 1 || week > weeks) return fail(`${show(src)} is not a real date: ${year} has ${weeks} ISO weeks`);
  return inRange(monday1 + ((week - 1) * 7 + weekday - 1) * DAY_MS, src, null);
}

/** The date, then whatever follows it in `s` from `at` (a time, a zone), read by `timeOfDay`. */
function withTail(y: number, m: number, d: number, s: string, at: number, readAs: string | null): DateValue {
  const tail = timeOfDay(s, at);
  if (typeof tail === "string") return fail(`${quote(s)} ${tail}`);
  return build(y, m, d, tail, s, readAs);
}

function build(y: number, m: number, d: number, offsetMs: number, src: Src, readAs: string | null): DateValue {
  const notReal = (why: string) =>
    fail(`${show(src)} is not a real date: ${why}${readAs ? ` (read as ${readAs})` : ""}`);
  if (m < 1 || m > 12) return notReal(`there is no month ${m}`);
  if (y < 1969 || y > 2101) return fail(`${show(src)} is ${RANGE}`);
  const days = daysInMonth(y, m);
  if (d < 1) return notReal(`there is no day ${d}`);
  if (d > days) return notReal(`${MONTH_NAMES[m - 1]} ${y} has ${days} days`);
  return inRange(Date.UTC(y, m - 1, d) + offsetMs, src, null);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// ── the time and zone after a date ──

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;
/** Letters of Latin, Greek and Cyrillic scripts (enough to tell words from digits and punctuation). */
const isLetter = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * Reads an optional time (10:20, 10:20:30.123, 10:20 PM, 3pm) and zone (Z, UTC, GMT, +01:00, +0100,
 * GMT+0100, a trailing "(Central European Standard Time)") from `at` to the end of `s`.
 * Returns the milliseconds to add to the date's UTC midnight, or the end of a reason.
 */
function timeOfDay(s: string, at: number): number | string {
  const n = s.length;
  let i = skipSpaces(s, at);
  if (i === n) return 0;
  const c = s.charCodeAt(i);
  if ((c === 84 || c === 116) && isDigit(s.charCodeAt(i + 1))) {
    i++; // 2026-03-04T10:20
  } else if (c === 44) {
    i = skipSpaces(s, i + 1); // March 4, 2026, 10:20
  }
  if (lower(s.charCodeAt(i)) === 97 && lower(s.charCodeAt(i + 1)) === 116 && isSpace(s.charCodeAt(i + 2))) {
    i = skipSpaces(s, i + 2); // "at 10:00"
  }
  let ms = 0;
  if (isDigit(s.charCodeAt(i))) {
    const start = i;
    let h = 0;
    let min = 0;
    let sec = 0;
    let frac = 0;
    while (i < n && i - start < 2 && isDigit(s.charCodeAt(i))) h = h * 10 + s.charCodeAt(i++) - 48;
    const colon = s.charCodeAt(i) === 58;
    if (colon) {
      if (!isDigit(s.charCodeAt(i + 1)) || !isDigit(s.charCodeAt(i + 2))) return "is not a date we recognise";
      min = (s.charCodeAt(i + 1) - 48) * 10 + s.charCodeAt(i + 2) - 48;
      i += 3;
      if (s.charCodeAt(i) === 58) {
        if (!isDigit(s.charCodeAt(i + 1)) || !isDigit(s.charCodeAt(i + 2))) return "is not a date we recognise";
        sec = (s.charCodeAt(i + 1) - 48) * 10 + s.charCodeAt(i + 2) - 48;
        i += 3;
        const sep = s.charCodeAt(i);
        if ((sep === 46 || sep === 44) && isDigit(s.charCodeAt(i + 1))) {
          i++;
          let scale = 100;
          while (i < n && isDigit(s.charCodeAt(i))) {
            frac += (s.charCodeAt(i++) - 48) * scale;
            scale /= 10;
          }
          frac = Math.floor(frac);
        }
      }
    }
    if (isDigit(s.charCodeAt(i))) return "is not a date we recognise";
    // 10:20 PM, 10:20pm, 3 p.m.
    let j = skipSpaces(s, i);
    const ap = lower(s.charCodeAt(j));
    let half = -1;
    if (ap === 97 || ap === 112) {
      j++;
      if (s.charCodeAt(j) === 46) j++;
      if (isSpace(s.charCodeAt(j))) j++;
      if (lower(s.charCodeAt(j)) === 109) {
        j++;
        if (s.charCodeAt(j) === 46) j++;
        if (!isLetter(s.charCodeAt(j))) {
          half = ap === 112 ? 12 : 0;
          i = j;
        }
      }
    }
    if (!colon && half < 0) return "is not a date we recognise";
    const written = s.slice(start, i).trim();
    if (half >= 0) {
      if (h < 1 || h > 12) return `has an impossible time (${written})`;
      h = (h % 12) + half;
    }
    if (h > 23 || min > 59 || sec > 59) return `has an impossible time (${written})`;
    ms = ((h * 60 + min) * 60 + sec) * 1000 + frac;
  }
  // The zone.
  i = skipSpaces(s, i);
  let zoned = false;
  const z = s.charCodeAt(i);
  if ((z === 90 || z === 122) && !isLetter(s.charCodeAt(i + 1))) {
    i++;
    zoned = true;
  } else if (isLetter(z)) {
    let j = i;
    while (j < n && isLetter(s.charCodeAt(j))) j++;
    const word = s.slice(i, j);
    const upper = word.toUpperCase();
    if (upper !== "UTC" && upper !== "GMT") {
      // PST, CEST: abbreviations name different zones in different places; an offset does not.
      return word === upper && j - i >= 2 && j - i <= 5
        ? `has an unknown time zone '${word}' (use an offset such as -08:00)`
        : "is not a date we recognise";
    }
    i = j;
    zoned = true;
  }
  const sign = s.charCodeAt(i);
  if (sign === 43 || sign === 45 || sign === 0x2212) {
    let j = i + 1;
    let digits = 0;
    let value = 0;
    let sawColon = false;
    let afterColon = 0;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (isDigit(d)) {
        value = value * 10 + d - 48;
        digits++;
        if (sawColon) afterColon++;
      } else if (d === 58 && !sawColon && digits > 0) sawColon = true;
      else break;
      j++;
    }
    let hours: number;
    let minutes: number;
    if (sawColon && afterColon === 2 && digits <= 4) [hours, minutes] = [Math.floor(value / 100), value % 100];
    else if (!sawColon && digits <= 2 && digits > 0) [hours, minutes] = [value, 0];
    else if (!sawColon && digits === 4) [hours, minutes] = [Math.floor(value / 100), value % 100];
    else return `has an offset we cannot read ('${s.slice(i, j)}')`;
    if (hours > 14 || minutes > 59) return `has an impossible offset ('${s.slice(i, j)}')`;
    ms -= (sign === 43 ? 1 : -1) * (hours * 60 + minutes) * 60_000;
    i = j;
    zoned = true;
  }
  i = skipSpaces(s, i);
  if (zoned && s.charCodeAt(i) === 40 && s.charCodeAt(n - 1) === 41) i = n; // "(Central European Standard Time)"
  if (i !== n) return "is not a date we recognise";
  return ms;
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

// ── month names ──

const MONTH_WORDS = new Map<string, number>();
const addMonths = (names: string) =>
  names.split(" ").forEach((group, i) => group.split("|").forEach((w) => MONTH_WORDS.set(w, i + 1)));
// English, German, French, Spanish, Italian, Portuguese, Dutch; full names and abbreviations; no accents.
addMonths(
  "january|jan february|feb march|mar april|apr may june|jun july|jul august|aug september|sep|sept october|oct november|nov december|dec",
);
addMonths(
  "januar|janner|jaenner februar marz|maerz|mrz april mai juni juli august september oktober|okt november dezember|dez",
);
addMonths(
  "janvier|janv fevrier|fevr|fev mars avril|avr mai juin juillet|juil aout septembre octobre novembre decembre",
);
addMonths(
  "enero|ene febrero marzo abril|abr mayo junio julio agosto|ago septiembre|setiembre|set octubre noviembre diciembre|dic",
);
addMonths(
  "gennaio|gen febbraio marzo aprile maggio|mag giugno|giu luglio|lug agosto settembre ottobre|ott novembre dicembre",
);
addMonths("janeiro fevereiro marco abril maio junho julho agosto setembro outubro|out novembro dezembro");
addMonths("januari februari maart|mrt april mei juni juli augustus september oktober november december");

/** Words skipped before or between the parts of a date: weekdays and small words ("4 de marzo"). */
const SKIPPED = new Set(
  (
    "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun " +
    "montag dienstag mittwoch donnerstag freitag samstag sonntag mo di mi do fr sa so " +
    "lundi mardi mercredi jeudi vendredi samedi dimanche " +
    "lunes martes miercoles jueves viernes sabado domingo " +
    "lunedi martedi mercoledi giovedi venerdi sabato domenica " +
    "segunda terca quarta quinta sexta feira " +
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag " +
    "of the de del el le den der"
  ).split(" "),
);

const ORDINALS = new Set(["st", "nd", "rd", "th", "er"]);
const TAIL_WORDS = new Set(["am", "pm", "a", "p", "utc", "gmt", "z", "at"]);

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Lower case without accents: März → marz, août → aout. */
const plainWord = (w: string) =>
  NON_ASCII.test(w) ? w.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase() : w.toLowerCase();

/** Dates with a month name; see the module comment for the shapes. */
function fromText(s: string, sink: FormSink | null): DateValue {
  const n = s.length;
  let month = 0;
  let monthFirst = false;
  let count = 0;
  let v1 = 0;
  let len1 = 0;
  let v2 = 0;
  let len2 = 0;
  let apostrophe = false; // before the last number: '26
  let dash = false; // a - or / between the month and the number after it: Mar-26
  let tail = n;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpace(c) || c === 44 || c === 46) {
      i++;
      continue;
    }
    if (c === 45 || c === 47) {
      dash = true;
      i++;
      continue;
    }
    if (c === 39 || c === 0x2019) {
      apostrophe = true;
      i++;
      continue;
    }
    if (isDigit(c)) {
      const start = i;
      let v = 0;
      while (i < n && isDigit(s.charCodeAt(i))) v = v * 10 + s.charCodeAt(i++) - 48;
      if (s.charCodeAt(i) === 58 || count === 2) {
        tail = start; // a time: 10:20, or 3pm after the year
        break;
      }
      const len = i - start;
      if (len > 4) return unrecognised(s);
      // Ordinals: 4th, 1st, 2nd, 3rd, 1er.
      if (ORDINALS.has(s.slice(i, i + 2).toLowerCase()) && !isLetter(s.charCodeAt(i + 2))) i += 2;
      if (count === 0) [v1, len1] = [v, len];
      else [v2, len2] = [v, len];
      count++;
      if (!(count === 1 && month && monthFirst && dash)) dash = false;
      continue;
    }
    if (isLetter(c)) {
      const start = i;
      while (i < n && isLetter(s.charCodeAt(i))) i++;
      const word = plainWord(s.slice(start, i));
      const m = MONTH_WORDS.get(word);
      if (m !== undefined) {
        if (month) return fail(`${show(s)} names two months`);
        month = m;
        monthFirst = count === 0;
        dash = false;
        apostrophe = false;
      } else if (count === 2 || (month && TAIL_WORDS.has(word))) {
        tail = start;
        break;
      } else if (!SKIPPED.has(word)) return unrecognised(s);
      continue;
    }
    if ((c === 43 || c === 0x2212 || c === 40) && count === 2) {
      tail = i; // +0100, (CET)
      break;
    }
    return unrecognised(s);
  }
  if (!month) return unrecognised(s);
  if (sink) sink.form = "text";
  if (count === 0) return fail(`${show(s)} has no day or year`);
  let year: number;
  let dayOfMonth: number;
  if (count === 1) {
    // A month: March 2026, Mar '26, Mar-26 (the mmm-yy of spreadsheets). 4 Mar has no year.
    if (len1 === 4) year = v1;
    else if (len1 === 2 && monthFirst && (apostrophe || dash)) year = twoDigitYear(v1);
    else return fail(`${show(s)} has no year`);
    dayOfMonth = 1;
  } else if (len1 >= 3 && len2 <= 2) [year, dayOfMonth] = [len1 === 4 ? v1 : -1, v2];
  else if (len2 >= 3 && len1 <= 2) [year, dayOfMonth] = [len2 === 4 ? v2 : -1, v1];
  else if (len1 <= 2 && len2 === 2) [year, dayOfMonth] = [twoDigitYear(v2), v1];
  else return unrecognised(s);
  if (year < 0) return unrecognised(s);
  return withTail(year, month, dayOfMonth, s, tail, null);
}

// ───────────────────────────── a column ─────────────────────────────

const FORM_LABELS: Record<DateForm, string> = {
  iso: "ISO dates (2026-03-04)",
  slash: "Numeric dates",
  text: "Dates with month names (4 Mar 2026)",
  epoch_s: "Unix timestamps in seconds",
  epoch_ms: "Unix timestamps in milliseconds",
  serial: "Spreadsheet day numbers",
  date_object: "Spreadsheet dates",
};
const ORDER_LABELS: Record<DayOrder, string> = {
  dmy: "day/month/year (25/03/2026)",
  mdy: "month/day/year (03/25/2026)",
  ymd: "year/month/day (2026/03/25)",
};

/**
 * Looks at sample values of one column and tells what form its dates take, their day/month order,
 * and how many samples read as dates. A sample whose first part is above 12 (25/03/2026) proves
 * day/month; one whose second part is (03/25/2026) proves month/day; when both kinds occur the column
 * is `inconsistent` and the order is the more common one. When no sample proves the order, `order`
 * is null and `ambiguous` is true: the user must choose before the import.
 */
export function inspectDateColumn(samples: readonly unknown[]): DateColumnInfo {
  const limit = Math.min(samples.length, MAX_SAMPLES);
  let dmy = 0;
  let mdy = 0;
  let yearFirst = 0;
  let dmyExample = "";
  let mdyExample = "";
  let example: string | null = null;
  let ambiguity: string | null = null;
  for (let k = 0; k < limit; k++) {
    const v = samples[k];
    if (typeof v !== "string") continue;
    const s = v.trim();
    const m = SLASH.exec(s);
    if (!m || (m[4]!.length !== 2 && m[4]!.length !== 4)) continue;
    if (m[1]!.length === 4) {
      if (m[2] !== "-") yearFirst++; // 2026-03-04 is ISO, not a year-first numeric date
      continue;
    }
    if (m[1]!.length > 2) continue;
    const a = +m[1]!;
    const b = +m[3]!;
    if (a < 1 || b < 1 || a > 31 || b > 31) continue;
    if (a > 12 && b <= 12) {
      dmy++;
      dmyExample ||= s;
    } else if (b > 12 && a <= 12) {
      mdy++;
      mdyExample ||= s;
    } else if (a <= 12 && b <= 12 && a !== b && example === null) {
      example = s;
      ambiguity = `${s} could be ${readings(a, b)}`;
    }
  }
  const inconsistent = dmy > 0 && mdy > 0;
  const order: DayOrder | null =
    dmy > mdy ? "dmy" : mdy > dmy ? "mdy" : dmy === 0 && example === null && yearFirst > 0 ? "ymd" : null;
  // A tie between day-first and month-first samples needs a choice as much as 03/04/2026 does.
  const ambiguous = order === null && (example !== null || inconsistent);
  if (inconsistent && example === null) example = dmyExample;

  const forms: Partial<Record<DateForm, number>> = {};
  const counts = { parsed: 0, empty: 0, unparseable: 0 };
  let firstProblem: DateColumnInfo["firstProblem"] = null;
  const sink: FormSink = { form: null };
  // Ambiguous samples read the same way in either order as far as validity goes: count them read.
  const countOrder = ambiguous ? "dmy" : order;
  for (let k = 0; k < limit; k++) {
    const v = samples[k];
    sink.form = null;
    const r = read(v, countOrder, sink);
    if (r.ok && r.empty) counts.empty++;
    else if (r.ok) {
      counts.parsed++;
      forms[sink.form!] = (forms[sink.form!] ?? 0) + 1;
    } else {
      counts.unparseable++;
      firstProblem ??= { value: v instanceof Date ? String(v) : String(v).trim(), reason: r.reason };
    }
  }
  let form: DateForm | null = null;
  for (const f of DATE_FORMS) if ((forms[f] ?? 0) > (form ? forms[form]! : 0)) form = f;

  let message: string;
  if (counts.parsed + counts.unparseable === 0) message = "No dates in the sampled rows";
  else if (!form) message = `No sampled value reads as a date: ${firstProblem!.reason}`;
  else if (inconsistent) {
    const then = order ? `read as ${order === "dmy" ? "day/month" : "month/day"} unless you choose` : "choose";
    message = `The column mixes day-first dates (${dmyExample}) and month-first dates (${mdyExample}): ${then} the order`;
  } else if (ambiguous) message = `Dates such as ${ambiguity}: choose the day/month order`;
  else {
    const label = form === "slash" && order ? `Dates in ${ORDER_LABELS[order]}` : FORM_LABELS[form];
    message = counts.unparseable
      ? `${label}: ${counts.parsed} of ${counts.parsed + counts.unparseable} sampled values read; ${firstProblem!.reason}`
      : label;
  }
  return {
    form,
    forms,
    order,
    ambiguous,
    example,
    ambiguity,
    inconsistent,
    counts,
    firstProblem,
    message,
  };
}

type Src = string | number;
/** A value as shown in reasons (only built when a value fails): strings quoted and cut to a readable length. */
const show = (src: Src) => (typeof src === "string" ? quote(src) : String(src));

function quote(s: string): string {
  return `'${s.length > 40 ? `${s.slice(0, 39)}…` : s}'`;
}
