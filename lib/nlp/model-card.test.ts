/**
 * The sentiment model card against a real database: the base model registered on first use, the
 * version in use (base, then an accepted workspace model, never a rejected one), rated items,
 * items scored per version, and workspace isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../auth/context.ts";
import { registerModel } from "../ml/registry.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { addMember, makeUser } from "../testing/factories.ts";
import { MIN_RATED } from "./adapt-policy.ts";
import { getSentimentModelCard } from "./model-card.ts";
import { loadBaseSentimentModel, sentimentModelToBytes } from "./sentiment/index.ts";

let t: TestDatabase;
let A: WorkspaceContext;
let B: WorkspaceContext;

const figures = (weightedF1: number) => ({
  n: 40,
  pearson: 0.6,
  accuracy: 0.7,
  macroF1: 0.6,
  weightedF1,
  perClass: {},
  confusion: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
});
const attempt = (accepted: boolean) => ({
  kind: "adapted",
  ratedItems: 210,
  trainItems: 170,
  holdoutItems: 40,
  candidate: figures(accepted ? 0.8 : 0.7),
  incumbent: { ...figures(0.75), name: "base model v1" },
  accepted,
  reason: accepted ? "Better" : "Not better",
  trainedAt: new Date().toISOString(),
  seconds: 1,
});

beforeAll(async () => {
  t = await createTestDatabase();
  A = (await makeUser(t.prisma, "Ann")).ctx;
  B = (await makeUser(t.prisma, "Bo")).ctx;
  const batch = await t.prisma.importBatch.create({
    data: { workspaceId: A.workspaceId, kind: "FEEDBACK", fileName: "f.csv", status: "COMPLETED" },
  });
  await t.prisma.feedbackItem.createMany({
    data: [
      { text: "good", rating: 5, ratingScale: "STARS_5" as const },
      { text: "bad", rating: 0, ratingScale: "NPS_10" as const },
      { text: "meh", rating: 1, ratingScale: "THUMBS" as const },
      { text: "no rating" },
    ].map((d, i) => ({ ...d, workspaceId: A.workspaceId, batchId: batch.id, dedupeKey: `k${i}` })),
  });
});

afterAll(async () => {
  await t?.destroy();
});

describe("getSentimentModelCard", () => {
  it("registers the shipped base model and uses it while the workspace has none", async () => {
    const card = await getSentimentModelCard(A);
    expect(card.inUse).toMatchObject({ isBase: true, isCurrent: true, inUse: true });
    expect(card.base.id).toBe(card.inUse.id);
    expect(card.baseTraining).toEqual(card.inUseTraining);
    expect(card.baseTraining).toMatchObject({
      trainedOn: expect.any(String),
      notice: expect.stringContaining("VADER"),
    });
    expect(card.baseTraining.examples).toBeGreaterThan(0);
    expect(card.baseVersions.map((v) => v.id)).toEqual([card.base.id]);
    expect(card.workspaceVersions).toEqual([]);
    expect(card.ratedItems).toBe(3);
    expect(card.minRatedForAdaptation).toBe(MIN_RATED);
    expect(card.scoredBy).toEqual([]);
    // A second call does not register the same weights again.
    expect((await getSentimentModelCard(A)).baseVersions).toHaveLength(1);
  });

  it("counts the items each version scored", async () => {
    const card = await getSentimentModelCard(A);
    const items = await t.prisma.feedbackItem.findMany({ where: { workspaceId: A.workspaceId }, select: { id: true } });
    for (const { id } of items.slice(0, 2)) {
      await t.prisma.sentimentResult.create({
        data: {
          itemId: id,
          workspaceId: A.workspaceId,
          label: "POSITIVE",
          score: 0.5,
          confidence: 0.8,
          modelVersionId: card.base.id,
        },
      });
    }
    expect((await getSentimentModelCard(A)).scoredBy).toEqual([{ versionId: card.base.id, items: 2 }]);
  });

  it("keeps the base model after a rejected attempt, and switches to an accepted one", async () => {
    const weights = new Uint8Array(sentimentModelToBytes(loadBaseSentimentModel()));
    const common = { workspaceId: A.workspaceId, kind: "SENTIMENT" as const, backend: "cpu", weights };
    await registerModel(t.prisma, {
      ...common,
      dataFingerprint: "rated:210",
      metrics: attempt(false),
      makeCurrent: false,
    });
    let card = await getSentimentModelCard(A);
    expect(card.inUse.isBase).toBe(true);
    expect(card.workspaceVersions).toEqual([
      expect.objectContaining({ version: 1, isBase: false, isCurrent: false, inUse: false, backend: "cpu" }),
    ]);
    expect(card.workspaceVersions[0]!.metrics).toMatchObject({ accepted: false, reason: "Not better" });

    await registerModel(t.prisma, { ...common, dataFingerprint: "rated:263", metrics: attempt(true) });
    card = await getSentimentModelCard(A);
    expect(card.inUse).toMatchObject({ isBase: false, version: 2, inUse: true });
    expect(card.base.inUse).toBe(false);
    expect(card.workspaceVersions.map((v) => [v.version, v.isCurrent])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it("shows another workspace only the base model, and is open to viewers", async () => {
    const card = await getSentimentModelCard(B);
    expect(card.inUse.isBase).toBe(true);
    expect(card.workspaceVersions).toEqual([]);
    expect(card.ratedItems).toBe(0);
    expect(card.scoredBy).toEqual([]);
    const viewer = await addMember(A, (await makeUser(t.prisma, "Vi")).user.id, "VIEWER");
    expect((await getSentimentModelCard(viewer)).inUse.version).toBe(2);
  });
});
