/**
 * Themes as users see and edit them: list, detail, rename, edit keywords, add from keywords,
 * merge, split and delete. Every edit is audited and survives re-runs of the theme job
 * (theme-job.ts reconciles through lib/nlp/themes/reconcile.ts): a renamed label is never
 * overwritten, a deleted or merged theme does not come back, user themes are never replaced.
 * Edits that change which items a theme holds queue an assignment run (THEMES, no discovery).
 */
import { z } from "zod";
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import type { Db } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { startJobs } from "../jobs/manage.ts";
import { audit } from "../workspaces/workspaces.ts";
import { refreshThemeStats, toDefinition, type ThemesJobInput } from "./theme-job.ts";
import { mergeThemes, splitTheme } from "./themes/index.ts";

export interface ThemeQuote {
  itemId: string;
  text: string;
}

export interface ThemeView {
  id: string;
  label: string;
  keywords: string[];
  origin: "discovered" | "user";
  keywordsEdited: boolean;
  size: number;
  /** Mean sentiment of the sentences that mention the theme, −1…1; null before scoring. */
  sentiment: number | null;
  /** Items whose theme sentences are negative / positive (score beyond ±0.05). */
  negative: number;
  positive: number;
  quotes: ThemeQuote[];
  updatedAt: string;
}

const labelSchema = z.string().trim().min(1, "A theme needs a name").max(80, "Keep the name under 80 characters");
const keywordsSchema = z
  .array(z.string().trim().min(1).max(60, "Keep each keyword under 60 characters"))
  .min(1, "Give at least one keyword")
  .max(30, "At most 30 keywords")
  .transform((ks) => [...new Map(ks.map((k) => [k.toLowerCase(), k])).values()]);

export const createThemeSchema = z.object({ label: labelSchema, keywords: keywordsSchema });

/** Keywords typed as one line: "dark mode, night theme; black background". */
export const parseKeywordList = (s: string): string[] =>
  s
    .split(/[,;\n]/)
    .map((k) => k.trim())
    .filter(Boolean);

/** Keywords as callers send them (API, forms): a list, or one line for parseKeywordList. */
export const keywordsInputSchema = z.union([
  z.array(z.string()),
  z.string().max(4000, "Too many keywords").transform(parseKeywordList),
]);

async function getThemeRowOrThrow(ctx: WorkspaceContext, id: string) {
  const theme = await ctx.db.theme.findFirst({ where: { id, workspaceId: ctx.workspaceId } });
  if (!theme) throw new AppError("not_found", "Theme not found");
  return theme;
}

async function getLiveThemeRowOrThrow(ctx: WorkspaceContext, id: string) {
  const theme = await getThemeRowOrThrow(ctx, id);
  if (theme.deletedAt || theme.mergedIntoId) throw new AppError("not_found", "Theme not found");
  return theme;
}

