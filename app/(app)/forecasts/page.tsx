import type { Metadata } from "next";
import { RiLineChartLine } from "@remixicon/react";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Forecasts" };

export default function ForecastsPage() {
  return (
    <div className="space-y-8">
      <PageHeader title="Forecasts" description="Demand forecasts for each market series, with honest uncertainty." />
      <EmptyState
        icon={RiLineChartLine}
        title="No forecasts yet"
        description="Every market series gets a backtested forecast with 80% and 95% intervals. Forecasts run automatically after each market data import."
        highlights={[
          "Forecast against actuals with 80% and 95% bands",
          "Backtest accuracy (MAPE) for each model",
          "Base, upside and downside scenarios",
          "Model version and training window for every run",
        ]}
        primaryAction={{ label: "Import market data", href: "/market/import" }}
        secondaryAction={{ label: "Go to Market", href: "/market" }}
      />
    </div>
  );
}
