import type { Metadata } from "next";
import { RiDashboardLine } from "@remixicon/react";
import { EmptyState } from "@/app/_components/empty-state";
import { ExamplePreview } from "@/app/_components/example-preview";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Overview" };

export default function OverviewPage() {
  return (
    <div className="space-y-8">
      <PageHeader
        title="Overview"
        description="A one-screen read on what customers are asking for, where your market is heading and what could go wrong."
      />
      <EmptyState
        icon={RiDashboardLine}
        title="Nothing to summarize yet"
        description="Your KPIs, top opportunities and risks appear here once feedback and market data are imported."
        highlights={[
          "Feedback volume and net sentiment, week over week",
          "Top five opportunities by score",
          "Open risks by severity, with owners",
          "Latest demand forecast against actuals",
        ]}
        primaryAction={{ label: "Import feedback", href: "/feedback/import" }}
        secondaryAction={{ label: "Add market data", href: "/market" }}
      >
        <ExamplePreview />
      </EmptyState>
    </div>
  );
}
