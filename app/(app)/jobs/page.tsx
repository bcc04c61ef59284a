import type { Metadata } from "next";
import { RiStackLine } from "@remixicon/react";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <div className="space-y-8">
      <PageHeader
        title="Jobs"
        description="Background work for this workspace: what is running, what finished and what needs attention."
      />
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
    </div>
  );
}
