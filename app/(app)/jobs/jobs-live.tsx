"use client";

/**
 * The live jobs list: polls /api/v1/jobs (every 1.5 s while something is
 * queued or running, every 5 s otherwise) so progress moves without a reload.
 */
import Link from "next/link";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { RowAction } from "@/app/_components/action-form";
import { cx } from "@/app/_components/cx";
import { formatDate } from "@/app/_components/format";
import type { JobList, JobView } from "@/lib/jobs/manage";
import type { WorkerView } from "@/lib/jobs/workers";
import { cancelJobAction, retryJobAction } from "./actions";
import { tableFrame, tableHead } from "@/app/_components/table-styles";

type JobsPayload = JobList & { workers: WorkerView[] };

const KINDS = [
  ["", "All kinds"],
  ["IMPORT", "Import"],
  ["SENTIMENT", "Sentiment"],
  ["THEMES", "Themes"],
  ["FORECAST", "Forecast"],
  ["SCORING", "Scoring"],
  ["REPORT", "Report"],
] as const;

const STATES = [
  ["", "All"],
  ["ACTIVE", "Active"],
  ["FAILED", "Failed"],
  ["SUCCEEDED", "Succeeded"],
  ["CANCELLED", "Cancelled"],
] as const;

const STATE_STYLE: Record<JobView["state"], string> = {
  QUEUED: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  RUNNING: "bg-blue-100 text-blue-800 dark:bg-blue-900/60 dark:text-blue-100",
  SUCCEEDED: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-100",
  FAILED: "bg-rose-100 text-rose-800 dark:bg-rose-900/60 dark:text-rose-100",
  CANCELLED: "bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-100",
};

const STATE_LABEL: Record<JobView["state"], string> = {
  QUEUED: "Queued",
  RUNNING: "Running",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

const queuedAt = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
});

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

function resultHref(job: JobView): string | null {
  if (job.resultType === "ImportBatch" && job.resultId) return `/imports/${encodeURIComponent(job.resultId)}`;
  return null;
}

