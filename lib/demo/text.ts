/**
 * Writes one piece of demo feedback from its themes and polarities: a clause
 * per theme from phrases.ts, framed the way its channel talks (app reviews are
 * short and emotive, tickets greet and ask, call notes quote the customer),
 * with the occasional typo or emoji. Always 8–60 words.
 */
import {
  CALL_FRAMES,
  CALL_ROLES,
  CHAT_OPENINGS,
  CLOSINGS,
  DETAILS,
  EMOJI,
  FILLERS,
  MIXED_TEMPLATES,
  OPENINGS,
  SLOTS,
  THEME_WORDS,
  TICKET_OPENINGS,
  TYPOS,
  type ChannelStyle,
  type Polarity,
  type ThemeKey,
} from "./phrases.ts";
import type { Random } from "./random.ts";

export type { ChannelStyle };

export const MIN_WORDS = 8;
export const MAX_WORDS = 60;

export interface TextSpec {
  style: ChannelStyle;
  /** Months since the window start: picks the clauses the storyline allows then. */
  month: number;
  primary: { theme: ThemeKey; polarity: Polarity };
  secondary?: { theme: ThemeKey; polarity: Polarity };
  /** Overall polarity (a mixed item leans one way), for openings, closings and emoji. */
  overall: Polarity;
  /** |sentiment|: strong feelings get exclamation marks. */
  strength: number;
  /** Slot values that must match the item (the author's plan, the store's devices). */
  slots?: Readonly<Record<string, readonly string[]>>;
}

/** How often each style adds a typo, an emoji, writes all in lower case, closes, adds detail. */
const STYLE_NOISE: Record<
  ChannelStyle,
  { typo: number; emoji: number; lower: number; closing: number; detail: number }
> = {
  review: { typo: 0.12, emoji: 0.22, lower: 0.08, closing: 0.35, detail: 0.15 },
  survey: { typo: 0.07, emoji: 0.06, lower: 0.04, closing: 0.3, detail: 0.15 },
  ticket: { typo: 0.05, emoji: 0.01, lower: 0, closing: 0.6, detail: 0.65 },
  chat: { typo: 0.09, emoji: 0.08, lower: 0.05, closing: 0.4, detail: 0.3 },
  call: { typo: 0.02, emoji: 0, lower: 0, closing: 0.5, detail: 0.6 },
};

export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Slots = TextSpec["slots"];

function fillSlots(r: Random, text: string, own?: Slots): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const options = own?.[name] ?? SLOTS[name];
    return options ? r.pick(options) : whole;
  });
}

/** A clause of the theme and polarity that the storyline allows in this month (slots not yet filled). */
export function pickClause(r: Random, theme: ThemeKey, polarity: Polarity, month: number, not?: string): string {
  const bank = THEME_WORDS[theme][polarity]
    .map((c) => (typeof c === "string" ? { text: c } : c))
    .filter((c) => (c.from === undefined || month >= c.from) && (c.until === undefined || month < c.until));
  const fresh = bank.filter((c) => c.text !== not);
  const clause = r.pick(fresh.length ? fresh : bank);
  return clause.text;
}

/** A clause as a sentence (no capital yet): questions keep their "?", strong complaints may shout. */
function sentence(r: Random, clause: string, polarity: Polarity, strength: number): string {
  if (clause.endsWith("?")) return clause;
  if (polarity !== "neutral" && strength > 0.9 && r.chance(0.35)) return `${clause}!`;
  return `${clause}.`;
}

type Fill = (text: string) => string;

function mixedSentence(r: Random, fill: Fill, pos: ThemeKey, neg: ThemeKey, month: number): string {
  return fill(
    r
      .pick(MIXED_TEMPLATES)
      .replace("{pos}", pickClause(r, pos, "positive", month))
      .replace("{neg}", pickClause(r, neg, "negative", month))
      .replace("{topic}", r.pick(THEME_WORDS[pos].topic)),
  );
}

/** One positive and one negative part: said as one "love X, but Y" sentence. */
export const isMixed = (a: Polarity, b: Polarity): boolean => a !== b && a !== "neutral" && b !== "neutral";

