import type { Metadata } from "next";
import { RiAlarmWarningLine } from "@remixicon/react";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Risks" };

export default function RisksPage() {
  return (
    <div className="space-y-8">
      <PageHeader
        title="Risks"
        description="A living risk register: what could go wrong, how likely it is, how bad it would be and who owns it."
      />
      <EmptyState
        icon={RiAlarmWarningLine}
        title="Your risk register is empty"
        description="Risks are raised from negative sentiment spikes, churn signals and forecast downside, and each carries a likelihood, an impact and an owner. They appear here after your first imports are analyzed."
        highlights={[
          "Likelihood × impact matrix",
          "Severity trend and full change history",
          "Early warnings from feedback and forecasts",
          "Mitigation owner and due date",
        ]}
        primaryAction={{ label: "Import feedback", href: "/feedback/import" }}
        secondaryAction={{ label: "Review forecasts", href: "/forecasts" }}
      />
    </div>
  );
}