export function JobsLive({
  initial,
  canManage,
  empty,
}: {
  initial: JobsPayload;
  canManage: boolean;
  /** Shown instead of the list while the workspace has no jobs at all. */
  empty: ReactNode;
}) {
  const [data, setData] = useState(initial);
  const [kind, setKind] = useState("");
  const [state, setState] = useState("");
  const [stale, setStale] = useState(false);

  const refresh = useCallback(async () => {
    const q = new URLSearchParams();
    if (kind) q.set("kind", kind);
    if (state) q.set("state", state);
    try {
      const res = await fetch(`/api/v1/jobs?${q}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      setData((await res.json()) as JobsPayload);
      setStale(false);
    } catch {
      setStale(true);
    }
  }, [kind, state]);

  const active = data.jobs.some((j) => j.state === "QUEUED" || j.state === "RUNNING");
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    const t = setInterval(() => void refresh(), active ? 1500 : 5000);
    return () => clearInterval(t);
  }, [refresh, active]);
  // A server action re-rendered the page: take its fresher list.
  useEffect(() => setData(initial), [initial]);

  const counts = data.counts;
  const stateCount = useMemo(
    () => ({
      "": Object.values(counts).reduce((a, b) => a + b, 0),
      ACTIVE: counts.QUEUED + counts.RUNNING,
      FAILED: counts.FAILED,
      SUCCEEDED: counts.SUCCEEDED,
      CANCELLED: counts.CANCELLED,
    }),
    [counts],
  );

  if (stateCount[""] === 0) {
    return (
      <div className="space-y-6">
        {empty}
        <Workers workers={data.workers} />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <Workers workers={data.workers} />

      <div className="flex flex-wrap items-center gap-3" role="group" aria-label="Filter jobs">
        <label className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">
          <span className="sr-only">Job kind</span>
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            aria-label="Job kind"
            className="rounded-tremor-default border-tremor-border bg-tremor-background py-1.5 text-tremor-default dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:text-dark-tremor-content-strong"
          >
            {KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <div className="flex flex-wrap gap-1" role="radiogroup" aria-label="Job state">
          {STATES.map(([value, label]) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={state === value}
              onClick={() => setState(value)}
              className={cx(
                "rounded-full border px-3 py-1 text-tremor-label",
                state === value
                  ? "border-tremor-brand bg-tremor-brand text-tremor-brand-inverted dark:border-dark-tremor-brand dark:bg-dark-tremor-brand"
                  : "border-tremor-border text-tremor-content hover:bg-tremor-background-subtle dark:border-dark-tremor-border dark:text-dark-tremor-content dark:hover:bg-dark-tremor-background-subtle",
              )}
            >
              {label} <span className="tabular-nums opacity-80">{stateCount[value]}</span>
            </button>
          ))}
        </div>
        <span
          className="ml-auto text-tremor-label text-tremor-content-subtle dark:text-dark-tremor-content-subtle"
          aria-live="polite"
        >
          {stale ? "Connection lost; retrying…" : active ? "Live: updating every 1.5 s" : "Live"}
        </span>
      </div>

      {data.jobs.length === 0 ? (
        <p className="rounded-tremor-default border border-dashed border-tremor-border p-6 text-center text-tremor-default text-tremor-content dark:border-dark-tremor-border dark:text-dark-tremor-content">
          No jobs match these filters.
        </p>
      ) : (
        <div className={tableFrame}>
          <table className="w-full min-w-[48rem] text-left text-tremor-default" aria-label="Jobs">
            <thead className={tableHead}>
              <tr>
                <th className="px-4 py-2 font-medium">Job</th>
                <th className="px-4 py-2 font-medium">State</th>
                <th className="min-w-[14rem] px-4 py-2 font-medium">Progress</th>
                <th className="px-4 py-2 font-medium">Started by</th>
                <th className="px-4 py-2 font-medium">Queued</th>
                <th className="px-4 py-2 font-medium">Duration</th>
                <th className="px-4 py-2 font-medium">Attempts</th>
              </tr>
            </thead>
            {data.jobs.map((job) => (
              <JobRow key={job.id} job={job} canManage={canManage} />
            ))}
          </table>
        </div>
      )}
    </div>
  );
}

function JobRow({ job, canManage }: { job: JobView; canManage: boolean }) {
  const href = resultHref(job);
  const canCancel = canManage && (job.state === "QUEUED" || job.state === "RUNNING") && !job.cancelRequested;
  const canRetry = canManage && (job.state === "FAILED" || job.state === "CANCELLED");
  const rowAction = canCancel
    ? { action: cancelJobAction, label: "Cancel", pending: "Cancelling…" }
    : canRetry
      ? { action: retryJobAction, label: "Retry", pending: "Queuing…" }
      : null;
  // One <tbody> per job: its row, and the error beneath it across the whole width.
  return (
    <tbody
      data-testid="job-row"
      data-job-id={job.id}
      data-state={job.state}
      className="border-t border-tremor-border first-of-type:border-t-0 dark:border-dark-tremor-border"
    >
      <tr className="align-top">
        <td className="px-4 py-3">
          <div className="font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
            {job.kindLabel}
          </div>
          {href ? (
            <Link
              href={href}
              className="whitespace-nowrap text-tremor-label text-tremor-brand hover:underline dark:text-dark-tremor-brand"
            >
              View result
            </Link>
          ) : null}
          {job.backend || job.model ? (
            <div className="text-tremor-label text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
              {[job.model, job.backend].filter(Boolean).join(" · ")}
            </div>
          ) : null}
        </td>
        <td className="px-4 py-3">
          <span className={cx("rounded-full px-2 py-0.5 text-tremor-label font-medium", STATE_STYLE[job.state])}>
            {job.cancelRequested ? "Cancelling…" : STATE_LABEL[job.state]}
          </span>
          <div className="-ml-3 mt-1">
            {rowAction ? (
              <RowAction
                action={rowAction.action}
                field="jobId"
                id={job.id}
                label={rowAction.label}
                pendingLabel={rowAction.pending}
                aria-label={`${rowAction.label} ${job.kindLabel.toLowerCase()} job`}
              />
            ) : null}
          </div>
        </td>
        <td className="px-4 py-3">
          <div
            role="progressbar"
            aria-label={`${job.kindLabel} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={job.progress}
            className="h-2 w-full overflow-hidden rounded-full bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"
          >
            <div
              className={cx(
                "h-full rounded-full transition-[width] duration-500",
                job.state === "FAILED"
                  ? "bg-rose-500"
                  : job.state === "CANCELLED"
                    ? "bg-amber-500"
                    : "bg-tremor-brand dark:bg-dark-tremor-brand",
              )}
              style={{ width: `${job.progress}%` }}
            />
          </div>
          <div className="mt-1 flex justify-between gap-2 text-tremor-label text-tremor-content dark:text-dark-tremor-content">
            <span data-testid="job-message">{job.progressMessage ?? " "}</span>
            <span className="tabular-nums">{job.progress}%</span>
          </div>
        </td>
        <td className="whitespace-nowrap px-4 py-3 text-tremor-content dark:text-dark-tremor-content">
          {job.createdBy?.name ?? "System"}
        </td>
        <td className="whitespace-nowrap px-4 py-3 text-tremor-content dark:text-dark-tremor-content">
          <time dateTime={job.createdAt} title={formatDate(job.createdAt, "datetime")}>
            {queuedAt.format(new Date(job.createdAt))} UTC
          </time>
        </td>
        <td className="whitespace-nowrap px-4 py-3 tabular-nums text-tremor-content dark:text-dark-tremor-content">
          {formatDuration(job.durationMs)}
        </td>
        <td className="px-4 py-3 tabular-nums text-tremor-content dark:text-dark-tremor-content">{job.attempts}</td>
      </tr>
      {job.error ? (
        <tr>
          <td colSpan={7} className="px-4 pb-3 pt-0">
            <p className="text-tremor-label text-rose-700 dark:text-rose-300" data-testid="job-error">
              <span className="font-medium">Error: </span>
              {job.error}
            </p>
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}

function Workers({ workers }: { workers: WorkerView[] }) {
  if (workers.length === 0) {
    return (
      <div
        role="status"
        className="rounded-tremor-default border border-amber-300 bg-amber-50 p-4 text-tremor-default text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
      >
        No worker is running, so queued jobs wait. Start one with <code className="font-mono">npm run worker</code>, or
        run the app with <code className="font-mono">IN_APP_WORKER=true</code> (the default).
      </div>
    );
  }
  return (
    <section aria-labelledby="workers-heading" className="space-y-2">
      <h2
        id="workers-heading"
        className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
      >
        Workers and ML backend
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {workers.map((w) => (
          <li
            key={w.id}
            data-testid="worker"
            className="rounded-tremor-default border border-tremor-border p-4 dark:border-dark-tremor-border"
          >
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
                {w.mode === "app" ? "In the app" : "Worker"} · {w.host}
              </span>
              <span className="flex items-center gap-1 text-tremor-label text-emerald-700 dark:text-emerald-300">
                <span aria-hidden className="h-2 w-2 rounded-full bg-emerald-500" /> online
              </span>
            </div>
            <p
              className="mt-2 text-tremor-default text-tremor-content-strong dark:text-dark-tremor-content-strong"
              data-testid="worker-backend"
            >
              {w.backend ? `ML backend: ${w.backend}` : "ML backend: choosing…"}
            </p>
            {w.backendReason ? (
              <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">{w.backendReason}</p>
            ) : null}
            <p className="mt-2 text-tremor-label text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
              {w.concurrency} at a time · {w.jobsHere} of this workspace&apos;s jobs ran here
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
