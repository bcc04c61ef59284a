/**
 * Removes personal data from feedback text before it is stored: e-mail addresses, phone numbers,
 * payment card numbers and IBANs become [email], [phone], [card] and [iban].
 *
 * Numbers are judged by their shape, so that what feedback is full of stays: dates (2026-03-04,
 * 03/04/2026), times, versions (1.2.3), prices ($1,234.56), years, percentages, IP addresses and
 * order numbers (order #12345678: after # only a card is looked for). A number glued to letters
 * (TX4111…, ABC-555-123-4567) is part of an identifier and stays.
 * - A card is 13 to 19 digits, alone or in groups (4-4-4-4, 4-6-5 and the like) joined by spaces or
 *   dashes, with a major network's prefix (2221–2720, 3, 4, 5, 6) and a valid Luhn check digit.
 * - An IBAN is 2 letters, 2 check digits and 11 to 30 letters or digits, alone or in groups of four,
 *   with the length of its country (when the country is known here) and a valid ISO 13616 checksum.
 *   A code of that shape that fails the checks stays whole (its digits are not taken for a phone).
 * - A phone number has at least 8 digits and a phone's formatting: international (+44 20 7946 0958,
 *   +1 (555) 123-4567, 0044 20 7946 0958), or national with separators: a trunk 0 (020 7946 0958,
 *   07700 900123), an area code in parentheses ((555) 123-4567, (02) 9876 5432) or the North American
 *   3-3-4 (555-123-4567, 555.123.4567). A plain run of digits is never a phone number, and slashes
 *   (030/1234567) are left to dates.
 */

export interface RedactionCounts {
  email: number;
  phone: number;
  card: number;
  iban: number;
}

export interface Redaction {
  text: string;
  counts: RedactionCounts;
}

/** Replaces personal data in `text` and counts what was replaced. */
export function redactText(text: string): Redaction {
  const counts: RedactionCounts = { email: 0, phone: 0, card: 0, iban: 0 };
  // Most feedback has neither an @ nor 8 digits: it comes back as it is, without a regular expression.
  let out = text.includes("@") ? redactEmails(text, counts) : text;
  let digits = 0;
  for (let i = 0; i < out.length && digits < 8; i++) if (isDigit(out.charCodeAt(i))) digits++;
  if (digits >= 8) {
    const ibans = redactIbans(out, counts);
    out = redactNumbers(ibans.text, counts, ibans.kept);
  }
  return { text: out, counts };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Letters beyond ASCII (é, ü, ß, я…): not punctuation, spaces or symbols. */
const isOtherLetter = (c: number) =>
  c >= 0xc0 &&
  c < 0xd800 && // emoji (surrogate pairs) and what follows are not letters here
  c !== 0xd7 &&
  c !== 0xf7 &&
  !(c >= 0x2000 && c <= 0x2bff) &&
  !(c >= 0x3000 && c <= 0x303f);
const isWordChar = (c: number) => isAsciiAlnum(c) || c === 95 || isOtherLetter(c);
const isSpace = (c: number) => c === 32 || c === 0xa0 || c === 0x202f;

// ───────────────────────────── e-mail ─────────────────────────────

/** local@domain.tld: the local part from letters, digits and . _ % + -; a domain with a dot and a TLD of letters. */
function redactEmails(s: string, counts: RedactionCounts): string {
  let out = "";
  let last = 0;
  let from = 0;
  for (let at = s.indexOf("@"); at >= 0; at = s.indexOf("@", from)) {
    let a = at;
    while (a > last && at - a < 64 && isLocal(s.charCodeAt(a - 1))) a--;
    while (a < at && s.charCodeAt(a) === 46) a++;
    let b = at + 1;
    while (b < s.length && b - at < 254 && isDomainChar(s.charCodeAt(b))) b++;
    while (b > at + 1 && (s.charCodeAt(b - 1) === 46 || s.charCodeAt(b - 1) === 45)) b--;
    if (a < at && s.charCodeAt(at - 1) !== 46 && validDomain(s, at + 1, b)) {
      out += `${s.slice(last, a)}[email]`;
      last = b;
      from = b;
      counts.email++;
    } else from = at + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

const isDomainChar = (c: number) => isAsciiAlnum(c) || isOtherLetter(c) || c === 45 || c === 46;
const isLocal = (c: number) =>
  isAsciiAlnum(c) || isOtherLetter(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;

/** Labels of letters, digits and inner hyphens, at least two of them, the last (the TLD) of 2+ letters. */
function validDomain(s: string, from: number, to: number): boolean {
  let labels = 0;
  let start = from;
  for (let k = from; k <= to; k++) {
    if (k < to && s.charCodeAt(k) !== 46) continue;
    if (k === start || s.charCodeAt(start) === 45 || s.charCodeAt(k - 1) === 45) return false;
    labels++;
    if (k === to) {
      if (k - start < 2) return false;
      for (let j = start; j < k; j++) {
        const c = s.charCodeAt(j);
        if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isOtherLetter(c))) return false;
      }
    }
    start = k + 1;
  }
  return labels >= 2;
}

// ───────────────────────────── IBAN ─────────────────────────────

const IBAN =
  /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ \u00a0]?[A-Za-z0-9]{4}){2,7}(?:[ \u00a0]?[A-Za-z0-9]{1,4})?(?![A-Za-z0-9])/g;

