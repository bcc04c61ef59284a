/**
 * Pieces shown wherever themes are: the sentiment meter (how many items speak of the theme
 * negatively and positively, and the mean in words and number), keyword chips, and words for a
 * sentiment score. Colours always come with words, so nothing is told by colour alone.
 */
import { cx } from "@/app/_components/cx";
import { formatNumber } from "@/app/_components/format";

/** Scores within ±NEUTRAL_BAND count as neither (the theme views count the same way). */
const NEUTRAL_BAND = 0.05;

/** "+0.42", "−0.30", "0.00": a score of −1 … +1 with a real minus sign. */
export function signedScore(score: number): string {
  const rounded = Math.round(score * 100) / 100;
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${Math.abs(rounded).toFixed(2)}`;
}

/** A mean sentiment in words: "Mostly negative", "Mixed", … */
export function sentimentWords(score: number | null): string {
  if (score === null) return "Not scored yet";
  if (score <= -0.35) return "Mostly negative";
  if (score < -NEUTRAL_BAND) return "Leaning negative";
  if (score <= NEUTRAL_BAND) return "Mixed or neutral";
  if (score < 0.35) return "Leaning positive";
  return "Mostly positive";
}

export type Tone = "negative" | "neutral" | "positive";

export const toneOf = (score: number | null): Tone =>
  score === null || Math.abs(score) <= NEUTRAL_BAND ? "neutral" : score < 0 ? "negative" : "positive";

export const TONE_TEXT: Record<Tone, string> = {
  negative: "text-rose-700 dark:text-rose-300",
  neutral: "text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis",
  positive: "text-emerald-700 dark:text-emerald-300",
};

/**
 * Negative and positive items as one stacked bar over the theme's size, with the counts and the
 * mean sentiment written out. Screen readers get one sentence instead of the drawing.
 */
export function SentimentMeter({
  size,
  negative,
  positive,
  sentiment,
  className,
}: {
  size: number;
  negative: number;
  positive: number;
  sentiment: number | null;
  className?: string;
}) {
  const total = Math.max(size, negative + positive, 1);
  const pct = (n: number) => `${(n / total) * 100}%`;
  const other = Math.max(0, size - negative - positive);
  const summary =
    `${formatNumber(negative)} negative, ${formatNumber(positive)} positive, ${formatNumber(other)} neither, ` +
    `of ${formatNumber(size)} items. ${sentimentWords(sentiment)}` +
    (sentiment === null ? "." : ` (mean ${signedScore(sentiment)} on −1 to +1).`);
  return (
    <div className={cx("space-y-1.5", className)} data-testid="theme-sentiment">
      <p className="sr-only">{summary}</p>
      <div
        aria-hidden="true"
        className="flex h-2 w-full overflow-hidden rounded-full bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"
        title={summary}
      >
        <div className="h-full bg-rose-500 dark:bg-rose-400" style={{ width: pct(negative) }} />
        <div className="h-full" style={{ width: pct(other) }} />
        <div className="h-full bg-emerald-500 dark:bg-emerald-400" style={{ width: pct(positive) }} />
      </div>
      <div
        aria-hidden="true"
        className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-tremor-label text-tremor-content dark:text-dark-tremor-content"
      >
        <span className="tabular-nums">
          <span className="font-medium text-rose-700 dark:text-rose-300">{formatNumber(negative)} negative</span>
          {" · "}
          <span className="font-medium text-emerald-700 dark:text-emerald-300">{formatNumber(positive)} positive</span>
        </span>
        <span className={cx("font-medium", TONE_TEXT[toneOf(sentiment)])}>
          {sentimentWords(sentiment)}
          {sentiment === null ? null : <span className="ml-1 tabular-nums">{signedScore(sentiment)}</span>}
        </span>
      </div>
    </div>
  );
}

export function KeywordList({ keywords, label }: { keywords: string[]; label: string }) {
  if (!keywords.length) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {keywords.map((k) => (
        <li
          key={k}
          className="rounded-tremor-small bg-tremor-background-subtle px-2 py-0.5 text-tremor-label text-tremor-content-emphasis dark:bg-dark-tremor-background-subtle dark:text-dark-tremor-content-emphasis"
        >
          {k}
        </li>
      ))}
    </ul>
  );
}

export const themeItemsHref = (themeId: string) => `/feedback?theme=${encodeURIComponent(themeId)}`;
