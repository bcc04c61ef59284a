/**
 * The shape and quality of an imported market-data file: which layout it uses (long, wide or
 * market sizes), what each series measures, how often it is sampled, and where a series repeats or
 * skips a period.
 *
 * Pure functions over the header list and a sample of string cells; parsing cells into dates and
 * numbers happens elsewhere, so the checks here that need them take `Date` (UTC midnight) and
 * `number`. All calendar arithmetic is in UTC.
 */
import { SeriesKind, type Frequency, type MarketSizeLevel } from "../db/generated/enums.ts";

// ───────────────────────────── layouts ─────────────────────────────

/** A column the layout does not use, and why (shown to the user when they confirm the mapping). */
export interface IgnoredColumn {
  column: string;
  reason: string;
}

/** One row per (series, date, value): `series` names the series, `kind` optionally says what it measures. */
export interface LongLayout {
  layout: "long";
  date: string;
  series: string;
  value: string;
  unit?: string;
  kind?: string;
  ignored: IgnoredColumn[];
}

/** A date column plus one numeric column per series. */
export interface WideLayout {
  layout: "wide";
  date: string;
  series: string[];
  ignored: IgnoredColumn[];
}

/** Market-size figures: one row per (level, value[, year, source, currency, segment]). */
export interface SizesLayout {
  layout: "sizes";
  level: string;
  value: string;
  year?: string;
  source?: string;
  currency?: string;
  segment?: string;
  ignored: IgnoredColumn[];
}

export type MarketLayout = LongLayout | WideLayout | SizesLayout;

const DATE_HEADERS = words(
  "date, period, month, week, day, time, year, quarter, timestamp, datetime, ds, week of, week starting, " +
    "week start, week ending, week end, month start, month ending, month end, period start, period end, as of",
);
const SERIES_HEADERS = words("series, metric, name, indicator, series name, metric name, kpi, measure");
const VALUE_HEADERS = words("value, amount, count, volume, y, metric value, val");
const UNIT_HEADERS = words("unit, units, currency, uom");
const KIND_HEADERS = words("kind, type, category, series kind, series type, metric type");
const ID_HEADERS = words("id, row, row number, index, no, #");

const LEVEL_HEADERS = words("level, market level, size level, tier, market, type, metric, measure");
const SIZE_VALUE_HEADERS = words(
  "value, amount, size, market size, market value, figure, estimate, usd, eur, gbp, value usd",
);
const YEAR_HEADERS = words("year, fy, fiscal year, as of, date, period, year of estimate");
const SOURCE_HEADERS = words("source, sources, reference, references, citation, ref, link, url");
const CURRENCY_HEADERS = words("currency, ccy, unit, units");
const SEGMENT_HEADERS = words("segment, market, region, geography, geo, country, industry, vertical, category, scope");

/** Share of the non-blank sampled cells that must agree for a column to count as numeric, dates, etc. */
const MOSTLY = 0.8;

/**
 * Works out how a market file is laid out from its headers and a sample of its rows.
 *
 * Market sizes are recognised first (a column whose values are TAM/SAM/SOM), then the long layout
 * (date + series + value headers), then the wide layout (date + every mostly-numeric column as a
 * series). Every header is either mapped or listed in `ignored` with a reason.
 */
