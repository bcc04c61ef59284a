/**
 * Numbers in imported market data, as people and spreadsheets write them:
 * - thousands separators: 1,234.56 · 1.234,56 · 1 234,5 (space, no-break or narrow no-break space)
 *   · 1'234.50 (Swiss) · 12,34,567 (Indian grouping); groups are checked, so 1,23,4 is an error;
 * - a lone comma is the decimal separator when it cannot be a thousands separator (12,5 · 1234,5 ·
 *   0,125); `1,234` is one thousand two hundred thirty-four, and a lone dot is always a decimal
 *   point (1.234 is one point two three four). When a column's values say otherwise (1.234,5 in
 *   other rows), pass `{ decimal: "," }`; `detectDecimalSeparator` finds it from a sample;
 * - currency symbols and ISO codes before or after: $, €, £, ¥, ₹, US$, R$, kr, USD, EUR…;
 *   `currency` is the ISO code where the symbol names one currency (€ → EUR, US$ → USD) and the
 *   symbol itself where it does not ($ is also CAD, AUD, MXN…; ¥ is JPY or CNY; kr is SEK, NOK, DKK);
 *   a code next to such a symbol says which ($5 USD is USD), two different currencies are an error;
 *   codes count in capitals (any ISO 4217 code) or, for the common ones, in lower case;
 * - percent: 12.5% is `{ value: 12.5, percent: true }` (not 0.125);
 * - negatives: -5, −5 (Unicode minus), –5 (en dash), (1,234) (accounting), 1.234,56- (trailing
 *   minus, as SAP writes); a leading + is allowed;
 * - scientific notation (1.5e6) and magnitude suffixes: 12k, 1.2M (also MM, mn, Mio), 3bn (B, Mrd), 2T.
 * Placeholders (n/a, -, —) are not numbers: they fail with a reason, and the caller decides whether
 * its column may hold them.
 */

export type NumberValue =
  | { ok: true; empty: false; value: number; percent: boolean; currency: string | null }
  | { ok: true; empty: true; value: null; percent: false; currency: null }
  | { ok: false; empty: false; reason: string };

export type DecimalSeparator = "." | ",";

export interface NumberOptions {
  /** The column's decimal separator when known; otherwise each value decides (see the module comment). */
  decimal?: DecimalSeparator | null;
}

const EMPTY: NumberValue = Object.freeze({ ok: true, empty: true, value: null, percent: false, currency: null });
const fail = (reason: string): NumberValue => ({ ok: false, empty: false, reason });

/** Longest first, so that US$ is not read as US + $. The second entry is what `currency` says. */
const SYMBOLS: readonly (readonly [string, string])[] = [
  ["US$", "USD"],
  ["CA$", "CAD"],
  ["AU$", "AUD"],
  ["NZ$", "NZD"],
  ["HK$", "HKD"],
  ["MX$", "MXN"],
  ["NT$", "TWD"],
  ["kr.", "kr"],
  ["Fr.", "CHF"],
  ["R$", "BRL"],
  ["S$", "SGD"],
  ["A$", "AUD"],
  ["C$", "CAD"],
  ["zł", "PLN"],
  ["kr", "kr"],
  ["$", "$"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["¥", "¥"],
  ["₹", "INR"],
  ["₩", "KRW"],
  ["₽", "RUB"],
  ["₺", "TRY"],
  ["₪", "ILS"],
  ["₫", "VND"],
  ["₱", "PHP"],
  ["฿", "THB"],
  ["₴", "UAH"],
  ["₦", "NGN"],
];
/** Symbols that stand for several currencies: an ISO code next to them says which. */
const LOOSE = new Set(["$", "¥", "kr"]);

/** ISO 4217 codes, written in capitals (in lower case only the common ones: "5 cup" is not Cuban pesos). */
const CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));
const LOWER_CODES = new Set("usd eur gbp jpy chf cad aud nzd cny inr sek nok dkk pln brl mxn".split(" "));

