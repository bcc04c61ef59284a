import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { RiChat3Line, RiSearchEyeLine } from "@remixicon/react";
import { buttonStyles } from "@/app/_components/button-styles";
import { EmptyState } from "@/app/_components/empty-state";
import { formatNumber } from "@/app/_components/format";
import { FormMessage } from "@/app/_components/form-message";
import { PageHeader } from "@/app/_components/page-header";
import { can } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { searchFeedback, type FeedbackResults, type ResultCount } from "@/lib/feedback/explore";
import { listFeedbackFacets } from "@/lib/feedback/facets";
import { getImportName, listRecentImports } from "@/lib/feedback/items";
import {
  effectiveSort,
  feedbackQuerySchema,
  hasFilters,
  searchParamsToObject,
  toSearchParams,
  type FeedbackQuery,
} from "@/lib/feedback/query";
import { getThemeLabel } from "@/lib/nlp/themes-store";
import { getSessionWorkspace } from "@/lib/web/session";
import { ActiveFilters } from "./active-filters";
import { countActiveFilters, ExplorerFilters } from "./explorer-filters";
import { clearHref, explorerQueryString, needsCanonicalUrl, paramEntries } from "./explorer-params";
import { FeedbackTabs } from "./feedback-tabs";
import { ImportHistory } from "./import-history";
import { Pager, ResultsTable } from "./results-table";

export const metadata: Metadata = { title: "Feedback" };
export const dynamic = "force-dynamic";

/** Reads the view from the URL; parameters it cannot use are dropped and named. */
function readQuery(raw: Record<string, string | string[]>): { query: FeedbackQuery; problems: string[] } {
  const first = feedbackQuerySchema.safeParse(raw);
  if (first.success) return { query: first.data, problems: [] };
  const bad = new Set(first.error.issues.map((i) => String(i.path[0] ?? "")));
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)));
  const second = feedbackQuerySchema.safeParse(kept);
  return {
    query: second.success ? second.data : feedbackQuerySchema.parse({}),
    problems: first.error.issues.map((i) => `${i.path.join(".") || "address"}: ${i.message}`),
  };
}

/** "1,234 feedback items", "About 250,000 feedback items", "1,000+ feedback items". */
function countText(count: ResultCount): string {
  const noun = count.kind === "exact" && count.value === 1 ? "feedback item" : "feedback items";
  if (count.kind === "about") return `About ${formatNumber(Number(count.value.toPrecision(2)))} ${noun}`;
  if (count.kind === "atLeast") return `${formatNumber(count.value)}+ ${noun}`;
  return `${formatNumber(count.value)} ${noun}`;
}

const href = (params: URLSearchParams) => {
  const s = params.toString();
  return s ? `/feedback?${s}` : "/feedback";
};

