/**
 * The explorer form's fields → the canonical URL of a view. Used by the form in the browser
 * and, when JavaScript is off (a plain GET submit), by the page, which redirects to the same URL.
 * The rating menu's presets live here too.
 */
import type { FacetField } from "@/lib/feedback/facets";
import {
  inParamOrder,
  SCALE_RANGE,
  toSearchParams,
  type FeedbackQuery,
  type RatingScaleName,
} from "@/lib/feedback/query";

/** Form fields that are not query parameters: the rating menu and the "add a column filter" pair. */
const FORM_ONLY = ["rating", "attrKey", "attrValue"];

export interface RatingPreset {
  value: string;
  label: string;
  group: string;
}

/** Values are `SCALE:min:max`, with ANY for the normalised 0–1 rating (see lib/feedback/query.ts). */
export const RATING_PRESETS: RatingPreset[] = [
  { value: "STARS_5:1:2", label: "★ 1–2 stars", group: "Stars" },
  { value: "STARS_5:3:3", label: "★ 3 stars", group: "Stars" },
  { value: "STARS_5:4:5", label: "★ 4–5 stars", group: "Stars" },
  { value: "NPS_10:0:6", label: "Detractors (0–6)", group: "NPS" },
  { value: "NPS_10:7:8", label: "Passives (7–8)", group: "NPS" },
  { value: "NPS_10:9:10", label: "Promoters (9–10)", group: "NPS" },
  { value: "THUMBS:0:0", label: "👎 Thumbs down", group: "Thumbs" },
  { value: "THUMBS:1:1", label: "👍 Thumbs up", group: "Thumbs" },
  { value: "ANY:0:0.3", label: "Low (bottom 30 %)", group: "Any scale" },
  { value: "ANY:0.7:1", label: "High (top 30 %)", group: "Any scale" },
];

const SCALE_NAMES: Record<RatingScaleName, string> = { STARS_5: "stars", NPS_10: "NPS", THUMBS: "thumbs" };

/** The rating menu's value for a query ("" when no rating filter). */
export function ratingValue(q: Pick<FeedbackQuery, "ratingScale" | "ratingMin" | "ratingMax">): string {
  if (!q.ratingScale && q.ratingMin === undefined && q.ratingMax === undefined) return "";
  return `${q.ratingScale ?? "ANY"}:${q.ratingMin ?? ""}:${q.ratingMax ?? ""}`;
}

/** Words for a rating filter, for its chip and for a range no preset names. */
export function ratingLabel(q: Pick<FeedbackQuery, "ratingScale" | "ratingMin" | "ratingMax">): string {
  const preset = RATING_PRESETS.find((p) => p.value === ratingValue(q));
  if (preset) return preset.group === "Any scale" ? `${preset.label} rating` : preset.label;
  const [lo, hi] = q.ratingScale ? SCALE_RANGE[q.ratingScale] : [0, 1];
  const scale = q.ratingScale ? SCALE_NAMES[q.ratingScale] : "normalised 0–1";
  return `Rating ${q.ratingMin ?? lo}–${q.ratingMax ?? hi} (${scale})`;
}

/**
 * Form entries → the view's query string: blank fields left out, the rating menu expanded into
 * ratingScale/ratingMin/ratingMax, a new column filter (attrKey + attrValue) added to attr, in
 * the same order as toSearchParams writes them.
 */
export function explorerQueryString(entries: Iterable<[string, string]>): string {
  const p = new URLSearchParams();
  let rating: string | undefined;
  let attrKey = "";
  let attrValue = "";
  for (const [k, raw] of entries) {
    const v = raw.trim();
    if (k === "rating") rating = v;
    else if (k === "attrKey") attrKey = v;
    else if (k === "attrValue") attrValue = v;
    else if (v && !k.startsWith("$")) p.append(k, v);
  }
  if (rating !== undefined) {
    for (const k of ["ratingScale", "ratingMin", "ratingMax"]) p.delete(k);
    const [scale, min, max] = rating.split(":");
    if (scale && scale !== "ANY") p.set("ratingScale", scale);
    if (min) p.set("ratingMin", min);
    if (max) p.set("ratingMax", max);
  }
  if (attrKey && attrValue) p.append("attr", `${attrKey}=${attrValue}`);
  return inParamOrder(p).toString();
}

/** True when a URL came from a plain form submit and should be redirected to its canonical form. */
export function needsCanonicalUrl(params: Record<string, string | string[]>): boolean {
  return Object.entries(params).some(
    ([k, v]) => FORM_ONLY.includes(k) || ([] as string[]).concat(v).some((x) => x.trim() === ""),
  );
}

/** Search params as entries, repeated keys kept. */
export function paramEntries(params: Record<string, string | string[]>): [string, string][] {
  return Object.entries(params).flatMap(([k, v]) => ([] as string[]).concat(v).map((x): [string, string] => [k, x]));
}

/** Names of the customer fields, for labels and chips. */
export const FACET_LABELS: Record<FacetField, string> = {
  channel: "Channel",
  segment: "Segment",
  plan: "Plan",
  country: "Country",
  companySize: "Company size",
  productArea: "Product area",
};

/** The view without its filters ("filters"), without its words ("words"), or without both. */
export function clearHref(q: FeedbackQuery, what: "filters" | "words" | "all"): string {
  const keep: Partial<FeedbackQuery> = { batch: q.batch, sort: q.sort, limit: q.limit };
  if (what === "filters") keep.q = q.q;
  if (what === "words") Object.assign(keep, { ...q, q: undefined, cursor: undefined });
  const s = toSearchParams(keep).toString();
  return s ? `/feedback?${s}` : "/feedback";
}
