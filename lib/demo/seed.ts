/**
 * Seeds the demo workspace ("Demo workspace (sample data)", slug "demo",
 * isDemo) with the data of generate.ts, so a newcomer sees every page populated.
 *
 * Everything is written in one transaction, in chunks: the workspace, a
 * completed feedback import with its items, a completed market import with its
 * series, points and market sizes, an audit entry, and the pipeline jobs an
 * import would queue (sentiment, themes, forecasts, as those analyses land). A
 * failed or killed seed leaves nothing behind; with `reset` the old demo
 * workspace is replaced in that same transaction.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword, passwordSchema } from "../auth/password.ts";
import { emailSchema, signUp } from "../auth/signup.ts";
import type { Db, DbHandle, DbTx } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { hashAuthor } from "../ingest/mapping.ts";
import { enqueueInTransaction, type JobRef, type NewJob } from "../jobs/enqueue.ts";
import { announceQueued } from "../jobs/events.ts";
import { followUps } from "../jobs/pipeline.ts";
import { getQueue, type Boss } from "../jobs/queue.ts";
import { createWorkspaceFor } from "../workspaces/create-workspace.ts";
import { DEFAULT_ITEMS, DEFAULT_SEED, generateDemoData, type DemoData } from "./generate.ts";
import { addDays } from "./timeline.ts";

export const DEMO_SLUG = "demo";
export const DEMO_WORKSPACE_NAME = "Demo workspace (sample data)";
export const DEMO_EMAIL = "demo@foresight.local";
export const DEMO_USER_NAME = "Demo User";
export const FEEDBACK_FILE_NAME = "Demo data (generated)";
export const MARKET_FILE_NAME = "Demo market data (generated)";

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters at 17 columns a row. */
const CHUNK = 1000;

export const seedDemoSchema = z
  .object({
    /** Existing user who becomes owner; without it the demo user is created or reused. */
    email: emailSchema.optional(),
    /** Password for the demo user (generated when it is created without one). */
    password: passwordSchema.optional(),
    /** Replace an existing demo workspace. */
    reset: z.boolean().default(false),
    items: z.coerce
      .number({ error: "Use a whole number" })
      .int("Use a whole number")
      .min(1, "Use at least 1")
      .max(100_000, "Use at most 100,000")
      .default(DEFAULT_ITEMS),
    seed: z.coerce
      .number({ error: "Use a whole number" })
      .int("Use a whole number")
      .min(0, "Use 0 or more")
      .max(0xffff_ffff, "Use at most 4294967295")
      .default(DEFAULT_SEED),
    /** The day the data ends; default today. */
    now: z.coerce.date({ error: "Use a date such as 2026-01-31" }).optional(),
  })
  .refine((v) => !(v.email && v.password), {
    path: ["password"],
    message: "Leave it out with --email (it sets the password of the demo user only)",
  });

export type SeedDemoInput = z.input<typeof seedDemoSchema>;

export interface SeedCounts {
  feedbackItems: number;
  series: number;
  points: number;
  marketSizes: number;
  jobs: number;
}

interface WorkspaceRef {
  id: string;
  name: string;
  slug: string;
}

export type SeedDemoResult =
  | { status: "exists"; workspace: WorkspaceRef }
  | {
      status: "created";
      workspace: WorkspaceRef;
      /** An earlier demo workspace was deleted and replaced. */
      replaced: boolean;
      owner: {
        id: string;
        email: string;
        /** The demo user was created by this run. */
        created: boolean;
        /** Set when this run created the demo user or changed its password: shown once. */
        password?: string;
      };
      counts: SeedCounts;
      seed: number;
      /** First and last day covered by the feedback. */
      from: Date;
      to: Date;
      seconds: number;
    };

const fmt = (n: number) => n.toLocaleString("en-US");

/** The jobs a finished import of this data would queue (only kinds that run in this version). */
function pipelineJobs(
  workspaceId: string,
  userId: string,
  batchId: string,
  items: number,
  seriesIds: string[],
): NewJob[] {
  const by = { workspaceId, createdById: userId };
  return [
    ...followUps({ kind: "feedback-imported", batchId, newItems: items }, by),
    ...followUps({ kind: "market-changed", seriesIds }, by),
  ];
}