export function detectMarketLayout(
  headers: string[],
  sample: Record<string, string>[],
): MarketLayout | { error: string } {
  const named = headers.filter((h) => h.trim() !== "");
  if (named.length === 0) {
    return { error: `The file has no header row. ${EXPECTED}` };
  }
  const has = `This file has: ${named.join(", ")}`;
  const profiles = new Map(headers.map((h) => [h, profile(h, sample)]));
  const prof = (h: string) => profiles.get(h)!;

  // Market sizes: a column of TAM/SAM/SOM labels.
  const levelColumns = headers.filter((h) => {
    const p = prof(h);
    return p.filled > 0 ? mostly(p.levels, p.filled) : norm(h) === "level";
  });
  const level = levelColumns.find((h) => matches(h, LEVEL_HEADERS)) ?? levelColumns[0];
  if (level !== undefined) return sizesLayout(headers, level, prof, has);

  const date = findDateColumn(headers, prof);
  if (date === undefined) {
    const levelHeaders = new Set(named.map((h) => parseSizeLevel(baseName(h))).filter((l) => l !== null));
    if (levelHeaders.size >= 2) {
      return {
        error:
          "Market-size files need one row per figure: a level column (TAM, SAM or SOM) and a value column, " +
          `optionally with year, source, currency and segment. This file has one column per level instead. ${has}`,
      };
    }
    return { error: `${EXPECTED} ${has}` };
  }

  // Long layout: series + value columns named as such.
  const series = findHeader(headers, SERIES_HEADERS, [date]);
  if (series !== undefined) {
    let value = findHeader(headers, VALUE_HEADERS, [date, series]);
    if (value === undefined) {
      // "Date, Metric, Visits": the one numeric column is the value.
      const numeric = headers.filter(
        (h) =>
          h !== date &&
          h !== series &&
          !matches(h, UNIT_HEADERS) &&
          !matches(h, KIND_HEADERS) &&
          mostly(prof(h).numeric, prof(h).filled),
      );
      if (numeric.length === 1) value = numeric[0];
    }
    if (value !== undefined) return longLayout(headers, { date, series, value }, prof);
  }

  // Wide layout: every other mostly-numeric column is a series.
  const wide: WideLayout = { layout: "wide", date, series: [], ignored: [] };
  for (const h of headers) {
    if (h === date) continue;
    const p = prof(h);
    const reason =
      h.trim() === ""
        ? "the column has no header"
        : matches(h, ID_HEADERS)
          ? "an identifier column, not a series"
          : p.filled === 0
            ? "no values in the sampled rows"
            : !mostly(p.numeric, p.filled)
              ? `mostly text, not numbers (e.g. "${p.example}")`
              : null;
    if (reason === null) wide.series.push(h);
    else wide.ignored.push({ column: h, reason });
  }
  if (wide.series.length === 0) {
    return {
      error:
        `Found the date column "${date}" but no numeric columns to read as series, and no series + value columns. ` +
        `${EXPECTED} ${has}`,
    };
  }
  return wide;
}

const EXPECTED =
  "Market files need a date column and either series + value columns (long layout) or one column per series " +
  "(wide layout).";

function longLayout(
  headers: string[],
  cols: { date: string; series: string; value: string },
  prof: (h: string) => ColumnProfile,
): LongLayout {
  const used = [cols.date, cols.series, cols.value];
  const unit = findHeader(headers, UNIT_HEADERS, used);
  if (unit !== undefined) used.push(unit);
  const ignored: IgnoredColumn[] = [];
  // A "category" column may hold something else entirely (product lines, regions): only a column
  // whose values read as series kinds is used as the kind.
  let kind: string | undefined;
  for (const h of headers) {
    if (used.includes(h) || !matches(h, KIND_HEADERS) || kind !== undefined) continue;
    const p = prof(h);
    if (p.filled === 0 || mostly(p.kinds, p.filled)) {
      kind = h;
    } else {
      ignored.push({ column: h, reason: `values are not series kinds (e.g. "${p.kindExample}")` });
    }
  }
  if (kind !== undefined) used.push(kind);
  for (const h of headers) {
    if (used.includes(h) || ignored.some((i) => i.column === h)) continue;
    ignored.push({ column: h, reason: h.trim() === "" ? "the column has no header" : "not used in the long layout" });
  }
  return {
    layout: "long",
    ...cols,
    ...(unit !== undefined && { unit }),
    ...(kind !== undefined && { kind }),
    ignored: orderLike(headers, ignored),
  };
}

