import type { Metadata } from "next";
import { RiLightbulbFlashLine } from "@remixicon/react";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Opportunities" };

export default function OpportunitiesPage() {
  return (
    <div className="space-y-8">
      <PageHeader
        title="Opportunities"
        description="What to build next, ranked by customer demand, sentiment, market growth and effort."
      />
      <EmptyState
        icon={RiLightbulbFlashLine}
        title="No opportunities scored yet"
        description="Once feedback is grouped into themes and market data is forecast, each theme is scored as an opportunity and ranked, with the evidence behind every score."
        highlights={[
          "Score breakdown: reach, pain, market growth, effort",
          "Linked customer quotes and market series as evidence",
          "Confidence for each score",
          "Promote an opportunity to an initiative",
        ]}
        primaryAction={{ label: "Import feedback", href: "/feedback/import" }}
        secondaryAction={{ label: "Add market data", href: "/market" }}
      />
    </div>
  );
}
