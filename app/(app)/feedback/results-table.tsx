import Link from "next/link";
import { RiArrowLeftSLine, RiArrowRightSLine } from "@remixicon/react";
import { buttonStyles } from "@/app/_components/button-styles";
import { formatDate } from "@/app/_components/format";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import type { FeedbackListItem } from "@/lib/feedback/explore";
import type { FeedbackSort } from "@/lib/feedback/query";
import { Highlighted, RatingView, SentimentBadge } from "./feedback-parts";

const cell = "px-4 py-2 text-tremor-content dark:text-dark-tremor-content";

/**
 * The page of results. Each item's text links to its detail page, which gets the current view's
 * query string (`back`) so it can link back to exactly these results.
 */
export function ResultsTable({
  items,
  backQuery,
  showSentiment,
}: {
  items: FeedbackListItem[];
  backQuery: string;
  showSentiment: boolean;
}) {
  const detailHref = (id: string) => `/feedback/${id}${backQuery ? `?back=${encodeURIComponent(backQuery)}` : ""}`;
  return (
    <div className={tableFrame}>
      <table className="w-full text-left text-tremor-default" aria-label="Feedback items">
        <thead className={tableHead}>
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Feedback
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Rating
            </th>
            {showSentiment ? (
              <th scope="col" className="px-4 py-2 font-medium">
                Sentiment
              </th>
            ) : null}
            <th scope="col" className="px-4 py-2 font-medium">
              Channel
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Segment
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Date
            </th>
          </tr>
        </thead>
        <tbody className={tableBody}>
          {items.map((i) => (
            <tr key={i.id} className="align-top" data-testid="feedback-row">
              <td className="min-w-64 max-w-xl px-4 py-2 text-tremor-content-strong dark:text-dark-tremor-content-strong">
                <Link href={detailHref(i.id)} className="rounded-tremor-small hover:underline focus-visible:underline">
                  <Highlighted segments={i.snippet} />
                  {i.truncated ? <span aria-hidden="true"> …</span> : null}
                </Link>
                {i.productArea ? (
                  <span className="mt-1 block text-tremor-label text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                    {i.productArea}
                  </span>
                ) : null}
              </td>
              <td className={cell}>
                <RatingView rating={i.rating} scale={i.ratingScale} />
              </td>
              {showSentiment ? (
                <td className={cell}>
                  {i.sentiment ? (
                    <SentimentBadge label={i.sentiment.label} score={i.sentiment.score} />
                  ) : (
                    <span className="text-tremor-content-subtle dark:text-dark-tremor-content-subtle">Not scored</span>
                  )}
                </td>
              ) : null}
              <td className={cell}>{i.channel ?? "—"}</td>
              <td className={cell}>{i.segment ?? "—"}</td>
              <td className={`${cell} whitespace-nowrap`}>{formatDate(i.occurredAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const SHOWN: Record<FeedbackSort, string> = {
  newest: "most recent",
  oldest: "oldest",
  rating_high: "highest rated",
  rating_low: "lowest rated",
  relevance: "best matches",
};

/** "Showing the 50 most recent." and the links to the pages either side. */
export function Pager({
  shown,
  sort,
  firstPage,
  prevHref,
  nextHref,
  firstHref,
}: {
  shown: number;
  sort: FeedbackSort;
  firstPage: boolean;
  prevHref: string | null;
  nextHref: string | null;
  firstHref: string;
}) {
  if (!prevHref && !nextHref) return null;
  return (
    <nav aria-label="Pages of results" className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-tremor-label text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
        {firstPage ? `Showing the ${shown} ${SHOWN[sort]}.` : `Showing ${shown} further results.`}
      </p>
      <div className="flex items-center gap-2">
        {!firstPage ? (
          <Link href={firstHref} className={buttonStyles("ghost", "sm")}>
            First page
          </Link>
        ) : null}
        {prevHref ? (
          <Link href={prevHref} rel="prev" className={buttonStyles("secondary", "sm")}>
            <RiArrowLeftSLine aria-hidden="true" className="size-4" />
            Previous
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} rel="next" className={buttonStyles("secondary", "sm")}>
            Next
            <RiArrowRightSLine aria-hidden="true" className="size-4" />
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
