/**
 * Feedback insights against a real database (embedded, or PostgreSQL with DATABASE_URL): counts,
 * net sentiment, mean score, per period / channel / segment, NPS (and none under 20 answers),
 * pain points and delighters in order, period filters, roles and workspace isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../auth/context.ts";
import type { Prisma } from "../db/generated/client.ts";
import { isAppError } from "../errors.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { addMember, makeUser } from "../testing/factories.ts";
import { feedbackInsights, MIN_NPS_RESPONSES, themeTrend } from "./insights.ts";

type Label = "NEGATIVE" | "NEUTRAL" | "POSITIVE";
type Item = Omit<Prisma.FeedbackItemCreateManyInput, "workspaceId" | "batchId" | "dedupeKey" | "text"> & {
  key: string;
  sentiment?: [Label, number];
};

let t: TestDatabase;
let A: WorkspaceContext;
let B: WorkspaceContext;
let N: WorkspaceContext;
let E: WorkspaceContext;
const ids: Record<string, string> = {};
const themes: Record<string, string> = {};

const at = (s: string) => new Date(s.length === 10 ? `${s}T12:00:00.000Z` : s);

async function seed(ctx: WorkspaceContext, items: Item[]) {
  const batch = await t.prisma.importBatch.create({
    data: { workspaceId: ctx.workspaceId, kind: "FEEDBACK", fileName: "f.csv", status: "COMPLETED" },
  });
  for (const { key, sentiment, ...item } of items) {
    const row = await t.prisma.feedbackItem.create({
      data: { ...item, text: key, workspaceId: ctx.workspaceId, batchId: batch.id, dedupeKey: key },
    });
    ids[key] = row.id;
    if (sentiment) {
      await t.prisma.sentimentResult.create({
        data: {
          itemId: row.id,
          workspaceId: ctx.workspaceId,
          label: sentiment[0],
          score: sentiment[1],
          confidence: 0.9,
        },
      });
    }
  }
}

async function theme(
  ctx: WorkspaceContext,
  label: string,
  links: [string, number | null][],
  extra: Partial<Prisma.ThemeUncheckedCreateInput> = {},
  key = label,
) {
  const row = await t.prisma.theme.create({
    data: { workspaceId: ctx.workspaceId, label, keywords: [label.toLowerCase()], size: links.length, ...extra },
  });
  themes[key] = row.id;
  for (const [key, sentiment] of links) {
    await t.prisma.itemTheme.create({
      data: { itemId: ids[key]!, themeId: row.id, workspaceId: ctx.workspaceId, sentiment },
    });
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  A = (await makeUser(t.prisma, "Ann")).ctx;
  B = (await makeUser(t.prisma, "Bo")).ctx;
  N = (await makeUser(t.prisma, "Nia")).ctx;
  E = (await makeUser(t.prisma, "Eli")).ctx;

  // 2026-01-05, 01-19, 02-02, 02-09 and 03-02 are Mondays.
  await seed(A, [
    {
      key: "a1",
      occurredAt: at("2026-01-05T23:30:00.000Z"),
      channel: "email",
      segment: "smb",
      sentiment: ["NEGATIVE", -0.8],
    },
    { key: "a2", occurredAt: at("2026-01-06"), channel: "email", segment: "smb", sentiment: ["NEGATIVE", -0.6] },
    { key: "a3", occurredAt: at("2026-01-20"), channel: "chat", segment: "enterprise", sentiment: ["POSITIVE", 0.7] },
    { key: "a4", occurredAt: at("2026-02-02"), channel: "email", segment: "enterprise", sentiment: ["NEUTRAL", 0] },
    { key: "a5", occurredAt: at("2026-02-10"), channel: "chat", segment: "smb", sentiment: ["POSITIVE", 0.9] },
    { key: "a6", occurredAt: at("2026-03-03"), channel: "email", sentiment: ["POSITIVE", 0.5] },
    { key: "a7", occurredAt: at("2026-03-04"), channel: "chat", segment: "smb" }, // not scored yet
  ]);
  await theme(A, "Billing", [
    ["a1", -0.7],
    ["a2", -0.4],
    ["a3", 0.3],
  ]);
  await theme(A, "Login", [
    ["a4", -0.5],
    ["a5", -0.03], // within the neutral band: neither pain nor delight
  ]);
  await theme(A, "Dashboard", [
    ["a3", 0.6],
    ["a5", 0.8],
    ["a6", 0.4],
    ["a7", null], // no sentence sentiment: not counted
  ]);
  await theme(
    A,
    "Deleted",
    [
      ["a1", -0.9],
      ["a2", -0.9],
      ["a4", -0.9],
    ],
    { deletedAt: new Date() },
  );
  await theme(
    A,
    "Merged away",
    [
      ["a1", -0.9],
      ["a2", -0.9],
      ["a5", 0.9],
      ["a6", 0.9],
    ],
    { mergedIntoId: themes.Billing },
  );

  // Another workspace, with the same channel and theme names.
  await seed(B, [
    { key: "b1", occurredAt: at("2026-01-07"), channel: "email", segment: "smb", sentiment: ["NEGATIVE", -0.9] },
    { key: "b2", occurredAt: at("2026-01-08"), channel: "email", segment: "smb", sentiment: ["NEGATIVE", -0.9] },
    { key: "b3", occurredAt: at("2026-01-08"), channel: "email", segment: "smb", sentiment: ["NEGATIVE", -0.9] },
  ]);
  await theme(
    B,
    "Billing",
    [
      ["b1", -0.9],
      ["b2", -0.9],
      ["b3", -0.9],
    ],
    {},
    "B:Billing",
  );

  // NPS: 10 promoters, 5 passives, 5 detractors (one of them in 2025), plus other scales.
  const npsRatings = [10, 10, 10, 9, 9, 9, 9, 9, 10, 9, 7, 8, 7, 8, 7, 0, 3, 6, 6, 2];
  await seed(N, [
    ...npsRatings.map((r, i) => ({
      key: `n${i}`,
      occurredAt: at(i === npsRatings.length - 1 ? "2025-12-31" : "2026-02-01"),
      rating: r,
      ratingScale: "NPS_10" as const,
      ratingNorm: r / 10,
    })),
    { key: "stars", occurredAt: at("2026-02-01"), rating: 1, ratingScale: "STARS_5" as const, ratingNorm: 0 },
    { key: "undated" },
  ]);
});

afterAll(async () => {
  await t?.destroy();
});

describe("feedbackInsights", () => {
  it("counts items and sentiment, with net sentiment and the mean score", async () => {
    const r = await feedbackInsights(A, {});
    expect(r.summary).toEqual({
      items: 7,
      scored: 6,
      negative: 2,
      neutral: 1,
      positive: 3,
      meanScore: 0.117,
      netSentiment: 16.7,
    });
  });

  it("gives sentiment per month and per week (Mondays), oldest first, unscored items left out", async () => {
    const month = await feedbackInsights(A, { interval: "month" });
    expect(month.overTime).toEqual([
      { period: "2026-01-01", negative: 2, neutral: 0, positive: 1, netSentiment: -33.3 },
      { period: "2026-02-01", negative: 0, neutral: 1, positive: 1, netSentiment: 50 },
      { period: "2026-03-01", negative: 0, neutral: 0, positive: 1, netSentiment: 100 },
    ]);
    const week = await feedbackInsights(A, { interval: "week" });
    expect(week.overTime.map((p) => [p.period, p.negative, p.neutral, p.positive])).toEqual([
      ["2026-01-05", 2, 0, 0],
      ["2026-01-19", 0, 0, 1],
      ["2026-02-02", 0, 1, 0],
      ["2026-02-09", 0, 0, 1],
      ["2026-03-02", 0, 0, 1],
    ]);
    // The default interval is the month.
    expect((await feedbackInsights(A)).overTime).toEqual(month.overTime);
  });

  it("breaks sentiment down by channel and by segment, largest first, blanks left out", async () => {
    const r = await feedbackInsights(A, {});
    expect(r.byChannel).toEqual([
      { value: "email", negative: 2, neutral: 1, positive: 1, netSentiment: -25 },
      { value: "chat", negative: 0, neutral: 0, positive: 2, netSentiment: 100 },
    ]);
    expect(r.bySegment).toEqual([
      { value: "smb", negative: 2, neutral: 0, positive: 1, netSentiment: -33.3 },
      { value: "enterprise", negative: 0, neutral: 1, positive: 1, netSentiment: 50 },
    ]);
  });

  it("ranks pain points by negative items and delighters by positive ones, live themes only", async () => {
    const r = await feedbackInsights(A, {});
    expect(r.painPoints.map((p) => [p.label, p.items])).toEqual([
      ["Billing", 2],
      ["Login", 1],
    ]);
    expect(r.delighters.map((p) => [p.label, p.items])).toEqual([
      ["Dashboard", 3],
      ["Billing", 1],
    ]);
    expect(r.painPoints[0]).toMatchObject({ themeId: themes.Billing, size: 3 });
  });

  it("has no NPS without enough 0–10 answers", async () => {
    const r = await feedbackInsights(A, {});
    expect(r.nps).toBeNull();
    expect(r.npsResponses).toBe(0);
  });

  it("computes NPS from 20 answers on a 0–10 scale, other scales left out", async () => {
    const r = await feedbackInsights(N, {});
    expect(r.npsResponses).toBe(MIN_NPS_RESPONSES);
    expect(r.nps).toEqual({ score: 25, responses: 20, promoters: 10, passives: 5, detractors: 5 });
    // The undated item counts on its import day; nothing is scored.
    expect(r.summary).toMatchObject({ items: 22, scored: 0, meanScore: null, netSentiment: null });
    expect(r.overTime).toEqual([]);
  });

  it("drops NPS when a period leaves fewer than 20 answers", async () => {
    const r = await feedbackInsights(N, { from: "2026-01-01" });
    expect(r.npsResponses).toBe(19);
    expect(r.nps).toBeNull();
    expect(r.summary.items).toBe(21); // the 2025 answer left out; the undated item imported today stays
  });

  it("filters every figure to a period, both days included", async () => {
    const feb = await feedbackInsights(A, { from: "2026-02-01", to: "2026-02-28" });
    expect(feb.summary).toMatchObject({ items: 2, scored: 2, negative: 0, neutral: 1, positive: 1, netSentiment: 50 });
    expect(feb.overTime.map((p) => p.period)).toEqual(["2026-02-01"]);
    expect(feb.byChannel.map((c) => c.value)).toEqual(["chat", "email"].sort());
    expect(feb.painPoints.map((p) => [p.label, p.items])).toEqual([["Login", 1]]);
    expect(feb.delighters.map((p) => [p.label, p.items])).toEqual([["Dashboard", 1]]);

    // `to` includes its whole day: a1 at 23:30 on Jan 5 is in.
    const firstDay = await feedbackInsights(A, { from: "2026-01-05", to: "2026-01-05" });
    expect(firstDay.summary).toMatchObject({ items: 1, negative: 1 });
    const fromOnly = await feedbackInsights(A, { from: "2026-03-01" });
    expect(fromOnly.summary).toMatchObject({ items: 2, scored: 1, positive: 1 });
    const toOnly = await feedbackInsights(A, { to: "2026-01-31" });
    expect(toOnly.summary).toMatchObject({ items: 3, scored: 3 });
    // URL-shaped input: blanks mean "not given".
    expect((await feedbackInsights(A, { interval: "", from: "", to: "" })).summary.items).toBe(7);
  });

  it("refuses malformed periods and intervals", async () => {
    for (const q of [
      { from: "2026-02-30" },
      { from: "2026-03-01", to: "2026-02-01" },
      { interval: "day" },
      { to: "3/1/2026" },
    ]) {
      const e = await feedbackInsights(A, q).catch((x: unknown) => x);
      expect(isAppError(e) && e.code, JSON.stringify(q)).toBe("invalid_input");
    }
  });

  it("sees only its own workspace", async () => {
    const b = await feedbackInsights(B, {});
    expect(b.summary).toMatchObject({ items: 3, scored: 3, negative: 3 });
    expect(b.painPoints).toEqual([expect.objectContaining({ label: "Billing", items: 3 })]);
    expect(b.painPoints[0]!.themeId).toBe(themes["B:Billing"]);
    const a = await feedbackInsights(A, {});
    expect(a.byChannel.find((c) => c.value === "email")?.negative).toBe(2);

    const empty = await feedbackInsights(E, {});
    expect(empty).toEqual({
      summary: { items: 0, scored: 0, negative: 0, neutral: 0, positive: 0, meanScore: null, netSentiment: null },
      overTime: [],
      byChannel: [],
      bySegment: [],
      nps: null,
      npsResponses: 0,
      painPoints: [],
      delighters: [],
    });
  });

  it("is open to viewers", async () => {
    const viewer = await addMember(A, (await makeUser(t.prisma, "Vi")).user.id, "VIEWER");
    expect((await feedbackInsights(viewer, {})).summary.items).toBe(7);
  });
});

describe("themeTrend", () => {
  it("counts a theme's items per period, and how many were negative or positive", async () => {
    expect(await themeTrend(A, themes.Billing!)).toEqual([
      { period: "2026-01-01", items: 3, negative: 2, positive: 1 },
    ]);
    expect(await themeTrend(B, themes.Billing!)).toEqual([]);
  });
});