/** Magnitude words after a number, as powers of ten. */
const MAGNITUDES = new Map<string, number>([
  ["k", 3],
  ["K", 3],
  ["m", 6],
  ["M", 6],
  ["MM", 6],
  ["mn", 6],
  ["Mn", 6],
  ["mio", 6],
  ["Mio", 6],
  ["b", 9],
  ["B", 9],
  ["bn", 9],
  ["Bn", 9],
  ["bln", 9],
  ["Mrd", 9],
  ["mrd", 9],
  ["T", 12],
  ["tn", 12],
]);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000);
const isMinus = (c: number) => c === 45 || c === 0x2212 || c === 0x2013;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/** Reads one number cell (a string as written, or a number from XLSX/JSON). Never throws. */
export function parseNumber(raw: unknown, options?: NumberOptions | null): NumberValue {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return fail(`${raw} is not a finite number`);
    return { ok: true, empty: false, value: raw === 0 ? 0 : raw, percent: false, currency: null };
  }
  if (typeof raw === "string") {
    const trimmed = raw.trim();
    if (!trimmed) return EMPTY;
    const decimal = options?.decimal ?? null;
    // Most cells are plain: 1234, -12.5.
    if (PLAIN.test(trimmed) && (decimal !== "," || !trimmed.includes("."))) {
      const value = Number(trimmed);
      return { ok: true, empty: false, value: value === 0 ? 0 : value, percent: false, currency: null };
    }
    return fromString(trimmed, decimal);
  }
  if (typeof raw === "boolean") return fail(`${raw} is not a number`);
  if (raw instanceof Date) return fail("A date is not a number");
  return fail(`A ${typeof raw} value is not a number`);
}

const PLAIN = /^-?\d+(?:\.\d+)?$/;
const EXPONENT = /^[eE]([+-]?\d{1,3})$/;

/** The currency after another is named: the same one, or a code that says which a loose symbol ($) meant; undefined when they differ. */
function mergeCurrency(current: string | null, next: string): string | null | undefined {
  if (current === null || current === next || LOOSE.has(next)) return current ?? next;
  return LOOSE.has(current) ? next : undefined;
}

