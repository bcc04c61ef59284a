/**
 * What the Feedback explorer can ask for: one zod schema shared by the page (URL search params),
 * the HTTP API (query string) and `searchFeedback`. Framework-free, so client components may
 * build links with `toSearchParams` too.
 *
 * Ratings: with `ratingScale`, `ratingMin`/`ratingMax` are in that scale's own units (stars 1–5,
 * NPS 0–10, thumbs 0 = down / 1 = up) and compare the stored `rating`, which is how people say it
 * ("1–2 stars", "NPS detractors 0–6") and does not depend on how an import normalised it.
 * Without a scale they compare `ratingNorm`, the rating mapped to 0–1, so one range works across
 * a workspace that mixes scales ("the bottom 40 % of any rating").
 */
import { z } from "zod";

export const SORTS = ["newest", "oldest", "rating_high", "rating_low", "relevance"] as const;
export type FeedbackSort = (typeof SORTS)[number];

export const SORT_LABELS: Record<FeedbackSort, string> = {
  relevance: "Best match",
  newest: "Newest first",
  oldest: "Oldest first",
  rating_high: "Highest rating",
  rating_low: "Lowest rating",
};

export const RATING_SCALES = ["STARS_5", "NPS_10", "THUMBS"] as const;
export type RatingScaleName = (typeof RATING_SCALES)[number];

/** The units of each scale: [lowest, highest]. */
export const SCALE_RANGE: Record<RatingScaleName, readonly [number, number]> = {
  STARS_5: [1, 5],
  NPS_10: [0, 10],
  THUMBS: [0, 1],
};

export const SENTIMENT_LABELS = ["NEGATIVE", "NEUTRAL", "POSITIVE"] as const;
export type SentimentLabelName = (typeof SENTIMENT_LABELS)[number];

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const toArray = (v: unknown) =>
  v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).filter((x) => blankToUndefined(x) !== undefined);

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().min(1).max(max).optional());

const day = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31")
    .refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      {
        message: "Not a calendar date",
      },
    )
    .optional(),
);

const optionalNumber = z.preprocess(blankToUndefined, z.coerce.number().finite().optional());

const attributePair = z.object({ key: z.string().trim().min(1).max(100), value: z.string().trim().max(200) });

/**
 * `key=value` (or, from code, `{ key, value }`): the item's imported column `key` (kept in
 * `attributes`) equals `value` exactly.
 */
export const attributeFilterSchema = z.union([
  attributePair,
  z
    .string()
    .max(320)
    .transform((s, ctx) => {
      const at = s.indexOf("=");
      const r = attributePair.safeParse({ key: at < 0 ? "" : s.slice(0, at), value: s.slice(at + 1) });
      if (at < 0 || !r.success) {
        ctx.addIssue({ code: "custom", message: "Use column=value, e.g. os=ios" });
        return z.NEVER;
      }
      return r.data;
    }),
]);
export type AttributeFilter = z.output<typeof attributeFilterSchema>;

export const feedbackQuerySchema = z
  .object({
    /** Words to find (web-search syntax: "quoted phrase", -excluded, or). */
    q: optionalText(500),
    /** Inclusive day range on the feedback's own date (UTC). */
    from: day,
    to: day,
    channel: z.preprocess(toArray, z.array(z.string().trim().min(1).max(200)).max(20)),
    segment: optionalText(200),
    plan: optionalText(200),
    country: optionalText(200),
    companySize: optionalText(200),
    productArea: optionalText(200),
    ratingScale: z.preprocess(blankToUndefined, z.enum(RATING_SCALES).optional()),
    ratingMin: optionalNumber,
    ratingMax: optionalNumber,
    attr: z.preprocess(toArray, z.array(attributeFilterSchema).max(10)),
    /** Items whose sentiment has been scored with one of these labels. */
    sentiment: z.preprocess(toArray, z.array(z.enum(SENTIMENT_LABELS)).max(3)),
    /** Only the items of one import. */
    batch: optionalText(64),
    /** Only the items assigned to one theme (a theme id). */
    theme: optionalText(64),
    /** Default: relevance when searching, else newest. */
    sort: z.preprocess(blankToUndefined, z.enum(SORTS).optional()),
    /** Opaque page position from a previous answer's nextCursor or prevCursor. */
    cursor: optionalText(600),
    limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT)),
  })
  .superRefine((v, ctx) => {
    const [lo, hi] = v.ratingScale ? SCALE_RANGE[v.ratingScale] : [0, 1];
    const unit = v.ratingScale ? `on this scale (${lo}–${hi})` : "without a scale (normalised 0–1)";
    for (const key of ["ratingMin", "ratingMax"] as const) {
      const n = v[key];
      if (n !== undefined && (n < lo || n > hi)) {
        ctx.addIssue({ code: "custom", path: [key], message: `Must be between ${lo} and ${hi} ${unit}` });
      }
    }
    if (v.ratingMin !== undefined && v.ratingMax !== undefined && v.ratingMin > v.ratingMax) {
      ctx.addIssue({ code: "custom", path: ["ratingMax"], message: "Must not be below the minimum" });
    }
    if (v.from && v.to && v.from > v.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Must not be before the start date" });
    }
  });

