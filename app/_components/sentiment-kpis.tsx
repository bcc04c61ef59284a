import { formatNumber, formatPercent } from "./format";
import { formatSigned, signedTone } from "./sentiment-display";
import { StatCard } from "./stat-card";
import { MIN_NPS_RESPONSES, type FeedbackInsights } from "@/lib/nlp/insights";

/** The KPIs of the Feedback insights and the Overview: items, share scored, net sentiment, mean score, NPS. */
export function SentimentKpis({ insights }: { insights: FeedbackInsights }) {
  const { summary: s, nps, npsResponses } = insights;
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Feedback figures">
      <StatCard
        label="Feedback items"
        testId="kpi-items"
        detail={`${formatNumber(s.scored)} scored for sentiment (${formatPercent(s.items ? s.scored / s.items : 0, 0)})`}
      >
        {formatNumber(s.items)}
      </StatCard>
      <StatCard
        label="Net sentiment"
        testId="kpi-net-sentiment"
        valueClassName={signedTone(s.netSentiment)}
        detail={
          s.scored
            ? `${formatPercent(s.positive / s.scored, 0)} positive minus ${formatPercent(s.negative / s.scored, 0)} negative (−100 to +100)`
            : "No item scored yet"
        }
      >
        {formatSigned(s.netSentiment)}
      </StatCard>
      <StatCard
        label="Mean sentiment score"
        testId="kpi-mean-score"
        valueClassName={signedTone(s.meanScore)}
        detail="Average of the scored items, from −1 (negative) to +1 (positive)"
      >
        {formatSigned(s.meanScore, 2)}
      </StatCard>
      <StatCard
        label="Net Promoter Score"
        testId="kpi-nps"
        valueClassName={nps ? signedTone(nps.score) : "text-tremor-content-subtle dark:text-dark-tremor-content-subtle"}
        detail={
          nps
            ? `From ${formatNumber(nps.responses)} answers on a 0–10 scale`
            : `Needs ${formatNumber(MIN_NPS_RESPONSES)} answers on a 0–10 scale; ${formatNumber(npsResponses)} so far`
        }
      >
        {nps ? formatSigned(nps.score) : "—"}
      </StatCard>
    </dl>
  );
}