function fromString(original: string, decimal: DecimalSeparator | null): NumberValue {
  // Fullwidth digits and signs (１２３, ￥) become ASCII; no-break spaces become spaces.
  let s = original;
  for (let k = 0; k < s.length; k++) {
    if (s.charCodeAt(k) > 0x7f) {
      s = s.normalize("NFKC");
      break;
    }
  }
  let start = 0;
  let end = s.length;
  let negative = false;
  let signed = false;
  let percent = false;
  let currency: string | null = null;
  let magnitude = 0;
  const paren = s.charCodeAt(0) === 40 && s.charCodeAt(end - 1) === 41;
  if (paren) {
    start++;
    end--;
    negative = true;
  }

  // Before the digits: spaces, one sign, a currency (two marks at most, in all: USD $5, $5 USD).
  let marks = 0;
  prefix: while (start < end) {
    const c = s.charCodeAt(start);
    if (isDigit(c)) break;
    if (isSpace(c)) {
      start++;
      continue;
    }
    if ((c === 43 || isMinus(c)) && !signed) {
      if (paren && c !== 43) return fail(`${quote(original)} has both parentheses and a minus sign`);
      signed = true;
      negative ||= c !== 43;
      start++;
      continue;
    }
    if (marks === 2) break;
    for (const [symbol, code] of SYMBOLS) {
      if (s.startsWith(symbol, start) && !isLetter(s.charCodeAt(start + symbol.length))) {
        const merged = mergeCurrency(currency, code);
        if (merged === undefined) return fail(`${quote(original)} names two currencies`);
        currency = merged;
        marks++;
        start += symbol.length;
        continue prefix;
      }
    }
    if (isLetter(c)) {
      let j = start;
      while (j < end && isLetter(s.charCodeAt(j))) j++;
      const code = isoCode(s.slice(start, j));
      if (code === null) break;
      const merged = mergeCurrency(currency, code);
      if (merged === undefined) return fail(`${quote(original)} names two currencies`);
      currency = merged;
      marks++;
      start = j;
      continue;
    }
    break;
  }
  // After the digits: spaces, percent, a trailing minus, currency, a magnitude (12k, 3bn).
  suffix: while (end > start) {
    const c = s.charCodeAt(end - 1);
    if (isDigit(c)) break;
    if (isSpace(c)) {
      end--;
      continue;
    }
    if (c === 37 && !percent) {
      percent = true;
      end--;
      continue;
    }
    if (isMinus(c) && !signed && end - 1 > start) {
      if (paren) return fail(`${quote(original)} has both parentheses and a minus sign`);
      signed = true;
      negative = true;
      end--;
      continue;
    }
    for (const [symbol, code] of SYMBOLS) {
      const at = end - symbol.length;
      if (
        marks < 2 &&
        at >= start &&
        s.startsWith(symbol, at) &&
        !(isLetter(s.charCodeAt(at)) && isLetter(s.charCodeAt(at - 1)))
      ) {
        const merged = mergeCurrency(currency, code);
        if (merged === undefined) return fail(`${quote(original)} names two currencies`);
        currency = merged;
        marks++;
        end = at;
        continue suffix;
      }
    }
    if (isLetter(c)) {
      let j = end;
      while (j > start && isLetter(s.charCodeAt(j - 1))) j--;
      const word = s.slice(j, end);
      const code = isoCode(word);
      if (code !== null && marks < 2) {
        const merged = mergeCurrency(currency, code);
        if (merged === undefined) return fail(`${quote(original)} names two currencies`);
        currency = merged;
        marks++;
      } else if (MAGNITUDES.has(word) && magnitude === 0 && j > start && !isLetter(s.charCodeAt(j - 1))) {
        magnitude = MAGNITUDES.get(word)!;
      } else break;
      end = j;
      continue;
    }
    break;
  }
  if (percent && currency !== null) return fail(`${quote(original)} has both a currency and a percent sign`);

  // The digits, their separators and an exponent.
  let digits = 0;
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let spaces = 0;
  let apostrophes = 0;
  let mantissaEnd = end;
  for (let k = start; k < end; k++) {
    const c = s.charCodeAt(k);
    if (isDigit(c)) digits++;
    else if (c === 46) [dots, lastDot] = [dots + 1, k];
    else if (c === 44) [commas, lastComma] = [commas + 1, k];
    else if (isSpace(c)) spaces++;
    else if (isApostrophe(c)) apostrophes++;
    else if ((c === 101 || c === 69) && digits > 0) {
      mantissaEnd = k;
      break;
    } else
      return fail(
        digits
          ? `${quote(original)} is not a number: unexpected '${cut(s.slice(k, end))}'`
          : `${quote(original)} is not a number`,
      );
  }
  if (digits === 0) return fail(`${quote(original)} is not a number`);
  let exponent = magnitude;
  if (mantissaEnd < end) {
    const e = EXPONENT.exec(s.slice(mantissaEnd, end));
    if (!e || magnitude)
      return fail(`${quote(original)} is not a number: unexpected '${cut(s.slice(mantissaEnd, end))}'`);
    exponent += Number(e[1]);
  }
  if (spaces && apostrophes) return fail(`${quote(original)} has misplaced thousands separators`);

  // Which of . and , is the decimal separator (at most one), and which groups thousands.
  let point = -1;
  let group = spaces ? 32 : apostrophes ? 39 : 0;
  if (decimal) {
    const [other, count, otherCount, last] =
      decimal === "." ? [44, dots, commas, lastDot] : [46, commas, dots, lastComma];
    if (count > 1) return fail(`${quote(original)} has misplaced thousands separators`);
    point = last;
    if (otherCount && group) return fail(`${quote(original)} has misplaced thousands separators`);
    if (otherCount) group = other;
  } else if (dots && commas) {
    const dotLast = lastDot > lastComma;
    if ((dotLast ? dots : commas) > 1) return fail(`${quote(original)} has misplaced thousands separators`);
    point = dotLast ? lastDot : lastComma;
    if (group) return fail(`${quote(original)} has misplaced thousands separators`);
    group = dotLast ? 44 : 46;
  } else if (dots + commas === 1) {
    const at = dots ? lastDot : lastComma;
    const before = at - start;
    const after = mantissaEnd - at - 1;
    const couldGroup =
      commas === 1 && !group && after === 3 && before >= 1 && before <= 3 && s.charCodeAt(start) !== 48;
    // 1,234 groups thousands; 12,5 · 1234,567 · 0,125 and every lone dot are decimals.
    if (couldGroup && mantissaEnd === end) group = 44;
    else point = at;
  } else if (dots + commas > 1) {
    if (group) return fail(`${quote(original)} has misplaced thousands separators`);
    group = dots ? 46 : 44;
  }

  // Integer part: groups of three (or Indian 2-2-3) between separators; fraction: digits only.
  const intEnd = point >= 0 ? point : mantissaEnd;
  let t = "";
  if (group) {
    const sizes: number[] = [];
    let size = 0;
    for (let k = start; k < intEnd; k++) {
      const c = s.charCodeAt(k);
      if (isDigit(c)) {
        size++;
        t += s[k];
      } else if (c === group || (group === 32 && isSpace(c)) || (group === 39 && isApostrophe(c))) {
        sizes.push(size);
        size = 0;
      } else return fail(`${quote(original)} has misplaced thousands separators`);
    }
    sizes.push(size);
    if (!groupsOk(sizes, group === 44)) return fail(`${quote(original)} has misplaced thousands separators`);
  } else {
    for (let k = start; k < intEnd; k++) {
      if (!isDigit(s.charCodeAt(k))) return fail(`${quote(original)} has misplaced thousands separators`);
    }
    t = s.slice(start, intEnd);
  }
  if (point >= 0) {
    for (let k = point + 1; k < mantissaEnd; k++) {
      if (!isDigit(s.charCodeAt(k))) return fail(`${quote(original)} has misplaced thousands separators`);
    }
    t = `${t || "0"}.${s.slice(point + 1, mantissaEnd)}`;
  }
  if (exponent) t += `e${exponent}`;
  const value = Number(t);
  if (!Number.isFinite(value)) return fail(`${quote(original)} is too large`);
  return { ok: true, empty: false, value: negative && value !== 0 ? -value : value, percent, currency };
}