function sizesLayout(
  headers: string[],
  level: string,
  prof: (h: string) => ColumnProfile,
  has: string,
): SizesLayout | { error: string } {
  const used = [level];
  const pick = (names: Set<string>) => {
    const h = findHeader(headers, names, used);
    if (h !== undefined) used.push(h);
    return h;
  };
  const year = pick(YEAR_HEADERS);
  let value = pick(SIZE_VALUE_HEADERS);
  if (value === undefined) {
    value = headers.find((h) => !used.includes(h) && h.trim() !== "" && mostly(prof(h).numeric, prof(h).filled));
    if (value !== undefined) used.push(value);
  }
  if (value === undefined) {
    return {
      error:
        `Found market-size levels in "${level}" but no numeric value column. Market-size files need a level column ` +
        `(TAM, SAM or SOM) and a value column, optionally with year, source, currency and segment. ${has}`,
    };
  }
  const source = pick(SOURCE_HEADERS);
  const currency = pick(CURRENCY_HEADERS);
  const segment = pick(SEGMENT_HEADERS);
  const ignored = headers
    .filter((h) => !used.includes(h))
    .map((column) => ({
      column,
      reason: column.trim() === "" ? "the column has no header" : "not a market-size field",
    }));
  return {
    layout: "sizes",
    level,
    value,
    ...(year !== undefined && { year }),
    ...(source !== undefined && { source }),
    ...(currency !== undefined && { currency }),
    ...(segment !== undefined && { segment }),
    ignored,
  };
}

/**
 * The date column: a header named like a date (exact names beat "Week starting"-style prefixes)
 * whose values look like dates; failing a name, the first column whose values look like dates.
 */
function findDateColumn(headers: string[], prof: (h: string) => ColumnProfile): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  for (const h of headers) {
    const p = prof(h);
    const datey = mostly(p.dates, p.filled);
    const first = baseName(h).split(" ")[0] ?? "";
    let score = 0;
    if (matches(h, DATE_HEADERS)) score = 3;
    // "Week starting", "Date (UTC)"; but not "Day visits" or "Week number", whose values are numbers.
    else if (DATE_HEADERS.has(first) && (datey || !mostly(p.numeric, p.filled))) score = 1;
    if (datey) score += 2;
    if (score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return best;
}

interface ColumnProfile {
  /** Non-blank sampled cells. */
  filled: number;
  numeric: number;
  dates: number;
  levels: number;
  kinds: number;
  /** The first non-numeric value, for messages. */
  example?: string;
  /** The first value that is not a series kind, for messages. */
  kindExample?: string;
}

function profile(header: string, sample: Record<string, string>[]): ColumnProfile {
  const p: ColumnProfile = { filled: 0, numeric: 0, dates: 0, levels: 0, kinds: 0 };
  for (const row of sample) {
    const cell = (row[header] ?? "").trim();
    if (BLANK.test(cell)) continue;
    p.filled++;
    if (NUMERIC.test(cell)) p.numeric++;
    else p.example ??= cell;
    if (DATE_LIKE.some((re) => re.test(cell))) p.dates++;
    if (parseSizeLevel(cell) !== null) p.levels++;
    if (parseSeriesKind(cell) !== null) p.kinds++;
    else p.kindExample ??= cell;
  }
  return p;
}

const mostly = (n: number, of: number) => of > 0 && n / of >= MOSTLY;

const BLANK = /^(?:|-+|–|—|\?|n\/?a|na|nan|null|none|#n\/a)$/i;

/**
 * Numeric-ish: a number with an optional sign or accounting parentheses, currency symbol or code,
 * thousands separators (comma, dot, apostrophe, space), exponent, percent or k/M/B suffix. Only
 * for telling number columns from text; the value parser decides what the number is.
 */
const NUMERIC = new RegExp(
  String.raw`^[+-]?\(?[+-]?(?:[$€£¥₹]|(?:USD|EUR|GBP|JPY|CAD|AUD|CHF|CNY|INR|SEK|NOK|DKK|BRL|MXN)\s?)?\s*` +
    String.raw`[+-]?(?:\d|[.,]\d)(?:[\d,.'\u00a0\u202f]|\s(?=\d))*(?:[eE][+-]?\d+)?` +
    String.raw`\s*(?:%|[kKmMbB]|bn|mn|MM)?\s*(?:[$€£¥₹]|USD|EUR|GBP)?\)?$`,
);

const MONTHS = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/** Looks like a date (ISO, day/month/year, month names, quarters, ISO weeks); never a bare number. */
const DATE_LIKE = [
  /^\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/,
  new RegExp(String.raw`^${MONTHS}\.?[\s,-]+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?'?\d{2,4}$`, "i"),
  new RegExp(String.raw`^\d{1,2}(?:st|nd|rd|th)?[\s-]${MONTHS}\.?[\s,-]+\d{2,4}$`, "i"),
  /^(?:q[1-4][\s-]*'?\d{2,4}|\d{4}[\s-]*q[1-4])$/i,
  /^\d{4}-?w\d{1,2}$/i,
];

/** Lowercase words: "Series_Name" → "series name", "Date (UTC)" → "date utc". */
function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, " ")
    .trim();
}

/** The header without bracketed qualifiers: "Value (USD)" → "value". */
function baseName(h: string): string {
  return norm(h.replace(/\([^)]*\)|\[[^\]]*\]/g, " "));
}

