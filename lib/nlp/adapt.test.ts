/**
 * Adapting the sentiment model to a workspace's ratings (adapt.ts), through the real SENTIMENT
 * job: a workspace model is tried only with enough ratings, replaces the base model only when it
 * is better on held-out rated items, and every attempt is recorded for the model card.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceContext } from "../auth/context.ts";
import { getJob, startJobs } from "../jobs/manage.ts";
import { startWorker, type Worker } from "../jobs/runner.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { makeUser } from "../testing/factories.ts";
import { MIN_RATED, type AdaptationRecord } from "./adapt.ts";
import { runSentimentJob } from "./sentiment-job.ts";

let db: TestDatabase;
let worker: Worker;

beforeAll(async () => {
  db = await createTestDatabase();
  worker = await startWorker({
    handle: db,
    handlers: { SENTIMENT: runSentimentJob },
    mode: "worker",
    pollIntervalMs: 100,
    log: () => undefined,
  });
});

afterAll(async () => {
  await worker.stop(500);
  await db.destroy();
});

/** Deterministic pseudo-random picks, so the data is the same on every run. */
function picker(seed: number) {
  let a = seed;
  return <T>(xs: readonly T[]): T => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return xs[a % xs.length]!;
  };
}

async function workspaceWith(rows: { text: string; stars: number }[]): Promise<WorkspaceContext> {
  const { ctx } = await makeUser(db.prisma, "Rater");
  const batch = await db.prisma.importBatch.create({
    data: { workspaceId: ctx.workspaceId, kind: "FEEDBACK", fileName: "ratings.csv", status: "COMPLETED" },
  });
  await db.prisma.feedbackItem.createMany({
    data: rows.map((r, i) => ({
      workspaceId: ctx.workspaceId,
      batchId: batch.id,
      dedupeKey: `k${i}`,
      text: r.text,
      rating: r.stars,
      ratingScale: "STARS_5" as const,
      ratingNorm: (r.stars - 1) / 4,
    })),
  });
  return ctx;
}

async function sentimentJob(ctx: WorkspaceContext) {
  const [ref] = await startJobs(ctx, [{ kind: "SENTIMENT", input: {} }]);
  for (let i = 0; i < 2400; i++) {
    const job = await getJob(ctx, ref!.id);
    if (job.state === "SUCCEEDED" || job.state === "FAILED") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the sentiment job did not finish");
}

const versions = (ctx: WorkspaceContext) =>
  db.prisma.modelVersion.findMany({ where: { workspaceId: ctx.workspaceId, kind: "SENTIMENT" } });

/**
 * Reviews in a product's own slang, which no general lexicon knows: "flurbed" and "zonked" mean
 * broken, "glimmy" and "spiffo" mean great. The ratings say so; the base model cannot.
 */
function slangReviews(n: number, seed: number) {
  const pick = picker(seed);
  const things = ["the sync", "the export", "the dashboard", "the mobile app", "the editor", "search", "the calendar"];
  const bad = ["is flurbed again", "got zonked after the update", "is totally flurbed", "feels zonked today"];
  const good = ["is glimmy now", "works spiffo", "is so glimmy", "has been spiffo all week"];
  return Array.from({ length: n }, (_, i) => {
    const positive = i % 2 === 0;
    return { text: `${pick(things)} ${pick(positive ? good : bad)}`, stars: positive ? 5 : 1 };
  });
}

/** Plain reviews whose ratings agree with what any sentiment model reads: nothing to gain. */
function plainReviews(n: number, seed: number) {
  const pick = picker(seed);
  const good = ["I love this app, it is wonderful", "Great product, works perfectly", "Excellent support, very happy"];
  const bad = ["Terrible app, I hate it", "Awful experience, nothing works", "Horrible support, very disappointed"];
  return Array.from({ length: n }, (_, i) =>
    i % 2 === 0 ? { text: pick(good), stars: 5 } : { text: pick(bad), stars: 1 },
  );
}

describe("adaptation", () => {
  it("does not try a workspace model below the rated-items threshold", async () => {
    const ctx = await workspaceWith(slangReviews(MIN_RATED - 20, 1));
    expect(await sentimentJob(ctx)).toMatchObject({ state: "SUCCEEDED", model: "base model v1" });
    expect(await versions(ctx)).toEqual([]);
  });

  it("uses the adapted model when it beats the base model on held-out ratings", async () => {
    const ctx = await workspaceWith(slangReviews(320, 2));
    const job = await sentimentJob(ctx);
    expect(job).toMatchObject({ state: "SUCCEEDED", model: "workspace model v1" });
    const [v] = await versions(ctx);
    const record = v!.metrics as unknown as AdaptationRecord;
    expect(v!.isCurrent).toBe(true);
    expect(record.accepted).toBe(true);
    expect(record.candidate.weightedF1).toBeGreaterThan(record.incumbent.weightedF1);
    expect(record.holdoutItems + record.trainItems).toBe(320);
    // Every item is scored by the adapted model, and the slang now reads right.
    expect(
      await db.prisma.sentimentResult.count({ where: { workspaceId: ctx.workspaceId, modelVersionId: v!.id } }),
    ).toBe(320);
    const flurbed = await db.prisma.feedbackItem.findFirstOrThrow({
      where: { workspaceId: ctx.workspaceId, text: { contains: "flurbed" } },
      include: { sentiment: true },
    });
    expect(flurbed.sentiment?.label).toBe("NEGATIVE");
  }, 240_000);

  it("keeps the base model when the adapted one is not better, and records the attempt", async () => {
    const ctx = await workspaceWith(plainReviews(300, 3));
    const job = await sentimentJob(ctx);
    expect(job).toMatchObject({ state: "SUCCEEDED", model: "base model v1" });
    const [v] = await versions(ctx);
    const record = v!.metrics as unknown as AdaptationRecord;
    expect(v!.isCurrent).toBe(false);
    expect(record.accepted).toBe(false);
    expect(record.reason).toMatch(/Not better than the base model/);
    const base = await db.prisma.modelVersion.findFirstOrThrow({ where: { workspaceId: null, kind: "SENTIMENT" } });
    expect(
      await db.prisma.sentimentResult.count({ where: { workspaceId: ctx.workspaceId, modelVersionId: base.id } }),
    ).toBe(300);
  }, 240_000);
});