/** IBAN lengths by country (the SWIFT IBAN registry). */
const IBAN_LENGTHS = new Map<string, number>();
for (const [len, countries] of [
  [15, "NO"],
  [16, "BE"],
  [18, "DK FI FO GL NL SD FK"],
  [19, "MK SI"],
  [20, "AT BA EE KZ LT LU XK MN"],
  [21, "CH HR LI LV"],
  [22, "BG BH CR DE GB GE IE ME RS VA"],
  [23, "AE GI IL IQ OM SO TL"],
  [24, "AD CZ ES MD PK RO SA SE SK TN VG"],
  [25, "LY PT ST"],
  [26, "IS TR"],
  [27, "BI DJ FR GR IT MC MR SM"],
  [28, "AL AZ BY CY DO GT HU LB NI PL SV"],
  [29, "BR EG PS QA UA"],
  [30, "JO KW MU YE"],
  [31, "MT SC"],
  [32, "LC"],
  [33, "RU"],
] as const) {
  for (const c of countries.split(" ")) IBAN_LENGTHS.set(c, len);
}

/**
 * Replaces valid IBANs. IBAN-shaped codes that fail the check are kept whole, and their ranges in the
 * result returned (start, end, start, end…), so that their digits are not then taken for a phone or card.
 */
function redactIbans(s: string, counts: RedactionCounts): { text: string; kept: number[] } {
  const kept: number[] = [];
  IBAN.lastIndex = 0;
  let m = IBAN.exec(s);
  if (!m) return { text: s, kept };
  let out = "";
  let last = 0;
  for (; m; m = IBAN.exec(s)) {
    const match = m[0];
    out += s.slice(last, m.index);
    last = m.index + match.length;
    // A following word of four letters or digits may have been taken for a group: drop groups from the end.
    let candidate = match;
    while (!validIban(candidate)) {
      const space = Math.max(candidate.lastIndexOf(" "), candidate.lastIndexOf("\u00a0"));
      candidate = space < 0 ? "" : candidate.slice(0, space);
      if (!candidate) break;
    }
    if (candidate) {
      counts.iban++;
      out += `[iban]${match.slice(candidate.length)}`;
    } else {
      kept.push(out.length, out.length + match.length);
      out += match;
    }
  }
  return { text: out + s.slice(last), kept };
}

