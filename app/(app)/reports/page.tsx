import type { Metadata } from "next";
import { RiFileChartLine } from "@remixicon/react";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Reports" };

export default function ReportsPage() {
  return (
    <div className="space-y-8">
      <PageHeader
        title="Reports"
        description="Board-ready strategy reports built from your latest opportunities, forecasts and risks."
      />
      <EmptyState
        icon={RiFileChartLine}
        title="No reports yet"
        description="Generate a strategy report with an executive summary, SWOT, ranked opportunities, forecasts and risks, then download it or share a read-only link."
        highlights={[
          "Executive summary and SWOT",
          "Top opportunities with supporting evidence",
          "Forecast charts with uncertainty bands",
          "Expiring share links and downloadable files",
        ]}
        primaryAction={{ label: "Import feedback", href: "/feedback/import" }}
        secondaryAction={{ label: "Review opportunities", href: "/opportunities" }}
      />
    </div>
  );
}
