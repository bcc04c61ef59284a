/**
 * Column mapping for feedback files: which column holds the text, the date, the rating…
 *
 * `suggestFeedbackMapping` matches headers (and, failing that, content) to fields; the user
 * confirms or edits the result on the preview; `compileFeedbackMapping` turns a mapping and a
 * sample of rows into a fast row reader that the import runs on every row.
 */
import { createHash, createHmac } from "node:crypto";
import { z } from "zod";
import {
  detectRatingScale,
  inspectDateColumn,
  parseDateValue,
  parseRating,
  redactText,
  stripControlChars,
  type DateColumnInfo,
  type RatingScale,
} from "./values.ts";

export const OPTIONAL_FIELDS = [
  "date",
  "rating",
  "externalId",
  "author",
  "channel",
  "segment",
  "plan",
  "country",
  "companySize",
  "productArea",
] as const;
export type OptionalField = (typeof OPTIONAL_FIELDS)[number];

export const FIELD_LABELS: Record<OptionalField | "text", string> = {
  text: "Feedback text",
  date: "Date",
  rating: "Rating",
  externalId: "External id",
  author: "Author (hashed)",
  channel: "Channel / source",
  segment: "Customer segment",
  plan: "Plan",
  country: "Country",
  companySize: "Company size",
  productArea: "Product area / feature",
};

const column = z.string().trim().min(1).max(200);

export const feedbackMappingSchema = z.object({
  /** One or more columns, joined with a blank line (title + body). */
  text: z.array(column).min(1, "Choose the column that holds the feedback text").max(5),
  date: column.optional(),
  /** How to read dates such as 03/04/2026 when the file does not tell. */
  dateOrder: z.enum(["dmy", "mdy"]).optional(),
  rating: column.optional(),
  ratingScale: z.enum(["STARS_5", "NPS_10", "THUMBS"]).optional(),
  externalId: column.optional(),
  author: column.optional(),
  channel: column.optional(),
  /** Channel for every row when the file has no channel column ("App Store"). */
  channelName: z.string().trim().min(1).max(100).optional(),
  segment: column.optional(),
  plan: column.optional(),
  country: column.optional(),
  companySize: column.optional(),
  productArea: column.optional(),
  /** Minimal collection: columns not mapped to a field are not kept. */
  dropUnmapped: z.boolean().default(false),
});
export type FeedbackMapping = z.infer<typeof feedbackMappingSchema>;

const SYNONYMS: Record<OptionalField | "text", string[]> = {
  text: [
    "text",
    "review",
    "review_text",
    "comment",
    "comments",
    "feedback",
    "body",
    "message",
    "content",
    "answer",
    "response",
    "verbatim",
    "description",
    "what_could_we_improve",
    "reason",
    "note",
    "notes",
    "transcript",
    "feedback_text",
    "review_body",
    "ticket_description",
  ],
  date: [
    "date",
    "created_at",
    "createdat",
    "created",
    "timestamp",
    "time",
    "submitted_at",
    "review_date",
    "datetime",
    "date_created",
    "created_on",
    "submitted",
    "posted_at",
    "updated_at",
    "time_stamp",
  ],
  rating: [
    "rating",
    "stars",
    "star_rating",
    "score",
    "nps",
    "nps_score",
    "rating_value",
    "satisfaction",
    "csat",
    "thumbs",
    "vote",
    "helpful",
  ],
  externalId: ["id", "external_id", "review_id", "ticket_id", "response_id", "uuid", "key", "ticket", "record_id"],
  author: [
    "author",
    "user",
    "user_id",
    "customer",
    "customer_id",
    "email",
    "user_email",
    "reviewer",
    "username",
    "account_id",
    "requester",
    "contact",
  ],
  channel: ["channel", "source", "platform", "store", "medium", "origin", "via"],
  segment: ["segment", "customer_segment", "tier", "persona", "cohort"],
  plan: ["plan", "subscription", "pricing_plan", "package", "edition"],
  country: ["country", "country_code", "region", "market", "locale", "territory"],
  companySize: ["company_size", "employees", "size", "org_size", "team_size", "headcount", "seats"],
  productArea: [
    "product_area",
    "feature",
    "area",
    "component",
    "module",
    "category",
    "topic",
    "product",
    "tag",
    "tags",
  ],
};

/** "Created At" → "created_at". */
export const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_|_$/g, "");

/** Text columns also matched by a suffix, e.g. "review title" + "review body" are both text. */
const TITLE = ["title", "subject", "summary", "headline", "review_title"];

export interface SuggestedMapping {
  mapping: FeedbackMapping;
  /** Fields found by content rather than by header, to point out on the preview. */
  guessed: string[];
}