/** ISO 13616: the country's length, and the number (letters as 10–35, the first four moved to the end) mod 97 is 1. */
export function validIban(value: string): boolean {
  let compact = "";
  for (const ch of value) if (ch !== " " && ch !== "\u00a0") compact += ch;
  compact = compact.toUpperCase();
  if (compact.length < 15 || compact.length > 34) return false;
  const expected = IBAN_LENGTHS.get(compact.slice(0, 2));
  if (expected !== undefined && expected !== compact.length) return false;
  let rest = 0;
  const n = compact.length;
  for (let k = 0; k < n; k++) {
    const c = compact.charCodeAt((k + 4) % n);
    if (c >= 48 && c <= 57) rest = (rest * 10 + c - 48) % 97;
    else if (c >= 65 && c <= 90) rest = (rest * 100 + c - 55) % 97;
    else return false;
  }
  return rest === 1;
}

// ───────────────────────────── cards and phones ─────────────────────────────

/** A run of digits in a number-like stretch of text: 020, (555), 7946. */
interface Group {
  start: number;
  end: number;
  digits: number;
  /** The separator before it: a space, - or ., or 0 (none: next to parentheses, or the first group). */
  sep: number;
  paren: boolean;
  /** Part of a date (2026-03-04, 04.03.2026) or an IP address: never in a card or phone number. */
  taken: boolean;
}

const MAX_DIGITS = 19;

/** Finds number-like stretches (digits joined by single spaces, dashes, dots and parentheses) and redacts cards and phones in them. */
function redactNumbers(s: string, counts: RedactionCounts, kept: readonly number[]): string {
  let out = "";
  let last = 0;
  const n = s.length;
  let i = 0;
  let k = 0;
  while (i < n) {
    if (k < kept.length && i >= kept[k]!) {
      i = Math.max(i, kept[k + 1]!);
      k += 2;
      continue;
    }
    const c = s.charCodeAt(i);
    const start = isDigit(c) || c === 43 || c === 40 ? canStart(s, i) : NONE;
    if (start === NONE) {
      i++;
      continue;
    }
    const plus = c === 43;
    if (plus && !(isDigit(s.charCodeAt(i + 1)) || s.charCodeAt(i + 1) === 40)) {
      i++;
      continue;
    }
    const groups = readGroups(s, plus ? i + 1 : i);
    if (groups.length === 0) {
      i++;
      continue;
    }
    markDatesAndAddresses(groups);
    let g = 0;
    while (g < groups.length) {
      const found = matchAt(s, groups, g, plus && g === 0, start === CARDS && g === 0);
      if (!found) {
        g++;
        continue;
      }
      const from = plus && g === 0 ? i : groups[g]!.start;
      out += `${s.slice(last, from)}[${found.kind}]`;
      last = groups[found.end]!.end;
      counts[found.kind]++;
      g = found.end + 1;
    }
    i = groups[groups.length - 1]!.end;
  }
  return last === 0 ? s : out + s.slice(last);
}

const NONE = 0;
const CARDS = 1;
const ANY = 2;

/**
 * Whether a number may begin at `i`: not inside a word or identifier (ABC-12345678, v1.2), not after a
 * currency, and not continuing a time, date, decimal or range (10:20, 03/04, 1,234, 1-2). After # (an
 * order or ticket number) only a card is looked for.
 */
function canStart(s: string, i: number): typeof NONE | typeof CARDS | typeof ANY {
  if (i === 0) return ANY;
  const p = s.charCodeAt(i - 1);
  if (p === 35) return CARDS;
  if (isWordChar(p) || p === 45 || p === 36 || p === 0x20ac || p === 0xa3 || p === 0xa5 || p === 0x20b9) return NONE;
  if (p === 37 || p === 38 || p === 61 || p === 64 || p === 43) return NONE;
  if ((p === 58 || p === 47 || p === 46 || p === 44) && isDigit(s.charCodeAt(i - 2))) return NONE;
  return ANY;
}

/**
 * Reads groups of digits from `i`, joined by one space, dash or dot, or by parentheses: (555) 123-4567,
 * +44 (0)20 7946 0958. A group followed by a letter, %, :, / or a decimal comma ends the stretch
 * without it (10:20, 12/27 after a card number, 5%, 12,50).
 */
