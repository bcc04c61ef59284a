/**
 * Themes as users see and edit them, on a real database (embedded, and PostgreSQL when
 * DATABASE_URL is set): list, rename, keywords, add, merge, split, delete, the trend, and
 * workspace isolation. Items and assignments are seeded directly; no job runs here (the jobs'
 * own test is nlp-jobs.test.ts), so edits that queue one are checked by the job they queue.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../auth/context.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { addMember, makeUser } from "../testing/factories.ts";
import { themeTrend } from "./insights.ts";
import { getThemesStatus } from "./themes-status.ts";
import {
  createTheme,
  deleteTheme,
  getThemeLabel,
  getThemeOrThrow,
  listThemes,
  mergeTheme,
  parseKeywordList,
  renameTheme,
  setThemeKeywords,
  splitThemeInTwo,
} from "./themes-store.ts";

let t: TestDatabase;
let A: WorkspaceContext;
let B: WorkspaceContext;
let viewer: WorkspaceContext;
const theme: Record<string, string> = {};

const BILLING = [
  "I was charged twice on my invoice this month",
  "The invoice total is wrong again",
  "Refund the double charge on my invoice please",
  "Great invoices, clear and simple",
  "Card charged twice, support refunded it quickly",
  "The invoice PDF is lovely",
  "Charged twice and nobody answers",
  "Why was my card charged twice for one invoice?",
];
const LOGIN = ["I cannot log in since the reset", "Login works great now", "Password reset never arrives"];

async function seedTheme(
  ctx: WorkspaceContext,
  label: string,
  keywords: string[],
  texts: string[],
  sentiments: number[],
) {
  const batch = await t.prisma.importBatch.create({
    data: { workspaceId: ctx.workspaceId, kind: "FEEDBACK", fileName: `${label}.csv`, status: "COMPLETED" },
  });
  const row = await t.prisma.theme.create({
    data: { workspaceId: ctx.workspaceId, label, keywords },
  });
  for (const [i, text] of texts.entries()) {
    const item = await t.prisma.feedbackItem.create({
      data: {
        workspaceId: ctx.workspaceId,
        batchId: batch.id,
        dedupeKey: `${label}:${i}`,
        text,
        occurredAt: new Date(Date.UTC(2026, i % 3, 5)),
      },
    });
    await t.prisma.itemTheme.create({
      data: { itemId: item.id, themeId: row.id, workspaceId: ctx.workspaceId, sentiment: sentiments[i] ?? null },
    });
    if (i === 0) {
      await t.prisma.theme.update({
        where: { id: row.id },
        data: { quotes: [{ itemId: item.id, start: 0, end: text.length }] },
      });
    }
  }
  const n = texts.length;
  const mean = sentiments.reduce((a, b) => a + b, 0) / Math.max(1, sentiments.length);
  await t.prisma.theme.update({ where: { id: row.id }, data: { size: n, sentiment: mean } });
  return row.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const a = await makeUser(t.prisma, "Ann");
  A = a.ctx;
  B = (await makeUser(t.prisma, "Bo")).ctx;
  viewer = await addMember(A, (await makeUser(t.prisma, "Vi")).user.id, "VIEWER");
  theme.billing = await seedTheme(
    A,
    "Billing",
    ["invoice", "charged"],
    BILLING,
    [-0.6, -0.4, -0.5, 0.7, 0.3, 0.8, -0.7, -0.2],
  );
  theme.login = await seedTheme(A, "Login", ["log in", "login", "password"], LOGIN, [-0.5, 0.6, 0]);
  theme.other = await seedTheme(B, "Elsewhere", ["invoice"], ["Another workspace's invoice"], [-0.9]);
});

afterAll(async () => {
  await t?.destroy();
});

describe("reading themes", () => {
  it("lists live themes largest first, with sentiment counts and quotes", async () => {
    const list = await listThemes(A);
    expect(list.map((x) => x.label)).toEqual(["Billing", "Login"]);
    expect(list[0]).toMatchObject({
      id: theme.billing,
      size: 8,
      negative: 5,
      positive: 3,
      origin: "discovered",
      quotes: [{ text: BILLING[0] }],
    });
    expect(list[1]).toMatchObject({ negative: 1, positive: 1 });
    expect(await listThemes(viewer)).toHaveLength(2);
  });

  it("counts a theme's items per month, negative and positive", async () => {
    expect(await themeTrend(A, theme.billing!, "month")).toEqual([
      { period: "2026-01-01", items: 3, negative: 2, positive: 1 },
      { period: "2026-02-01", items: 3, negative: 2, positive: 1 },
      { period: "2026-03-01", items: 2, negative: 1, positive: 1 },
    ]);
  });

  it("treats another workspace's theme as not found", async () => {
    await expect(getThemeOrThrow(A, theme.other!)).rejects.toMatchObject({ code: "not_found" });
    await expect(renameTheme(A, theme.other!, "Mine")).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteTheme(A, theme.other!)).rejects.toMatchObject({ code: "not_found" });
    await expect(mergeTheme(A, theme.login!, theme.other!)).rejects.toMatchObject({ code: "not_found" });
    await expect(splitThemeInTwo(A, theme.other!)).rejects.toMatchObject({ code: "not_found" });
    expect(await themeTrend(A, theme.other!)).toEqual([]);
    expect(await getThemeLabel(A, theme.other!)).toBeNull();
    expect(await getThemeLabel(A, theme.login!)).toBe("Login");
    expect((await getThemeOrThrow(B, theme.other!)).label).toBe("Elsewhere");
  });

  it("says whether there is feedback and whether the theme job ran", async () => {
    expect(await getThemesStatus(A)).toEqual({ hasFeedback: true, lastJob: null });
    const empty = (await makeUser(t.prisma, "Em")).ctx;
    expect(await getThemesStatus(empty)).toEqual({ hasFeedback: false, lastJob: null });
  });
});

describe("editing themes", () => {
  it("lets viewers read but not edit", async () => {
    await expect(renameTheme(viewer, theme.login!, "Sign-in")).rejects.toMatchObject({ code: "forbidden" });
    await expect(createTheme(viewer, { label: "X", keywords: ["x"] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteTheme(viewer, theme.login!)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("renames, refusing an empty name and one another theme has", async () => {
    expect((await renameTheme(A, theme.login!, "  Sign-in  ")).label).toBe("Sign-in");
    await expect(renameTheme(A, theme.login!, " ")).rejects.toMatchObject({ code: "invalid_input" });
    await expect(renameTheme(A, theme.login!, "billing")).rejects.toMatchObject({ code: "conflict" });
    // Its own name in other letters is fine.
    expect((await renameTheme(A, theme.login!, "SIGN-IN")).label).toBe("SIGN-IN");
    expect((await renameTheme(A, theme.login!, "Login")).label).toBe("Login");
  });

  it("adds a theme from keywords and edits keywords, queueing the theme job each time", async () => {
    expect(parseKeywordList("dark mode, night theme; black background\n,")).toEqual([
      "dark mode",
      "night theme",
      "black background",
    ]);
    const { theme: dark, jobId } = await createTheme(A, { label: "Dark mode", keywords: ["dark mode", "Dark Mode"] });
    expect(dark).toMatchObject({ label: "Dark mode", origin: "user", size: 0, keywords: ["Dark Mode"] });
    const job = await t.prisma.job.findUniqueOrThrow({ where: { id: jobId! } });
    expect(job).toMatchObject({ kind: "THEMES", workspaceId: A.workspaceId, state: "QUEUED" });
    expect(job.input).toMatchObject({ scope: "all", discover: false });
    await expect(createTheme(A, { label: "dark MODE", keywords: ["x"] })).rejects.toMatchObject({ code: "conflict" });
    await expect(createTheme(A, { label: "Empty", keywords: [] })).rejects.toMatchObject({ code: "invalid_input" });

    const edited = await setThemeKeywords(A, dark.id, ["night theme", "black background"]);
    expect(edited.theme).toMatchObject({ keywords: ["night theme", "black background"], keywordsEdited: true });
    expect(edited.jobId).toBeTruthy();
    expect((await getThemesStatus(A)).lastJob).toMatchObject({ id: edited.jobId, state: "QUEUED" });
    theme.dark = dark.id;
  });

  it("refuses to split a theme with too few items, or items that do not fall into two groups", async () => {
    await expect(splitThemeInTwo(A, theme.dark!)).rejects.toMatchObject({ code: "conflict" });
    const same = await seedTheme(A, "Same", ["same"], ["same same", "same", "same thing", "the same"], [0, 0, 0, 0]);
    await expect(splitThemeInTwo(A, same)).rejects.toMatchObject({ code: "conflict" });
    expect((await getThemeOrThrow(A, same)).label).toBe("Same");
    await deleteTheme(A, same);
  });

  it("merges one theme into another: items and keywords move, the source goes away", async () => {
    await expect(mergeTheme(A, theme.login!, theme.login!)).rejects.toMatchObject({ code: "invalid_input" });
    const target = await mergeTheme(A, theme.login!, theme.billing!);
    expect(target).toMatchObject({ id: theme.billing, size: 11 });
    expect(target.keywords).toEqual(expect.arrayContaining(["invoice", "login"]));
    expect((await listThemes(A)).map((x) => x.id)).not.toContain(theme.login);
    await expect(getThemeOrThrow(A, theme.login!)).rejects.toMatchObject({ code: "not_found" });
    expect(await t.prisma.itemTheme.count({ where: { themeId: theme.login! } })).toBe(0);
  });

  it("splits a theme in two new ones that replace it", async () => {
    const { themes, jobId } = await splitThemeInTwo(A, theme.billing!);
    expect(themes).toHaveLength(2);
    expect(themes[0].id).not.toBe(themes[1].id);
    expect(themes.every((x) => x.keywordsEdited && x.keywords.length > 0)).toBe(true);
    expect(jobId).toBeTruthy();
    const live = (await listThemes(A)).map((x) => x.id);
    expect(live).not.toContain(theme.billing);
    expect(live).toEqual(expect.arrayContaining(themes.map((x) => x.id)));
    theme.half = themes[0].id;
  });

  it("deletes a theme: gone from the list, its assignments removed, its items kept", async () => {
    const items = await t.prisma.feedbackItem.count({ where: { workspaceId: A.workspaceId } });
    await t.prisma.itemTheme.create({
      data: {
        itemId: (await t.prisma.feedbackItem.findFirstOrThrow({ where: { workspaceId: A.workspaceId } })).id,
        themeId: theme.half!,
        workspaceId: A.workspaceId,
      },
    });
    await deleteTheme(A, theme.half!);
    expect((await listThemes(A)).map((x) => x.id)).not.toContain(theme.half);
    expect(await t.prisma.itemTheme.count({ where: { themeId: theme.half! } })).toBe(0);
    expect(await t.prisma.feedbackItem.count({ where: { workspaceId: A.workspaceId } })).toBe(items);
    await expect(deleteTheme(A, theme.half!)).rejects.toMatchObject({ code: "not_found" });
    // The other workspace's theme is untouched by all of this.
    expect(await getThemeOrThrow(B, theme.other!)).toMatchObject({ label: "Elsewhere", size: 1 });
  });
});
