/**
 * Tokenizer and sentence/clause splitter for short user texts (reviews, feedback, posts).
 *
 * One pass of one sticky regular expression; every token keeps its character offsets into the
 * original text, so callers can highlight spans. Kinds: words (contractions and hyphenated
 * compounds stay whole: "don't", "must-have"), numbers, ASCII emoticons (":)", ":-(", "<3"),
 * emoji (with their modifiers and joiners), URLs, @mentions, #hashtags and punctuation runs
 * ("!!!", "?!", "...").
 */

export type TokenKind = "word" | "number" | "emoticon" | "emoji" | "url" | "mention" | "hashtag" | "punct";

export interface TextToken {
  /** The token as written. */
  raw: string;
  /** Lower-cased form; elongations ("sooooo") are kept as written (see `squeezeElongation`). */
  lower: string;
  kind: TokenKind;
  start: number;
  end: number;
}

export interface TextSegment {
  start: number;
  end: number;
  /** Index of the first token and one past the last, into the token array. */
  from: number;
  to: number;
}

// Order matters: URLs before words, emoticons before punctuation.
const EMOTICON = String.raw`(?:<\/?3+|[<>]?[:;=8xX][\-o\*'^]?[\)\]\(\[dDpPoO\/\\\|\}\{@3\*\$]+(?![\p{L}\p{N}])|[\)\]\(\[\/\\\|\}\{]+[\-o\*'^]?[:;=](?![\p{L}\p{N}])|\^[_\-.]?\^|-_-|[oO0]_[oO0]|[tT]_[tT]|;_;|:'[\(\)])`;
const TOKEN_RE = new RegExp(
  [
    String.raw`((?:https?:\/\/|www\.)[^\s]+)`,
    String.raw`(@[\p{L}\p{N}_]+)`,
    String.raw`(#[\p{L}\p{N}_]+)`,
    `(${EMOTICON})`,
    String.raw`([+\-]?\$?\d+(?:[.,:]\d+)*(?:%|[a-z]{1,3}\b)?)`,
    String.raw`([\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*(?:[\-&][\p{L}\p{N}]+)*(?:['’](?![\p{L}]))?)`,
    String.raw`((?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\p{Emoji_Modifier}|\u200D(?:\p{Extended_Pictographic}))*)`,
    String.raw`([!?]+|\.{2,}|…|[.,;:\-–—()\[\]"“”'‘’*/&+=~]|[^\s])`,
  ].join("|"),
  "guy",
);

const APOSTROPHE_RE = /’/g;

/** Splits a text into tokens with offsets. Whitespace is dropped. */
export function tokenize(text: string): TextToken[] {
  const out: TextToken[] = [];
  TOKEN_RE.lastIndex = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Skip whitespace quickly (space, tab, CR, LF, NBSP).
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x2028) {
      i++;
      continue;
    }
    TOKEN_RE.lastIndex = i;
    const m = TOKEN_RE.exec(text);
    if (!m || m.index !== i) {
      i++;
      continue;
    }
    const raw = m[0];
    // Groups, in order: url, mention, hashtag, emoticon, number, word, emoji, punct.
    let kind: TokenKind;
    if (m[6] !== undefined) kind = "word";
    else if (m[8] !== undefined) kind = "punct";
    else if (m[4] !== undefined) kind = "emoticon";
    else if (m[5] !== undefined) kind = "number";
    else if (m[7] !== undefined) kind = "emoji";
    else if (m[1] !== undefined) kind = "url";
    else if (m[2] !== undefined) kind = "mention";
    else kind = "hashtag";
    // An emoticon like "D:" or "8)" swallowing a number or word is rare; ":/" in URLs is handled by the url rule.
    const lower = raw.toLowerCase();
    out.push({
      raw,
      lower: kind === "word" && lower.includes("’") ? lower.replace(APOSTROPHE_RE, "'") : lower,
      kind,
      start: i,
      end: i + raw.length,
    });
    i += raw.length;
  }
  return out;
}

/** "sooooo" -> "soo", "goooood" -> "good": runs of 3+ identical letters become 2. */
export function squeezeElongation(word: string): string {
  let prev = "";
  let run = 0;
  let changed = false;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (ch === prev) {
      run++;
      if (run >= 3) changed = true;
    } else {
      prev = ch;
      run = 1;
    }
  }
  if (!changed) return word;
  return word.replace(/(.)\1{2,}/g, "$1$1");
}

/** Words after which a new clause starts: contrast markers that shift weight to what follows. */
export const CLAUSE_BREAK_WORDS = new Set(["but", "however", "although", "though", "except", "whereas"]);

const SENTENCE_END = /^(?:[.!?…]+|\.{2,})$/;

/**
 * Splits tokens into segments: sentences (ended by . ! ? … ; or a line break) and, inside a
 * sentence, clauses that start at a contrast word ("love the app | but billing is a mess") or
 * after a semicolon. Each segment runs from its first token to its last, trailing punctuation
 * included.
 */
export function splitSegments(text: string, tokens: TextToken[]): TextSegment[] {
  const segs: TextSegment[] = [];
  let from = 0;
  const close = (to: number) => {
    if (to > from) segs.push({ start: tokens[from].start, end: tokens[to - 1].end, from, to });
    from = to;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > from) {
      // A line break between tokens ends a sentence.
      const gapStart = tokens[i - 1].end;
      if (t.start > gapStart && text.slice(gapStart, t.start).includes("\n")) close(i);
      else if (t.kind === "word" && CLAUSE_BREAK_WORDS.has(t.lower) && clauseWorthy(tokens, from, i)) close(i);
    }
    if (t.kind === "punct" && (SENTENCE_END.test(t.raw) || t.raw === ";")) {
      // "e.g." / "3.5" / "U.S." style dots inside a sentence: a single "." directly followed by a letter.
      if (t.raw === "." && i + 1 < tokens.length && tokens[i + 1].start === t.end) continue;
      // Swallow following closing punctuation and emoticons/emoji that belong to this sentence.
      let j = i + 1;
      while (
        j < tokens.length &&
        (tokens[j].kind === "emoji" ||
          tokens[j].kind === "emoticon" ||
          (tokens[j].kind === "punct" && /^[!?.…)"”'’]+$/.test(tokens[j].raw)))
      ) {
        j++;
      }
      close(j);
      i = j - 1;
    }
  }
  close(tokens.length);
  return segs;
}

/** A contrast word starts a clause only when the clause before it has at least two words. */
function clauseWorthy(tokens: TextToken[], from: number, at: number): boolean {
  let words = 0;
  for (let k = from; k < at; k++) if (tokens[k].kind === "word" || tokens[k].kind === "emoji") words++;
  return words >= 2;
}