function readGroups(s: string, i: number): Group[] {
  const groups: Group[] = [];
  const n = s.length;
  let sep = 0;
  let k = i;
  while (k < n) {
    const start = k;
    let paren = false;
    if (s.charCodeAt(k) === 40) {
      let j = k + 1;
      while (j < n && isDigit(s.charCodeAt(j)) && j - k <= 6) j++;
      if (j === k + 1 || s.charCodeAt(j) !== 41) break;
      k = j + 1;
      paren = true;
    } else if (isDigit(s.charCodeAt(k))) {
      while (k < n && isDigit(s.charCodeAt(k))) k++;
    } else break;
    const next = s.charCodeAt(k);
    if (
      (!paren && (isWordChar(next) || next === 37 || next === 58 || next === 47)) ||
      (next === 44 && isDigit(s.charCodeAt(k + 1)))
    ) {
      break;
    }
    const digits = paren ? k - start - 2 : k - start;
    groups.push({ start, end: k, digits, sep, paren, taken: false });
    if (paren && isDigit(next)) {
      sep = 0; // (0)20
      continue;
    }
    if (next === 40) {
      sep = 0; // +1(555)
      continue;
    }
    const after = s.charCodeAt(k + 1);
    if ((isSpace(next) || next === 45 || next === 46) && (isDigit(after) || after === 40)) {
      sep = isSpace(next) ? 32 : next;
      k++;
      continue;
    }
    break;
  }
  return groups;
}

/** Marks groups that form a date (2026-03-04, 04.03.2026, 3-4-2026) or an IPv4 address (192.168.1.20). */
function markDatesAndAddresses(groups: Group[]): void {
  for (let t = 0; t + 2 < groups.length; t++) {
    const [a, b, c] = [groups[t]!, groups[t + 1]!, groups[t + 2]!];
    if (b.sep !== c.sep || (b.sep !== 45 && b.sep !== 46) || a.paren || b.paren || c.paren) continue;
    if (isDate(a, b, c)) a.taken = b.taken = c.taken = true;
  }
  // Exactly four dotted groups: 01.23.45.67.89 is a French phone number, not an address.
  for (let t = 0; t + 3 < groups.length; t++) {
    if ((t > 0 && groups[t]!.sep === 46) || (t + 4 < groups.length && groups[t + 4]!.sep === 46)) continue;
    let address = true;
    for (let k = t; k < t + 4; k++) {
      const g = groups[k]!;
      if (g.paren || g.digits > 3 || (k > t && g.sep !== 46)) address = false;
    }
    if (address) for (let k = t; k < t + 4; k++) groups[k]!.taken = true;
  }
}

/** Year-month-day or day-month-year (either order of day and month) with a 4-digit year. */
function isDate(a: Group, b: Group, c: Group): boolean {
  const small = (g: Group) => g.digits <= 2;
  if (a.digits === 4 && small(b) && small(c)) return true;
  return small(a) && small(b) && c.digits === 4;
}

/** The longest card or phone number that starts at group `g`, ending before a space (or at the stretch's end). */
function matchAt(
  s: string,
  groups: Group[],
  g: number,
  plus: boolean,
  cardsOnly: boolean,
): { kind: "card" | "phone"; end: number } | null {
  const first = groups[g]!;
  if (first.taken || (g > 0 && first.sep !== 32 && !first.paren)) return null;
  let digits = 0;
  let e = g;
  while (e < groups.length && !groups[e]!.taken && digits + groups[e]!.digits <= MAX_DIGITS)
    digits += groups[e++]!.digits;
  // Fewer than 8 digits are neither (a card has 13 or more).
  for (e--; e >= g && digits >= 8; e--) {
    if (e + 1 === groups.length || groups[e + 1]!.sep === 32) {
      if (!plus && isCard(s, groups, g, e, digits)) return { kind: "card", end: e };
      if (!cardsOnly && isPhone(s, groups, g, e, digits, plus)) return { kind: "phone", end: e };
    }
    digits -= groups[e]!.digits;
  }
  return null;
}