type Owner = Extract<SeedDemoResult, { status: "created" }>["owner"];

async function resolveOwner(db: Db, input: z.output<typeof seedDemoSchema>): Promise<Owner> {
  if (input.email) {
    const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true } });
    if (!user) {
      throw new AppError(
        "not_found",
        `No user with e-mail ${input.email}. Sign up first, or leave out --email to use the demo user.`,
        { email: "No user with this e-mail" },
      );
    }
    return { ...user, created: false };
  }
  const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true, email: true } });
  if (existing) {
    if (input.password) {
      await db.user.update({ where: { id: existing.id }, data: { passwordHash: await hashPassword(input.password) } });
    }
    return { ...existing, created: false, password: input.password };
  }
  const password = input.password ?? `demo-${randomBytes(12).toString("base64url")}`;
  // Through sign-up, so the password is checked and hashed exactly as for everyone else.
  const { user } = await signUp(db, { email: DEMO_EMAIL, name: DEMO_USER_NAME, password }, { withWorkspace: false });
  return { id: user.id, email: user.email, created: true, password };
}

async function writeDemo(
  tx: DbTx,
  data: DemoData,
  o: { ownerId: string; replace?: string; seed: number; boss?: Boss; progress: (line: string) => void },
): Promise<{ workspace: WorkspaceRef; counts: SeedCounts; jobs: JobRef[] }> {
  if (o.replace) await tx.workspace.delete({ where: { id: o.replace } });
  const created = await createWorkspaceFor(tx, o.ownerId, DEMO_WORKSPACE_NAME, { isDemo: true });
  // createWorkspaceFor derives the slug from the name; the demo always lives at "demo".
  const ws = await tx.workspace.update({
    where: { id: created.id },
    data: { slug: DEMO_SLUG },
    select: { id: true, name: true, slug: true, salt: true },
  });
  const workspaceId = ws.id;
  const now = new Date();
  const items = data.feedback.length;
  const feedbackBatch = await tx.importBatch.create({
    data: {
      workspaceId,
      kind: "FEEDBACK",
      fileName: FEEDBACK_FILE_NAME,
      status: "COMPLETED",
      mapping: { generator: "demo", seed: o.seed, items },
      rowsTotal: items,
      rowsNew: items,
      message: `${fmt(items)} new, 0 duplicates, 0 invalid`,
      createdById: o.ownerId,
      startedAt: now,
      finishedAt: now,
    },
    select: { id: true },
  });
  for (let i = 0; i < items; i += CHUNK) {
    await tx.feedbackItem.createMany({
      data: data.feedback.slice(i, i + CHUNK).map(({ authorId, truth: _truth, ...item }) => ({
        ...item,
        workspaceId,
        batchId: feedbackBatch.id,
        dedupeKey: `id:${item.externalId}`,
        authorHash: hashAuthor(ws.salt, authorId),
      })),
    });
    o.progress(`Feedback items: ${fmt(Math.min(i + CHUNK, items))} of ${fmt(items)}`);
  }

  const pointCount = data.series.reduce((n, s) => n + s.points.length, 0);
  const marketBatch = await tx.importBatch.create({
    data: {
      workspaceId,
      kind: "MARKET",
      fileName: MARKET_FILE_NAME,
      status: "COMPLETED",
      mapping: { generator: "demo", seed: o.seed },
      rowsTotal: pointCount + data.sizes.length,
      rowsNew: pointCount + data.sizes.length,
      message: `${fmt(data.series.length)} series, ${fmt(pointCount)} points, ${fmt(data.sizes.length)} market sizes`,
      createdById: o.ownerId,
      startedAt: now,
      finishedAt: now,
    },
    select: { id: true },
  });
  const points: { seriesId: string; date: Date; value: number }[] = [];
  const seriesIds: string[] = [];
  for (const s of data.series) {
    const row = await tx.marketSeries.create({
      data: { workspaceId, name: s.name, kind: s.kind, unit: s.unit, frequency: s.frequency },
      select: { id: true },
    });
    seriesIds.push(row.id);
    for (const p of s.points) points.push({ seriesId: row.id, date: p.date, value: p.value });
  }
  for (let i = 0; i < points.length; i += CHUNK) {
    await tx.marketPoint.createMany({
      data: points.slice(i, i + CHUNK).map((p) => ({ ...p, workspaceId, batchId: marketBatch.id })),
    });
    o.progress(`Market points: ${fmt(Math.min(i + CHUNK, points.length))} of ${fmt(points.length)}`);
  }
  await tx.marketSize.createMany({ data: data.sizes.map((s) => ({ ...s, workspaceId, batchId: marketBatch.id })) });
  await tx.auditLog.create({
    data: {
      workspaceId,
      actorUserId: o.ownerId,
      action: "demo.seed",
      metadata: { seed: o.seed, items, replaced: !!o.replace },
    },
  });

  const next = pipelineJobs(workspaceId, o.ownerId, feedbackBatch.id, items, seriesIds);
  let jobs: JobRef[] = [];
  if (next.length > 0) {
    if (!o.boss) throw new Error("The job queue was not started before seeding");
    jobs = await enqueueInTransaction(tx, o.boss, next);
  }
  return {
    workspace: { id: ws.id, name: ws.name, slug: ws.slug },
    counts: {
      feedbackItems: items,
      series: data.series.length,
      points: points.length,
      marketSizes: data.sizes.length,
      jobs: jobs.length,
    },
    jobs,
  };
}