/** Two live themes with one name could not be told apart (in lists, in the merge menu). */
async function assertLabelFree(ctx: WorkspaceContext, label: string, exceptId?: string): Promise<void> {
  const clash = await ctx.db.theme.findFirst({
    where: {
      workspaceId: ctx.workspaceId,
      deletedAt: null,
      mergedIntoId: null,
      label: { equals: label, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) {
    throw new AppError("conflict", `A theme named “${label}” already exists.`, {
      label: "Another theme has this name",
    });
  }
}

/** A live theme's label, or null when the id is not one of the workspace's live themes (filter chips). */
export async function getThemeLabel(ctx: WorkspaceContext, id: string): Promise<string | null> {
  requirePermission(ctx, "workspace.read");
  const theme = await ctx.db.theme.findFirst({
    where: { id, workspaceId: ctx.workspaceId, deletedAt: null, mergedIntoId: null },
    select: { label: true },
  });
  return theme?.label ?? null;
}

/** Live themes, largest first, with counts by sentiment and their quotes' text. */
export async function listThemes(ctx: WorkspaceContext): Promise<ThemeView[]> {
  requirePermission(ctx, "workspace.read");
  const themes = await ctx.db.theme.findMany({
    where: { workspaceId: ctx.workspaceId, deletedAt: null, mergedIntoId: null },
    orderBy: [{ size: "desc" }, { label: "asc" }],
  });
  return viewsOf(ctx.db, ctx.workspaceId, themes);
}

export async function getThemeOrThrow(ctx: WorkspaceContext, id: string): Promise<ThemeView> {
  requirePermission(ctx, "workspace.read");
  const theme = await getLiveThemeRowOrThrow(ctx, id);
  const [view] = await viewsOf(ctx.db, ctx.workspaceId, [theme]);
  return view!;
}

type ThemeRow = Awaited<ReturnType<typeof getThemeRowOrThrow>>;

async function viewsOf(db: Db, workspaceId: string, themes: ThemeRow[]): Promise<ThemeView[]> {
  if (!themes.length) return [];
  const ids = themes.map((t) => t.id);
  const counts = await db.$queryRaw<{ themeId: string; negative: number; positive: number }[]>`
    SELECT "themeId", count(*) FILTER (WHERE "sentiment" < -0.05)::int AS "negative",
           count(*) FILTER (WHERE "sentiment" > 0.05)::int AS "positive"
    FROM "ItemTheme" WHERE "workspaceId" = ${workspaceId} AND "themeId" = ANY(${ids}) GROUP BY "themeId"`;
  const byTheme = new Map(counts.map((c) => [c.themeId, c]));
  const refs = themes.flatMap((t) => quoteRefs(t.quotes).map((q) => ({ ...q, themeId: t.id })));
  const items = refs.length
    ? await db.feedbackItem.findMany({
        where: { workspaceId, id: { in: [...new Set(refs.map((r) => r.itemId))] } },
        select: { id: true, text: true },
      })
    : [];
  const textOf = new Map(items.map((i) => [i.id, i.text]));
  return themes.map((t) => ({
    id: t.id,
    label: t.label,
    keywords: t.keywords,
    origin: t.origin === "USER" ? "user" : "discovered",
    keywordsEdited: t.keywordsEdited,
    size: t.size,
    sentiment: t.sentiment,
    negative: byTheme.get(t.id)?.negative ?? 0,
    positive: byTheme.get(t.id)?.positive ?? 0,
    quotes: refs
      .filter((r) => r.themeId === t.id && textOf.has(r.itemId))
      .map((r) => ({ itemId: r.itemId, text: textOf.get(r.itemId)!.slice(r.start, r.end).trim() }))
      .filter((q) => q.text),
    updatedAt: t.updatedAt.toISOString(),
  }));
}

const quoteRefSchema = z.array(z.object({ itemId: z.string(), start: z.number().int(), end: z.number().int() }));
const quoteRefs = (json: unknown) => quoteRefSchema.safeParse(json).data ?? [];

/** Queues an assignment run (no discovery): the themes changed, their items must follow. */
async function reassign(ctx: WorkspaceContext): Promise<string | null> {
  const input: ThemesJobInput = { scope: "all", discover: false };
  const [ref] = await startJobs(ctx, [{ kind: "THEMES", input }]);
  return ref?.id ?? null;
}

export async function renameTheme(ctx: WorkspaceContext, id: string, label: string): Promise<ThemeView> {
  requirePermission(ctx, "data.write");
  const name = parseInput(labelSchema, label);
  const theme = await getLiveThemeRowOrThrow(ctx, id);
  await assertLabelFree(ctx, name, theme.id);
  await ctx.db.theme.update({ where: { id: theme.id }, data: { label: name } });
  await audit(ctx, "theme.rename", { targetType: "Theme", targetId: id, metadata: { from: theme.label, to: name } });
  return getThemeOrThrow(ctx, id);
}

export async function setThemeKeywords(
  ctx: WorkspaceContext,
  id: string,
  keywords: string[],
): Promise<{ theme: ThemeView; jobId: string | null }> {
  requirePermission(ctx, "data.write");
  const ks = parseInput(keywordsSchema, keywords);
  const theme = await getLiveThemeRowOrThrow(ctx, id);
  await ctx.db.theme.update({ where: { id: theme.id }, data: { keywords: ks, keywordsEdited: true } });
  await audit(ctx, "theme.keywords", { targetType: "Theme", targetId: id, metadata: { keywords: ks } });
  return { theme: await getThemeOrThrow(ctx, id), jobId: await reassign(ctx) };
}

export async function createTheme(
  ctx: WorkspaceContext,
  input: z.input<typeof createThemeSchema>,
): Promise<{ theme: ThemeView; jobId: string | null }> {
  requirePermission(ctx, "data.write");
  const data = parseInput(createThemeSchema, input);
  await assertLabelFree(ctx, data.label);
  const created = await ctx.db.theme.create({
    data: { workspaceId: ctx.workspaceId, label: data.label, keywords: data.keywords, origin: "USER" },
  });
  await audit(ctx, "theme.create", { targetType: "Theme", targetId: created.id, metadata: data });
  return { theme: await getThemeOrThrow(ctx, created.id), jobId: await reassign(ctx) };
}

/** Deleted themes hold no items and are never rediscovered. */
export async function deleteTheme(ctx: WorkspaceContext, id: string): Promise<void> {
  requirePermission(ctx, "data.write");
  const theme = await getLiveThemeRowOrThrow(ctx, id);
  await ctx.db.$transaction([
    ctx.db.theme.update({ where: { id: theme.id }, data: { deletedAt: new Date(), size: 0 } }),
    ctx.db.itemTheme.deleteMany({ where: { themeId: theme.id, workspaceId: ctx.workspaceId } }),
  ]);
  await audit(ctx, "theme.delete", { targetType: "Theme", targetId: id, metadata: { label: theme.label } });
}

/** `source`'s items and keywords go to `target`; re-runs count what would be `source` for `target`. */
export async function mergeTheme(ctx: WorkspaceContext, sourceId: string, targetId: string): Promise<ThemeView> {
  requirePermission(ctx, "data.write");
  if (sourceId === targetId) throw new AppError("invalid_input", "Choose another theme to merge into.");
  const [source, target] = [await getLiveThemeRowOrThrow(ctx, sourceId), await getLiveThemeRowOrThrow(ctx, targetId)];
  const merged = mergeThemes(toDefinition(source), toDefinition(target));
  await ctx.db.$transaction(async (tx) => {
    await tx.theme.update({ where: { id: source.id }, data: { mergedIntoId: target.id, size: 0 } });
    await tx.theme.update({ where: { id: target.id }, data: { keywords: merged.target.keywords } });
    // An item in both keeps the target's row; the source's other rows move over.
    await tx.$executeRaw`
      INSERT INTO "ItemTheme" ("itemId", "themeId", "workspaceId", "weight", "sentiment")
      SELECT "itemId", ${target.id}, "workspaceId", "weight", "sentiment" FROM "ItemTheme"
      WHERE "themeId" = ${source.id} AND "workspaceId" = ${ctx.workspaceId}
      ON CONFLICT ("itemId", "themeId") DO NOTHING`;
    await tx.itemTheme.deleteMany({ where: { themeId: source.id, workspaceId: ctx.workspaceId } });
  });
  await refreshThemeStats(ctx.db, ctx.workspaceId);
  await audit(ctx, "theme.merge", {
    targetType: "Theme",
    targetId: target.id,
    metadata: { source: source.id, sourceLabel: source.label },
  });
  return getThemeOrThrow(ctx, target.id);
}

/** Items read to split a theme, at most. */
const SPLIT_SAMPLE = 5000;

/**
 * Splits a theme in two by what its sentences say (lib/nlp/themes/split.ts). The halves are new
 * themes with their own keywords (kept as they are by re-runs); the original is retired like a
 * deleted theme, so it does not come back.
 */
export async function splitThemeInTwo(
  ctx: WorkspaceContext,
  id: string,
): Promise<{ themes: [ThemeView, ThemeView]; jobId: string | null }> {
  requirePermission(ctx, "data.write");
  const theme = await getLiveThemeRowOrThrow(ctx, id);
  const docs = await ctx.db.$queryRaw<{ id: string; text: string }[]>`
    SELECT f."id", f."text" FROM "ItemTheme" it JOIN "FeedbackItem" f ON f."id" = it."itemId"
    WHERE it."themeId" = ${theme.id} AND it."workspaceId" = ${ctx.workspaceId}
    ORDER BY md5(f."id") LIMIT ${SPLIT_SAMPLE}`;
  if (docs.length < 4) throw new AppError("conflict", "This theme has too few items to split.");
  const halves = splitTheme(toDefinition(theme), docs);
  // Items that do not fall into two groups leave a half without keywords: it would match nothing.
  if (halves.some((h) => !h.keywords.length || !h.label.trim())) {
    throw new AppError("conflict", "This theme's items do not fall into two distinct groups, so it cannot be split.");
  }
  const created = await ctx.db.$transaction(async (tx) => {
    const made = [];
    for (const h of halves) {
      made.push(
        await tx.theme.create({
          data: {
            workspaceId: ctx.workspaceId,
            label: h.label,
            keywords: h.keywords,
            origin: theme.origin,
            keywordsEdited: true,
            quotes: h.quoteRefs.slice(0, 3).map((q) => ({ itemId: q.docId, start: q.start, end: q.end })),
          },
        }),
      );
    }
    await tx.theme.update({ where: { id: theme.id }, data: { deletedAt: new Date(), size: 0 } });
    await tx.itemTheme.deleteMany({ where: { themeId: theme.id, workspaceId: ctx.workspaceId } });
    return made;
  });
  await audit(ctx, "theme.split", {
    targetType: "Theme",
    targetId: theme.id,
    metadata: { into: created.map((c) => c.id), labels: created.map((c) => c.label) },
  });
  const jobId = await reassign(ctx);
  return {
    themes: [await getThemeOrThrow(ctx, created[0]!.id), await getThemeOrThrow(ctx, created[1]!.id)],
    jobId,
  };
}