function isCard(s: string, groups: Group[], g: number, e: number, digits: number): boolean {
  if (digits < 13 || digits > 19) return false;
  const sep = e > g ? groups[g + 1]!.sep : 0;
  for (let k = g; k <= e; k++) {
    const x = groups[k]!;
    if (x.paren || (k > g && x.sep !== sep) || (sep !== 0 && sep !== 32 && sep !== 45)) return false;
  }
  if (e > g) {
    // 4-4-4-4, 4-4-4-4-3…: fours and a shorter last group; or Amex and Diners, 4-6-5 and 4-6-4.
    let fours = true;
    for (let k = g; k < e; k++) if (groups[k]!.digits !== 4) fours = false;
    const last = groups[e]!.digits;
    const amex = e - g === 2 && groups[g]!.digits === 4 && groups[g + 1]!.digits === 6 && (last === 5 || last === 4);
    if (!(fours && last <= 4) && !amex) return false;
  }
  let number = "";
  for (let k = g; k <= e; k++) number += s.slice(groups[k]!.start, groups[k]!.end);
  const d0 = number.charCodeAt(0) - 48;
  const prefix4 = Number(number.slice(0, 4));
  if (!((d0 >= 3 && d0 <= 6) || (prefix4 >= 2221 && prefix4 <= 2720))) return false;
  return luhn(number);
}

/** The Luhn check: from the right, every second digit doubled (minus 9 above 9); the sum ends in 0. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let k = digits.length - 1, double = false; k >= 0; k--, double = !double) {
    let d = digits.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return false;
    if (double && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function isPhone(s: string, groups: Group[], g: number, e: number, digits: number, plus: boolean): boolean {
  const first = groups[g]!;
  const count = e - g + 1;
  let dots = false;
  for (let k = g + 1; k <= e; k++) if (groups[k]!.sep === 46) dots = true;
  if (dots) {
    // 555.123.4567, 01.23.45.67.89: dots throughout, groups of 2 to 4 digits.
    if (count < 3) return false;
    for (let k = g; k <= e; k++) {
      const x = groups[k]!;
      if ((k > g && x.sep !== 46) || x.paren || x.digits < 2 || x.digits > 4) return false;
    }
  }
  if (plus) {
    // +44 20 7946 0958; a (0) trunk digit does not count.
    let trunk = 0;
    for (let k = g; k <= e; k++)
      if (groups[k]!.paren && s.startsWith("(0)", groups[k]!.start) && groups[k]!.digits === 1) trunk++;
    return s.charCodeAt(first.start) !== 48 && digits - trunk >= 8 && digits - trunk <= 15;
  }
  if (count < 2) return false;
  const firstDigit = s.charCodeAt(first.paren ? first.start + 1 : first.start) - 48;
  if (!first.paren && s.startsWith("00", first.start)) {
    // 0044 20 7946 0958, 00 44 20 7946 0958: the international prefix, then a country code.
    const country = first.digits > 2 ? first.start + 2 : groups[g + 1]!.start;
    return s.charCodeAt(country) !== 48 && s.charCodeAt(country) !== 40 && digits - 2 >= 8 && digits - 2 <= 15;
  }
  if (digits < 8 || digits > 13) return false;
  const size = (k: number) => groups[g + k]!.digits;
  // North American 3-3-4, (555) 123-4567, 1-555-123-4567.
  if (count === 3 && size(0) === 3 && size(1) === 3 && size(2) === 4 && firstDigit >= 2) return true;
  if (count === 4 && size(0) === 1 && size(1) === 3 && size(2) === 3 && size(3) === 4 && firstDigit === 1) return true;
  let pairs = true; // no group after the first of a single digit
  for (let k = 1; k < count; k++) if (size(k) < 2) pairs = false;
  // An area code in parentheses: (02) 9876 5432.
  if (first.paren) return pairs;
  // A trunk 0: 020 7946 0958, 07700 900123, 01 23 45 67 89.
  return firstDigit === 0 && first.digits >= 2 && first.digits <= 5 && pairs;
}
