/**
 * The THEMES job: finds what a workspace's feedback talks about and which items mention what.
 *
 * 1. Discover themes on a seeded sample of the workspace's items (lib/nlp/themes).
 * 2. Reconcile them with the stored themes so user edits survive: renamed labels stay, deleted
 *    and merged themes do not come back, user themes are never replaced (reconcile.ts).
 * 3. Assign items to the themes by their keywords, sentence by sentence. When the set of themes
 *    or their keywords changed every item is assigned again, else only the new import's items.
 *    Each (item, theme) gets the sentiment of the sentences that mention the theme, scored with
 *    the workspace's sentiment model, so a "love the app but billing is a mess" item counts as
 *    negative for billing.
 * 4. Store each theme's size, sentiment and representative quotes.
 *
 * Assignments are written page by page (delete the page's rows, insert the new ones), so a
 * retried job ends in the same state, and the pages a reader sees are each complete.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { fmt } from "../ingest/run.ts";
import { followUps } from "../jobs/pipeline.ts";
import type { JobContext, JobOutcome } from "../jobs/runner.ts";
import { currentSentimentModel, type LoadedSentimentModel } from "./sentiment-models.ts";
import { scoreTexts } from "./sentiment/index.ts";
import {
  discoverThemes,
  KeywordMatcher,
  reconcileThemes,
  type DiscoveredTheme,
  type QuoteRef,
  type ThemeDefinition,
} from "./themes/index.ts";
import { assignWithMatcher } from "./themes/assign.ts";

export const themesJobInputSchema = z.object({
  /** The import that triggered the run; its items are assigned even when the themes did not change. */
  batchId: z.string().min(1).optional(),
  /** "all": discover again and assign every item (recompute, or after a user edit). */
  scope: z.enum(["new", "all"]).default("new"),
  /** Skip discovery: only assign (after a user added or edited a theme). */
  discover: z.boolean().default(true),
});
export type ThemesJobInput = z.input<typeof themesJobInputSchema>;

/** Items discovery looks at, at most: a seeded sample beyond (members are found on all items). */
export const DISCOVERY_SAMPLE = 20_000;
const PAGE = 2000;
const MAX_QUOTES = 3;

type ThemeRow = Prisma.ThemeGetPayload<object>;

export function toDefinition(t: ThemeRow): ThemeDefinition {
  return {
    key: t.id,
    label: t.label,
    keywords: t.keywords,
    origin: t.origin === "USER" ? "user" : "discovered",
    deleted: t.deletedAt !== null,
    mergedInto: t.mergedIntoId ?? undefined,
    keywordsEdited: t.keywordsEdited,
  };
}

/** What the assignment depends on: live themes, their keywords, and merges. */
function signature(themes: ThemeDefinition[]): string {
  const parts = themes
    .map((t) => `${t.key}|${t.deleted ? "x" : ""}|${t.mergedInto ?? ""}|${t.keywords.join(",")}`)
    .sort();
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

const loadThemes = (db: Db, workspaceId: string) =>
  db.theme.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });

export async function runThemesJob(ctx: JobContext): Promise<JobOutcome> {
  const input = themesJobInputSchema.parse(ctx.job.input ?? {});
  const { workspaceId } = ctx.job;
  const before = (await loadThemes(ctx.db, workspaceId)).map(toDefinition);

  let created = 0;
  if (input.discover) {
    await ctx.progress(1, "Reading a sample of the feedback");
    const sample = await ctx.db.$queryRaw<{ id: string; text: string }[]>`
      SELECT "id", "text" FROM "FeedbackItem" WHERE "workspaceId" = ${workspaceId}
      ORDER BY md5("id") LIMIT ${DISCOVERY_SAMPLE}`;
    ctx.checkpoint();
    await ctx.progress(3, `Finding themes in ${fmt(sample.length)} items`);
    const discovered = discoverThemes(sample, { seed: 1 });
    ctx.checkpoint();
    const plan = reconcileThemes(before, discovered, { docs: sample });
    created = plan.create.length;
    await ctx.db.$transaction(async (tx) => {
      for (const u of plan.update) {
        await tx.theme.update({
          where: { id: u.key },
          data: { keywords: u.keywords, quotes: quotesJson(u.discovered[0]) },
        });
      }
      for (const d of plan.create) {
        await tx.theme.create({
          data: { workspaceId, label: d.label, keywords: d.keywords, origin: "DISCOVERED", quotes: quotesJson(d) },
        });
      }
    });
  }

  const themes = (await loadThemes(ctx.db, workspaceId)).map(toDefinition);
  const everything = input.scope === "all" || !input.batchId || signature(themes) !== signature(before);
  const model = await currentSentimentModel(ctx.db, workspaceId);
  const assigned = await assignItems(ctx, themes, model, everything ? undefined : input.batchId);
  await refreshThemeStats(ctx.db, workspaceId);

  const live = themes.filter((t) => !t.deleted && !t.mergedInto).length;
  const message =
    `${live} ${live === 1 ? "theme" : "themes"}` +
    (created ? ` (${created} new)` : "") +
    ` · ${fmt(assigned)} ${assigned === 1 ? "item" : "items"} ${everything ? "assigned again" : "assigned"}`;
  return {
    message,
    model: model.name,
    followUps: followUps({ kind: "analysed", by: "THEMES" }, { workspaceId, createdById: ctx.job.createdById }),
  };
}