function words(list: string): Set<string> {
  return new Set(list.split(",").map((w) => w.trim()));
}

function matches(h: string, names: Set<string>): boolean {
  return names.has(norm(h)) || names.has(baseName(h));
}

function findHeader(headers: string[], names: Set<string>, exclude: string[]): string | undefined {
  return headers.find((h) => !exclude.includes(h) && matches(h, names));
}

function orderLike(headers: string[], cols: IgnoredColumn[]): IgnoredColumn[] {
  return [...cols].sort((a, b) => headers.indexOf(a.column) - headers.indexOf(b.column));
}

// ───────────────────────────── series kinds and size levels ─────────────────────────────

const KIND_VALUES = new Set<string>(Object.values(SeriesKind));

/** Single-word kind labels that the name rules below would not catch. */
const KIND_ALIASES: Record<string, SeriesKind> = {
  demand: "DEMAND",
  leads: "DEMAND",
  search: "SEARCH_INTEREST",
  trends: "SEARCH_INTEREST",
  share: "MARKET_SHARE",
  competitor: "COMPETITOR_PRICE",
  "competitor pricing": "COMPETITOR_PRICE",
  web: "TRAFFIC",
};

const SEARCH = /google[\s_-]*trends|search[\s_-]*(?:interest|volume|index|demand)|\bsearches\b|\bkeywords?\b/;
const SHARE = /market[\s_-]*share|share[\s_-]+of[\s_-]+(?:market|voice|wallet|search)|\bsov\b/;
const PERCENT = /%|\bpercent|\bpct\b/;
const COMPETITOR = /competitor|competition|\brivals?\b|\bcompetitive\b/;
const PRICE = /\bpric|\barpu\b|\barpa\b|\basp\b|\baov\b|average[\s_-]+(?:selling|sale|order)[\s_-]+(?:price|value)/;
const PRICE_WORDS = /\bpric|\bcost|\bfees?\b|\bplans?\b|\btiers?\b|\barpu\b|\basp\b/;
const CURRENCY = /[$€£¥₹]|\b(?:usd|eur|gbp|jpy|cad|aud|chf)\b/;
const SIGNUPS =
  /sign[\s_-]*ups?\b|\bregistrations?\b|new[\s_-]+(?:accounts?|users?|subscribers?)|\btrials?\b|trial[\s_-]+starts?|accounts[\s_-]+created|\bwaitlist/;
const TRAFFIC = /\bvisits?\b|\bvisitors?\b|\bsessions?\b|page[\s_-]*views?|\btraffic\b|\bclicks?\b|\bpv\b/;
const SALES =
  /\bsales\b|\brevenue|\borders?\b|units?[\s_-]+sold|\bsold\b|\bbookings?\b|\bgmv\b|\bmrr\b|\barr\b|\bpurchases?\b|\btransactions?\b|\bturnover\b/;

