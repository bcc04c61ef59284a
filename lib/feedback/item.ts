/** One feedback item with everything known about it, for the detail page and the API. */
import { z } from "zod";
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import { AppError } from "../errors.ts";
import { toTsquery, type FeedbackItemFields } from "./explore.ts";
import type { SentimentLabelName } from "./query.ts";
import { headlineSegments, MATCH_END, MATCH_START, type TextSegment } from "./text-search.ts";

export interface FeedbackItemDetail extends FeedbackItemFields {
  text: string;
  /** The text with the matches of `q` marked, when a search was given. */
  highlighted: TextSegment[] | null;
  externalId: string | null;
  /** A salted hash: tells the same author apart without naming them. */
  authorHash: string | null;
  /** The file's other columns, sorted by name. */
  attributes: { key: string; value: string }[];
  createdAt: string;
  batch: { id: string; fileName: string; createdAt: string };
  sentiment: {
    label: SentimentLabelName;
    score: number;
    confidence: number;
    scoredAt: string;
    /** Each sentence (or clause) and its own result; offsets into `text`, in order. */
    sentences: SentenceSentiment[];
    /** The phrases that moved the score: weight > 0 pushed it positive, < 0 negative. */
    highlights: SentimentHighlight[];
  } | null;
  themes: { id: string; label: string; weight: number; sentiment: number | null }[];
}

export interface SentenceSentiment {
  start: number;
  end: number;
  score: number;
  label: SentimentLabelName;
}

export interface SentimentHighlight {
  start: number;
  end: number;
  weight: number;
}

const span = { start: z.number().int().min(0), end: z.number().int().min(0) };
const explanationSchema = z.object({
  sentences: z
    .array(
      z.object({
        ...span,
        score: z.number(),
        label: z
          .string()
          .transform((l) => l.toUpperCase())
          .pipe(z.enum(["NEGATIVE", "NEUTRAL", "POSITIVE"])),
      }),
    )
    .catch([]),
  highlights: z.array(z.object({ ...span, weight: z.number() })).catch([]),
});

/**
 * The stored explanation (written by the sentiment job), kept to spans that lie inside the text,
 * in order and without overlaps: an older or damaged explanation shows less, never garbage.
 */
export function readExplanation(
  json: unknown,
  textLength: number,
): { sentences: SentenceSentiment[]; highlights: SentimentHighlight[] } {
  const parsed = explanationSchema.safeParse(json ?? {});
  if (!parsed.success) return { sentences: [], highlights: [] };
  const inside = <T extends { start: number; end: number }>(xs: T[]): T[] => {
    const sorted = xs.filter((x) => x.start < x.end && x.end <= textLength).sort((a, b) => a.start - b.start);
    const out: T[] = [];
    for (const x of sorted) if (!out.length || x.start >= out[out.length - 1]!.end) out.push(x);
    return out;
  };
  return {
    sentences: inside(parsed.data.sentences),
    highlights: inside(parsed.data.highlights.filter((h) => h.weight !== 0)),
  };
}

/**
 * Loads an item by id within the caller's workspace; another workspace's id is "not found",
 * exactly like an id that does not exist.
 */
export async function getFeedbackItemOrThrow(
  ctx: WorkspaceContext,
  id: string,
  opts: { q?: string } = {},
): Promise<FeedbackItemDetail> {
  requirePermission(ctx, "workspace.read");
  const item = await ctx.db.feedbackItem.findFirst({
    where: { id, workspaceId: ctx.workspaceId },
    include: {
      batch: { select: { id: true, fileName: true, createdAt: true } },
      sentiment: true,
      themes: {
        where: { workspaceId: ctx.workspaceId, theme: { deletedAt: null, mergedIntoId: null } },
        include: { theme: { select: { id: true, label: true } } },
        orderBy: { weight: "desc" },
      },
    },
  });
  if (!item) throw new AppError("not_found", "Feedback item not found");
  let highlighted: TextSegment[] | null = null;
  const tsquery = opts.q ? await toTsquery(ctx.db, opts.q) : "";
  if (tsquery) {
    const [row] = await ctx.db.$queryRaw<{ h: string }[]>`
      SELECT ts_headline('simple', translate(f."text", ${MATCH_START + MATCH_END}, ''), ${tsquery}::tsquery,
        ${`HighlightAll=true, StartSel=${MATCH_START}, StopSel=${MATCH_END}`}) AS "h"
      FROM "FeedbackItem" f WHERE f."id" = ${item.id} AND f."workspaceId" = ${ctx.workspaceId}`;
    if (row) highlighted = headlineSegments(row.h);
  }
  const attrs =
    item.attributes && typeof item.attributes === "object" && !Array.isArray(item.attributes) ? item.attributes : {};
  return {
    id: item.id,
    text: item.text,
    highlighted,
    externalId: item.externalId,
    occurredAt: item.occurredAt?.toISOString() ?? null,
    rating: item.rating,
    ratingScale: item.ratingScale,
    ratingNorm: item.ratingNorm,
    channel: item.channel,
    segment: item.segment,
    plan: item.plan,
    country: item.country,
    companySize: item.companySize,
    productArea: item.productArea,
    authorHash: item.authorHash,
    attributes: Object.entries(attrs)
      .map(([key, value]) => ({ key, value: typeof value === "string" ? value : JSON.stringify(value) }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    createdAt: item.createdAt.toISOString(),
    batch: { id: item.batch.id, fileName: item.batch.fileName, createdAt: item.batch.createdAt.toISOString() },
    sentiment: item.sentiment
      ? {
          label: item.sentiment.label,
          score: item.sentiment.score,
          confidence: item.sentiment.confidence,
          scoredAt: item.sentiment.createdAt.toISOString(),
          ...readExplanation(item.sentiment.explanation, item.text.length),
        }
      : null,
    themes: item.themes.map((t) => ({
      id: t.theme.id,
      label: t.theme.label,
      weight: t.weight,
      sentiment: t.sentiment,
    })),
  };
}
