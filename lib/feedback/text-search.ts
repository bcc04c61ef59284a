/**
 * Text search rules, shared by the explorer's queries and their tests.
 *
 * Configuration 'simple': words are lower-cased and nothing else. Feedback comes in many
 * languages (the country column says so) and an English stemmer would mangle the rest; the
 * English configuration would also drop stop words such as "not" and "off", which matter in
 * complaints ("not working", "turned off"). To still find "crashes" for "crash", every search
 * word of three or more characters matches as a word prefix (crash → crash, crashes, crashed);
 * a "quoted phrase" of two or more words matches those exact words in that order. The query is
 * parsed by PostgreSQL's websearch_to_tsquery, which accepts any input (no syntax errors) and
 * understands "phrases", -exclusions and "or". All of this is plain PostgreSQL, so the embedded
 * database (PGlite) behaves identically.
 */

/** Search words shorter than this match exactly; longer ones also match as a prefix. */
export const MIN_PREFIX_LENGTH = 3;

/** Marks ts_headline puts around matches; control characters that imported text never holds. */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

interface Token {
  kind: "lexeme" | "op" | "space";
  text: string;
}

function tokenize(tsquery: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < tsquery.length) {
    const ch = tsquery[i]!;
    if (ch === "'") {
      // A lexeme: single-quoted, with '' for a quote inside, optionally followed by :* or weights.
      let j = i + 1;
      while (j < tsquery.length) {
        if (tsquery[j] === "'" && tsquery[j + 1] === "'") j += 2;
        else if (tsquery[j] === "'") break;
        else j++;
      }
      j++;
      const suffix = /^:[*A-Da-d]+/.exec(tsquery.slice(j));
      if (suffix) j += suffix[0].length;
      tokens.push({ kind: "lexeme", text: tsquery.slice(i, j) });
      i = j;
    } else if (ch === " ") {
      tokens.push({ kind: "space", text: ch });
      i++;
    } else if (ch === "<") {
      const end = tsquery.indexOf(">", i);
      const j = end < 0 ? tsquery.length : end + 1;
      tokens.push({ kind: "op", text: tsquery.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: "op", text: ch });
      i++;
    }
  }
  return tokens;
}

const isPhraseOp = (t: Token | undefined) => t?.kind === "op" && t.text.startsWith("<");

/**
 * Turns the text of a tsquery made by websearch_to_tsquery into one whose single words also match
 * as prefixes: `'crash' & 'log' <-> 'in'` → `'crash':* & 'log' <-> 'in'`. Words inside a phrase,
 * words shorter than MIN_PREFIX_LENGTH and words that already carry a suffix stay as they are.
 */
export function withPrefixMatching(tsquery: string): string {
  const tokens = tokenize(tsquery);
  const solid = tokens.filter((t) => t.kind !== "space");
  return tokens
    .map((t) => {
      if (t.kind !== "lexeme" || !t.text.endsWith("'")) return t.text;
      const at = solid.indexOf(t);
      if (isPhraseOp(solid[at - 1]) || isPhraseOp(solid[at + 1])) return t.text;
      const word = t.text.slice(1, -1).replace(/''/g, "'");
      return [...word].length >= MIN_PREFIX_LENGTH ? `${t.text}:*` : t.text;
    })
    .join("");
}

/** A piece of text; `match` pieces are what the search found (shown in <mark>). */
export interface TextSegment {
  text: string;
  match?: true;
}

/** Splits ts_headline output (with MATCH_START/MATCH_END marks) into segments; no HTML involved. */
export function headlineSegments(headline: string): TextSegment[] {
  const out: TextSegment[] = [];
  let inMatch = false;
  let buf = "";
  const flush = () => {
    if (buf) out.push(inMatch ? { text: buf, match: true } : { text: buf });
    buf = "";
  };
  for (const ch of headline) {
    if (ch === MATCH_START) {
      flush();
      inMatch = true;
    } else if (ch === MATCH_END) {
      flush();
      inMatch = false;
    } else buf += ch;
  }
  flush();
  return out;
}
