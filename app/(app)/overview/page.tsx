import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { RiArrowRightLine, RiDashboardLine } from "@remixicon/react";
import { EmptyState } from "@/app/_components/empty-state";
import { ExamplePreview } from "@/app/_components/example-preview";
import { PageHeader } from "@/app/_components/page-header";
import { describeTrend } from "@/app/_components/sentiment-display";
import { SentimentKpis } from "@/app/_components/sentiment-kpis";
import { SentimentPending } from "@/app/_components/sentiment-pending";
import { SentimentTrendChart } from "@/app/_components/sentiment-trend-chart";
import { Panel } from "@/app/_components/stat-card";
import { ThemeHighlights } from "@/app/_components/theme-highlights";
import { listJobs } from "@/lib/jobs/manage";
import { feedbackInsights } from "@/lib/nlp/insights";
import { getSessionWorkspace } from "@/lib/web/session";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

/** A trend needs a few points: months when there are at least this many, else weeks. */
const MIN_MONTHS_FOR_TREND = 3;

const linkStyle =
  "inline-flex items-center gap-1 rounded-sm text-tremor-default font-medium text-tremor-brand hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-tremor-brand dark:text-dark-tremor-brand dark:focus-visible:outline-dark-tremor-brand";

export default async function OverviewPage() {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const ctx = s.ctx;
  const insights = await feedbackInsights(ctx, { interval: "month" });
  const { summary } = insights;

  const header = (
    <PageHeader
      title="Overview"
      description="A one-screen read on what customers are asking for, where your market is heading and what could go wrong."
    />
  );

  if (summary.items === 0) {
    return (
      <div className="space-y-8">
        {header}
        <EmptyState
          icon={RiDashboardLine}
          title="Nothing to summarize yet"
          description="Your KPIs, top pain points and delighters appear here once feedback is imported and scored; opportunities, risks and forecasts follow as those analyses arrive."
          highlights={[
            "Feedback volume and net sentiment",
            "Net Promoter Score from 0–10 answers",
            "Top five pain points and delighters",
            "Sentiment trend by month",
          ]}
          primaryAction={{ label: "Import feedback", href: "/feedback/import" }}
          secondaryAction={{ label: "Add market data", href: "/market" }}
        >
          <ExamplePreview />
        </EmptyState>
      </div>
    );
  }

  if (summary.scored === 0) {
    const job = (await listJobs(ctx, { kind: "SENTIMENT", limit: 1 })).jobs[0] ?? null;
    return (
      <div className="space-y-8">
        {header}
        <SentimentPending items={summary.items} job={job} />
      </div>
    );
  }

  const weekly = insights.overTime.length < MIN_MONTHS_FOR_TREND;
  const trend = weekly ? (await feedbackInsights(ctx, { interval: "week" })).overTime : insights.overTime;
  const interval = weekly ? "week" : "month";

  return (
    <div className="space-y-8">
      {header}
      <section aria-labelledby="feedback-heading" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2
            id="feedback-heading"
            className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
          >
            Customer feedback
          </h2>
          <Link href="/feedback/insights" className={linkStyle}>
            All feedback insights
            <RiArrowRightLine aria-hidden="true" className="size-4" />
          </Link>
        </div>
        <SentimentKpis insights={insights} />
        <div className="grid gap-4 lg:grid-cols-3">
          <Panel
            title={`Sentiment per ${interval}`}
            titleId="overview-trend-heading"
            description="Scored items, stacked negative, neutral and positive."
          >
            <SentimentTrendChart
              points={trend}
              interval={interval}
              size="mini"
              summary={describeTrend(trend, interval)}
            />
          </Panel>
          <Panel
            title="Top pain points"
            titleId="overview-pain-heading"
            description="Themes most often spoken of negatively."
          >
            <ThemeHighlights themes={insights.painPoints} tone="negative" label="Top pain points" />
          </Panel>
          <Panel
            title="Top delighters"
            titleId="overview-delight-heading"
            description="Themes most often spoken of positively."
          >
            <ThemeHighlights themes={insights.delighters} tone="positive" label="Top delighters" />
          </Panel>
        </div>
      </section>
      <p className="text-tremor-label text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
        Opportunities, risks and forecasts join this page as those analyses arrive.
      </p>
    </div>
  );
}
