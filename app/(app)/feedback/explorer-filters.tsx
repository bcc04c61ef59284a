import Link from "next/link";
import { RiFilter3Line, RiSearchLine } from "@remixicon/react";
import { buttonStyles } from "@/app/_components/button-styles";
import { cx } from "@/app/_components/cx";
import { inputStyles } from "@/app/_components/field";
import { formatNumber } from "@/app/_components/format";
import type { FeedbackFacets } from "@/lib/feedback/facets";
import {
  SENTIMENT_LABELS,
  SORT_LABELS,
  SORTS,
  DEFAULT_LIMIT,
  effectiveSort,
  type FeedbackQuery,
  type FeedbackSort,
} from "@/lib/feedback/query";
import { ExplorerForm, SubmitOnChangeSelect } from "./explorer-form";
import { clearHref, FACET_LABELS, RATING_PRESETS, ratingLabel, ratingValue } from "./explorer-params";
import { SENTIMENT_WORDS } from "./feedback-parts";

const labelStyle =
  "block text-tremor-label font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong";

/** How many filters (not words, sort or import) narrow the view. */
export function countActiveFilters(q: FeedbackQuery): number {
  return (
    (q.from || q.to ? 1 : 0) +
    (q.channel.length ? 1 : 0) +
    [q.segment, q.plan, q.country, q.companySize, q.productArea].filter(Boolean).length +
    (ratingValue(q) ? 1 : 0) +
    q.attr.length +
    (q.sentiment.length ? 1 : 0)
  );
}

