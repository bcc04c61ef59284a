/**
 * The rule layer: a VADER-style pass over the tokens that gives every token a valence after
 * negation, intensifiers/downtoners, ALL CAPS and contrast ("but") weighting, then turns a text
 * (or one of its sentences/clauses) into the model's inputs: a dense vector of rule features and
 * a list of hashed sparse features (unigrams and bigrams, negation-marked: "not good" gives
 * "!good" and "not good").
 */
import { splitSegments, squeezeElongation, tokenize, type TextSegment, type TextToken } from "../text.ts";
import {
  BOOSTERS,
  CONCESSIVE,
  CONTRAST_AFTER,
  C_INCR,
  EMOJI_VALENCE,
  FEEDBACK_LEXICON,
  FEEDBACK_PHRASES,
  MODIFIER_WHEN_FOLLOWED,
  NEGATED_VALENCE,
  NEGATORS,
  N_SCALAR,
} from "./lexicon.ts";

/** Word -> valence (-4…+4); multi-word entries use single spaces. */
export type Lexicon = Map<string, number>;

export interface Analysis {
  text: string;
  tokens: TextToken[];
  segments: TextSegment[];
  /** Per token: valence after modifiers (not yet contrast-weighted); 0 for neutral tokens. */
  valence: Float64Array;
  /** Per token: contrast weight (0.5 before "but", 1.5 after, 1 elsewhere). */
  weight: Float64Array;
  /** Per token: index of the first token of the phrase that produced its valence (for highlights). */
  spanFrom: Int32Array;
  /** Per token: 1 when a negator governs it. */
  negated: Uint8Array;
  /** Per token: hashed unigram feature (0 = none). */
  uni: Uint32Array;
  /** Per token: hashed bigram feature with the previous token (0 = none). */
  bi: Uint32Array;
  /** Per token: hashed prefix-stem feature (0 = none). */
  stem: Uint32Array;
  capsDiff: boolean;
  /** Per token: 1 for a word of the feedback additions (not in VADER's lexicon). */
  feedback: Uint8Array;
  /** Per token: cached word facts (internal). */
  infos: readonly { negator: boolean; contrast: boolean }[];
}

export const DENSE_NAMES = [
  "compound",
  "posShare",
  "negShare",
  "logSumPos",
  "logSumNeg",
  "maxVal",
  "minVal",
  "lastSeg",
  "firstSeg",
  "strongestSeg",
  "negations",
  "question",
  "exclaim",
  "capsRatio",
  "emojiVal",
  "logWords",
  "posRate",
  "negRate",
  "hasContrast",
  "noSentiment",
  "feedbackVal",
  "segBalance",
  "unweighted",
  "netRate",
] as const;
export const DENSE_DIM = DENSE_NAMES.length;

// ───────────────────────── hashing ─────────────────────────

/** FNV-1a, 32 bit, never 0 (0 means "no feature"). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  return h === 0 ? 1 : h;
}

/** Combines two feature hashes into a bigram hash. */
function hashPair(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  h >>>= 0;
  return h === 0 ? 1 : h;
}

// ───────────────────────── per-word facts (cached) ─────────────────────────

const NUM_RE = /\d/;
const LETTERS3_RE = /[a-z]{3}/;

/** What the rules need to know about a token form; computed once per lexicon and form. */
interface Info {
  /** The lexicon key (hashtags without "#"). */
  key: string;
  /** Valence from the lexicon/emoji table, 0 for none. */
  val: number;
  negator: boolean;
  /** Booster/dampener increment, 0 for none. */
  boost: number;
  modifier: boolean;
  /** Valence when negated (NaN: flip as usual). */
  negFixed: number;
  contrast: boolean;
  concessive: boolean;
  /** Starts a multi-word lexicon entry or phrase. */
  phraseStart: boolean;
  /** A word of Foresight's feedback additions. */
  feedback: boolean;
  /** Feature hashes of the form and of its negated form (0 = no feature). */
  h: number;
  hNeg: number;
  /** Hashes of the word's 5-letter prefix (a cheap stem, for words of 7+ letters), plain and negated; 0 = none. */
  hStem: number;
  hStemNeg: number;
  /** Counterfactual modal ("should", "could", "would"...). */
  modal: boolean;
}