/** The kind a name clearly says, or null when it says none. Order matters; see the comments. */
function kindFromText(name: string, unit = ""): SeriesKind | null {
  // Quoted search terms ("Google Trends: 'crm pricing'") can contain any word, so search comes first.
  const t = `${name} ${unit}`.toLowerCase();
  if (SEARCH.test(t)) return "SEARCH_INTEREST";
  if (SHARE.test(t) || (/\bshare\b/.test(t) && PERCENT.test(t))) return "MARKET_SHARE";
  const competitor = COMPETITOR.test(t);
  if (competitor && PRICE_WORDS.test(t)) return "COMPETITOR_PRICE";
  const other = SIGNUPS.test(t)
    ? "SIGNUPS"
    : TRAFFIC.test(t)
      ? "TRAFFIC"
      : PRICE.test(t)
        ? "PRICE"
        : SALES.test(t)
          ? "SALES"
          : null;
  // "Competitor A ($)": a competitor figure in money that is not revenue or the like is their price.
  if (competitor && (other === null || other === "PRICE") && CURRENCY.test(t)) return "COMPETITOR_PRICE";
  return other;
}

/**
 * What a series measures, guessed from its name and unit: "Sign-ups" → SIGNUPS, "Website visits" →
 * TRAFFIC, "Google Trends: 'crm'" → SEARCH_INTEREST, "Competitor A price ($)" → COMPETITOR_PRICE,
 * "ARPU" → PRICE, "Market share %" → MARKET_SHARE, "Revenue" → SALES; anything else is DEMAND.
 */
export function guessSeriesKind(name: string, unit?: string): SeriesKind {
  return kindFromText(name, unit) ?? "DEMAND";
}

/**
 * Reads an explicit kind label ("sign-ups", "Web traffic", "competitor_price", "SALES"); null when
 * the label is blank or names no kind.
 */
export function parseSeriesKind(label: string): SeriesKind | null {
  const trimmed = label.trim();
  if (trimmed === "") return null;
  const upper = trimmed.toUpperCase().replace(/[\s-]+/g, "_");
  if (KIND_VALUES.has(upper)) return upper as SeriesKind;
  return KIND_ALIASES[norm(trimmed)] ?? kindFromText(trimmed);
}

const LEVEL_NAMES: [RegExp, MarketSizeLevel][] = [
  [/\btotal (?:addressable|available) market\b/, "TAM"],
  [/\bserviceable (?:addressable|available) market\b/, "SAM"],
  [/\bserviceable (?:obtainable|attainable) market\b|\bshare of market\b|\bobtainable market\b/, "SOM"],
];

/**
 * TAM, SAM or SOM from "TAM", "sam", "SOM (EU)", "Total addressable market" and the like; null
 * otherwise. A lowercase or capitalised abbreviation counts only as the whole label, so "Sam Jones"
 * is not a level.
 */
export function parseSizeLevel(label: string): MarketSizeLevel | null {
  const t = norm(label);
  const found = new Set<MarketSizeLevel>();
  if (t === "tam" || t === "sam" || t === "som") found.add(t.toUpperCase() as MarketSizeLevel);
  for (const m of label.matchAll(/\b(TAM|SAM|SOM)\b/g)) found.add(m[1] as MarketSizeLevel);
  for (const [re, level] of LEVEL_NAMES) if (re.test(t)) found.add(level);
  return found.size === 1 ? [...found][0]! : null;
}

// ───────────────────────────── frequency ─────────────────────────────

const DAY_MS = 86_400_000;
const WEEKDAYS = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"];

export interface FrequencyGuess {
  frequency: Frequency | null;
  /** Why, in a sentence for the user. */
  reason: string;
  /** Some dates are off the pattern (another weekday, another day of the month); missing periods alone are not irregular. */
  irregular: boolean;
}