/** The search box, the filter panel and the sort menu, as one GET form. */
export function ExplorerFilters({
  query,
  sort,
  facets,
  formKey,
}: {
  query: FeedbackQuery;
  sort: FeedbackSort;
  facets: FeedbackFacets;
  /** Changes with the URL, so the form shows the view's values after Back/Forward. */
  formKey: string;
}) {
  const active = countActiveFilters(query);
  const defaultSort = effectiveSort({ q: query.q });
  const ratingSelected = ratingValue(query);
  const ratingIsPreset = !ratingSelected || RATING_PRESETS.some((p) => p.value === ratingSelected);
  const groups = [...new Set(RATING_PRESETS.map((p) => p.group))];
  return (
    <ExplorerForm key={formKey} className="space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row">
        <div className="relative min-w-0 flex-1">
          <label htmlFor="feedback-search" className="sr-only">
            Search feedback
          </label>
          <RiSearchLine
            aria-hidden="true"
            className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-tremor-content-subtle dark:text-dark-tremor-content-subtle"
          />
          <input
            id="feedback-search"
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            maxLength={500}
            placeholder='Search: words, "an exact phrase", -leave out, this or that'
            aria-describedby="feedback-search-hint"
            className={cx(inputStyles, "pl-9")}
          />
        </div>
        <button type="submit" className={buttonStyles("primary")}>
          Search
        </button>
      </div>
      <p id="feedback-search-hint" className="sr-only">
        Words match as prefixes (crash finds crashes); quoted phrases match exactly.
      </p>

      <details
        open={active > 0}
        className="group rounded-tremor-default border border-tremor-border dark:border-dark-tremor-border"
      >
        <summary className="flex cursor-pointer list-none items-center gap-2 rounded-tremor-default px-4 py-2 text-tremor-default font-medium text-tremor-content-strong hover:bg-tremor-background-muted dark:text-dark-tremor-content-strong dark:hover:bg-dark-tremor-background-muted [&::-webkit-details-marker]:hidden">
          <RiFilter3Line aria-hidden="true" className="size-4" />
          Filters
          {active ? (
            <span className="rounded-full bg-tremor-brand-faint px-2 text-tremor-label text-tremor-brand-emphasis dark:bg-dark-tremor-brand-faint dark:text-dark-tremor-brand-emphasis">
              {active} active
            </span>
          ) : null}
        </summary>
        <div className="space-y-4 border-t border-tremor-border p-4 dark:border-dark-tremor-border">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <DateField name="from" label="From" value={query.from} />
            <DateField name="to" label="To" value={query.to} />
            <div className="space-y-1.5">
              <label htmlFor="filter-rating" className={labelStyle}>
                Rating
              </label>
              <select id="filter-rating" name="rating" defaultValue={ratingSelected} className={inputStyles}>
                <option value="">Any rating</option>
                {!ratingIsPreset ? <option value={ratingSelected}>{ratingLabel(query)}</option> : null}
                {groups.map((g) => (
                  <optgroup key={g} label={g}>
                    {RATING_PRESETS.filter((p) => p.group === g).map((p) => (
                      <option key={p.value} value={p.value}>
                        {p.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            {(["segment", "plan", "country", "companySize", "productArea"] as const).map((f) => (
              <FacetSelect
                key={f}
                name={f}
                label={FACET_LABELS[f]}
                values={facets.values[f]}
                counts={facets.counts[f]}
                more={facets.more.includes(f)}
                value={query[f]}
              />
            ))}
          </div>

          <Checkboxes
            legend="Channel"
            name="channel"
            options={union(facets.values.channel, query.channel).map((v) => ({
              value: v,
              label: v,
              count: facets.counts.channel[v],
            }))}
            checked={query.channel}
            empty="No channels in this workspace's feedback yet."
          />
          {facets.hasSentiment || query.sentiment.length ? (
            <Checkboxes
              legend="Sentiment"
              name="sentiment"
              options={SENTIMENT_LABELS.map((v) => ({ value: v, label: SENTIMENT_WORDS[v] }))}
              checked={query.sentiment}
            />
          ) : null}

          {facets.attributeKeys.length ? (
            <fieldset className="space-y-1.5">
              <legend className={labelStyle}>Other column</legend>
              <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
                Items whose imported column has exactly this value.
              </p>
              <div className="flex flex-col gap-2 sm:flex-row">
                <label className="sr-only" htmlFor="filter-attr-key">
                  Column
                </label>
                <select id="filter-attr-key" name="attrKey" defaultValue="" className={cx(inputStyles, "sm:w-56")}>
                  <option value="">Choose a column…</option>
                  {facets.attributeKeys.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
                <label className="sr-only" htmlFor="filter-attr-value">
                  Value
                </label>
                <input
                  id="filter-attr-value"
                  name="attrValue"
                  maxLength={200}
                  placeholder="Value"
                  className={cx(inputStyles, "sm:w-56")}
                />
              </div>
            </fieldset>
          ) : null}

          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className={buttonStyles("primary", "sm")}>
              Apply filters
            </button>
            {active ? (
              <Link href={clearHref(query, "filters")} className={buttonStyles("ghost", "sm")}>
                Clear filters
              </Link>
            ) : null}
          </div>
        </div>
      </details>

      {query.attr.map((a) => (
        <input key={`${a.key}=${a.value}`} type="hidden" name="attr" value={`${a.key}=${a.value}`} />
      ))}
      {query.batch ? <input type="hidden" name="batch" value={query.batch} /> : null}
      {query.theme ? <input type="hidden" name="theme" value={query.theme} /> : null}
      {query.limit !== DEFAULT_LIMIT ? <input type="hidden" name="limit" value={query.limit} /> : null}

      <div className="flex items-center justify-end gap-2">
        <label
          htmlFor="feedback-sort"
          className="text-tremor-label font-medium text-tremor-content dark:text-dark-tremor-content"
        >
          Sort by
        </label>
        {/* The default order is sent as "" (no sort in the URL), so new words get best match first. */}
        <SubmitOnChangeSelect
          id="feedback-sort"
          name="sort"
          defaultValue={sort === defaultSort ? "" : sort}
          className={cx(inputStyles, "w-auto py-1.5")}
        >
          {SORTS.filter((s) => s !== "relevance" || query.q).map((s) => (
            <option key={s} value={s === defaultSort ? "" : s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </SubmitOnChangeSelect>
        <noscript>
          <button type="submit" className={buttonStyles("secondary", "sm")}>
            Sort
          </button>
        </noscript>
      </div>
    </ExplorerForm>
  );
}

function DateField({ name, label, value }: { name: string; label: string; value?: string }) {
  const id = `filter-${name}`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelStyle}>
        {label}
      </label>
      <input id={id} type="date" name={name} defaultValue={value ?? ""} className={inputStyles} />
    </div>
  );
}

/** A menu of the field's values; a text box (with suggestions) when there are too many to list. */
function FacetSelect({
  name,
  label,
  values,
  counts,
  more,
  value,
}: {
  name: string;
  label: string;
  values: string[];
  counts: Record<string, number>;
  more: boolean;
  value?: string;
}) {
  const id = `filter-${name}`;
  const listId = `${id}-values`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelStyle}>
        {label}
      </label>
      {more ? (
        <>
          <input id={id} name={name} list={listId} defaultValue={value ?? ""} maxLength={200} className={inputStyles} />
          <datalist id={listId}>
            {values.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        </>
      ) : (
        <select
          id={id}
          name={name}
          defaultValue={value ?? ""}
          className={inputStyles}
          disabled={!values.length && !value}
        >
          <option value="">{values.length || value ? "Any" : "None in this data"}</option>
          {union(values, value ? [value] : []).map((v) => (
            <option key={v} value={v}>
              {counts[v] === undefined ? v : `${v} (${formatNumber(counts[v])})`}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

function Checkboxes({
  legend,
  name,
  options,
  checked,
  empty,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string; count?: number }[];
  checked: string[];
  empty?: string;
}) {
  return (
    <fieldset className="space-y-1.5">
      <legend className={labelStyle}>{legend}</legend>
      {options.length ? (
        <div className="flex max-h-40 flex-wrap gap-x-4 gap-y-2 overflow-y-auto">
          {options.map((o) => (
            <label
              key={o.value}
              className="inline-flex items-center gap-2 text-tremor-default text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis"
            >
              <input
                type="checkbox"
                name={name}
                value={o.value}
                defaultChecked={checked.includes(o.value)}
                className="size-4 rounded border-tremor-border text-tremor-brand focus:ring-tremor-brand-muted dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:text-dark-tremor-brand"
              />
              {o.label}
              {o.count === undefined ? null : (
                <span className="tabular-nums text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                  {formatNumber(o.count)}
                </span>
              )}
            </label>
          ))}
        </div>
      ) : (
        <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">{empty}</p>
      )}
    </fieldset>
  );
}

const union = (a: string[], b: string[]) => [...a, ...b.filter((x) => !a.includes(x))];