interface LexCache {
  words: Map<string, Info>;
  phraseStarts: Set<string>;
}

const caches = new WeakMap<Lexicon, LexCache>();
const MAX_CACHED = 200_000;

function cacheFor(lex: Lexicon): LexCache {
  let c = caches.get(lex);
  if (!c) {
    const phraseStarts = new Set<string>();
    for (const k of Object.keys(FEEDBACK_PHRASES)) phraseStarts.add(k.slice(0, k.indexOf(" ")));
    for (const k of lex.keys()) {
      const sp = k.indexOf(" ");
      if (sp > 0) phraseStarts.add(k.slice(0, sp));
    }
    c = { words: new Map(), phraseStarts };
    caches.set(lex, c);
  }
  return c;
}

const MODALS = new Set(["should", "could", "would", "might", "must", "ought"]);
const MODAL_PERFECT = new Set(["should've", "could've", "would've", "shouldve", "couldve", "wouldve", "might've"]);

function makeInfo(lex: Lexicon, cache: LexCache, t: TextToken): Info {
  let key = t.kind === "hashtag" ? t.lower.slice(1) : t.lower;
  let val = 0;
  let form: string | null = null;
  switch (t.kind) {
    case "word":
    case "hashtag": {
      const sq = squeezeElongation(key);
      const v = lex.get(key) ?? (sq !== key ? (lex.get(sq) ?? lex.get(sq.replace(/(.)\1/g, "$1"))) : undefined);
      val = v ?? FEEDBACK_LEXICON[key] ?? FEEDBACK_LEXICON[sq] ?? 0;
      form = t.kind === "word" && NUM_RE.test(key) && !LETTERS3_RE.test(key) ? "<num>" : sq;
      break;
    }
    case "emoji":
      key = emojiKey(t.raw);
      val = EMOJI_VALENCE[key] ?? 0;
      form = key;
      break;
    case "emoticon":
      key = t.raw;
      val = lex.get(t.raw) ?? lex.get(t.lower) ?? 0;
      form = t.raw;
      break;
    case "number":
      form = "<num>";
      break;
    case "url":
      form = "<url>";
      break;
    case "mention":
      form = "<user>";
      break;
    case "punct":
      if (t.raw.includes("!")) form = t.raw.length > 1 ? "!!" : "!";
      else if (t.raw.includes("?")) form = "?";
      else if (t.raw === "…" || /^\.{2,}$/.test(t.raw)) form = "...";
      break;
  }
  const word = t.kind === "word" || t.kind === "hashtag";
  return {
    key,
    val,
    negator: word && NEGATORS.has(key),
    boost: word ? (BOOSTERS[key] ?? 0) : 0,
    modifier: word && MODIFIER_WHEN_FOLLOWED.has(key),
    negFixed: word ? (NEGATED_VALENCE[key] ?? NaN) : NaN,
    contrast: word && CONTRAST_AFTER.has(key),
    concessive: word && CONCESSIVE.has(key),
    phraseStart: word && cache.phraseStarts.has(key),
    feedback: word && FEEDBACK_LEXICON[key] !== undefined && !lex.has(key),
    h: form === null ? 0 : hashString(form),
    hNeg: form === null ? 0 : hashString("!" + form),
    hStem: word && form !== null && form.length >= 7 ? hashString("~" + form.slice(0, 5)) : 0,
    hStemNeg: word && form !== null && form.length >= 7 ? hashString("!~" + form.slice(0, 5)) : 0,
    modal: word && (MODALS.has(key) || MODAL_PERFECT.has(key)),
  };
}

const URL_INFO_KEY = "\u0000url";
const MENTION_INFO_KEY = "\u0000mention";
const NUMBER_INFO_KEY = "\u0000number";