/**
 * Creates the demo workspace, or reports that it exists (and changes nothing)
 * unless `reset` is set. A workspace that holds the "demo" slug but is not a
 * demo is never touched.
 */
export async function seedDemo(
  handle: DbHandle,
  raw: SeedDemoInput = {},
  progress: (line: string) => void = () => undefined,
): Promise<SeedDemoResult> {
  const input = parseInput(seedDemoSchema, raw);
  const db = handle.prisma;
  const startedAt = performance.now();
  const existing = await db.workspace.findUnique({
    where: { slug: DEMO_SLUG },
    select: { id: true, name: true, slug: true, isDemo: true },
  });
  if (existing && !existing.isDemo) {
    throw new AppError(
      "conflict",
      `The workspace "${existing.name}" already uses the slug "${DEMO_SLUG}" and is not a demo workspace; ` +
        "it was left alone and no demo data was written.",
    );
  }
  if (existing && !input.reset) {
    return { status: "exists", workspace: { id: existing.id, name: existing.name, slug: existing.slug } };
  }

  const data = generateDemoData({ seed: input.seed, items: input.items, now: input.now });
  const owner = await resolveOwner(db, input);
  // pg-boss runs its own SQL on the connection, so it must be started before the transaction (the
  // embedded database has one connection); only when some follow-up can run in this version.
  const probe = pipelineJobs("-", owner.id, "-", data.feedback.length, ["-"]);
  const boss = probe.length > 0 ? await getQueue(handle) : undefined;
  let written: Awaited<ReturnType<typeof writeDemo>>;
  try {
    written = await db.$transaction(
      (tx) => writeDemo(tx, data, { ownerId: owner.id, replace: existing?.id, seed: input.seed, boss, progress }),
      { maxWait: 15_000, timeout: 300_000 },
    );
  } catch (e) {
    // A demo user made for a seed that failed would keep a password nobody was shown.
    if (owner.created) await db.user.delete({ where: { id: owner.id } }).catch(() => undefined);
    throw e;
  }
  announceQueued(written.jobs.map((j) => j.kind));
  return {
    status: "created",
    workspace: written.workspace,
    replaced: !!existing,
    owner,
    counts: written.counts,
    seed: input.seed,
    from: data.timeline.start,
    to: addDays(data.timeline.today, -1),
    seconds: (performance.now() - startedAt) / 1000,
  };
}
