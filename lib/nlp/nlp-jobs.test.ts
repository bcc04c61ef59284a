/**
 * The SENTIMENT and THEMES jobs end to end on a real database (embedded, and PostgreSQL when
 * DATABASE_URL is set): every item scored and explained, themes found with sentence-level
 * sentiment, and user edits that survive a re-run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJob, startJobs } from "../jobs/manage.ts";
import type { NewJob } from "../jobs/enqueue.ts";
import type { JobKind } from "../jobs/kinds.ts";
import { startWorker, type Worker } from "../jobs/runner.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { makeUser } from "../testing/factories.ts";
import { runSentimentJob } from "./sentiment-job.ts";
import { runThemesJob } from "./theme-job.ts";
import { plantedCorpus, scoreRecovery } from "./themes/testing/planted.ts";
import { createTheme, deleteTheme, listThemes, renameTheme } from "./themes-store.ts";

let db: TestDatabase;
let owner: Awaited<ReturnType<typeof makeUser>>;
let worker: Worker;

// Feedback with known topics and paraphrases (the theme library's planted corpus), plus a few
// hand-written items whose sentiment is clear.
const corpus = plantedCorpus({ items: 1500, seed: 7 });
const plantedOf = (name: string) => corpus.themes.findIndex((t) => t.name === name);
const MIXED = "I love the app but billing is a mess and my invoice was charged twice";

beforeAll(async () => {
  db = await createTestDatabase();
  owner = await makeUser(db.prisma, "Owner");
  worker = await startWorker({
    handle: db,
    handlers: { SENTIMENT: runSentimentJob, THEMES: runThemesJob },
    mode: "worker",
    pollIntervalMs: 100,
    log: () => undefined,
  });
  const batch = await db.prisma.importBatch.create({
    data: { workspaceId: owner.ctx.workspaceId, kind: "FEEDBACK", fileName: "reviews.csv", status: "COMPLETED" },
  });
  const texts = [
    ...corpus.docs.map((d) => ({ id: d.id, text: d.text })),
    ...[MIXED, "Great app, works well", "This is terrible, nothing works"].map((text, i) => ({ id: `own${i}`, text })),
  ];
  await db.prisma.feedbackItem.createMany({
    data: texts.map(({ id, text }, i) => ({
      id,
      workspaceId: owner.ctx.workspaceId,
      batchId: batch.id,
      dedupeKey: `k${i}`,
      text,
      occurredAt: new Date(Date.UTC(2026, i % 6, 1 + (i % 27))),
    })),
  });
}, 60_000);

afterAll(async () => {
  await worker.stop(500);
  await db.destroy();
});

async function run(kind: JobKind, input: NewJob["input"]) {
  const [ref] = await startJobs(owner.ctx, [{ kind, input }]);
  for (let i = 0; i < 1200; i++) {
    const job = await getJob(owner.ctx, ref!.id);
    if (job.state === "SUCCEEDED" || job.state === "FAILED") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${kind} did not finish`);
}

const itemByText = (text: string) =>
  db.prisma.feedbackItem.findFirstOrThrow({
    where: { workspaceId: owner.ctx.workspaceId, text },
    include: { sentiment: true, themes: { include: { theme: true } } },
  });

describe("sentiment job", () => {
  it("scores every item, with sentences and the phrases behind the score", async () => {
    const job = await run("SENTIMENT", { adapt: false });
    expect(job).toMatchObject({ state: "SUCCEEDED" });
    expect(job.progressMessage).toMatch(/^1,503 items scored with base model v1$/);
    const items = await db.prisma.feedbackItem.count({ where: { workspaceId: owner.ctx.workspaceId } });
    expect(await db.prisma.sentimentResult.count({ where: { workspaceId: owner.ctx.workspaceId } })).toBe(items);

    const good = await itemByText("Great app, works well");
    const bad = await itemByText("This is terrible, nothing works");
    expect(good.sentiment).toMatchObject({ label: "POSITIVE" });
    expect(bad.sentiment).toMatchObject({ label: "NEGATIVE" });
    const explanation = bad.sentiment!.explanation as {
      sentences: { start: number; end: number }[];
      highlights: { start: number; end: number; weight: number }[];
    };
    expect(explanation.sentences.length).toBeGreaterThan(0);
    const words = explanation.highlights.filter((h) => h.weight < 0).map((h) => bad.text.slice(h.start, h.end));
    expect(words.join(" ")).toMatch(/terrible/i);

    // A second run has nothing left to score.
    expect((await run("SENTIMENT", { adapt: false })).progressMessage).toMatch(/^0 items scored/);
  });
});

/** The stored theme holding most items of a planted topic. */
async function themeOfPlanted(name: string) {
  const planted = plantedOf(name);
  const ids = corpus.docs.filter((d) => d.themes.includes(planted)).map((d) => d.id);
  const [row] = await db.prisma.itemTheme.groupBy({
    by: ["themeId"],
    where: { workspaceId: owner.ctx.workspaceId, itemId: { in: ids } },
    _count: { _all: true },
    orderBy: { _count: { itemId: "desc" } },
    take: 1,
  });
  return row ? (await listThemes(owner.ctx)).find((t) => t.id === row.themeId) : undefined;
}

