/**
 * The kinds of background job, how each is queued, and which have a handler
 * in this version of Foresight.
 */
import type { JobKind, JobState } from "../db/generated/enums.ts";

export type { JobKind, JobState };

export const JOB_KINDS = [
  "IMPORT",
  "SENTIMENT",
  "THEMES",
  "FORECAST",
  "SCORING",
  "REPORT",
] as const satisfies readonly JobKind[];
export const JOB_STATES = [
  "QUEUED",
  "RUNNING",
  "SUCCEEDED",
  "FAILED",
  "CANCELLED",
] as const satisfies readonly JobState[];

export const ACTIVE_STATES: readonly JobState[] = ["QUEUED", "RUNNING"];
export const FINISHED_STATES: readonly JobState[] = ["SUCCEEDED", "FAILED", "CANCELLED"];

export interface KindPolicy {
  label: string;
  /** Attempts after the first when an attempt fails or its worker dies. */
  retryLimit: number;
  /** Seconds before the first retry; later retries back off exponentially (with jitter). */
  retryDelaySeconds: number;
  /**
   * Backstop only: pg-boss gives up on an attempt running this long. Dead
   * workers are noticed much sooner, by their missing heartbeat.
   */
  expireInSeconds: number;
  /** Higher runs first: what a user waits for beats batch analysis. */
  priority: number;
}

const HOUR = 3600;

export const KIND_POLICY: Record<JobKind, KindPolicy> = {
  IMPORT: { label: "Import", retryLimit: 3, retryDelaySeconds: 5, expireInSeconds: 4 * HOUR, priority: 30 },
  SENTIMENT: { label: "Sentiment", retryLimit: 3, retryDelaySeconds: 10, expireInSeconds: 8 * HOUR, priority: 20 },
  THEMES: { label: "Themes", retryLimit: 3, retryDelaySeconds: 10, expireInSeconds: 8 * HOUR, priority: 20 },
  FORECAST: { label: "Forecast", retryLimit: 3, retryDelaySeconds: 10, expireInSeconds: 4 * HOUR, priority: 20 },
  SCORING: { label: "Scoring", retryLimit: 3, retryDelaySeconds: 10, expireInSeconds: 2 * HOUR, priority: 10 },
  REPORT: { label: "Report", retryLimit: 3, retryDelaySeconds: 5, expireInSeconds: 2 * HOUR, priority: 25 },
};

/**
 * Kinds that have a handler in jobs/handlers. Each analysis adds its kind here
 * together with its handler (a test checks the two agree); until then nothing
 * queues jobs of that kind, so none waits forever for a worker that cannot run it.
 */
export const READY_KINDS: readonly JobKind[] = ["IMPORT", "SENTIMENT", "THEMES"];

export const isReady = (kind: JobKind): boolean => READY_KINDS.includes(kind);

/** pg-boss queue of a kind (one queue per kind, so workers can be dedicated to some kinds). */
export const queueName = (kind: JobKind): string => `foresight.${kind.toLowerCase()}`;

export const JOB_STATE_LABEL: Record<JobState, string> = {
  QUEUED: "Queued",
  RUNNING: "Running",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};
