/**
 * Ratings in feedback exports, on three scales (the `RatingScale` enum of the schema):
 * - `STARS_5`: 1 to 5, decimals allowed (4.5, 4,5), also "4/5", "4 stars", "4.0 out of 5 stars",
 *   "★★★★☆" (filled stars counted: 4), "⭐⭐⭐⭐", "4★";
 * - `NPS_10`: whole numbers 0 to 10, also "8/10", "8 out of 10";
 * - `THUMBS`: up (1) or down (0): up/down, 👍/👎, yes/no, true/false, +1/-1, 1/0, positive/negative,
 *   helpful/not helpful, like/dislike.
 * `rating` is the value on its own scale; `norm` maps it to [0, 1]: (r - 1) / 4 for stars, r / 10 for
 * NPS, 1 or 0 for thumbs.
 */

export const RATING_SCALES = ["STARS_5", "NPS_10", "THUMBS"] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

export type RatingValue =
  | { ok: true; empty: false; rating: number; norm: number }
  | { ok: true; empty: true; rating: null; norm: null }
  | { ok: false; empty: false; reason: string };

export interface RatingScaleGuess {
  scale: RatingScale | null;
  /** Why, for the preview: "values from 0 to 10: NPS". */
  reason: string;
}

const EMPTY: RatingValue = Object.freeze({ ok: true, empty: true, rating: null, norm: null });
const fail = (reason: string): RatingValue => ({ ok: false, empty: false, reason });

/** What a cell says before a scale is applied. */
type Reading =
  | { kind: "empty" }
  | { kind: "number"; value: number; outOf: number | null; stars: boolean }
  | { kind: "glyphs"; filled: number; total: number }
  | { kind: "thumb"; up: boolean }
  | { kind: "unknown" };

const EMPTY_READING: Reading = { kind: "empty" };
const UNKNOWN: Reading = { kind: "unknown" };
const UP: Reading = { kind: "thumb", up: true };
const DOWN: Reading = { kind: "thumb", up: false };

/** 4 · 4.5 · 4,5 · 4/5 · 4 stars · 4.0 out of 5 stars · 8 of 10 · 4★ · -2. */
const NUMBER =
  /^([+\-\u2212]?)(\d{1,3}(?:[.,]\d+)?)\s*(?:(?:\/|out\s+of|of)\s*(\d{1,3})(?:[.,]0+)?)?\s*(stars?|★|⭐\uFE0F?|points?|pts?)?$/i;

const THUMBS_UP = "up|thumbs up|thumb up|thumbsup|+1|👍|yes|y|true|positive|helpful|like|liked";
const THUMBS_DOWN =
  "down|thumbs down|thumb down|thumbsdown|-1|👎|no|n|false|negative|not helpful|unhelpful|dislike|disliked";
const THUMB_WORDS = new Map<string, boolean>([
  ...THUMBS_UP.split("|").map((w) => [w, true] as const),
  ...THUMBS_DOWN.split("|").map((w) => [w, false] as const),
]);

const MAX_LENGTH = 40;
const SEPARATORS = /[\s_-]+/g;
const STAR_SUFFIX = /^(?:stars?|★|⭐)/i;
/** Emoji variation selector and skin tones: 👍🏽 is 👍. */
const EMOJI_MODIFIERS = /[\uFE0F\u{1F3FB}-\u{1F3FF}]/gu;

function readRating(raw: unknown): Reading {
  if (raw === null || raw === undefined) return EMPTY_READING;
  if (typeof raw === "number")
    return Number.isFinite(raw) ? { kind: "number", value: raw, outOf: null, stars: false } : UNKNOWN;
  if (typeof raw === "boolean") return raw ? UP : DOWN;
  if (typeof raw !== "string") return UNKNOWN;
  const s = raw.trim();
  if (!s) return EMPTY_READING;
  if (s.length > MAX_LENGTH) return UNKNOWN; // no rating is longer, and the patterns need not see more
  const m = NUMBER.exec(s);
  if (m) {
    const sign = m[1]!;
    const value = Number(m[2]!.replace(",", "."));
    // "+1" and "-1" alone are votes; "-3" is a number out of any range.
    if (sign && value === 1 && !m[3] && !m[4]) return sign === "+" ? UP : DOWN;
    const outOf = m[3] ? Number(m[3]) : null;
    return { kind: "number", value: sign && sign !== "+" ? -value : value, outOf, stars: STAR_SUFFIX.test(m[4] ?? "") };
  }
  const glyphs = countStars(s);
  if (glyphs) return glyphs;
  let word = s.replace(EMOJI_MODIFIERS, "").toLowerCase();
  if (word.length > 2 && word.startsWith(":") && word.endsWith(":")) word = word.slice(1, -1); // :thumbsup:
  const thumb =
    THUMB_WORDS.get(word) ??
    THUMB_WORDS.get(word.replace(SEPARATORS, " ")) ??
    THUMB_WORDS.get(word.replace(SEPARATORS, ""));
  return thumb === undefined ? UNKNOWN : thumb ? UP : DOWN;
}