export type FeedbackQuery = z.output<typeof feedbackQuerySchema>;
/** What callers may pass: every field optional; URL-shaped values (strings, one or many) too. */
export interface FeedbackQueryInput {
  q?: string;
  from?: string;
  to?: string;
  channel?: string | string[];
  segment?: string;
  plan?: string;
  country?: string;
  companySize?: string;
  productArea?: string;
  ratingScale?: RatingScaleName;
  ratingMin?: number | string;
  ratingMax?: number | string;
  attr?: string | AttributeFilter | (string | AttributeFilter)[];
  sentiment?: SentimentLabelName | SentimentLabelName[];
  batch?: string;
  theme?: string;
  sort?: FeedbackSort;
  cursor?: string;
  limit?: number | string;
}

/** The sort a query gets when it names none (or relevance without words to rank). */
export function effectiveSort(q: Pick<FeedbackQuery, "q" | "sort">): FeedbackSort {
  if (!q.q) return q.sort && q.sort !== "relevance" ? q.sort : "newest";
  return q.sort ?? "relevance";
}

/** URL search params (or Next's searchParams object) as the plain object the schema reads. */
export function searchParamsToObject(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (k: string, v: string) => {
    const prior = out[k];
    out[k] = prior === undefined ? v : ([] as string[]).concat(prior, v);
  };
  if (params instanceof URLSearchParams) params.forEach((v, k) => add(k, v));
  else
    for (const [k, v] of Object.entries(params))
      for (const x of ([] as (string | undefined)[]).concat(v)) if (x !== undefined) add(k, x);
  return out;
}

/** The order of parameters in the explorer's URLs (so one view has one URL). */
export const PARAM_ORDER = [
  "q",
  "from",
  "to",
  "channel",
  "segment",
  "plan",
  "country",
  "companySize",
  "productArea",
  "ratingScale",
  "ratingMin",
  "ratingMax",
  "attr",
  "sentiment",
  "batch",
  "theme",
  "sort",
  "limit",
  "cursor",
] as const;

/** Puts parameters in PARAM_ORDER (repeated ones keep their order; unknown ones go last). */
export function inParamOrder(params: URLSearchParams): URLSearchParams {
  const rank = (k: string) => {
    const i = (PARAM_ORDER as readonly string[]).indexOf(k);
    return i < 0 ? PARAM_ORDER.length : i;
  };
  return new URLSearchParams([...params.entries()].sort((a, b) => rank(a[0]) - rank(b[0])));
}

/** The filters (not the page position) as URL search params, in PARAM_ORDER, leaving out what is unset. */
export function toSearchParams(q: Partial<FeedbackQuery>, opts: { cursor?: string | null } = {}): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== "") p.append(k, String(v));
  };
  set("q", q.q);
  set("from", q.from);
  set("to", q.to);
  for (const c of q.channel ?? []) set("channel", c);
  set("segment", q.segment);
  set("plan", q.plan);
  set("country", q.country);
  set("companySize", q.companySize);
  set("productArea", q.productArea);
  set("ratingScale", q.ratingScale);
  set("ratingMin", q.ratingMin);
  set("ratingMax", q.ratingMax);
  for (const a of q.attr ?? []) set("attr", `${a.key}=${a.value}`);
  for (const s of q.sentiment ?? []) set("sentiment", s);
  set("batch", q.batch);
  set("theme", q.theme);
  set("sort", q.sort);
  if (q.limit !== undefined && q.limit !== DEFAULT_LIMIT) set("limit", q.limit);
  if (opts.cursor) set("cursor", opts.cursor);
  return p;
}

/** Filters other than words, import and dates: the ones that read the items themselves. */
export function filtersReadingItems(q: FeedbackQuery): boolean {
  return !!(
    q.channel.length ||
    q.segment ||
    q.plan ||
    q.country ||
    q.companySize ||
    q.productArea ||
    q.ratingScale ||
    q.ratingMin !== undefined ||
    q.ratingMax !== undefined ||
    q.attr.length ||
    q.sentiment.length ||
    q.theme
  );
}

/** True when anything narrows the list (words or a filter; not sort or page). */
export function hasFilters(q: FeedbackQuery): boolean {
  return !!(q.q || q.from || q.to || q.batch) || filtersReadingItems(q);
}