async function recovery() {
  const rows = await db.prisma.itemTheme.findMany({ where: { workspaceId: owner.ctx.workspaceId } });
  const membership = new Map<string, string[]>();
  for (const r of rows) membership.set(r.themeId, [...(membership.get(r.themeId) ?? []), r.itemId]);
  return scoreRecovery(corpus, membership);
}

describe("themes job", () => {
  it("finds the planted topics, and scores each theme by the sentences that mention it", async () => {
    const job = await run("THEMES", {});
    expect(job).toMatchObject({ state: "SUCCEEDED" });
    const score = await recovery();
    expect(score.purity).toBeGreaterThanOrEqual(0.8);
    expect(score.recall).toBeGreaterThanOrEqual(0.8);

    const billing = (await themeOfPlanted("billing"))!;
    expect(billing.size).toBeGreaterThanOrEqual(50);
    expect(billing.quotes.length).toBeGreaterThan(0);
    expect(billing.label).not.toBe("");

    // "I love the app but billing is a mess…": negative toward billing, whatever the whole item says.
    const mixed = await itemByText(MIXED);
    const toBilling = mixed.themes.find((t) => t.themeId === billing.id);
    expect(toBilling?.sentiment).toBeLessThan(0);
  });

  it("keeps a rename, never brings a deleted theme back, and assigns a user theme's items", async () => {
    const billing = (await themeOfPlanted("billing"))!;
    const dark = (await themeOfPlanted("dark mode"))!;
    await renameTheme(owner.ctx, billing.id, "Billing & invoices");
    await deleteTheme(owner.ctx, dark.id);
    const { theme: eyes } = await createTheme(owner.ctx, { label: "Eye strain", keywords: ["eyes", "blinding"] });

    expect(await run("THEMES", { scope: "all" })).toMatchObject({ state: "SUCCEEDED" });
    const after = await listThemes(owner.ctx);
    expect(after.find((t) => t.id === billing.id)?.label).toBe("Billing & invoices");
    expect(after.some((t) => t.id === dark.id)).toBe(false);
    // Rediscovered, the dark-mode items would form the same theme again: it stays suppressed.
    const darkItems = corpus.docs.filter((d) => d.themes.includes(plantedOf("dark mode"))).map((d) => d.id);
    const darkHome = await db.prisma.itemTheme.groupBy({
      by: ["themeId"],
      where: { itemId: { in: darkItems }, themeId: { not: eyes.id } },
      _count: { _all: true },
    });
    expect(darkHome.every((g) => g._count._all < darkItems.length * 0.3)).toBe(true);
    expect(await db.prisma.itemTheme.count({ where: { themeId: dark.id } })).toBe(0);
    const eyesNow = after.find((t) => t.id === eyes.id)!;
    expect(eyesNow.origin).toBe("user");
    expect(eyesNow.size).toBeGreaterThanOrEqual(10);
  });
});