/** A discovered theme's quotes as stored: item and offsets, not copies of the text. */
function quotesJson(d: DiscoveredTheme | undefined): Prisma.InputJsonValue {
  return (d?.quoteRefs ?? []).slice(0, MAX_QUOTES).map((q) => ({ itemId: q.docId, start: q.start, end: q.end }));
}

async function assignItems(
  ctx: JobContext,
  themes: ThemeDefinition[],
  model: LoadedSentimentModel,
  batchId: string | undefined,
): Promise<number> {
  const { workspaceId } = ctx.job;
  const matcher = new KeywordMatcher(themes);
  const where = batchId ? `AND "batchId" = $2` : "";
  const params: unknown[] = batchId ? [workspaceId, batchId] : [workspaceId];
  const [count] = await ctx.db.$queryRawUnsafe<{ n: bigint | number }[]>(
    `SELECT count(*) AS "n" FROM "FeedbackItem" WHERE "workspaceId" = $1 ${where}`,
    ...params,
  );
  const total = Number(count?.n ?? 0);
  if (!batchId) {
    // Themes changed: assignments of themes no longer live go now, the rest page by page below.
    const live = themes.filter((t) => !t.deleted && !t.mergedInto).map((t) => t.key);
    await ctx.db.$executeRaw`
      DELETE FROM "ItemTheme" WHERE "workspaceId" = ${workspaceId} AND NOT ("themeId" = ANY(${live}))`;
  }
  const userQuotes = new Map<string, QuoteRef[]>();
  let done = 0;
  let cursor = "";
  const startedAt = Date.now();
  for (;;) {
    ctx.checkpoint();
    const rows = await ctx.db.$queryRawUnsafe<{ id: string; text: string }[]>(
      `SELECT "id", "text" FROM "FeedbackItem" WHERE "workspaceId" = $1 ${where} AND "id" > $${params.length + 1}
       ORDER BY "id" LIMIT ${PAGE}`,
      ...params,
      cursor,
    );
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]!.id;
    const texts = new Map(rows.map((r) => [r.id, r.text]));
    const assignments = assignWithMatcher(rows, matcher);
    // Sentiment toward each theme: the mean score of the sentences that mention it.
    const sentences: string[] = [];
    const spans: number[][] = [];
    for (const a of assignments) {
      const text = texts.get(a.docId)!;
      spans.push(a.sentences.map((s) => sentences.push(text.slice(s.start, s.end)) - 1));
    }
    const scores = scoreTexts(model.model, sentences).map((r) => r.score);
    const sentiment = spans.map((idx) => idx.reduce((sum, i) => sum + scores[i]!, 0) / Math.max(1, idx.length));
    for (const a of assignments) {
      const q = userQuotes.get(a.themeKey) ?? [];
      const s = a.sentences[0];
      if (q.length < MAX_QUOTES && s && s.end - s.start >= 25 && s.end - s.start <= 220) {
        q.push({ docId: a.docId, start: s.start, end: s.end });
        userQuotes.set(a.themeKey, q);
      }
    }
    await ctx.db.$transaction([
      ctx.db.$executeRaw`DELETE FROM "ItemTheme" WHERE "itemId" = ANY(${rows.map((r) => r.id)})`,
      ctx.db.$executeRaw`
        INSERT INTO "ItemTheme" ("itemId", "themeId", "workspaceId", "weight", "sentiment")
        SELECT u."itemId", u."themeId", ${workspaceId}, u."weight", u."sentiment"
        FROM unnest(${assignments.map((a) => a.docId)}::text[], ${assignments.map((a) => a.themeKey)}::text[],
                    ${assignments.map((a) => round(a.weight))}::float8[], ${sentiment.map(round)}::float8[])
          AS u("itemId", "themeId", "weight", "sentiment")`,
    ]);
    done += rows.length;
    const rate = done / Math.max(0.001, (Date.now() - startedAt) / 1000);
    await ctx.progress(
      5 + (total ? Math.min(1, done / total) : 1) * 93,
      `${fmt(done)} / ${fmt(Math.max(total, done))} items · ${fmt(Math.round(rate))} items/s`,
    );
  }
  await quotesForThemesWithout(ctx.db, workspaceId, userQuotes);
  return done;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Themes without quotes (user themes, edited ones) take the first fitting sentences assigned. */
async function quotesForThemesWithout(db: Db, workspaceId: string, found: Map<string, QuoteRef[]>): Promise<void> {
  const without = await db.theme.findMany({
    where: { workspaceId, deletedAt: null, mergedIntoId: null, quotes: { equals: [] } },
    select: { id: true },
  });
  for (const t of without) {
    const q = found.get(t.id);
    if (q?.length)
      await db.theme.update({ where: { id: t.id }, data: { quotes: quotesJson({ quoteRefs: q } as DiscoveredTheme) } });
  }
}

/** Each theme's size (items) and sentiment (mean over its items' theme sentiment). */
export async function refreshThemeStats(db: Db, workspaceId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Theme" t SET "size" = coalesce(s."n", 0), "sentiment" = s."mean", "updatedAt" = now()
    FROM "Theme" t2
    LEFT JOIN (
      SELECT "themeId", count(*)::int AS "n", avg("sentiment") AS "mean"
      FROM "ItemTheme" WHERE "workspaceId" = ${workspaceId} GROUP BY "themeId"
    ) s ON s."themeId" = t2."id"
    WHERE t."id" = t2."id" AND t."workspaceId" = ${workspaceId}`;
}