/**
 * The sampling frequency from the median spacing of the sorted distinct dates: 1 day daily, 7 days
 * weekly, 28–31 days monthly (on the same day of the month or on month ends), about 91 days
 * quarterly, 365–366 days yearly. At least 80% of the dates must sit on the pattern; `irregular`
 * says when some do not. Null, with a reason, for fewer than 3 dates or a spacing that fits nothing.
 */
export function detectFrequency(dates: Date[]): FrequencyGuess {
  const days = [...new Set(dates.filter(isValid).map(utcDay))].sort((a, b) => a - b);
  if (days.length < 3) {
    return {
      frequency: null,
      irregular: false,
      reason: `At least 3 distinct dates are needed to tell the frequency; found ${days.length}.`,
    };
  }
  const steps = days.slice(1).map((t, i) => Math.round((t - days[i]!) / DAY_MS));
  const median = [...steps].sort((a, b) => a - b)[Math.floor((steps.length - 1) / 2)]!;
  const ds = days.map((t) => new Date(t));

  if (median === 1) {
    return { frequency: "DAILY", irregular: false, reason: "The dates are a day apart." };
  }
  if (median === 7) {
    const [weekday, onDay] = mode(ds.map((d) => d.getUTCDay()));
    return fit(
      "WEEKLY",
      ds.length,
      onDay,
      `The dates are a week apart, on ${WEEKDAYS[weekday]}.`,
      "a week apart but only %n fall on the same weekday",
    );
  }
  // The windows are wider than one period can be (28–31 days and so on) so that loosely dated
  // files get "about a month apart, but on scattered days"; the anchor check decides.
  if (median >= 25 && median <= 35) return calendarFit(ds, 1);
  if (median >= 85 && median <= 97) return calendarFit(ds, 3);
  if (median >= 355 && median <= 375) return calendarFit(ds, 12);
  return {
    frequency: null,
    irregular: false,
    reason:
      `The dates are a median ${median} days apart, which fits no frequency ` +
      "(daily 1 day, weekly 7, monthly 28–31, quarterly about 91, yearly about 365).",
  };
}

const CALENDAR: Record<1 | 3 | 12, { frequency: Frequency; apart: string }> = {
  1: { frequency: "MONTHLY", apart: "a month apart" },
  3: { frequency: "QUARTERLY", apart: "a quarter apart" },
  12: { frequency: "YEARLY", apart: "a year apart" },
};

/** Monthly, quarterly or yearly: the dates must share a day of the month (or be month ends) and, beyond monthly, a month of the period. */
function calendarFit(ds: Date[], months: 1 | 3 | 12): FrequencyGuess {
  const { frequency, apart } = CALENDAR[months];
  const [phase] = mode(ds.map((d) => d.getUTCMonth() % months));
  const [day] = mode(ds.map((d) => d.getUTCDate()));
  // The 30th of each month is the 28th in February; that still counts as the same day.
  const onDay = (d: Date) => d.getUTCDate() === Math.min(day, daysInMonth(d));
  const onEnd = (d: Date) => d.getUTCDate() === daysInMonth(d);
  // The 31st of each month and month ends are the same anchor; say "month ends".
  const ends = ds.filter(onEnd).length >= ds.filter(onDay).length;
  const inPhase = (d: Date) => d.getUTCMonth() % months === phase;
  const onGrid = ds.filter((d) => inPhase(d) && (ends ? onEnd(d) : onDay(d))).length;
  const anchor = ends ? "on month ends" : `on day ${day} of the month`;
  const same = months === 1 ? "day of the month" : `month of the ${months === 3 ? "quarter" : "year"} and day`;
  return fit(
    frequency,
    ds.length,
    onGrid,
    `The dates are ${apart}, ${anchor}.`,
    `${apart} but only %n fall on the same ${same} (or on month ends)`,
  );
}

