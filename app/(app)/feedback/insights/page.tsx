import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { RiCalendarLine, RiChat3Line } from "@remixicon/react";
import { buttonStyles } from "@/app/_components/button-styles";
import { EmptyState } from "@/app/_components/empty-state";
import { inputStyles } from "@/app/_components/field";
import { formatDate } from "@/app/_components/format";
import { FormMessage } from "@/app/_components/form-message";
import { PageHeader } from "@/app/_components/page-header";
import { SentimentPending } from "@/app/_components/sentiment-pending";
import { can } from "@/lib/auth/roles";
import { searchParamsToObject } from "@/lib/feedback/query";
import { listJobs } from "@/lib/jobs/manage";
import { feedbackInsights, insightsQuerySchema } from "@/lib/nlp/insights";
import { getSessionWorkspace } from "@/lib/web/session";
import { FeedbackTabs } from "../feedback-tabs";
import { InsightsOverview } from "./insights-overview";

export const metadata: Metadata = { title: "Feedback insights" };
export const dynamic = "force-dynamic";

type Query = ReturnType<typeof insightsQuerySchema.parse>;

/** The view from the URL; parameters it cannot use are dropped and named. */
function readQuery(raw: Record<string, string | string[]>): { query: Query; problems: string[] } {
  const one = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const first = insightsQuerySchema.safeParse(one);
  if (first.success) return { query: first.data, problems: [] };
  const bad = new Set(first.error.issues.map((i) => String(i.path[0] ?? "")));
  const second = insightsQuerySchema.safeParse(Object.fromEntries(Object.entries(one).filter(([k]) => !bad.has(k))));
  return {
    query: second.success ? second.data : insightsQuerySchema.parse({}),
    problems: first.error.issues.map((i) => `${i.path.join(".") || "address"}: ${i.message}`),
  };
}

function insightsHref(q: Partial<Query>): string {
  const p = new URLSearchParams();
  if (q.interval && q.interval !== "month") p.set("interval", q.interval);
  if (q.from) p.set("from", q.from);
  if (q.to) p.set("to", q.to);
  const s = p.toString();
  return s ? `/feedback/insights?${s}` : "/feedback/insights";
}

const labelStyle = "block text-tremor-label font-medium text-tremor-content dark:text-dark-tremor-content";

/** Week / month toggle and the period form (a plain GET form: works without JavaScript). */
function PeriodControls({ query }: { query: Query }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <form method="get" action="/feedback/insights" aria-label="Period" className="flex flex-wrap items-end gap-3">
        {query.interval !== "month" ? <input type="hidden" name="interval" value={query.interval} /> : null}
        <div className="space-y-1">
          <label htmlFor="insights-from" className={labelStyle}>
            From
          </label>
          <input id="insights-from" type="date" name="from" defaultValue={query.from ?? ""} className={inputStyles} />
        </div>
        <div className="space-y-1">
          <label htmlFor="insights-to" className={labelStyle}>
            To
          </label>
          <input id="insights-to" type="date" name="to" defaultValue={query.to ?? ""} className={inputStyles} />
        </div>
        <button type="submit" className={buttonStyles("secondary")}>
          <RiCalendarLine aria-hidden="true" className="size-4" />
          Show period
        </button>
        {query.from || query.to ? (
          <Link href={insightsHref({ interval: query.interval })} className={buttonStyles("ghost")}>
            All time
          </Link>
        ) : null}
      </form>
      <div
        role="group"
        aria-label="Group by"
        className="inline-flex rounded-tremor-default border border-tremor-border p-0.5 dark:border-dark-tremor-border"
      >
        {(["week", "month"] as const).map((interval) => {
          const active = query.interval === interval;
          return (
            <Link
              key={interval}
              href={insightsHref({ ...query, interval })}
              aria-current={active ? "true" : undefined}
              className={
                active
                  ? "rounded-tremor-small bg-tremor-brand px-3 py-1 text-tremor-default font-medium text-tremor-brand-inverted dark:bg-dark-tremor-brand dark:text-dark-tremor-brand-inverted"
                  : "rounded-tremor-small px-3 py-1 text-tremor-default font-medium text-tremor-content hover:bg-tremor-background-muted hover:text-tremor-content-strong dark:text-dark-tremor-content dark:hover:bg-dark-tremor-background-subtle dark:hover:text-dark-tremor-content-strong"
              }
            >
              {interval === "week" ? "By week" : "By month"}
            </Link>
          );
        })}
      </div>
    </div>
  );
}

function periodWords(q: Query): string {
  if (q.from && q.to) return `${formatDate(q.from)} to ${formatDate(q.to)}`;
  if (q.from) return `from ${formatDate(q.from)}`;
  if (q.to) return `up to ${formatDate(q.to)}`;
  return "all time";
}

export default async function FeedbackInsightsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const ctx = s.ctx;
  const { query, problems } = readQuery(searchParamsToObject(await searchParams));
  const hasPeriod = !!(query.from || query.to);
  // With a period, "no items" may mean only "none in this period": ask about all time too.
  const [insights, allTime] = await Promise.all([
    feedbackInsights(ctx, query),
    hasPeriod ? feedbackInsights(ctx, {}) : null,
  ]);
  const allTimeItems = (allTime ?? insights).summary.items;
  const sentimentJob =
    insights.summary.items > 0 && insights.summary.scored === 0
      ? ((await listJobs(ctx, { kind: "SENTIMENT", limit: 1 })).jobs[0] ?? null)
      : null;
  const canImport = can(ctx.role, "data.write");
  const period = { from: query.from, to: query.to };

  let body;
  if (allTimeItems === 0) {
    body = (
      <EmptyState
        icon={RiChat3Line}
        title="No feedback imported yet"
        description="Import feedback from your help desk, surveys or app-store reviews. Each item is scored for sentiment and grouped into themes in the background, and this page charts what they say."
        highlights={[
          "Sentiment over time, by week or month",
          "Sentiment by channel and by segment",
          "Net Promoter Score from 0–10 answers",
          "Top pain points and delighters",
        ]}
        primaryAction={{ label: "Import feedback", href: "/feedback/import" }}
        secondaryAction={{ label: "See jobs", href: "/jobs" }}
      />
    );
  } else if (insights.summary.items === 0) {
    body = (
      <EmptyState
        icon={RiCalendarLine}
        title="No feedback in this period"
        description={`No item is dated ${periodWords(query)}. Choose another period, or look at all time.`}
        primaryAction={{ label: "Show all time", href: insightsHref({ interval: query.interval }) }}
      />
    );
  } else if (insights.summary.scored === 0) {
    body = <SentimentPending items={insights.summary.items} job={sentimentJob} />;
  } else {
    body = (
      <InsightsOverview
        insights={insights}
        interval={query.interval}
        period={period}
        periodWords={periodWords(query)}
      />
    );
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title="Feedback"
        description="What customers say, summarised: how sentiment moves over time and across channels and segments, your Net Promoter Score, and the themes that hurt or delight."
        actions={
          canImport ? (
            <Link href="/feedback/import" className={buttonStyles("primary")}>
              Import feedback
            </Link>
          ) : null
        }
      />
      <FeedbackTabs current="insights" />
      {problems.length ? (
        <FormMessage tone="error" title="Part of this address could not be used, so it was left out">
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </FormMessage>
      ) : null}
      {allTimeItems > 0 ? <PeriodControls query={query} /> : null}
      {body}
    </div>
  );
}