function infoOf(lex: Lexicon, cache: LexCache, t: TextToken): Info {
  const k =
    t.kind === "url"
      ? URL_INFO_KEY
      : t.kind === "mention"
        ? MENTION_INFO_KEY
        : t.kind === "number"
          ? NUMBER_INFO_KEY
          : t.kind === "emoticon"
            ? "\u0001" + t.raw
            : t.kind === "hashtag"
              ? "#" + t.lower
              : t.lower;
  let info = cache.words.get(k);
  if (!info) {
    info = makeInfo(lex, cache, t);
    if (cache.words.size >= MAX_CACHED) cache.words.clear();
    cache.words.set(k, info);
  }
  return info;
}

const EMOJI_STRIP = /[\uFE0F\u200D]|\p{Emoji_Modifier}/gu;
export function emojiKey(raw: string): string {
  const s = raw.replace(EMOJI_STRIP, "");
  const cp = s.codePointAt(0);
  return cp === undefined ? raw : String.fromCodePoint(cp);
}

function isAllCaps(raw: string): boolean {
  let upper = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper++;
  }
  return upper >= 2;
}

/** Punctuation that ends the reach of a negator or booster. */
function isScopeBreak(t: TextToken): boolean {
  if (t.kind !== "punct") return false;
  const c = t.raw.charCodeAt(0);
  // . , ; : ! ? … ( ) [ ] " “ ”
  return (
    c === 46 ||
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 33 ||
    c === 63 ||
    c === 0x2026 ||
    c === 40 ||
    c === 41 ||
    c === 91 ||
    c === 93 ||
    c === 34 ||
    c === 0x201c ||
    c === 0x201d
  );
}

/** Whether a sentiment-bearing token occurs in [from, min(from + within, to)). */
function sentimentAhead(tokens: TextToken[], infos: Info[], from: number, to: number, within: number): boolean {
  const end = Math.min(to, from + within);
  for (let k = from; k < end; k++) {
    if (tokens[k].kind === "punct") return false;
    const f = infos[k];
    if (f.boost !== 0 && !f.modifier) continue;
    if (f.val !== 0 || !Number.isNaN(f.negFixed)) return true;
  }
  return false;
}

const COMPARATIVE_UP = new Set(["happier", "better", "pleased", "satisfied", "happy"]);
const BE_GET = new Set(["be", "get", "been", "any"]);

// ───────────────────────── the rule pass ─────────────────────────

