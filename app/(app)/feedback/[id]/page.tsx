import type { Metadata } from "next";
import { ColumnHeads } from "@/app/_components/column-heads";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { RiArrowLeftLine } from "@remixicon/react";
import { z } from "zod";
import { cx } from "@/app/_components/cx";
import { formatDate, formatPercent } from "@/app/_components/format";
import { PageHeader } from "@/app/_components/page-header";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import { isAppError } from "@/lib/errors";
import { getFeedbackItemOrThrow, type FeedbackItemDetail } from "@/lib/feedback/item";
import { getSessionWorkspace } from "@/lib/web/session";
import { signedScore, toneOf, TONE_TEXT } from "../../themes/theme-parts";
import { Highlighted, RatingView, SentimentBadge } from "../feedback-parts";
import { HighlightLegend, markParts, MarkedText, SentenceList } from "./sentiment-text";

export const metadata: Metadata = { title: "Feedback item" };
export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(64) });

const sectionTitle = "text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong";
const muted = "text-tremor-default text-tremor-content dark:text-dark-tremor-content";

export default async function FeedbackItemPage({
  params: routeParams,
  searchParams,
}: {
  params: Promise<Record<string, string>>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const parsed = params.safeParse(await routeParams);
  if (!parsed.success) notFound();
  // `back` is the explorer view we came from (a query string only: the path is always /feedback).
  const rawBack = (await searchParams).back;
  const back = new URLSearchParams(typeof rawBack === "string" ? rawBack.slice(0, 4000) : "");
  const backHref = back.toString() ? `/feedback?${back.toString()}` : "/feedback";
  let item: FeedbackItemDetail;
  try {
    item = await getFeedbackItemOrThrow(s.ctx, parsed.data.id, { q: back.get("q")?.slice(0, 500) || undefined });
  } catch (e) {
    // Another workspace's item looks exactly like one that does not exist.
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }

  // Search matches win the main text (the reader came looking for them); sentence list shows both.
  const sentimentMarks = !item.highlighted && !!item.sentiment?.highlights.length;

  const fields: [string, ReactNode][] = [
    ["Date", item.occurredAt ? formatDate(item.occurredAt, "long") : "—"],
    ["Rating", <RatingView key="r" rating={item.rating} scale={item.ratingScale} />],
    ["Channel", item.channel ?? "—"],
    ["Segment", item.segment ?? "—"],
    ["Plan", item.plan ?? "—"],
    ["Country", item.country ?? "—"],
    ["Company size", item.companySize ?? "—"],
    ["Product area", item.productArea ?? "—"],
    ["External id", item.externalId ?? "—"],
    [
      "Author",
      item.authorHash ? (
        <span key="a" title="A salted hash: the same author gives the same value; the name is not stored.">
          <code className="font-mono text-tremor-label">{item.authorHash.slice(0, 12)}</code> (anonymised)
        </span>
      ) : (
        "—"
      ),
    ],
    [
      "Imported from",
      <span key="b">
        <Link
          href={`/feedback?batch=${encodeURIComponent(item.batch.id)}`}
          className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand"
        >
          {item.batch.fileName}
        </Link>
        <span className="text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
          {" "}
          on {formatDate(item.batch.createdAt)}
        </span>
      </span>,
    ],
  ];

  return (
    <div className="space-y-8">
      <div>
        <Link
          href={backHref}
          className="inline-flex items-center gap-1 rounded-tremor-small text-tremor-default font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand"
        >
          <RiArrowLeftLine aria-hidden="true" className="size-4" />
          Back to results
        </Link>
      </div>
      <PageHeader
        title="Feedback item"
        description={
          [item.channel, item.occurredAt ? formatDate(item.occurredAt) : null].filter(Boolean).join(" · ") || undefined
        }
      />

      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="sr-only">
          What they said
        </h2>
        <blockquote
          data-testid="feedback-text"
          className="whitespace-pre-wrap break-words rounded-tremor-default border-l-4 border-tremor-brand-muted bg-tremor-background-muted px-5 py-4 text-base leading-relaxed text-tremor-content-strong dark:border-dark-tremor-brand-muted dark:bg-dark-tremor-background-muted dark:text-dark-tremor-content-strong"
        >
          {item.highlighted ? (
            <Highlighted segments={item.highlighted} />
          ) : sentimentMarks ? (
            <MarkedText parts={markParts(item.text, item.sentiment!.highlights)} />
          ) : (
            item.text
          )}
        </blockquote>
        {item.highlighted && item.sentiment?.highlights.length ? (
          <p className={muted}>
            Your search words are marked. The phrases behind the sentiment are marked sentence by sentence under
            Sentiment.
          </p>
        ) : sentimentMarks ? (
          <HighlightLegend />
        ) : null}
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="fields-heading" className="space-y-3">
          <h2 id="fields-heading" className={sectionTitle}>
            Details
          </h2>
          <dl className="divide-y divide-tremor-border rounded-tremor-default border border-tremor-border dark:divide-dark-tremor-border dark:border-dark-tremor-border">
            {fields.map(([label, value]) => (
              <div key={label} className="grid grid-cols-3 gap-4 px-4 py-2 text-tremor-default">
                <dt className="font-medium text-tremor-content dark:text-dark-tremor-content">{label}</dt>
                <dd className="col-span-2 break-words text-tremor-content-strong dark:text-dark-tremor-content-strong">
                  {value}
                </dd>
              </div>
            ))}
          </dl>
        </section>

        <div className="space-y-8">
          <section aria-labelledby="sentiment-heading" className="space-y-3">
            <h2 id="sentiment-heading" className={sectionTitle}>
              Sentiment
            </h2>
            {item.sentiment ? (
              <>
                <p className={`${muted} flex flex-wrap items-center gap-2`} data-testid="item-sentiment">
                  <SentimentBadge label={item.sentiment.label} score={item.sentiment.score} />
                  <span>
                    {formatPercent(item.sentiment.confidence, 0)} confidence, scored{" "}
                    {formatDate(item.sentiment.scoredAt)}
                  </span>
                </p>
                {item.sentiment.sentences.length ? (
                  <SentenceList
                    text={item.text}
                    sentences={item.sentiment.sentences}
                    highlights={item.sentiment.highlights}
                  />
                ) : null}
              </>
            ) : (
              <p className={muted}>Not scored yet. Sentiment is computed in the background after each import.</p>
            )}
          </section>

          <section aria-labelledby="themes-heading" className="space-y-3">
            <h2 id="themes-heading" className={sectionTitle}>
              Themes
            </h2>
            {item.themes.length ? (
              <ul className="flex flex-wrap gap-2" aria-label="Themes of this item">
                {item.themes.map((t) => {
                  const tone = toneOf(t.sentiment);
                  return (
                    <li key={t.id}>
                      <Link
                        href={`/themes/${encodeURIComponent(t.id)}`}
                        data-testid="item-theme"
                        className="inline-flex items-center gap-2 rounded-full border border-tremor-border px-3 py-1 text-tremor-label text-tremor-content-emphasis hover:bg-tremor-background-muted dark:border-dark-tremor-border dark:text-dark-tremor-content-emphasis dark:hover:bg-dark-tremor-background-muted"
                        title={
                          t.sentiment === null
                            ? "Sentiment toward this theme not scored yet"
                            : `Sentiment toward this theme: ${signedScore(t.sentiment)} (−1 to +1)`
                        }
                      >
                        <span className="font-medium">{t.label}</span>
                        <span className={cx("tabular-nums", TONE_TEXT[tone])}>
                          {t.sentiment === null ? "not scored" : `${tone} ${signedScore(t.sentiment)}`}
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className={muted}>No themes yet. Themes are found across all feedback in the background.</p>
            )}
          </section>
        </div>
      </div>

      <section aria-labelledby="attributes-heading" className="space-y-3">
        <h2 id="attributes-heading" className={sectionTitle}>
          Other columns
        </h2>
        {item.attributes.length ? (
          <div className={tableFrame}>
            <table className="w-full text-left text-tremor-default" aria-labelledby="attributes-heading">
              <thead className={tableHead}>
                <ColumnHeads columns={["Column", "Value"]} cellClassName="px-4 py-2" />
              </thead>
              <tbody className={tableBody}>
                {item.attributes.map((a) => (
                  <tr key={a.key}>
                    <th scope="row" className="px-4 py-2 font-medium text-tremor-content dark:text-dark-tremor-content">
                      {a.key}
                    </th>
                    <td className="break-words px-4 py-2 text-tremor-content-strong dark:text-dark-tremor-content-strong">
                      {a.value}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className={muted}>The file had no other columns for this item.</p>
        )}
      </section>
    </div>
  );
}