/** The body: one or two sentences about the primary theme, and one about the secondary (or both in one "but"). */
function body(r: Random, fill: Fill, spec: TextSpec): string[] {
  const { primary, secondary, month, strength } = spec;
  if (secondary && isMixed(primary.polarity, secondary.polarity)) {
    const [pos, neg] = primary.polarity === "positive" ? [primary, secondary] : [secondary, primary];
    return [mixedSentence(r, fill, pos.theme, neg.theme, month)];
  }
  const first = pickClause(r, primary.theme, primary.polarity, month);
  const out = [sentence(r, fill(first), primary.polarity, strength)];
  if (!secondary && r.chance(0.35)) {
    const more = pickClause(r, primary.theme, primary.polarity, month, first);
    if (more !== first) out.push(sentence(r, fill(more), primary.polarity, strength));
  }
  if (secondary) {
    const clause = pickClause(r, secondary.theme, secondary.polarity, month);
    out.push(sentence(r, fill(clause), secondary.polarity, strength));
  }
  return out;
}

/** An opening that fits the first sentence: "Quick question:" only before a question. */
function opening(r: Random, style: ChannelStyle, polarity: Polarity, first: string): string {
  switch (style) {
    case "ticket":
      return r.chance(0.7) ? r.pick(TICKET_OPENINGS) : polarity === "negative" && r.chance(0.3) ? "Urgent: " : "";
    case "chat":
      return r.pick(CHAT_OPENINGS);
    case "call":
      return ""; // calls are framed as a quote instead
    default:
      return r.pick(OPENINGS[polarity === "neutral" && first.endsWith("?") ? "question" : polarity]);
  }
}

/** Joins sentences; the first follows the opening ("Honestly, the app…" but "Ugh. The app…"). */
function join(open: string, sentences: string[]): string {
  const [first = "", ...rest] = sentences;
  const lead = open === "" || /[.!?]\s$/.test(open) ? cap(first) : first;
  return [open + lead, ...rest.map(cap)].join(" ");
}

function addTypo(r: Random, text: string): string {
  const words = text.split(" ");
  const known = words.map((w, i) => [i, w] as const).filter(([, w]) => TYPOS[w.toLowerCase()] !== undefined);
  if (known.length && r.chance(0.7)) {
    const [i, w] = r.pick(known);
    const typo = TYPOS[w.toLowerCase()]!;
    words[i] = w[0] === w[0]!.toUpperCase() ? cap(typo) : typo;
    return words.join(" ");
  }
  const long = words.map((w, i) => [i, w] as const).filter(([, w]) => /^[a-z]{5,}$/.test(w));
  if (!long.length) return text;
  const [i, w] = r.pick(long);
  const at = r.int(1, w.length - 2); // swap two neighbouring letters inside the word
  words[i] = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
  return words.join(" ");
}

export function composeText(r: Random, spec: TextSpec): string {
  const noise = STYLE_NOISE[spec.style];
  const fill: Fill = (text) => fillSlots(r, text, spec.slots);
  const sentences = body(r, fill, spec);
  const main =
    spec.style === "call"
      ? `${r.pick(CALL_FRAMES)} (${r.pick(CALL_ROLES)}): "${join("", sentences)}"`
      : join(opening(r, spec.style, spec.primary.polarity, sentences[0]!), sentences);
  const extras: string[] = [];
  if (r.chance(noise.detail)) extras.push(fill(r.pick(DETAILS[spec.style])));
  if (r.chance(noise.detail / 2)) {
    const more = fill(r.pick(DETAILS[spec.style]));
    if (!extras.includes(more)) extras.push(more);
  }
  const closings = CLOSINGS[spec.style][spec.overall];
  if (r.chance(noise.closing)) extras.push(fill(r.pick(closings)));
  while (countWords([main, ...extras].join(" ")) < MIN_WORDS) {
    const next = fill(r.pick(closings));
    // A repeated closing ("Thanks. Thanks.") reads like a bug; a plain remark does not.
    extras.push(extras.includes(next) ? (FILLERS.find((f) => !extras.includes(f)) ?? next) : next);
  }
  let text = [main, ...extras].join(" ");
  if (r.chance(noise.typo)) text = addTypo(r, text);
  if (r.chance(noise.lower)) text = text.toLowerCase().replace(/\.$/, "");
  if (r.chance(noise.emoji)) text = `${text} ${r.pick(EMOJI[spec.overall])}`;
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > MAX_WORDS ? words.slice(0, MAX_WORDS).join(" ") : text;
}