export function analyze(text: string, lex: Lexicon): Analysis {
  const tokens = tokenize(text);
  const segments = splitSegments(text, tokens);
  const cache = cacheFor(lex);
  const n = tokens.length;
  const valence = new Float64Array(n);
  const weight = new Float64Array(n).fill(1);
  const spanFrom = new Int32Array(n);
  const negated = new Uint8Array(n);
  const uni = new Uint32Array(n);
  const bi = new Uint32Array(n);
  const stem = new Uint32Array(n);
  const infos: Info[] = new Array(n);

  let words = 0;
  let caps = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    spanFrom[i] = i;
    infos[i] = infoOf(lex, cache, t);
    if (t.kind === "word") {
      words++;
      if (isAllCaps(t.raw)) caps++;
    }
  }
  const capsDiff = caps > 0 && caps < words;

  for (const seg of segments) {
    let skipTo = -1;
    let counterfactual = false;
    for (let i = seg.from; i < seg.to; i++) {
      const t = tokens[i];
      const info = infos[i];
      if (t.kind === "punct") {
        if (isScopeBreak(t)) counterfactual = false;
        continue;
      }
      // "should have", "could've": what follows in the clause did not happen.
      if (info.modal && (MODAL_PERFECT.has(info.key) || (i + 1 < seg.to && infos[i + 1].key === "have"))) {
        counterfactual = true;
      }
      if (i <= skipTo) continue;
      let v = 0;
      let phraseEnd = i;
      let onlyIfNegated = false;
      if (info.phraseStart && i + 1 < seg.to) {
        const two = info.key + " " + infos[i + 1].key;
        const three = i + 2 < seg.to ? two + " " + infos[i + 2].key : "";
        const p3 = three ? (FEEDBACK_PHRASES[three] ?? lex.get(three)) : undefined;
        const p2 = p3 === undefined ? (FEEDBACK_PHRASES[two] ?? lex.get(two)) : undefined;
        if (p3 !== undefined) {
          v = p3;
          phraseEnd = i + 2;
        } else if (p2 !== undefined) {
          v = p2;
          phraseEnd = i + 1;
        }
      }
      if (phraseEnd > i) {
        skipTo = phraseEnd;
        valence[i] = v;
        for (let k = i + 1; k <= phraseEnd; k++) spanFrom[k] = i;
        // "not worth" and "no longer" already contain their negation.
        if (info.negator) continue;
      } else {
        v = info.val;
        if (v === 0) {
          // "work", "buy", "recommend"-like words only count when negated ("doesn't work").
          if (Number.isNaN(info.negFixed)) continue;
          onlyIfNegated = true;
          v = 0.5;
        }
        if (info.boost !== 0 && (!info.modifier || sentimentAhead(tokens, infos, i + 1, seg.to, 1))) continue;
        if (info.modifier && sentimentAhead(tokens, infos, i + 1, seg.to, 1)) continue;
        if (info.negator && sentimentAhead(tokens, infos, i + 1, seg.to, 3)) continue;
        valence[i] = v;
      }
      // ALL CAPS emphasis.
      if (capsDiff && t.kind === "word" && isAllCaps(t.raw)) v += v > 0 ? C_INCR : -C_INCR;
      // Modifiers in the three preceding tokens of the clause.
      let negs = 0;
      let first = i;
      for (let k = 1; k <= 3 && i - k >= seg.from; k++) {
        const p = tokens[i - k];
        if (isScopeBreak(p)) break;
        const pf = infos[i - k];
        if (pf.boost !== 0 && valence[i - k] === 0) {
          let s = pf.boost * (k === 1 ? 1 : k === 2 ? 0.95 : 0.9);
          if (capsDiff && isAllCaps(p.raw)) s += pf.boost > 0 ? C_INCR : -C_INCR;
          v += v > 0 ? s : -s;
          first = i - k;
        } else if (pf.negator) {
          negs++;
          first = i - k;
        } else if (pf.key === "least" && (i - k - 1 < seg.from || infos[i - k - 1].key !== "at")) {
          negs++;
          first = i - k;
        }
      }
      if (negs % 2 === 1) {
        if (COMPARATIVE_UP.has(info.key) && i - 1 >= seg.from && BE_GET.has(infos[i - 1].key)) {
          // "couldn't be happier", "can't get any better".
          v = Math.abs(v) + 0.5;
        } else {
          v = Number.isNaN(info.negFixed) ? v * N_SCALAR : info.negFixed;
        }
        for (let k = first; k <= i; k++) negated[k] = 1;
      } else if (onlyIfNegated) {
        valence[i] = 0;
        continue;
      }
      if (counterfactual) v *= -0.4;
      valence[i] = v;
      spanFrom[i] = first;
    }
  }

  // Contrast weights: a clause opened by "but"/"however" weighs 1.5, the clause before it 0.5;
  // a leading concessive ("although …,") weighs 0.5 up to its comma.
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s];
    const head = infos[seg.from];
    if (head.contrast) {
      for (let i = seg.from; i < seg.to; i++) weight[i] *= 1.5;
      if (s > 0) {
        const prev = segments[s - 1];
        for (let i = prev.from; i < prev.to; i++) weight[i] *= 0.5;
      }
    } else {
      // "but" inside a clause that was not split (short first part): VADER's rule within the clause.
      let butAt = -1;
      for (let i = seg.from + 1; i < seg.to; i++) {
        if (infos[i].contrast) {
          butAt = i;
          break;
        }
      }
      if (butAt > 0) {
        for (let i = seg.from; i < butAt; i++) weight[i] *= 0.5;
        for (let i = butAt; i < seg.to; i++) weight[i] *= 1.5;
      }
    }
    if (head.concessive) {
      let comma = -1;
      for (let i = seg.from + 1; i < seg.to; i++) {
        if (tokens[i].kind === "punct" && tokens[i].raw === ",") {
          comma = i;
          break;
        }
      }
      if (comma > 0) {
        for (let i = seg.from; i < comma; i++) weight[i] *= 0.5;
        for (let i = comma; i < seg.to; i++) weight[i] *= 1.25;
      } else {
        for (let i = seg.from; i < seg.to; i++) weight[i] *= 0.5;
        if (s > 0) for (let i = segments[s - 1].from; i < segments[s - 1].to; i++) weight[i] *= 1.25;
      }
    }
  }

  // Sparse features: negation scope marks words until punctuation, a contrast word or 4 words.
  for (const seg of segments) {
    let scope = 0;
    let prevHash = 0;
    for (let i = seg.from; i < seg.to; i++) {
      const info = infos[i];
      if (info.h === 0) {
        scope = 0;
        prevHash = 0;
        continue;
      }
      let h = info.h;
      let hs = info.hStem;
      if (tokens[i].kind === "punct" || info.contrast || info.concessive) scope = 0;
      else if (scope > 0 && !info.negator) {
        h = info.hNeg;
        hs = info.hStemNeg;
        scope--;
        negated[i] = 1;
      }
      if (info.negator) scope = 4;
      uni[i] = h;
      stem[i] = hs;
      bi[i] = prevHash === 0 ? 0 : hashPair(prevHash, info.h);
      prevHash = info.h;
    }
  }

  const feedback = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (infos[i].feedback) feedback[i] = 1;
  return { text, tokens, segments, valence, weight, spanFrom, negated, uni, bi, stem, capsDiff, feedback, infos };
}