export default async function FeedbackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const ctx = s.ctx;
  const raw = searchParamsToObject(await searchParams);
  // A plain form submit (no JavaScript) sends every field; show the tidy URL instead.
  if (needsCanonicalUrl(raw)) redirect(href(new URLSearchParams(explorerQueryString(paramEntries(raw)))));
  const { query, problems } = readQuery(raw);
  const sort = effectiveSort(query);
  const [facets, imports, batchName, themeName] = await Promise.all([
    listFeedbackFacets(ctx),
    listRecentImports(ctx),
    query.batch ? getImportName(ctx, query.batch) : null,
    query.theme ? getThemeLabel(ctx, query.theme) : null,
  ]);
  const canImport = can(ctx.role, "data.write");

  let results: FeedbackResults | null = null;
  if (facets.hasFeedback || query.batch) {
    try {
      results = await searchFeedback(ctx, query);
    } catch (e) {
      // A stale or edited page link: show the first page and say why.
      if (!(isAppError(e) && e.code === "invalid_input" && query.cursor)) throw e;
      problems.push(e.message);
      results = await searchFeedback(ctx, { ...query, cursor: undefined });
    }
  }

  const importLink = canImport ? (
    <Link href="/feedback/import" className={buttonStyles("primary")}>
      Import feedback
    </Link>
  ) : null;
  const viewQuery = toSearchParams(query, { cursor: query.cursor }).toString();
  const filtered = hasFilters({ ...query, batch: undefined });

  return (
    <div className="space-y-8">
      <PageHeader
        title="Feedback"
        description="Every piece of customer feedback in one place: search it, filter it by where it came from and who said it, and open any item for the full story."
        actions={importLink}
      />
      <FeedbackTabs current="explore" />
      {problems.length ? (
        <FormMessage tone="error" title="Part of this address could not be used, so it was left out">
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </FormMessage>
      ) : null}

      {!results ? (
        <EmptyState
          icon={RiChat3Line}
          title="No feedback imported yet"
          description="Import a CSV, TSV, Excel or JSON export from your help desk, surveys or app-store reviews. Each item is scored for sentiment and clustered into themes in the background."
          highlights={[
            "Full-text search across every item",
            "Filters by date, channel, segment, rating and any column",
            "Sentiment per item: positive, neutral or negative",
            "Row-level import errors you can fix and re-import",
          ]}
          primaryAction={{ label: "Import feedback", href: "/feedback/import" }}
          secondaryAction={{ label: "Add market data", href: "/market" }}
        />
      ) : (
        <section aria-labelledby="results-heading" className="space-y-4">
          <ExplorerFilters query={query} sort={sort} facets={facets} formKey={viewQuery} />
          <ActiveFilters query={query} batchName={batchName} themeName={themeName} />
          <div aria-live="polite" aria-atomic="true" className="space-y-1">
            <h2
              id="results-heading"
              className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
            >
              {countText(results.count)}
              {query.batch ? " in this import" : ""}
              {query.theme && themeName ? ` about “${themeName}”` : ""}
              {query.q ? ` for “${query.q}”` : ""}
            </h2>
            {results.rankedWithin ? (
              <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
                Best match ranks the {formatNumber(results.rankedWithin)} most recent matches. Add words or filters to
                rank them all, or sort by date.
              </p>
            ) : null}
          </div>

          {results.emptySearch ? (
            <FormMessage tone="info" title="Nothing to search for">
              “{query.q}” has no letters or digits. Type a word, or “a phrase in quotes”.
            </FormMessage>
          ) : null}

          {results.items.length ? (
            <>
              <ResultsTable items={results.items} backQuery={viewQuery} showSentiment={facets.hasSentiment} />
              <Pager
                shown={results.items.length}
                sort={sort}
                firstPage={!results.prevCursor}
                prevHref={results.prevCursor ? href(toSearchParams(query, { cursor: results.prevCursor })) : null}
                nextHref={results.nextCursor ? href(toSearchParams(query, { cursor: results.nextCursor })) : null}
                firstHref={href(toSearchParams(query))}
              />
            </>
          ) : filtered ? (
            <EmptyState
              icon={RiSearchEyeLine}
              headingLevel={3}
              title="No feedback matches"
              description={
                query.q && countActiveFilters(query)
                  ? "Nothing matches these words together with these filters. Try the words alone, or fewer filters."
                  : query.q
                    ? "No item contains these words. Try fewer or shorter words: each word also finds longer ones (bill finds billing)."
                    : "No item matches all of these filters. Remove one to widen the search."
              }
              primaryAction={{ label: "Clear search and filters", href: clearHref(query, "all") }}
              secondaryAction={
                query.q && countActiveFilters(query)
                  ? { label: "Search without filters", href: clearHref(query, "filters") }
                  : undefined
              }
            />
          ) : !results.emptySearch ? (
            <EmptyState
              icon={RiChat3Line}
              headingLevel={3}
              title="This import added no items"
              description="Its rows were duplicates of items already here, or could not be read. The import's summary below says which."
              primaryAction={{ label: "Show all feedback", href: "/feedback" }}
            />
          ) : null}
        </section>
      )}

      <ImportHistory imports={imports} canImport={canImport} />
    </div>
  );
}
