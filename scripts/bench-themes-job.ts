/**
 * `npm run bench:themes -- --job [--items 100000] [--embedded]`: the THEMES job itself.
 *
 * Writes the planted corpus (lib/nlp/themes/testing/planted.ts) as feedback items of a fresh
 * workspace in a new database (PostgreSQL at DATABASE_URL or 127.0.0.1, or the embedded one with
 * --embedded), runs the job through a real worker (discovery on a sample, reconciliation,
 * assignment of every item with per-theme sentence sentiment, theme statistics), and scores the
 * stored assignments against the planted labels. Writing the items is not timed.
 * The last line printed is JSON: {"items","themes","purity","recall","seconds","peakRssMb","rssBeforeJobMb","database"}.
 */
import { performance } from "node:perf_hooks";
import { getJob, startJobs } from "../lib/jobs/manage.ts";
import { startWorker } from "../lib/jobs/runner.ts";
import { runThemesJob } from "../lib/nlp/theme-job.ts";
import { plantedCorpus, scoreRecovery } from "../lib/nlp/themes/testing/planted.ts";
import { createTestDatabase } from "../lib/testing/db.ts";
import { makeUser } from "../lib/testing/factories.ts";

export async function benchThemesJob(opts: { items: number; seed: number; embedded: boolean }) {
  const log = (line: string) => console.log(`[bench] ${line}`);
  const serverUrl = opts.embedded
    ? undefined
    : process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const db = await createTestDatabase({ serverUrl, prefix: "foresight_bench" });
  try {
    const { ctx } = await makeUser(db.prisma, "Bench");
    const corpus = plantedCorpus({ items: opts.items, seed: opts.seed });
    const batch = await db.prisma.importBatch.create({
      data: { workspaceId: ctx.workspaceId, kind: "FEEDBACK", fileName: "planted.csv", status: "COMPLETED" },
    });
    for (let i = 0; i < corpus.docs.length; i += 5000) {
      await db.prisma.feedbackItem.createMany({
        data: corpus.docs.slice(i, i + 5000).map((d, j) => ({
          id: d.id,
          workspaceId: ctx.workspaceId,
          batchId: batch.id,
          dedupeKey: `k${i + j}`,
          text: d.text,
          occurredAt: new Date(Date.UTC(2026, (i + j) % 12, 1)),
        })),
      });
    }
    log(`wrote ${opts.items} items with ${corpus.themes.length} planted themes`);
    const rssBefore = process.memoryUsage.rss();

    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
    const worker = await startWorker({
      handle: db,
      handlers: { THEMES: runThemesJob },
      mode: "worker",
      pollIntervalMs: 100,
      log: () => undefined,
    });
    const t0 = performance.now();
    const [ref] = await startJobs(ctx, [{ kind: "THEMES", input: { scope: "all" } }]);
    let job = await getJob(ctx, ref!.id);
    while (job.state !== "SUCCEEDED" && job.state !== "FAILED") {
      await new Promise((r) => setTimeout(r, 200));
      job = await getJob(ctx, ref!.id);
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    await worker.stop(500);
    if (job.state !== "SUCCEEDED") throw new Error(`the job failed: ${job.error}`);
    log(job.progressMessage ?? "");

    const rows = await db.prisma.itemTheme.findMany({
      where: { workspaceId: ctx.workspaceId },
      select: { itemId: true, themeId: true },
    });
    const membership = new Map<string, string[]>();
    for (const r of rows) membership.set(r.themeId, [...(membership.get(r.themeId) ?? []), r.itemId]);
    const score = scoreRecovery(corpus, membership);
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return {
      items: opts.items,
      themes: membership.size,
      purity: round(score.purity),
      recall: round(score.recall),
      seconds: round(seconds),
      peakRssMb: Math.round(peakRss / 1048576),
      // Writing the items with Prisma grows the process first; the job adds what is beyond this.
      rssBeforeJobMb: Math.round(rssBefore / 1048576),
      database: opts.embedded ? "embedded" : "postgres",
      job: true,
    };
  } finally {
    await db.destroy();
  }
}