/** ★★★★☆ → 4 of 5; ⭐⭐⭐ → 3 of 3. Null unless the cell is only stars (and spaces). */
function countStars(s: string): Reading | null {
  let filled = 0;
  let total = 0;
  for (const ch of s) {
    if (ch === "\uFE0F" || ch.trim() === "") continue;
    if (ch === "★" || ch === "⭐") filled++;
    else if (ch !== "☆" && ch !== "✩") return null;
    total++;
  }
  return total ? { kind: "glyphs", filled, total } : null;
}

const show = (raw: unknown) => (typeof raw === "string" ? `'${cut(raw.trim())}'` : String(raw));
const cut = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

/** Reads one rating cell on the given scale. Never throws. */
export function parseRating(raw: unknown, scale: RatingScale): RatingValue {
  const r = readRating(raw);
  if (r.kind === "empty") return EMPTY;
  switch (scale) {
    case "STARS_5":
      if (r.kind === "number") {
        if (r.outOf !== null && r.outOf !== 5)
          return fail(`${show(raw)} is a rating out of ${r.outOf}, not out of 5 stars`);
        if (r.value < 1 || r.value > 5) return fail(`${r.value} is outside the 1–5 star scale`);
        return { ok: true, empty: false, rating: r.value, norm: (r.value - 1) / 4 };
      }
      if (r.kind === "glyphs") {
        if (r.total > 5) return fail(`${show(raw)} has more than 5 stars`);
        if (r.filled === 0) return fail(`${show(raw)} has no filled stars: the star scale starts at 1`);
        return { ok: true, empty: false, rating: r.filled, norm: (r.filled - 1) / 4 };
      }
      if (r.kind === "thumb") return fail(`${show(raw)} is a thumbs up/down value, not a star rating`);
      return fail(`${show(raw)} is not a star rating`);
    case "NPS_10":
      if (r.kind === "number") {
        if (r.stars) return fail(`${show(raw)} is a star rating, not a 0–10 score`);
        if (r.outOf !== null && r.outOf !== 10)
          return fail(`${show(raw)} is a rating out of ${r.outOf}, not a 0–10 score`);
        if (r.value < 0 || r.value > 10) return fail(`${r.value} is outside the 0–10 scale`);
        if (!Number.isInteger(r.value)) return fail(`${r.value} is not a whole number: scores are 0 to 10`);
        return { ok: true, empty: false, rating: r.value, norm: r.value / 10 };
      }
      if (r.kind === "glyphs") return fail(`${show(raw)} is a star rating, not a 0–10 score`);
      if (r.kind === "thumb") return fail(`${show(raw)} is a thumbs up/down value, not a 0–10 score`);
      return fail(`${show(raw)} is not a 0–10 score`);
    case "THUMBS":
      if (r.kind === "thumb") return r.up ? THUMB_UP : THUMB_DOWN;
      if (r.kind === "number" && r.outOf === null && !r.stars) {
        if (r.value === 1) return THUMB_UP;
        if (r.value === 0 || r.value === -1) return THUMB_DOWN;
        return fail(`${r.value} is not a thumbs up/down value (expected 1 or 0)`);
      }
      return fail(`${show(raw)} is not a thumbs up/down value (use up/down, yes/no, 1/0 or 👍/👎)`);
  }
}

const THUMB_UP: RatingValue = Object.freeze({ ok: true, empty: false, rating: 1, norm: 1 });
const THUMB_DOWN: RatingValue = Object.freeze({ ok: true, empty: false, rating: 0, norm: 0 });

