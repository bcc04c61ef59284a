/**
 * What the sentiment and theme jobs found, summarised for the Feedback and Overview pages:
 * sentiment over time, by channel or segment, NPS, pain points and delighters. Every figure is
 * computed here from the stored results; nothing is estimated or filled in.
 */
import { z } from "zod";
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import { Prisma } from "../db/generated/client.ts";
import { parseInput } from "../errors.ts";

export const INTERVALS = ["week", "month"] as const;
export type Interval = (typeof INTERVALS)[number];
export const BREAKDOWN_FIELDS = ["channel", "segment", "plan", "country", "companySize", "productArea"] as const;
export type BreakdownField = (typeof BREAKDOWN_FIELDS)[number];

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
/** A UTC calendar day, YYYY-MM-DD (the explorer's date format, so one period means the same items). */
const day = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31")
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    }, "Not a calendar date")
    .optional(),
);

export const insightsQuerySchema = z
  .object({
    interval: z.preprocess(blankToUndefined, z.enum(INTERVALS).default("month")),
    /** First and last day of the period, both included (as in the explorer), on the items' dates. */
    from: day,
    to: day,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "Must not be before the start date" });
/** What callers pass; URL-shaped values (blank strings) are accepted too. */
export interface InsightsQuery {
  interval?: Interval | string;
  /** YYYY-MM-DD, included. */
  from?: string;
  /** YYYY-MM-DD, included. */
  to?: string;
}

export interface SentimentCounts {
  negative: number;
  neutral: number;
  positive: number;
}

export interface SentimentSummary extends SentimentCounts {
  items: number;
  scored: number;
  /** Mean score of the scored items, −1…1. */
  meanScore: number | null;
  /** Positive share minus negative share, −100…100 (like NPS, over all scored items). */
  netSentiment: number | null;
}

export interface PeriodSentiment extends SentimentCounts {
  /** First day of the week (Monday) or month, YYYY-MM-DD. */
  period: string;
  netSentiment: number;
}

export interface BreakdownRow extends SentimentCounts {
  value: string;
  netSentiment: number;
}

