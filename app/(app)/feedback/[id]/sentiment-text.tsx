/**
 * An item's text with the phrases that moved its sentiment marked, and its sentences with their
 * own results. Everything is rendered as text by React; the marks come as offsets, never HTML.
 * Positive and negative phrases differ in colour and in underline style (solid / wavy), and each
 * says which way it pushed in words (title for pointers, hidden text for screen readers).
 */
import { cx } from "@/app/_components/cx";
import type { SentenceSentiment, SentimentHighlight } from "@/lib/feedback/item";
import { SentimentBadge } from "../feedback-parts";

export interface MarkedPart {
  text: string;
  /** > 0 pushed the score positive, < 0 negative; absent: plain text. */
  weight?: number;
}

/**
 * `text[from, to)` cut at the highlights (sorted, non-overlapping, as readExplanation returns
 * them); highlights reaching outside the range are clipped to it.
 */
export function markParts(text: string, highlights: SentimentHighlight[], from = 0, to = text.length): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let at = from;
  for (const h of highlights) {
    const start = Math.max(h.start, at);
    const end = Math.min(h.end, to);
    if (end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: text.slice(start, end), weight: h.weight });
    at = end;
  }
  if (at < to) parts.push({ text: text.slice(at, to) });
  return parts;
}

const MARK_STYLE = {
  positive:
    "bg-emerald-100/80 text-emerald-900 underline decoration-emerald-600 decoration-2 underline-offset-4 dark:bg-emerald-400/15 dark:text-emerald-200 dark:decoration-emerald-400",
  negative:
    "bg-rose-100/80 text-rose-900 underline decoration-rose-600 decoration-wavy decoration-2 underline-offset-4 dark:bg-rose-400/15 dark:text-rose-200 dark:decoration-rose-400",
};

/** The parts, with marked phrases as <mark>. */
export function MarkedText({ parts }: { parts: MarkedPart[] }) {
  return (
    <>
      {parts.map((p, i) => {
        if (p.weight === undefined) return <span key={i}>{p.text}</span>;
        const tone = p.weight > 0 ? "positive" : "negative";
        const says = tone === "positive" ? "pushed positive" : "pushed negative";
        return (
          <mark
            key={i}
            data-testid={`highlight-${tone}`}
            title={`This phrase ${says}`}
            className={cx("rounded-sm px-0.5", MARK_STYLE[tone])}
          >
            {p.text}
            <span className="sr-only"> ({says})</span>
          </mark>
        );
      })}
    </>
  );
}

/** What the marks mean, shown next to the marked text. */
export function HighlightLegend() {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-tremor-label text-tremor-content dark:text-dark-tremor-content">
      <span>
        <mark className={cx("rounded-sm px-0.5", MARK_STYLE.positive)}>solid underline</mark> pushed positive
      </span>
      <span>
        <mark className={cx("rounded-sm px-0.5", MARK_STYLE.negative)}>wavy underline</mark> pushed negative
      </span>
    </p>
  );
}

/** Each sentence (or clause) with its own label and score, its phrases marked. */
export function SentenceList({
  text,
  sentences,
  highlights,
}: {
  text: string;
  sentences: SentenceSentiment[];
  highlights: SentimentHighlight[];
}) {
  return (
    <ol aria-label="Sentence by sentence" className="space-y-2" data-testid="sentence-list">
      {sentences.map((s) => (
        <li
          key={`${s.start}-${s.end}`}
          className="flex flex-col gap-1 rounded-tremor-default border border-tremor-border px-3 py-2 sm:flex-row sm:items-start sm:gap-3 dark:border-dark-tremor-border"
        >
          <span className="shrink-0">
            <SentimentBadge label={s.label} score={s.score} />
          </span>
          <span className="min-w-0 break-words text-tremor-default text-tremor-content-strong dark:text-dark-tremor-content-strong">
            <MarkedText parts={markParts(text, highlights, s.start, s.end)} />
          </span>
        </li>
      ))}
    </ol>
  );
}