/**
 * Decides a column's scale from sample values: words such as yes/no or 👍, or only 0 and 1 (or -1),
 * are thumbs; any 0 or whole number from 6 to 10 (or "8/10") is NPS; only 1 to 5 (or "4/5", ★) is
 * stars. Values that fit no scale, or a mix of scales, give a null scale with the reason.
 */
export function detectRatingScale(samples: readonly unknown[]): RatingScaleGuess {
  let numbers = 0;
  let min = Infinity;
  let max = -Infinity;
  let zero = false;
  let fractional: number | null = null;
  let thumbs = 0;
  let thumbExample = "";
  let starMarks = 0;
  let starExample = "";
  let tenMarks = 0;
  let tenExample = "";
  let unknown = 0;
  let unknownExample = "";
  let otherOutOf: string | null = null;
  const limit = Math.min(samples.length, 10_000);
  for (let k = 0; k < limit; k++) {
    const raw = samples[k];
    const r = readRating(raw);
    if (r.kind === "empty") continue;
    if (r.kind === "unknown") {
      unknown++;
      unknownExample ||= show(raw);
    } else if (r.kind === "thumb") {
      thumbs++;
      thumbExample ||= show(raw);
    } else if (r.kind === "glyphs") {
      starMarks++;
      starExample ||= show(raw);
      [min, max] = [Math.min(min, r.filled), Math.max(max, r.filled)];
      numbers++;
    } else {
      if (r.stars || r.outOf === 5) {
        starMarks++;
        starExample ||= show(raw);
      } else if (r.outOf === 10) {
        tenMarks++;
        tenExample ||= show(raw);
      } else if (r.outOf !== null) otherOutOf ??= show(raw);
      numbers++;
      if (r.value === 0) zero = true;
      [min, max] = [Math.min(min, r.value), Math.max(max, r.value)];
      if (!Number.isInteger(r.value)) fractional ??= r.value;
    }
  }
  const note = unknown
    ? ` (${unknown} value${unknown === 1 ? " is not a rating" : "s are not ratings"}, e.g. ${unknownExample})`
    : "";
  const none = (reason: string): RatingScaleGuess => ({ scale: null, reason: reason + note });
  if (numbers + thumbs === 0)
    return { scale: null, reason: unknown ? `${unknownExample} is not a rating` : "no ratings in the sample" };
  if (otherOutOf) return none(`${otherOutOf} is neither out of 5 nor out of 10`);
  const range = min === max ? `only ${min}` : `values from ${min} to ${max}`;
  // Whole numbers from -1 to 1 with a 0 or a -1 in them: votes, not ratings.
  const unit = min >= -1 && max <= 1 && fractional === null && !starMarks && !tenMarks;
  const votes = unit && min <= 0;
  if (thumbs) {
    if (numbers === 0 || unit)
      return { scale: "THUMBS", reason: `words such as ${thumbExample}: thumbs up/down${note}` };
    return none(
      `the column mixes thumbs up/down (${thumbExample}) and ratings (${starExample || tenExample || range})`,
    );
  }
  if (votes) {
    const seen = [min === -1 && "-1", zero && "0", max === 1 && "1"].filter(Boolean);
    const list = seen.length > 1 ? `${seen.slice(0, -1).join(", ")} and ${seen.at(-1)}` : seen[0];
    return { scale: "THUMBS", reason: `only ${list}: thumbs up/down${note}` };
  }
  if (starMarks && tenMarks)
    return none(`the column mixes star ratings (${starExample}) and scores out of 10 (${tenExample})`);
  if (min < 0) return none(`negative values (${min}) fit no rating scale`);
  if (tenMarks || (!starMarks && (min === 0 || max > 5))) {
    if (max > 10) return none(`values up to ${max} fit no scale (1–5 stars, 0–10 NPS or thumbs)`);
    if (fractional !== null) return none(`${fractional} is not a whole number, as 0–10 scores are`);
    return { scale: "NPS_10", reason: `${range}: NPS${note}` };
  }
  if (min < 1) return none(`${min} is below the 1–5 star scale`);
  if (max > 5) return none(`${starExample} is out of 5 but other values go up to ${max}`);
  return { scale: "STARS_5", reason: `${range}: 5-star ratings${note}` };
}