// ───────────────────────── features ─────────────────────────

const ALPHA = 15;
export const normalizeScore = (s: number) => s / Math.sqrt(s * s + ALPHA);

/** VADER's punctuation emphasis for a token range: "!" up to 4, "??" and more. */
function punctuationAmp(a: Analysis, from: number, to: number): { amp: number; excl: number; quest: number } {
  let excl = 0;
  let quest = 0;
  for (let i = from; i < to; i++) {
    const t = a.tokens[i];
    if (t.kind !== "punct") continue;
    for (let k = 0; k < t.raw.length; k++) {
      const c = t.raw.charCodeAt(k);
      if (c === 33) excl++;
      else if (c === 63) quest++;
    }
  }
  const ea = Math.min(excl, 4) * 0.292;
  const qa = quest > 1 ? (quest <= 3 ? quest * 0.18 : 0.96) : 0;
  return { amp: ea + qa, excl, quest };
}

/**
 * Dense rule features for the segments [segFrom, segTo) of an analysis. `out` gets DENSE_DIM
 * values; all are roughly in [-1, 1] or small non-negative numbers.
 */
export function denseFeatures(a: Analysis, segFrom: number, segTo: number, out: Float64Array): void {
  const from = a.segments[segFrom].from;
  const to = a.segments[segTo - 1].to;
  let sumPos = 0;
  let sumNeg = 0;
  let rawSum = 0;
  let maxV = 0;
  let minV = 0;
  let nPos = 0;
  let nNeg = 0;
  let neutral = 0;
  let negations = 0;
  let words = 0;
  let caps = 0;
  let emojiVal = 0;
  let feedbackVal = 0;
  let contrast = 0;
  for (let i = from; i < to; i++) {
    const t = a.tokens[i];
    if (t.kind === "punct") continue;
    if (t.kind === "word") {
      words++;
      if (isAllCaps(t.raw)) caps++;
      if (a.infos[i].negator) negations++;
      if (a.infos[i].contrast) contrast = 1;
    }
    const v0 = a.valence[i];
    const v = v0 * a.weight[i];
    rawSum += v0;
    if (v > 0) {
      sumPos += v + 1;
      nPos++;
    } else if (v < 0) {
      sumNeg += v - 1;
      nNeg++;
    } else neutral++;
    if (v > maxV) maxV = v;
    if (v < minV) minV = v;
    if (t.kind === "emoji" || t.kind === "emoticon") emojiVal += v;
    if (v0 !== 0 && a.feedback[i] === 1) feedbackVal += v;
  }
  // Segment sums (VADER compound per sentence/clause).
  let first = 0;
  let last = 0;
  let strongest = 0;
  let segPos = 0;
  let segNeg = 0;
  for (let s = segFrom; s < segTo; s++) {
    const seg = a.segments[s];
    let sum = 0;
    for (let i = seg.from; i < seg.to; i++) sum += a.valence[i] * a.weight[i];
    if (sum !== 0) sum += (sum > 0 ? 1 : -1) * punctuationAmp(a, seg.from, seg.to).amp;
    const c = normalizeScore(sum);
    if (s === segFrom) first = c;
    last = c;
    if (Math.abs(c) > Math.abs(strongest)) strongest = c;
    if (c > 0.05) segPos++;
    else if (c < -0.05) segNeg++;
  }
  const total = sumPos - 1 * nPos + (sumNeg + 1 * nNeg);
  const p = punctuationAmp(a, from, to);
  const sum = total === 0 ? 0 : total + (total > 0 ? p.amp : -p.amp);
  // VADER proportions use the +1/-1 shifted sums.
  let sp = sumPos;
  let sn = -sumNeg;
  if (total > 0) sp += p.amp;
  else if (total < 0) sn += p.amp;
  const denom = sp + sn + neutral || 1;
  const nWords = Math.max(words, 1);
  const nSeg = segTo - segFrom;
  out[0] = normalizeScore(sum);
  out[1] = sp / denom;
  out[2] = sn / denom;
  out[3] = Math.log1p(sumPos - nPos) / 2;
  out[4] = Math.log1p(-(sumNeg + nNeg)) / 2;
  out[5] = maxV / 4;
  out[6] = minV / 4;
  out[7] = last;
  out[8] = first;
  out[9] = strongest;
  out[10] = Math.log1p(negations);
  out[11] = p.quest > 0 ? 1 : 0;
  out[12] = Math.min(p.excl, 4) / 4;
  out[13] = words > 0 ? caps / nWords : 0;
  out[14] = normalizeScore(emojiVal);
  out[15] = Math.log1p(words) / 3;
  out[16] = nPos / nWords;
  out[17] = nNeg / nWords;
  out[18] = contrast;
  out[19] = nPos + nNeg === 0 ? 1 : 0;
  out[20] = normalizeScore(feedbackVal);
  out[21] = (segPos - segNeg) / nSeg;
  out[22] = normalizeScore(rawSum);
  out[23] = (nPos - nNeg) / Math.sqrt(nWords);
}