/** Matches headers to fields; when no header names the text, the column with the longest prose wins. */
export function suggestFeedbackMapping(headers: string[], sample: string[][]): SuggestedMapping {
  const used = new Set<string>();
  const byHeader = (names: string[]) => {
    const h = headers.find((x) => !used.has(x) && names.includes(normaliseHeader(x)));
    if (h) used.add(h);
    return h;
  };
  const guessed: string[] = [];
  const text: string[] = [];
  const title = byHeader(TITLE);
  const body = byHeader(SYNONYMS.text);
  if (title && body) text.push(title, body);
  else if (body) text.push(body);
  else {
    if (title) used.delete(title);
    const prose = longestProse(headers, sample, used);
    if (prose) {
      text.push(prose);
      used.add(prose);
      guessed.push("text");
    } else if (title) {
      text.push(title);
      used.add(title);
    }
  }
  const mapping: FeedbackMapping = { text, dropUnmapped: false };
  for (const f of OPTIONAL_FIELDS) {
    const h = byHeader(SYNONYMS[f]);
    if (h) mapping[f] = h;
  }
  return { mapping, guessed };
}

function longestProse(headers: string[], sample: string[][], used: Set<string>): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  headers.forEach((h, i) => {
    if (used.has(h)) return;
    let words = 0;
    for (const row of sample) words += (row[i] ?? "").trim().split(/\s+/).filter(Boolean).length;
    const avg = sample.length ? words / sample.length : 0;
    if (avg >= 4 && avg > bestScore) [best, bestScore] = [h, avg];
  });
  return best;
}

// ─────────────────────────────── reading rows ───────────────────────────────

export interface RowProblem {
  column: string | null;
  value: string | null;
  reason: string;
}

/** One row as it will be stored. */
export interface FeedbackFields {
  externalId: string | null;
  dedupeKey: string;
  text: string;
  occurredAt: Date | null;
  rating: number | null;
  ratingScale: RatingScale | null;
  ratingNorm: number | null;
  channel: string | null;
  segment: string | null;
  plan: string | null;
  country: string | null;
  companySize: string | null;
  productArea: string | null;
  authorHash: string | null;
  attributes: Record<string, string>;
}

export interface CompiledMapping {
  mapping: FeedbackMapping;
  date: DateColumnInfo | null;
  ratingScale: RatingScale | null;
  ratingScaleReason: string | null;
  /** Set when the dates are ambiguous and no order was chosen: the import cannot start. */
  needsDateOrder: { example: string } | null;
  read(
    cells: string[],
  ): { fields: FeedbackFields; problems?: undefined } | { fields?: undefined; problems: RowProblem[] };
}

export const MAX_TEXT = 20_000;
const MAX_FIELD = 500;

export interface CompileOptions {
  redact: boolean;
  /** Workspace salt for author hashes. */
  salt: string;
}

