import { cx } from "@/app/_components/cx";
import { formatNumber } from "@/app/_components/format";
import { NpsCard } from "@/app/_components/nps-card";
import { SentimentBreakdown, SentimentCountHeads } from "@/app/_components/sentiment-breakdown";
import {
  describeTrend,
  formatInsightPeriod,
  formatSigned,
  SENTIMENT_KEYS,
  signedTone,
} from "@/app/_components/sentiment-display";
import { SentimentTrendChart } from "@/app/_components/sentiment-trend-chart";
import { SentimentKpis } from "@/app/_components/sentiment-kpis";
import { Panel } from "@/app/_components/stat-card";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import { ThemeHighlights } from "@/app/_components/theme-highlights";
import { MIN_NPS_RESPONSES, type FeedbackInsights, type Interval } from "@/lib/nlp/insights";

/** The same figures as the trend chart, as a table (keyboard and screen-reader friendly). */
function TrendTable({ insights, interval }: { insights: FeedbackInsights; interval: Interval }) {
  return (
    <details className="group">
      <summary className="cursor-pointer text-tremor-label font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand">
        Show the figures as a table
      </summary>
      <div className={cx(tableFrame, "mt-2 max-h-96 overflow-y-auto")}>
        <table className="w-full text-left text-tremor-default">
          <caption className="sr-only">Scored feedback per {interval}</caption>
          <thead className={tableHead}>
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {interval === "week" ? "Week" : "Month"}
              </th>
              <SentimentCountHeads />
            </tr>
          </thead>
          <tbody className={tableBody}>
            {insights.overTime.map((p) => (
              <tr key={p.period}>
                <th scope="row" className="whitespace-nowrap px-3 py-1.5 font-normal">
                  <time dateTime={p.period}>{formatInsightPeriod(p.period, interval)}</time>
                </th>
                {SENTIMENT_KEYS.map((k) => (
                  <td key={k} className="px-3 py-1.5 text-right tabular-nums">
                    {formatNumber(p[k])}
                  </td>
                ))}
                <td className={cx("px-3 py-1.5 text-right tabular-nums", signedTone(p.netSentiment))}>
                  {formatSigned(p.netSentiment)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Everything the Feedback insights tab shows once items are scored. */
export function InsightsOverview({
  insights,
  interval,
  period,
  periodWords,
}: {
  insights: FeedbackInsights;
  interval: Interval;
  period: { from?: string; to?: string };
  periodWords: string;
}) {
  return (
    <div className="space-y-6">
      <SentimentKpis insights={insights} />

      <Panel
        title={`Sentiment per ${interval}`}
        titleId="trend-heading"
        description={`Scored items, ${periodWords}, stacked negative, neutral and positive. Items without a date count on the day they were imported.`}
      >
        <SentimentTrendChart
          points={insights.overTime}
          interval={interval}
          summary={describeTrend(insights.overTime, interval)}
        />
        <TrendTable insights={insights} interval={interval} />
      </Panel>

      <div className="grid gap-4 lg:grid-cols-3">
        <Panel
          title="Net Promoter Score"
          titleId="nps-heading"
          description="Promoters (9–10) minus detractors (0–6), as a share of the answers on a 0–10 scale."
        >
          <NpsCard
            nps={insights.nps}
            responses={insights.npsResponses}
            minResponses={MIN_NPS_RESPONSES}
            period={period}
          />
        </Panel>
        <Panel
          title="Top pain points"
          titleId="pain-heading"
          description="Themes with the most items that speak of them negatively."
        >
          <ThemeHighlights themes={insights.painPoints} tone="negative" label="Top pain points" />
        </Panel>
        <Panel
          title="Top delighters"
          titleId="delight-heading"
          description="Themes with the most items that speak of them positively."
        >
          <ThemeHighlights themes={insights.delighters} tone="positive" label="Top delighters" />
        </Panel>
      </div>

      <div className="grid gap-4 2xl:grid-cols-2">
        <Panel
          title="Sentiment by channel"
          titleId="channel-heading"
          description="Scored items per channel, largest first. Each number opens those items in the explorer."
        >
          <SentimentBreakdown field="channel" fieldLabel="Channel" rows={insights.byChannel} period={period} />
        </Panel>
        <Panel
          title="Sentiment by segment"
          titleId="segment-heading"
          description="Scored items per customer segment, largest first. Each number opens those items in the explorer."
        >
          <SentimentBreakdown field="segment" fieldLabel="Segment" rows={insights.bySegment} period={period} />
        </Panel>
      </div>
    </div>
  );
}