/**
 * Sparse features of the tokens [from, to): distinct hashes (unigrams, bigrams and a few
 * marker features). Returned in `out` (cleared first).
 */
export function sparseFeatures(a: Analysis, from: number, to: number, out: number[]): void {
  out.length = 0;
  SEEN.reset(2 * (to - from) + 1);
  for (let i = from; i < to; i++) {
    const u = a.uni[i];
    if (u !== 0 && SEEN.add(u)) out.push(u);
    const st = a.stem[i];
    if (st !== 0 && SEEN.add(st)) out.push(st);
    // A bigram whose first token lies before `from` belongs to another segment.
    const b = a.bi[i];
    if (i > from && b !== 0 && SEEN.add(b)) out.push(b);
  }
  out.push(BIAS_HASH);
}

/** A reusable set of non-zero uint32 keys (open addressing, cleared by generation stamps). */
class StampedSet {
  private keys = new Uint32Array(1024);
  private stamps = new Uint32Array(1024);
  private stamp = 0;
  private mask = 1023;

  reset(capacity: number): void {
    if (capacity * 2 > this.keys.length) {
      let size = this.keys.length;
      while (size < capacity * 2) size <<= 1;
      this.keys = new Uint32Array(size);
      this.stamps = new Uint32Array(size);
      this.mask = size - 1;
      this.stamp = 0;
    }
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  /** Adds a key; false when it was there already. */
  add(key: number): boolean {
    let j = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      if (this.stamps[j] !== this.stamp) {
        this.stamps[j] = this.stamp;
        this.keys[j] = key;
        return true;
      }
      if (this.keys[j] === key) return false;
      j = (j + 1) & this.mask;
    }
  }
}

const SEEN = new StampedSet();

/** Present in every example: a learned per-feature-space bias. */
export const BIAS_HASH = hashString("<bias>");
