import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RiStackLine } from "@remixicon/react";
import { ActionForm } from "@/app/_components/action-form";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { SubmitButton } from "@/app/_components/submit-button";
import { can } from "@/lib/auth/roles";
import { listJobs, recomputableKinds } from "@/lib/jobs/manage";
import { listWorkers } from "@/lib/jobs/workers";
import { getSessionWorkspace } from "@/lib/web/session";
import { recomputeAction } from "./actions";
import { JobsLive } from "./jobs-live";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

export default async function JobsPage() {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const ctx = s.ctx;
  const [list, workers] = await Promise.all([listJobs(ctx), listWorkers(ctx)]);
  const recompute = can(ctx.role, "jobs.recompute") ? recomputableKinds() : null;

  return (
    <div className="space-y-8">
      <PageHeader
        title="Jobs"
        description="Background work for this workspace: what is running, what finished and what needs attention."
        actions={
          recompute ? (
            recompute.length ? (
              <ActionForm action={recomputeAction} confirm="Queue every analysis of this workspace again?">
                <SubmitButton variant="secondary" pendingLabel="Queuing…">
                  Recompute everything
                </SubmitButton>
              </ActionForm>
            ) : (
              <span className="text-tremor-label text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                Recompute everything becomes available once analyses (sentiment, themes, forecasts) run.
              </span>
            )
          ) : null
        }
      />
      <JobsLive
        initial={{ ...list, workers }}
        canManage={can(ctx.role, "data.write")}
        empty={
          <EmptyState
            icon={RiStackLine}
            title="No jobs have run yet"
            description="Imports, sentiment, theme, forecast, scoring and report jobs appear here with live progress. Failed jobs show the error and can be retried."
            highlights={[
              "Live progress for running jobs",
              "Duration and attempts for every run",
              "Clear error messages with one-click retry",
              "Filter by job type and status",
            ]}
            primaryAction={{ label: "Import feedback", href: "/feedback/import" }}
            secondaryAction={{ label: "Add market data", href: "/market" }}
          />
        }
      />
    </div>
  );
}
