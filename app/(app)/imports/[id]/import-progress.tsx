"use client";

/**
 * A queued or running import: its job's progress, polled every second, and a Cancel button. When
 * the job ends the page is re-rendered on the server, which then shows the result.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ActionForm } from "@/app/_components/action-form";
import { cx } from "@/app/_components/cx";
import { SubmitButton } from "@/app/_components/submit-button";
import type { JobView } from "@/lib/jobs/manage";
import { cancelJobAction } from "../../jobs/actions";
import { muted, panel, strong } from "./parts";

const POLL_MS = 1000;
const ENDED = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

export function ImportProgress({
  batchId,
  initialJob,
  canCancel,
}: {
  batchId: string;
  /** Null when the job could not be found: the import's own status is polled instead. */
  initialJob: JobView | null;
  canCancel: boolean;
}) {
  const router = useRouter();
  const [job, setJob] = useState<JobView | null>(initialJob);
  const [stale, setStale] = useState(false);
  const refreshed = useRef(false);
  const jobId = initialJob?.id ?? null;

  useEffect(() => {
    let stopped = false;
    const finish = () => {
      if (refreshed.current) return;
      refreshed.current = true;
      router.refresh();
    };
    const poll = async () => {
      try {
        if (jobId) {
          const res = await fetch(`/api/v1/jobs/${encodeURIComponent(jobId)}`, { cache: "no-store" });
          if (!res.ok) throw new Error(String(res.status));
          const { job: next } = (await res.json()) as { job: JobView };
          if (stopped) return;
          setJob(next);
          setStale(false);
          if (ENDED.has(next.state)) finish();
        } else {
          const res = await fetch(`/api/v1/imports/${encodeURIComponent(batchId)}`, { cache: "no-store" });
          if (!res.ok) throw new Error(String(res.status));
          const view = (await res.json()) as { status: string };
          if (stopped) return;
          setStale(false);
          if (view.status !== "PENDING" && view.status !== "RUNNING") finish();
        }
      } catch {
        if (!stopped) setStale(true);
      }
    };
    const t = setInterval(() => void poll(), POLL_MS);
    void poll();
    return () => {
      stopped = true;
      clearInterval(t);
    };
  }, [batchId, jobId, router]);

  // A server re-render (after Cancel) brings a fresher job.
  useEffect(() => setJob(initialJob), [initialJob]);

  const percent = Math.max(0, Math.min(100, Math.round(job?.progress ?? 0)));
  const queued = !job || job.state === "QUEUED";
  const message = job?.cancelRequested
    ? "Cancelling: the import stops at its next checkpoint"
    : queued
      ? job?.attempts
        ? `Waiting to try again (attempt ${job.attempts + 1})${job.error ? `: ${job.error}` : ""}`
        : "Queued: waiting for a worker"
      : (job?.progressMessage ?? "Reading the file…");
  // Screen readers hear every tenth percent, not every poll.
  const announced = `Import ${queued ? "queued" : `${Math.floor(percent / 10) * 10}% done`}`;

  return (
    <section aria-labelledby="progress-heading" className={cx(panel, "space-y-4")} data-testid="import-progress">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="progress-heading" className={cx("text-tremor-title font-semibold", strong)}>
          {queued ? "Waiting to start" : "Importing"}
        </h2>
        {canCancel && job && !job.cancelRequested ? (
          <ActionForm action={cancelJobAction} aria-label="Cancel import">
            <input type="hidden" name="jobId" value={job.id} />
            <SubmitButton variant="secondary" size="sm" pendingLabel="Cancelling…">
              Cancel import
            </SubmitButton>
          </ActionForm>
        ) : null}
      </div>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${message}`}
        className="h-3 w-full overflow-hidden rounded-full bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"
      >
        <div
          className={cx(
            "h-full rounded-full bg-tremor-brand transition-[width] duration-700 dark:bg-dark-tremor-brand",
            queued && "animate-pulse",
          )}
          style={{ width: `${queued ? 100 : Math.max(percent, 2)}%`, opacity: queued ? 0.25 : 1 }}
        />
      </div>
      <div className={cx("flex flex-wrap justify-between gap-2 text-tremor-default", muted)}>
        <span data-testid="progress-message">{message}</span>
        <span className="tabular-nums">{percent}%</span>
      </div>
      <p className="sr-only" aria-live="polite">
        {announced}
      </p>
      <p className={cx("text-tremor-label", muted)} aria-live="polite">
        {stale ? "Connection lost; retrying… " : ""}
        You can leave this page: the import keeps running, and the{" "}
        <Link href="/jobs" className="text-tremor-brand hover:underline dark:text-dark-tremor-brand">
          Jobs page
        </Link>{" "}
        shows it too.
      </p>
    </section>
  );
}