export interface NpsSummary {
  score: number;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface ThemeHighlight {
  themeId: string;
  label: string;
  /** Items whose sentences about the theme are negative (pain points) or positive (delighters). */
  items: number;
  size: number;
  sentiment: number | null;
}

export interface FeedbackInsights {
  summary: SentimentSummary;
  overTime: PeriodSentiment[];
  byChannel: BreakdownRow[];
  bySegment: BreakdownRow[];
  /** Null under MIN_NPS_RESPONSES answers; npsResponses says how many there are. */
  nps: NpsSummary | null;
  npsResponses: number;
  painPoints: ThemeHighlight[];
  delighters: ThemeHighlight[];
}

/** NPS is shown from this many 0–10 answers. */
export const MIN_NPS_RESPONSES = 20;
const net = (c: SentimentCounts) => {
  const n = c.negative + c.neutral + c.positive;
  return n ? Math.round(((c.positive - c.negative) / n) * 1000) / 10 : 0;
};

/** Items without a date of their own count on the day they were imported. */
function periodWhere(q: z.output<typeof insightsQuerySchema>): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (q.from) parts.push(Prisma.sql`AND coalesce(f."occurredAt", f."createdAt") >= ${q.from}::date`);
  if (q.to) parts.push(Prisma.sql`AND coalesce(f."occurredAt", f."createdAt") < ${q.to}::date + 1`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

const countsSql = Prisma.sql`
  count(*) FILTER (WHERE s."label" = 'NEGATIVE')::int AS "negative",
  count(*) FILTER (WHERE s."label" = 'NEUTRAL')::int AS "neutral",
  count(*) FILTER (WHERE s."label" = 'POSITIVE')::int AS "positive"`;

export async function feedbackInsights(ctx: WorkspaceContext, query: InsightsQuery = {}): Promise<FeedbackInsights> {
  requirePermission(ctx, "workspace.read");
  const q = parseInput(insightsQuerySchema, query);
  const ws = ctx.workspaceId;
  const period = periodWhere(q);
  const trunc = Prisma.raw(`'${q.interval}'`);
  const breakdown = (field: BreakdownField) => {
    const col = Prisma.raw(`f."${field}"`);
    return ctx.db.$queryRaw<(SentimentCounts & { value: string })[]>`
      SELECT ${col} AS "value", ${countsSql}
      FROM "FeedbackItem" f JOIN "SentimentResult" s ON s."itemId" = f."id"
      WHERE f."workspaceId" = ${ws} AND ${col} IS NOT NULL ${period}
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 12`;
  };
  const highlights = (label: "NEGATIVE" | "POSITIVE") => {
    const cond = label === "NEGATIVE" ? Prisma.sql`it."sentiment" < -0.05` : Prisma.sql`it."sentiment" > 0.05`;
    return ctx.db.$queryRaw<ThemeHighlight[]>`
      SELECT t."id" AS "themeId", t."label", count(*)::int AS "items", t."size", t."sentiment"
      FROM "ItemTheme" it
      JOIN "Theme" t ON t."id" = it."themeId"
      JOIN "FeedbackItem" f ON f."id" = it."itemId"
      WHERE it."workspaceId" = ${ws} AND t."deletedAt" IS NULL AND t."mergedIntoId" IS NULL AND ${cond} ${period}
      GROUP BY t."id" ORDER BY count(*) DESC, t."label" LIMIT 5`;
  };
  const [summaryRows, overTime, byChannel, bySegment, npsRows, painPoints, delighters] = await Promise.all([
    ctx.db.$queryRaw<(SentimentCounts & { items: number; scored: number; meanScore: number | null })[]>`
      SELECT count(*)::int AS "items", count(s."itemId")::int AS "scored", avg(s."score") AS "meanScore", ${countsSql}
      FROM "FeedbackItem" f LEFT JOIN "SentimentResult" s ON s."itemId" = f."id"
      WHERE f."workspaceId" = ${ws} ${period}`,
    ctx.db.$queryRaw<(SentimentCounts & { period: Date })[]>`
      SELECT date_trunc(${trunc}, coalesce(f."occurredAt", f."createdAt")) AS "period", ${countsSql}
      FROM "FeedbackItem" f JOIN "SentimentResult" s ON s."itemId" = f."id"
      WHERE f."workspaceId" = ${ws} ${period}
      GROUP BY 1 ORDER BY 1`,
    breakdown("channel"),
    breakdown("segment"),
    ctx.db.$queryRaw<{ responses: number; promoters: number; passives: number; detractors: number }[]>`
      SELECT count(*)::int AS "responses",
        count(*) FILTER (WHERE f."rating" >= 9)::int AS "promoters",
        count(*) FILTER (WHERE f."rating" >= 7 AND f."rating" < 9)::int AS "passives",
        count(*) FILTER (WHERE f."rating" < 7)::int AS "detractors"
      FROM "FeedbackItem" f WHERE f."workspaceId" = ${ws} AND f."ratingScale" = 'NPS_10' ${period}`,
    highlights("NEGATIVE"),
    highlights("POSITIVE"),
  ]);
  const s = summaryRows[0] ?? { items: 0, scored: 0, meanScore: null, negative: 0, neutral: 0, positive: 0 };
  const n = npsRows[0];
  return {
    summary: {
      ...s,
      meanScore: s.meanScore === null ? null : Math.round(Number(s.meanScore) * 1000) / 1000,
      netSentiment: s.scored ? net(s) : null,
    },
    overTime: overTime.map((r) => ({ ...r, period: r.period.toISOString().slice(0, 10), netSentiment: net(r) })),
    byChannel: byChannel.map((r) => ({ ...r, netSentiment: net(r) })),
    bySegment: bySegment.map((r) => ({ ...r, netSentiment: net(r) })),
    nps:
      n && n.responses >= MIN_NPS_RESPONSES
        ? { ...n, score: Math.round(((n.promoters - n.detractors) / n.responses) * 1000) / 10 }
        : null,
    npsResponses: n?.responses ?? 0,
    painPoints,
    delighters,
  };
}

/** Items per period that mention a theme, and how many of them negatively: a theme's trend. */
export async function themeTrend(
  ctx: WorkspaceContext,
  themeId: string,
  interval: Interval = "month",
): Promise<{ period: string; items: number; negative: number; positive: number }[]> {
  requirePermission(ctx, "workspace.read");
  const trunc = Prisma.raw(`'${parseInput(z.enum(INTERVALS), interval)}'`);
  const rows = await ctx.db.$queryRaw<{ period: Date; items: number; negative: number; positive: number }[]>`
    SELECT date_trunc(${trunc}, coalesce(f."occurredAt", f."createdAt")) AS "period", count(*)::int AS "items",
      count(*) FILTER (WHERE it."sentiment" < -0.05)::int AS "negative",
      count(*) FILTER (WHERE it."sentiment" > 0.05)::int AS "positive"
    FROM "ItemTheme" it JOIN "FeedbackItem" f ON f."id" = it."itemId"
    WHERE it."workspaceId" = ${ctx.workspaceId} AND it."themeId" = ${themeId}
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ ...r, period: r.period.toISOString().slice(0, 10) }));
}
