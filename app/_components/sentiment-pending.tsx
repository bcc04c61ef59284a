import { RiEmotionLine } from "@remixicon/react";
import { EmptyState } from "./empty-state";
import { formatNumber } from "./format";
import type { JobView } from "@/lib/jobs/manage";

/** What the last sentiment job is doing, in a sentence. */
function jobSentence(job: JobView | null): string {
  if (!job) return "No sentiment job has run in this workspace yet.";
  switch (job.state) {
    case "QUEUED":
      return "The sentiment job is queued and starts shortly.";
    case "RUNNING":
      return `The sentiment job is running (${formatNumber(job.progress)}%${job.progressMessage ? `: ${job.progressMessage}` : ""}).`;
    case "FAILED":
      return `The last sentiment job failed${job.error ? `: ${job.error}` : ""}. You can retry it on the Jobs page.`;
    case "CANCELLED":
      return "The last sentiment job was cancelled. You can run it again on the Jobs page.";
    default:
      return "The last sentiment job finished without scoring these items; the next import or a recompute scores them.";
  }
}

/** Feedback is in but no item has a sentiment score yet. */
export function SentimentPending({ items, job }: { items: number; job: JobView | null }) {
  return (
    <EmptyState
      icon={RiEmotionLine}
      title="Sentiment is not scored yet"
      description={
        <>
          {formatNumber(items)} feedback {items === 1 ? "item is" : "items are"} in. The sentiment job runs after each
          import and scores every item; themes follow. {jobSentence(job)}
        </>
      }
      primaryAction={{ label: "See jobs", href: "/jobs" }}
      secondaryAction={{ label: "Explore feedback", href: "/feedback" }}
    />
  );
}
