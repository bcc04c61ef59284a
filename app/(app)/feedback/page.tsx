import type { Metadata } from "next";
import { RiChat3Line } from "@remixicon/react";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Feedback" };

export default function FeedbackPage() {
  return (
    <div className="space-y-8">
      <PageHeader
        title="Feedback"
        description="Every piece of customer feedback in one place, scored for sentiment and grouped into themes."
      />
      <EmptyState
        icon={RiChat3Line}
        title="No feedback imported yet"
        description="Import a CSV or JSON export from your help desk, surveys or app-store reviews. Each item is scored for sentiment and clustered into themes in the background."
        highlights={[
          "Searchable items with source, date and customer segment",
          "Sentiment per item: positive, neutral or negative",
          "Themes ranked by volume and momentum",
          "Row-level import errors you can fix and re-import",
        ]}
        primaryAction={{ label: "Import feedback", href: "/feedback/import" }}
        secondaryAction={{ label: "Add market data", href: "/market" }}
      />
    </div>
  );
}