/** 1,234,567 (first group 1–3 digits, then threes) or, with commas, 12,34,567 (Indian: twos, then a three). */
function groupsOk(sizes: number[], commas: boolean): boolean {
  const last = sizes.length - 1;
  if (sizes[0]! < 1 || sizes[0]! > 3) return false;
  let threes = true;
  for (let k = 1; k <= last; k++) if (sizes[k] !== 3) threes = false;
  if (threes) return true;
  if (!commas || sizes[last] !== 3 || sizes[0]! > 2) return false;
  for (let k = 1; k < last; k++) if (sizes[k] !== 2) return false;
  return true;
}

function isoCode(word: string): string | null {
  if (word.length !== 3) return null;
  if (CODES.has(word)) return word;
  return LOWER_CODES.has(word) ? word.toUpperCase() : null;
}

const cut = (s: string) => (s.length > 12 ? `${s.slice(0, 11)}…` : s);

/** A value as quoted in reasons, cut to a readable length. */
function quote(s: string): string {
  return `'${s.length > 40 ? `${s.slice(0, 39)}…` : s}'`;
}

// ───────────────────────────── a column ─────────────────────────────

export interface DecimalGuess {
  /** The decimal separator the samples show, or null when none shows it (then each value decides). */
  decimal: DecimalSeparator | null;
  reason: string;
}

/**
 * Which decimal separator a column's values use. A value shows it when it has both separators
 * (1.234,5: the last one), repeats one (1.234.567: the other one is the decimal), has a lone one not
 * followed by exactly three digits (12,5 · 3.25), or a lone one after space or apostrophe groups
 * (1 234,5). 1,234 and 1.234 show nothing.
 */
export function detectDecimalSeparator(samples: readonly unknown[]): DecimalGuess {
  let dot = 0;
  let comma = 0;
  let dotExample = "";
  let commaExample = "";
  const limit = Math.min(samples.length, 10_000);
  for (let k = 0; k < limit; k++) {
    const v = samples[k];
    if (typeof v !== "string") continue;
    const sep = showsDecimal(v);
    if (sep === 46) {
      dot++;
      dotExample ||= v.trim();
    } else if (sep === 44) {
      comma++;
      commaExample ||= v.trim();
    }
  }
  if (!dot && !comma) {
    return { decimal: null, reason: "no value shows its decimal separator (1,234 is read as 1234, 1.5 as 1.5)" };
  }
  const say = (n: number, sep: string, example: string) =>
    `${n} value${n === 1 ? "" : "s"} use${n === 1 ? "s" : ""} '${sep}' for decimals (e.g. ${example})`;
  if (dot && comma) {
    const mixed = `mixed: ${say(comma, ",", commaExample)}, ${say(dot, ".", dotExample)}`;
    return { decimal: comma > dot ? "," : dot > comma ? "." : null, reason: mixed };
  }
  return dot
    ? { decimal: ".", reason: say(dot, ".", dotExample) }
    : { decimal: ",", reason: say(comma, ",", commaExample) };
}

/** The char code of the decimal separator `v` proves, or 0. */
function showsDecimal(v: string): number {
  let k = 0;
  while (k < v.length && !isDigit(v.charCodeAt(k)) && v.charCodeAt(k) !== 46 && v.charCodeAt(k) !== 44) k++;
  let dots = 0;
  let commas = 0;
  let last = 0;
  let lastAt = -1;
  let grouped = false;
  let digitsBefore = 0;
  let digitsAfter = 0;
  const leadingZero = v.charCodeAt(k) === 48;
  for (; k < v.length; k++) {
    const c = v.charCodeAt(k);
    if (isDigit(c)) {
      if (lastAt < 0) digitsBefore++;
      else digitsAfter++;
    } else if (c === 46 || c === 44) {
      if (c === 46) dots++;
      else commas++;
      last = c;
      lastAt = k;
      digitsAfter = 0;
    } else if ((isSpace(c) || isApostrophe(c)) && isDigit(v.charCodeAt(k + 1)) && lastAt < 0) grouped = true;
    else break;
  }
  if (dots && commas) return last;
  if (dots > 1) return 44;
  if (commas > 1) return 46;
  if (dots + commas === 0) return 0;
  if (grouped || digitsAfter !== 3 || digitsBefore > 3 || (leadingZero && digitsBefore === 1)) return last;
  return 0;
}
