import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { RiChat3Line } from "@remixicon/react";
import { RowAction } from "@/app/_components/action-form";
import { buttonStyles } from "@/app/_components/button-styles";
import { EmptyState } from "@/app/_components/empty-state";
import { formatDate, formatNumber } from "@/app/_components/format";
import { PageHeader } from "@/app/_components/page-header";
import { can } from "@/lib/auth/roles";
import { listFeedback } from "@/lib/feedback/items";
import { getSessionWorkspace } from "@/lib/web/session";
import { deleteImportAction } from "./actions";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";

export const metadata: Metadata = { title: "Feedback" };
export const dynamic = "force-dynamic";

const query = z.object({ batch: z.string().min(1).max(64).optional() });

export default async function FeedbackPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const parsed = query.safeParse(await searchParams);
  const batchId = parsed.success ? parsed.data.batch : undefined;
  const page = await listFeedback(s.ctx, { batchId });
  const canImport = can(s.ctx.role, "data.write");
  const importLink = canImport ? (
    <Link href="/feedback/import" className={buttonStyles("primary")}>
      Import feedback
    </Link>
  ) : null;

  return (
    <div className="space-y-8">
      <PageHeader
        title="Feedback"
        description="Every piece of customer feedback in one place, scored for sentiment and grouped into themes."
        actions={importLink}
      />
      {page.total === 0 && !batchId ? (
        <EmptyState
          icon={RiChat3Line}
          title="No feedback imported yet"
          description="Import a CSV or TSV export from your help desk, surveys or app-store reviews. Each item is scored for sentiment and clustered into themes in the background."
          highlights={[
            "Searchable items with source, date and customer segment",
            "Sentiment per item: positive, neutral or negative",
            "Themes ranked by volume and momentum",
            "Row-level import errors you can fix and re-import",
          ]}
          primaryAction={{ label: "Import feedback", href: "/feedback/import" }}
          secondaryAction={{ label: "Add market data", href: "/market" }}
        />
      ) : (
        <>
          <section aria-labelledby="imports-heading" className="space-y-2">
            <h2
              id="imports-heading"
              className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
            >
              Recent imports
            </h2>
            <ul className="divide-y divide-tremor-border rounded-tremor-default border border-tremor-border dark:divide-dark-tremor-border dark:border-dark-tremor-border">
              {page.imports.map((b) => (
                <li
                  key={b.id}
                  className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-tremor-default"
                >
                  <Link
                    href={`/feedback?batch=${b.id}`}
                    className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand"
                  >
                    {b.fileName}
                  </Link>
                  <span className="text-tremor-content dark:text-dark-tremor-content" data-testid="import-summary">
                    {b.status === "COMPLETED"
                      ? b.message
                      : b.status === "FAILED"
                        ? `Failed: ${b.message}`
                        : "Importing…"}
                  </span>
                  <span className="text-tremor-label text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                    {formatDate(b.createdAt, "datetime")}
                    {b.createdBy ? ` · ${b.createdBy}` : ""}
                    {b.durationMs !== null ? ` · ${(b.durationMs / 1000).toFixed(1)} s` : ""}
                  </span>
                  {canImport && b.status !== "PENDING" && b.status !== "RUNNING" ? (
                    <RowAction
                      action={deleteImportAction}
                      field="batchId"
                      id={b.id}
                      label="Delete"
                      pendingLabel="Deleting…"
                      confirm={`Delete ${b.fileName} and the ${b.rowsNew.toLocaleString("en-US")} rows it imported?`}
                      aria-label={`Delete import ${b.fileName}`}
                      redirectTo="/feedback"
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="items-heading" className="space-y-2">
            <h2
              id="items-heading"
              className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
            >
              {formatNumber(page.total)} feedback items{batchId ? " in this import" : ""}
              {batchId ? (
                <Link
                  href="/feedback"
                  className="ml-3 text-tremor-default font-normal text-tremor-brand hover:underline dark:text-dark-tremor-brand"
                >
                  Show all
                </Link>
              ) : null}
            </h2>
            <div className={tableFrame}>
              <table className="w-full text-left text-tremor-default" aria-label="Feedback items">
                <thead className={tableHead}>
                  <tr>
                    <th className="px-4 py-2 font-medium">Feedback</th>
                    <th className="px-4 py-2 font-medium">Date</th>
                    <th className="px-4 py-2 font-medium">Rating</th>
                    <th className="px-4 py-2 font-medium">Channel</th>
                  </tr>
                </thead>
                <tbody className={tableBody}>
                  {page.items.map((i) => (
                    <tr key={i.id} className="align-top">
                      <td className="max-w-xl px-4 py-2 text-tremor-content-strong dark:text-dark-tremor-content-strong">
                        {i.text}
                      </td>
                      <td className="whitespace-nowrap px-4 py-2 text-tremor-content dark:text-dark-tremor-content">
                        {formatDate(i.occurredAt)}
                      </td>
                      <td className="px-4 py-2 tabular-nums text-tremor-content dark:text-dark-tremor-content">
                        {formatNumber(i.rating, 1)}
                      </td>
                      <td className="px-4 py-2 text-tremor-content dark:text-dark-tremor-content">
                        {i.channel ?? "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {page.total > page.items.length ? (
              <p className="text-tremor-label text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                Showing the {page.items.length} most recent.
              </p>
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
