/**
 * Pipelines: what a finished job queues next.
 *
 *   feedback import ─▶ sentiment + themes (for the new items) ─┐
 *   market import ───▶ forecast (for the changed series) ──────┴─▶ scoring
 *
 * Only kinds that run in this version are queued (see READY_KINDS). The
 * follow-ups are committed with the finished job's own results, so a job that
 * ran twice still queues them once.
 */
import type { DbTx } from "../db/client.ts";
import type { NewJob } from "./enqueue.ts";
import { isReady, type JobKind } from "./kinds.ts";

export type PipelineEvent =
  | { kind: "feedback-imported"; batchId: string; newItems: number }
  | { kind: "market-changed"; seriesIds: string[] }
  | { kind: "analysed"; by: JobKind };

export function followUps(event: PipelineEvent, job: { workspaceId: string; createdById: string | null }): NewJob[] {
  const base = { workspaceId: job.workspaceId, createdById: job.createdById };
  const next: NewJob[] = [];
  switch (event.kind) {
    case "feedback-imported":
      if (event.newItems > 0) {
        next.push({ ...base, kind: "SENTIMENT", input: { batchId: event.batchId } });
        next.push({ ...base, kind: "THEMES", input: { batchId: event.batchId } });
      }
      break;
    case "market-changed":
      for (const seriesId of event.seriesIds) next.push({ ...base, kind: "FORECAST", input: { seriesId } });
      break;
    case "analysed":
      if (event.by !== "SCORING") next.push({ ...base, kind: "SCORING", input: { scope: "all" } });
      break;
  }
  return next.filter((j) => isReady(j.kind));
}

/** Kinds that work on the whole workspace: one waiting job of the kind is enough. */
const COALESCED: readonly JobKind[] = ["SCORING"];

/** Drops follow-ups that a job already waiting in the queue will do anyway. */
export async function withoutRedundant(tx: DbTx, jobs: NewJob[]): Promise<NewJob[]> {
  const kept: NewJob[] = [];
  for (const j of jobs) {
    if (COALESCED.includes(j.kind)) {
      const waiting = await tx.job.count({ where: { workspaceId: j.workspaceId, kind: j.kind, state: "QUEUED" } });
      if (waiting > 0 || kept.some((k) => k.kind === j.kind && k.workspaceId === j.workspaceId)) continue;
    }
    kept.push(j);
  }
  return kept;
}