/** Checks the mapping's columns exist and prepares the per-row reader from a sample of rows. */
export function compileFeedbackMapping(
  mapping: FeedbackMapping,
  headers: string[],
  sample: string[][],
  opts: CompileOptions,
): CompiledMapping {
  const index = new Map(headers.map((h, i) => [h, i]));
  const col = (name: string | undefined, field: string) => {
    if (name === undefined) return -1;
    const i = index.get(name);
    if (i === undefined) {
      throw new MappingError(
        `The column "${name}" chosen for ${field} is not in the file (it has: ${headers.join(", ")}).`,
      );
    }
    return i;
  };
  const textCols = mapping.text.map((t) => col(t, FIELD_LABELS.text));
  const at = Object.fromEntries(OPTIONAL_FIELDS.map((f) => [f, col(mapping[f], FIELD_LABELS[f])])) as Record<
    OptionalField,
    number
  >;
  const mapped = new Set<number>([...textCols, ...Object.values(at).filter((i) => i >= 0)]);
  const extra = mapping.dropUnmapped ? [] : headers.map((h, i) => [h, i] as const).filter(([, i]) => !mapped.has(i));

  const date = at.date >= 0 ? inspectDateColumn(sample.map((r) => r[at.date] ?? "")) : null;
  const dateOrder = mapping.dateOrder ?? date?.order ?? null;
  const needsDateOrder =
    date?.ambiguous && !mapping.dateOrder
      ? { example: date.example ?? sample.find((r) => r[at.date])?.[at.date] ?? "" }
      : null;
  const detected =
    at.rating >= 0 && !mapping.ratingScale ? detectRatingScale(sample.map((r) => r[at.rating] ?? "")) : null;
  // A header that names its scale ("stars", "NPS") is trusted over the values, so an out-of-range
  // value (a 7 among stars) is reported rather than turning the column into another scale.
  const named = at.rating >= 0 && !mapping.ratingScale ? scaleFromHeader(mapping.rating!) : null;
  const ratingScale: RatingScale | null = mapping.ratingScale ?? named?.scale ?? detected?.scale ?? null;
  const dateInfo = date ? { ...date, order: dateOrder ?? date.order } : null;

  const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? "").trim() : "");
  const short = (s: string) => (s ? stripControlChars(s).slice(0, MAX_FIELD) : null);
  const scrub = (s: string) => (opts.redact ? redactText(s).text : s);

  return {
    mapping,
    date: dateInfo,
    ratingScale,
    ratingScaleReason: mapping.ratingScale ? "chosen" : (named?.reason ?? detected?.reason ?? null),
    needsDateOrder,
    read(cells) {
      const problems: RowProblem[] = [];
      let text = "";
      for (const i of textCols) {
        const part = cell(cells, i);
        if (part) text = text ? `${text}\n\n${part}` : part;
      }
      text = stripControlChars(text).trim();
      if (!text) {
        problems.push({ column: mapping.text.join(" + "), value: null, reason: "The text is empty" });
      }
      let occurredAt: Date | null = null;
      if (dateInfo) {
        const raw = cell(cells, at.date);
        if (raw) {
          const d = parseDateValue(raw, dateInfo);
          if (d.ok) occurredAt = d.date;
          else problems.push({ column: mapping.date!, value: raw.slice(0, 200), reason: d.reason });
        }
      }
      let rating: number | null = null;
      let ratingNorm: number | null = null;
      if (at.rating >= 0) {
        const raw = cell(cells, at.rating);
        if (raw) {
          if (!ratingScale) {
            problems.push({
              column: mapping.rating!,
              value: raw.slice(0, 200),
              reason: "The rating scale could not be recognised",
            });
          } else {
            const r = parseRating(raw, ratingScale);
            if (r.ok) [rating, ratingNorm] = [r.rating, r.norm];
            else problems.push({ column: mapping.rating!, value: raw.slice(0, 200), reason: r.reason });
          }
        }
      }
      if (problems.length) return { problems };
      if (opts.redact) text = redactText(text).text;
      if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);
      const externalId = short(cell(cells, at.externalId));
      const author = cell(cells, at.author);
      const authorHash = author ? hashAuthor(opts.salt, author) : null;
      const attributes: Record<string, string> = {};
      for (const [h, i] of extra) {
        const v = cell(cells, i);
        if (v) attributes[h] = scrub(stripControlChars(v).slice(0, MAX_FIELD));
      }
      return {
        fields: {
          externalId,
          dedupeKey: dedupeKey({ externalId, text, date: occurredAt, authorHash }),
          text,
          occurredAt,
          rating,
          ratingScale: rating === null ? null : ratingScale,
          ratingNorm,
          channel: short(cell(cells, at.channel)) ?? mapping.channelName ?? null,
          segment: short(cell(cells, at.segment)),
          plan: short(cell(cells, at.plan)),
          country: short(cell(cells, at.country)),
          companySize: short(cell(cells, at.companySize)),
          productArea: short(cell(cells, at.productArea)),
          authorHash,
          attributes,
        },
      };
    },
  };
}

/** The scale a rating column's header names, if it names one. */
export function scaleFromHeader(header: string): { scale: RatingScale; reason: string } | null {
  const h = normaliseHeader(header);
  if (/star/.test(h)) return { scale: "STARS_5", reason: `the column is called "${header}": 1–5 stars` };
  if (/nps|recommend/.test(h)) return { scale: "NPS_10", reason: `the column is called "${header}": NPS 0–10` };
  if (/thumb|helpful|upvote/.test(h))
    return { scale: "THUMBS", reason: `the column is called "${header}": thumbs up/down` };
  return null;
}

/** The mapping does not fit the file (a column is missing): the user must fix it. */
export class MappingError extends Error {}

/** Author identifiers are kept only as a keyed hash: the same author links up, nobody can read it back. */
export function hashAuthor(salt: string, author: string): string {
  return createHmac("sha256", salt).update(author.trim().toLowerCase()).digest("hex").slice(0, 32);
}

const normaliseText = (t: string) => t.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** The deduplication key: the external id when there is one, else a hash of text + date + author. */
export function dedupeKey(row: {
  externalId?: string | null;
  text: string;
  date?: Date | null;
  authorHash?: string | null;
}): string {
  if (row.externalId) return `id:${row.externalId}`;
  const h = createHash("sha256")
    .update(`${normaliseText(row.text)}\u0000${row.date?.toISOString() ?? ""}\u0000${row.authorHash ?? ""}`)
    .digest("base64url");
  return `h:${h}`;
}
