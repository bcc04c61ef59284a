import type { Metadata } from "next";
import { RiGlobalLine } from "@remixicon/react";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Market" };

export default function MarketPage() {
  return (
    <div className="space-y-8">
      <PageHeader
        title="Market"
        description="Market size and demand signals over time for the segments you sell into."
      />
      <EmptyState
        icon={RiGlobalLine}
        title="No market data yet"
        description="Import time series such as monthly category revenue, search interest or competitor pricing, plus TAM, SAM and SOM estimates. Every series is charted and forecast automatically."
        highlights={[
          "TAM, SAM and SOM with sources and dates",
          "Each series charted with growth rates",
          "Trend and seasonality at a glance",
          "Series feed forecasts and opportunity scores",
        ]}
        primaryAction={{ label: "Import market data", href: "/market/import" }}
        secondaryAction={{ label: "Import feedback", href: "/feedback" }}
      />
    </div>
  );
}
