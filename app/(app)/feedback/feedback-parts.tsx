/**
 * Small pieces shown wherever feedback items are: the rating on its own scale, highlighted text,
 * the sentiment label. Text is rendered by React (escaped); matches come as segments, not HTML.
 */
import { cx } from "@/app/_components/cx";
import { formatNumber } from "@/app/_components/format";
import type { TextSegment } from "@/lib/feedback/text-search";
import type { RatingScaleName, SentimentLabelName } from "@/lib/feedback/query";

const mutedText = "text-tremor-content-subtle dark:text-dark-tremor-content-subtle";

/** ★★★★☆ for stars, "NPS 8" for NPS, 👍/👎 for thumbs, the number when the scale is unknown. */
export function RatingView({ rating, scale }: { rating: number | null; scale: RatingScaleName | null }) {
  if (rating === null) {
    return (
      <span className={mutedText}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">No rating</span>
      </span>
    );
  }
  if (scale === "STARS_5") {
    const full = Math.max(0, Math.min(5, Math.round(rating)));
    const label = `${formatNumber(rating, 1)} of 5 stars`;
    return (
      <span role="img" aria-label={label} title={label} className="whitespace-nowrap tracking-tight">
        <span className="text-amber-500 dark:text-amber-400">{"★".repeat(full)}</span>
        <span className="text-tremor-content-subtle/50 dark:text-dark-tremor-content-subtle/50">
          {"★".repeat(5 - full)}
        </span>
      </span>
    );
  }
  if (scale === "NPS_10") {
    return (
      <span title={`NPS score ${formatNumber(rating, 1)} of 10`} className="whitespace-nowrap tabular-nums">
        <span className="sr-only">NPS score </span>
        <span aria-hidden="true">NPS </span>
        {formatNumber(rating, 1)}
        <span className={mutedText}>/10</span>
      </span>
    );
  }
  if (scale === "THUMBS") {
    const up = rating >= 0.5;
    const label = up ? "Thumbs up" : "Thumbs down";
    return (
      <span role="img" aria-label={label} title={label}>
        {up ? "👍" : "👎"}
      </span>
    );
  }
  return <span className="tabular-nums">{formatNumber(rating, 1)}</span>;
}

/** Text with the search's matches in <mark>. */
export function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark
            key={i}
            className="rounded-sm bg-amber-200/80 px-0.5 text-inherit dark:bg-amber-400/30 dark:text-dark-tremor-content-strong"
          >
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

const SENTIMENT_STYLE: Record<SentimentLabelName, string> = {
  POSITIVE:
    "bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/30",
  NEUTRAL:
    "bg-tremor-background-subtle text-tremor-content-emphasis ring-tremor-ring dark:bg-dark-tremor-background-subtle dark:text-dark-tremor-content-emphasis dark:ring-dark-tremor-ring",
  NEGATIVE: "bg-rose-50 text-rose-800 ring-rose-600/30 dark:bg-rose-400/10 dark:text-rose-300 dark:ring-rose-400/30",
};

export const SENTIMENT_WORDS: Record<SentimentLabelName, string> = {
  POSITIVE: "Positive",
  NEUTRAL: "Neutral",
  NEGATIVE: "Negative",
};

/** "Negative −0.80": the label and the score (−1 … +1). */
export function SentimentBadge({ label, score }: { label: SentimentLabelName; score: number }) {
  const signed = `${score > 0 ? "+" : score < 0 ? "−" : ""}${Math.abs(score).toFixed(2)}`;
  return (
    <span
      className={cx(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-tremor-small px-1.5 py-0.5 text-tremor-label font-medium ring-1 ring-inset",
        SENTIMENT_STYLE[label],
      )}
      title={`Sentiment score ${signed} (−1 to +1)`}
    >
      {SENTIMENT_WORDS[label]}
      <span className="tabular-nums opacity-80">{signed}</span>
    </span>
  );
}