/** The frequency when most dates sit on its pattern; `unclear` describes the miss, with %n for "k of n". */
function fit(frequency: Frequency, total: number, onGrid: number, reason: string, unclear: string): FrequencyGuess {
  if (onGrid / total < MOSTLY) {
    return {
      frequency: null,
      irregular: true,
      reason: `The dates are about ${unclear.replace("%n", `${onGrid} of ${total}`)}, so the frequency is unclear.`,
    };
  }
  const off = total - onGrid;
  return {
    frequency,
    irregular: off > 0,
    reason: off > 0 ? `${reason} ${off} of ${total} dates are off that pattern.` : reason,
  };
}

/** The most common value and how often it occurs (the first seen wins a tie). */
function mode(values: number[]): [number, number] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: [number, number] = [values[0]!, 0];
  for (const [v, n] of counts) if (n > best[1]) best = [v, n];
  return best;
}

// ───────────────────────────── periods, duplicates and gaps ─────────────────────────────

/**
 * The start of the period holding `date`: the first day of its month, quarter or year; the day
 * itself for daily and weekly series. So "2026-03-31" and "2026-03-01" are the same monthly period.
 */
export function periodStart(date: Date, frequency: Frequency): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  switch (frequency) {
    case "DAILY":
    case "WEEKLY":
      return new Date(utcDay(date));
    case "MONTHLY":
      return new Date(Date.UTC(y, m, 1));
    case "QUARTERLY":
      return new Date(Date.UTC(y, m - (m % 3), 1));
    case "YEARLY":
      return new Date(Date.UTC(y, 0, 1));
  }
}

export interface SeriesPoint {
  /** Line in the file, for messages. */
  line: number;
  date: Date;
  value: number;
}

export interface SeriesCheck {
  /** Points in a period already taken by an earlier line (the earlier line is kept). */
  duplicates: { line: number; date: Date; firstLine: number }[];
  /** Whole periods missing between two consecutive points, in date order. */
  gaps: { after: Date; before: Date; missing: number }[];
}

/**
 * Duplicate periods and missing periods in one series. Two points are duplicates when they fall in
 * the same period (same month for monthly, same day for daily and weekly, or the same day when the
 * frequency is unknown); the first by line is kept. Gaps count whole periods between consecutive
 * kept points in calendar terms (months, quarters, years; weeks as 7 days) and need a frequency.
 * Points with an invalid date are skipped: the value parser reports those.
 */
export function checkSeries(points: SeriesPoint[], frequency: Frequency | null): SeriesCheck {
  const byLine = points.filter((p) => isValid(p.date)).sort((a, b) => a.line - b.line);
  const kept = new Map<number, SeriesPoint>();
  const duplicates: SeriesCheck["duplicates"] = [];
  for (const p of byLine) {
    const key = frequency === null ? utcDay(p.date) : periodStart(p.date, frequency).getTime();
    const first = kept.get(key);
    if (first) duplicates.push({ line: p.line, date: p.date, firstLine: first.line });
    else kept.set(key, p);
  }
  const gaps: SeriesCheck["gaps"] = [];
  if (frequency !== null) {
    const ordered = [...kept.entries()].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < ordered.length; i++) {
      const [fromKey, from] = ordered[i - 1]!;
      const [toKey, to] = ordered[i]!;
      const missing = periodsBetween(new Date(fromKey), new Date(toKey), frequency) - 1;
      if (missing > 0) gaps.push({ after: from.date, before: to.date, missing });
    }
  }
  return { duplicates, gaps };
}

/** Whole periods from one period start to a later one. */
function periodsBetween(from: Date, to: Date, frequency: Frequency): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  switch (frequency) {
    case "DAILY":
      return days;
    case "WEEKLY":
      // A point a few days off its week does not open a gap; only a whole missing week does.
      return Math.floor(days / 7);
    case "MONTHLY":
      return months;
    case "QUARTERLY":
      return months / 3;
    case "YEARLY":
      return to.getUTCFullYear() - from.getUTCFullYear();
  }
}

function utcDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function daysInMonth(d: Date): number {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

function isValid(d: Date): boolean {
  return Number.isFinite(d.getTime());
}
