import Link from "next/link";
import { RiCloseLine } from "@remixicon/react";
import { toSearchParams, type FeedbackQuery } from "@/lib/feedback/query";
import { FACET_LABELS, ratingLabel, ratingValue } from "./explorer-params";
import { SENTIMENT_WORDS } from "./feedback-parts";

/** One removable chip per active filter, each a link to the view without it. */
export function ActiveFilters({
  query,
  batchName,
  themeName = null,
}: {
  query: FeedbackQuery;
  batchName: string | null;
  /** The label of the `theme` filter's theme (null: not a live theme of this workspace). */
  themeName?: string | null;
}) {
  const chips: { label: string; without: Partial<FeedbackQuery> }[] = [];
  if (query.batch) chips.push({ label: `Import: ${batchName ?? "another import"}`, without: { batch: undefined } });
  if (query.theme) chips.push({ label: `Theme: ${themeName ?? "a removed theme"}`, without: { theme: undefined } });
  if (query.from || query.to) {
    chips.push({
      label: `Date: ${query.from ?? "…"} to ${query.to ?? "…"}`,
      without: { from: undefined, to: undefined },
    });
  }
  for (const c of query.channel)
    chips.push({ label: `Channel: ${c}`, without: { channel: query.channel.filter((x) => x !== c) } });
  for (const f of ["segment", "plan", "country", "companySize", "productArea"] as const) {
    if (query[f]) chips.push({ label: `${FACET_LABELS[f]}: ${query[f]}`, without: { [f]: undefined } });
  }
  if (ratingValue(query)) {
    chips.push({
      label: ratingLabel(query),
      without: { ratingScale: undefined, ratingMin: undefined, ratingMax: undefined },
    });
  }
  for (const a of query.attr) {
    chips.push({ label: `${a.key}: ${a.value}`, without: { attr: query.attr.filter((x) => x !== a) } });
  }
  for (const s of query.sentiment) {
    chips.push({
      label: `Sentiment: ${SENTIMENT_WORDS[s]}`,
      without: { sentiment: query.sentiment.filter((x) => x !== s) },
    });
  }
  if (!chips.length) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap gap-2">
      {chips.map((c) => {
        const s = toSearchParams({ ...query, ...c.without, cursor: undefined }).toString();
        return (
          <li key={c.label}>
            <Link
              href={s ? `/feedback?${s}` : "/feedback"}
              aria-label={`Remove filter ${c.label}`}
              className="inline-flex items-center gap-1 rounded-full border border-tremor-border bg-tremor-background px-3 py-1 text-tremor-label text-tremor-content-emphasis hover:bg-tremor-background-muted dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:text-dark-tremor-content-emphasis dark:hover:bg-dark-tremor-background-muted"
            >
              {c.label}
              <RiCloseLine aria-hidden="true" className="size-3.5" />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
