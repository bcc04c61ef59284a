import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { RiBubbleChartLine, RiChat3Line, RiTimeLine } from "@remixicon/react";
import { EmptyState } from "@/app/_components/empty-state";
import { formatNumber } from "@/app/_components/format";
import { FormMessage } from "@/app/_components/form-message";
import { PageHeader } from "@/app/_components/page-header";
import { can } from "@/lib/auth/roles";
import { getThemesStatus, type ThemesStatus } from "@/lib/nlp/themes-status";
import { listThemes, type ThemeView } from "@/lib/nlp/themes-store";
import { getSessionWorkspace } from "@/lib/web/session";
import { AddThemeForm, ThemeEditor, ThemeNotices } from "./theme-edit";
import { KeywordList, SentimentMeter, themeItemsHref } from "./theme-parts";

export const metadata: Metadata = { title: "Themes" };
export const dynamic = "force-dynamic";

const linkStyle = "font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand";
const card =
  "rounded-tremor-default border border-tremor-border bg-tremor-background p-5 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card";

export default async function ThemesPage() {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const ctx = s.ctx;
  const [themes, status] = await Promise.all([listThemes(ctx), getThemesStatus(ctx)]);
  const canWrite = can(ctx.role, "data.write");
  const running = status.lastJob && (status.lastJob.state === "QUEUED" || status.lastJob.state === "RUNNING");

  return (
    <div className="space-y-8">
      <PageHeader
        title="Themes"
        description="What your customers' feedback talks about, found by reading every item: largest first, with how people feel about each and what they say."
      />

      {!status.hasFeedback ? (
        <EmptyState
          icon={RiChat3Line}
          title="No feedback to find themes in yet"
          description="Import feedback and Foresight groups it into themes in the background: what customers talk about, how often, and how they feel about it."
          highlights={[
            "Themes found automatically, largest first",
            "Negative and positive mentions per theme",
            "Representative quotes that link to the items",
            "Rename, merge, split or add your own themes",
          ]}
          primaryAction={{ label: "Import feedback", href: "/feedback/import" }}
        />
      ) : themes.length === 0 ? (
        <NoThemesYet status={status} />
      ) : (
        <>
          {running ? (
            <FormMessage tone="info" title="The theme job is running">
              Themes and their counts update when it finishes.{" "}
              <Link href="/jobs" className="font-medium underline underline-offset-2">
                Follow it on the Jobs page
              </Link>
            </FormMessage>
          ) : null}
          <ThemeNotices>
            <ThemeList themes={themes} canWrite={canWrite} />
          </ThemeNotices>
        </>
      )}

      {canWrite ? (
        <section aria-labelledby="add-theme-heading" className={`${card} space-y-4`}>
          <div className="space-y-1">
            <h2
              id="add-theme-heading"
              className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
            >
              Add a theme from keywords
            </h2>
            <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">
              Track something the automatic themes do not cover. Later theme runs keep it as you made it.
            </p>
          </div>
          <AddThemeForm />
        </section>
      ) : null}
    </div>
  );
}

function NoThemesYet({ status }: { status: ThemesStatus }) {
  const job = status.lastJob;
  const state = job?.state;
  const description =
    state === "QUEUED" || state === "RUNNING"
      ? "The theme job is reading your feedback now. Themes appear here when it finishes."
      : state === "FAILED"
        ? "The last theme job failed. The Jobs page shows why and lets you retry it."
        : state === "SUCCEEDED"
          ? "The theme job ran but found no theme with enough items yet. Import more feedback, or add a theme from keywords below."
          : "Themes are found by a background job that runs after each feedback import. It has not run in this workspace yet.";
  return (
    <EmptyState
      icon={state === "SUCCEEDED" ? RiBubbleChartLine : RiTimeLine}
      title={state === "SUCCEEDED" ? "No themes found yet" : "Themes are not ready yet"}
      description={description}
      primaryAction={{ label: "Open Jobs", href: "/jobs" }}
      secondaryAction={{ label: "Browse feedback", href: "/feedback" }}
    />
  );
}

function ThemeList({ themes, canWrite }: { themes: ThemeView[]; canWrite: boolean }) {
  return (
    <ul aria-label="Themes, largest first" className="grid gap-4 lg:grid-cols-2">
      {themes.map((t) => (
        <li key={t.id} data-testid="theme-card" data-theme-id={t.id} className={`${card} flex flex-col gap-4`}>
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0 space-y-0.5">
              <h2 className="break-words text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
                <Link
                  href={`/themes/${encodeURIComponent(t.id)}`}
                  className="hover:underline"
                  data-testid="theme-label"
                >
                  {t.label}
                </Link>
              </h2>
              <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
                <span className="tabular-nums" data-testid="theme-size">
                  {formatNumber(t.size)} {t.size === 1 ? "item" : "items"}
                </span>
                {t.origin === "user" ? " · added by your team" : null}
              </p>
            </div>
          </div>

          <SentimentMeter size={t.size} negative={t.negative} positive={t.positive} sentiment={t.sentiment} />
          <KeywordList keywords={t.keywords} label={`Keywords of ${t.label}`} />

          {t.quotes.length ? (
            <ul aria-label={`Quotes about ${t.label}`} className="space-y-2">
              {t.quotes.slice(0, 3).map((q, i) => (
                <li key={`${q.itemId}-${i}`}>
                  <blockquote className="border-l-2 border-tremor-brand-muted pl-3 text-tremor-default text-tremor-content-emphasis dark:border-dark-tremor-brand-muted dark:text-dark-tremor-content-emphasis">
                    <Link href={`/feedback/${encodeURIComponent(q.itemId)}`} className="hover:underline">
                      “{q.text}”
                    </Link>
                  </blockquote>
                </li>
              ))}
            </ul>
          ) : null}

          <div className="mt-auto flex flex-wrap items-center gap-x-4 gap-y-1 text-tremor-default">
            <Link href={themeItemsHref(t.id)} className={linkStyle}>
              View {t.size === 1 ? "its item" : `its ${formatNumber(t.size)} items`}
              <span className="sr-only"> about {t.label}</span>
            </Link>
            <Link href={`/themes/${encodeURIComponent(t.id)}`} className={linkStyle}>
              Trend and details<span className="sr-only"> of {t.label}</span>
            </Link>
          </div>

          {canWrite ? (
            <ThemeEditor
              theme={{ id: t.id, label: t.label, keywords: t.keywords }}
              others={themes.filter((o) => o.id !== t.id).map((o) => ({ id: o.id, label: o.label }))}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
