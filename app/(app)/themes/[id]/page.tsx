import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { RiArrowLeftLine, RiArrowRightLine } from "@remixicon/react";
import { z } from "zod";
import { buttonStyles } from "@/app/_components/button-styles";
import { ColumnHeads } from "@/app/_components/column-heads";
import { formatDate, formatNumber } from "@/app/_components/format";
import { PageHeader } from "@/app/_components/page-header";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import { isAppError } from "@/lib/errors";
import { themeTrend } from "@/lib/nlp/insights";
import { getThemeOrThrow } from "@/lib/nlp/themes-store";
import { getSessionWorkspace } from "@/lib/web/session";
import { KeywordList, SentimentMeter, themeItemsHref } from "../theme-parts";
import { ThemeTrendChart, type TrendRow } from "./trend-chart";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** The theme and the workspace context for this request; null when it is not a live theme of this workspace (404). */
const loadTheme = cache(async (id: string) => {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const parsed = paramsSchema.safeParse({ id });
  if (!parsed.success) return null;
  try {
    return { ctx: s.ctx, theme: await getThemeOrThrow(s.ctx, parsed.data.id) };
  } catch (e) {
    // Another workspace's theme looks exactly like one that does not exist.
    if (isAppError(e) && e.code === "not_found") return null;
    throw e;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const loaded = await loadTheme((await params).id);
  return { title: loaded ? `${loaded.theme.label} · Themes` : "Themes" };
}

const sectionTitle = "text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong";
const muted = "text-tremor-default text-tremor-content dark:text-dark-tremor-content";
const card =
  "rounded-tremor-default border border-tremor-border bg-tremor-background p-5 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card";

type TrendPoint = Awaited<ReturnType<typeof themeTrend>>[number];

/** Months without items are left out by the query; a trend shows them, as zero. */
function withEmptyMonths(points: TrendPoint[]): TrendPoint[] {
  if (points.length < 2) return points;
  const byMonth = new Map(points.map((p) => [p.period, p]));
  const out: TrendPoint[] = [];
  const last = points[points.length - 1]!.period;
  for (let d = new Date(`${points[0]!.period}T00:00:00Z`); ; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const period = d.toISOString().slice(0, 10);
    out.push(byMonth.get(period) ?? { period, items: 0, negative: 0, positive: 0 });
    if (period >= last || out.length > 600) break;
  }
  return out;
}

export default async function ThemePage({ params }: { params: Promise<{ id: string }> }) {
  const loaded = await loadTheme((await params).id);
  if (!loaded) notFound();
  const { ctx, theme } = loaded;
  const trend = withEmptyMonths(await themeTrend(ctx, theme.id, "month"));
  const rows: TrendRow[] = trend.map((p) => ({
    month: formatDate(p.period, "month"),
    negative: p.negative,
    positive: p.positive,
    neither: Math.max(0, p.items - p.negative - p.positive),
  }));
  const busiest = trend.reduce<(typeof trend)[number] | null>((m, p) => (!m || p.items > m.items ? p : m), null);
  const summary = trend.length
    ? `Items about ${theme.label} per month, from ${rows[0]!.month} to ${rows[rows.length - 1]!.month}. ` +
      `The busiest month was ${formatDate(busiest!.period, "month")} with ${formatNumber(busiest!.items)} items ` +
      `(${formatNumber(busiest!.negative)} negative, ${formatNumber(busiest!.positive)} positive). The table below has every month.`
    : `No items about ${theme.label} yet.`;

  return (
    <div className="space-y-8">
      <div>
        <Link
          href="/themes"
          className="inline-flex items-center gap-1 rounded-tremor-small text-tremor-default font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand"
        >
          <RiArrowLeftLine aria-hidden="true" className="size-4" />
          All themes
        </Link>
      </div>
      <PageHeader
        title={theme.label}
        description={`${formatNumber(theme.size)} ${theme.size === 1 ? "item mentions" : "items mention"} this theme${
          theme.origin === "user" ? " · added by your team" : ""
        }.`}
        actions={
          <Link href={themeItemsHref(theme.id)} className={buttonStyles("primary")}>
            View all items
            <RiArrowRightLine aria-hidden="true" className="size-4" />
          </Link>
        }
      />

      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="sentiment-heading" className={`${card} space-y-3`}>
          <h2 id="sentiment-heading" className={sectionTitle}>
            Sentiment
          </h2>
          <SentimentMeter
            size={theme.size}
            negative={theme.negative}
            positive={theme.positive}
            sentiment={theme.sentiment}
          />
          <p className={muted}>
            Counted on the sentences that mention the theme, so “love the app but billing is a mess” counts as negative
            for billing.
          </p>
        </section>
        <section aria-labelledby="keywords-heading" className={`${card} space-y-3`}>
          <h2 id="keywords-heading" className={sectionTitle}>
            Keywords
          </h2>
          <KeywordList keywords={theme.keywords} label={`Keywords of ${theme.label}`} />
          <p className={muted}>
            An item belongs to the theme when one of its sentences mentions a keyword.{" "}
            {theme.keywordsEdited || theme.origin === "user"
              ? "Your team set these; theme runs keep them."
              : "Found automatically; edit them on the Themes page."}
          </p>
        </section>
      </div>

      <section aria-labelledby="trend-heading" className="space-y-3">
        <h2 id="trend-heading" className={sectionTitle}>
          Trend by month
        </h2>
        <p className={muted}>Items per month by the date of the feedback, split by how they speak of the theme.</p>
        {trend.length ? (
          <>
            <ThemeTrendChart rows={rows} summary={summary} />
            <details className="text-tremor-default">
              <summary className="cursor-pointer font-medium text-tremor-brand dark:text-dark-tremor-brand">
                Show the numbers
              </summary>
              <div className={`${tableFrame} mt-3`}>
                <table
                  className="w-full text-left text-tremor-default"
                  aria-label={`Items about ${theme.label} by month`}
                >
                  <thead className={tableHead}>
                    <ColumnHeads
                      columns={[
                        "Month",
                        { label: "Items", numeric: true },
                        { label: "Negative", numeric: true },
                        { label: "Positive", numeric: true },
                      ]}
                      cellClassName="px-4 py-2"
                    />
                  </thead>
                  <tbody className={tableBody}>
                    {trend.map((p, i) => (
                      <tr key={p.period}>
                        <th
                          scope="row"
                          className="px-4 py-2 font-medium text-tremor-content dark:text-dark-tremor-content"
                        >
                          {rows[i]!.month}
                        </th>
                        <td className="px-4 py-2 text-right tabular-nums">{formatNumber(p.items)}</td>
                        <td className="px-4 py-2 text-right tabular-nums">{formatNumber(p.negative)}</td>
                        <td className="px-4 py-2 text-right tabular-nums">{formatNumber(p.positive)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        ) : (
          <p className={muted}>No items yet: the theme job assigns them in the background.</p>
        )}
      </section>

      <section aria-labelledby="quotes-heading" className="space-y-3">
        <h2 id="quotes-heading" className={sectionTitle}>
          What people say
        </h2>
        {theme.quotes.length ? (
          <ul className="space-y-3">
            {theme.quotes.map((q, i) => (
              <li key={`${q.itemId}-${i}`}>
                <blockquote className="rounded-tremor-default border-l-4 border-tremor-brand-muted bg-tremor-background-muted px-4 py-3 text-tremor-content-strong dark:border-dark-tremor-brand-muted dark:bg-dark-tremor-background-muted dark:text-dark-tremor-content-strong">
                  <p className="whitespace-pre-wrap break-words">“{q.text}”</p>
                  <Link
                    href={`/feedback/${encodeURIComponent(q.itemId)}`}
                    className="mt-1 inline-block text-tremor-label font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand"
                  >
                    Open the item<span className="sr-only"> this quote comes from</span>
                  </Link>
                </blockquote>
              </li>
            ))}
          </ul>
        ) : (
          <p className={muted}>No quotes yet: they are chosen when the theme job runs.</p>
        )}
        <Link href={themeItemsHref(theme.id)} className={buttonStyles("secondary")}>
          View all {formatNumber(theme.size)} items
        </Link>
      </section>
    </div>
  );
}
