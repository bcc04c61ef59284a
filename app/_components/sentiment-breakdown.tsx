import Link from "next/link";
import { cx } from "./cx";
import { formatNumber } from "./format";
import {
  explorerHref,
  formatSigned,
  SENTIMENT_FILL,
  SENTIMENT_KEYS,
  SENTIMENT_LABEL,
  SENTIMENT_NAME,
  signedTone,
} from "./sentiment-display";
import { tableBody, tableFrame, tableHead } from "./table-styles";
import type { FeedbackQuery } from "@/lib/feedback/query";

/** Column heads for negative, neutral and positive counts and the net figure, in that order. */
export function SentimentCountHeads() {
  return (
    <>
      {SENTIMENT_KEYS.map((k) => (
        <th key={k} scope="col" className="px-3 py-2 text-right font-medium">
          {SENTIMENT_NAME[k]}
        </th>
      ))}
      <th scope="col" className="px-3 py-2 text-right font-medium">
        Net
      </th>
    </>
  );
}

export interface BreakdownRowView {
  value: string;
  negative: number;
  neutral: number;
  positive: number;
  netSentiment: number;
}

const linkStyle =
  "rounded-sm underline-offset-2 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-tremor-brand dark:focus-visible:outline-dark-tremor-brand";

/**
 * Sentiment per channel or segment as a table: a stacked bar for the eye (hidden from screen
 * readers, which get the numbers), and every count a link to the explorer filtered the same way.
 */
export function SentimentBreakdown({
  field,
  fieldLabel,
  rows,
  period,
}: {
  field: "channel" | "segment";
  /** "Channel", "Segment": the first column's heading. */
  fieldLabel: string;
  rows: BreakdownRowView[];
  /** The insights' period, carried into the explorer links. */
  period: { from?: string; to?: string };
}) {
  if (!rows.length) {
    return (
      <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">
        No scored item has a {fieldLabel.toLowerCase()}. Map a {fieldLabel.toLowerCase()} column when you import to see
        this breakdown.
      </p>
    );
  }
  const filter = (value: string): Partial<FeedbackQuery> => ({
    ...period,
    ...(field === "channel" ? { channel: [value] } : { segment: value }),
  });
  return (
    <div className={tableFrame}>
      <table className="w-full text-left text-tremor-default" aria-label={`Sentiment by ${fieldLabel.toLowerCase()}`}>
        <thead className={tableHead}>
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {fieldLabel}
            </th>
            <th scope="col" className="hidden w-1/3 px-3 py-2 font-medium sm:table-cell">
              <span className="sr-only">Share of negative, neutral and positive items</span>
              <span aria-hidden="true">Mix</span>
            </th>
            <SentimentCountHeads />
          </tr>
        </thead>
        <tbody className={tableBody}>
          {rows.map((r) => {
            const total = r.negative + r.neutral + r.positive;
            return (
              <tr key={r.value}>
                <th
                  scope="row"
                  className="max-w-[12rem] truncate px-3 py-2 font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong"
                >
                  <Link href={explorerHref(filter(r.value))} className={linkStyle} title={r.value}>
                    {r.value}
                  </Link>
                </th>
                <td className="hidden px-3 py-2 sm:table-cell">
                  <div
                    aria-hidden="true"
                    className="flex h-2.5 w-full overflow-hidden rounded-full bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"
                  >
                    {SENTIMENT_KEYS.map((k) =>
                      r[k] ? (
                        <div key={k} className={SENTIMENT_FILL[k]} style={{ width: `${(r[k] / total) * 100}%` }} />
                      ) : null,
                    )}
                  </div>
                </td>
                {SENTIMENT_KEYS.map((k) => (
                  <td key={k} className="px-3 py-2 text-right tabular-nums">
                    {r[k] ? (
                      <Link
                        href={explorerHref({ ...filter(r.value), sentiment: [SENTIMENT_LABEL[k]] })}
                        className={cx(linkStyle, "text-tremor-content-strong dark:text-dark-tremor-content-strong")}
                        aria-label={`${formatNumber(r[k])} ${SENTIMENT_NAME[k].toLowerCase()} from ${r.value}`}
                      >
                        {formatNumber(r[k])}
                      </Link>
                    ) : (
                      <span className="text-tremor-content-subtle dark:text-dark-tremor-content-subtle">0</span>
                    )}
                  </td>
                ))}
                <td className={cx("px-3 py-2 text-right font-medium tabular-nums", signedTone(r.netSentiment))}>
                  {formatSigned(r.netSentiment)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
