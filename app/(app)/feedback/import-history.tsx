import Link from "next/link";
import { RowAction } from "@/app/_components/action-form";
import { formatDate } from "@/app/_components/format";
import type { ImportSummary } from "@/lib/feedback/items";
import { deleteImportAction } from "./actions";

/** The recent imports, each a link to its items, with Delete for analysts and above. */
export function ImportHistory({ imports, canImport }: { imports: ImportSummary[]; canImport: boolean }) {
  if (!imports.length) return null;
  return (
    <section aria-labelledby="imports-heading">
      <details open className="rounded-tremor-default border border-tremor-border dark:border-dark-tremor-border">
        <summary className="cursor-pointer rounded-tremor-default px-4 py-2 text-tremor-default font-semibold text-tremor-content-strong hover:bg-tremor-background-muted dark:text-dark-tremor-content-strong dark:hover:bg-dark-tremor-background-muted">
          <span id="imports-heading">Recent imports</span>
          <span className="ml-2 font-normal text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
            {imports.length}
          </span>
        </summary>
        <ul className="divide-y divide-tremor-border border-t border-tremor-border dark:divide-dark-tremor-border dark:border-dark-tremor-border">
          {imports.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-tremor-default">
              <Link
                href={`/feedback?batch=${encodeURIComponent(b.id)}`}
                className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand"
              >
                {b.fileName}
              </Link>
              <span className="text-tremor-content dark:text-dark-tremor-content" data-testid="import-summary">
                {b.status === "COMPLETED"
                  ? b.message
                  : b.status === "FAILED"
                    ? `Failed: ${b.message}`
                    : b.status === "CANCELLED"
                      ? (b.message ?? "Cancelled")
                      : b.status === "DRAFT"
                        ? "Waiting for its column mapping"
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
      </details>
    </section>
  );
}
