import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/app/_components/action-form";
import { buttonStyles } from "@/app/_components/button-styles";
import { formatBytes } from "@/app/_components/bytes";
import { cx } from "@/app/_components/cx";
import { formatDate, formatNumber } from "@/app/_components/format";
import { FormMessage } from "@/app/_components/form-message";
import { PageHeader } from "@/app/_components/page-header";
import { SubmitButton } from "@/app/_components/submit-button";
import type { WorkspaceContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { ENCODINGS } from "@/lib/ingest/encoding";
import { getImport, type ImportView } from "@/lib/ingest/imports";
import { FIELD_LABELS, OPTIONAL_FIELDS } from "@/lib/ingest/mapping";
import { previewImport, type ImportPreview } from "@/lib/ingest/preview";
import { DELIMITERS } from "@/lib/ingest/reader";
import { getJob, type JobView } from "@/lib/jobs/manage";
import { SERIES_KIND_LABEL, SERIES_KINDS } from "@/lib/market/series";
import { getSessionWorkspace } from "@/lib/web/session";
import { discardImportAction } from "./actions";
import { ImportProgress } from "./import-progress";
import { DetectedInfo, OnwardLinks, ResultCounts, RowErrors } from "./import-result";
import { muted, StatusBadge, type BatchStatus } from "./parts";
import { PreviewEditor, type EditorChoices } from "./preview-editor";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

const idSchema = z.string().min(1).max(64);

const CHOICES: EditorChoices = {
  encodings: [...ENCODINGS],
  delimiters: [...DELIMITERS],
  textLabel: FIELD_LABELS.text,
  fields: OPTIONAL_FIELDS.map((key) => ({ key, label: FIELD_LABELS[key] })),
  seriesKinds: SERIES_KINDS.map((value) => ({ value, label: SERIES_KIND_LABEL[value] })),
};

async function load(ctx: WorkspaceContext, id: string): Promise<ImportView> {
  try {
    return await getImport(ctx, id);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const ctx = s.ctx;
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const view = await load(ctx, id.data);
  const canWrite = can(ctx.role, "data.write");
  const feedback = view.kind === "FEEDBACK";
  const uploadHref = feedback ? "/feedback/import" : "/market/import";

  // The job tells the real state where the batch cannot: a job cancelled before it started leaves
  // its batch queued, and a failed attempt that will be retried leaves it failed for a while.
  let job: JobView | null = null;
  let status = view.status as BatchStatus;
  let message = view.message;
  if (status === "PENDING" || status === "RUNNING" || status === "FAILED") {
    job = view.jobId ? await getJob(ctx, view.jobId) : null;
    if (job?.state === "QUEUED" || job?.state === "RUNNING") {
      if (status === "FAILED") status = job.state === "QUEUED" ? "PENDING" : "RUNNING";
    } else if (job && status !== "FAILED" && (job.state === "CANCELLED" || job.state === "FAILED")) {
      status = job.state;
      message = job.error ?? job.progressMessage ?? "Cancelled before it started";
    }
  }

  let preview: ImportPreview | null = null;
  let previewError: string | null = null;
  if (status === "DRAFT" && canWrite) {
    try {
      preview = await previewImport(ctx, view.id);
    } catch (e) {
      if (!isAppError(e)) throw e;
      previewError = e.message;
    }
  }

  const description = (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <StatusBadge status={status} />
      <span>
        {feedback ? "Feedback" : "Market data"} · {formatBytes(view.fileBytes)}
        {view.source ? ` · source “${view.source}”` : ""} · uploaded {formatDate(view.createdAt, "datetime")}
      </span>
    </span>
  );

  return (
    <div className="space-y-8">
      <PageHeader
        title={view.fileName}
        description={description}
        actions={
          <Link href={uploadHref} className={buttonStyles("secondary", "sm")}>
            {feedback ? "Import feedback" : "Import market data"}
          </Link>
        }
      />

      {status === "DRAFT" ? (
        !canWrite ? (
          <p className={cx("text-tremor-default", muted)} data-testid="import-not-allowed">
            This file was uploaded but not imported yet: someone with the analyst role or above checks how its columns
            are read and starts it. Your role (viewer) can see the result once it is imported.
          </p>
        ) : preview ? (
          <PreviewEditor initial={preview} choices={CHOICES} />
        ) : (
          <div className="space-y-4">
            <FormMessage tone="error" title="This file cannot be read">
              {previewError}
            </FormMessage>
            <div className="flex flex-wrap gap-3">
              <Link href={uploadHref} className={buttonStyles("primary")}>
                Upload another file
              </Link>
              <DiscardButton id={view.id} label="Discard this upload" />
            </div>
          </div>
        )
      ) : null}

      {status === "PENDING" || status === "RUNNING" ? (
        <ImportProgress batchId={view.id} initialJob={job} canCancel={canWrite} />
      ) : null}

      {status === "COMPLETED" ? (
        <>
          <FormMessage tone="success" title="Import finished">
            <span data-testid="import-message">{message}</span>
          </FormMessage>
          <ResultCounts view={view} />
          <OnwardLinks view={view} uploadHref={uploadHref} />
          <RowErrors view={view} />
          <DetectedInfo detected={view.detected} />
          {canWrite ? (
            <section className="border-t border-tremor-border pt-6 dark:border-dark-tremor-border">
              <DiscardButton
                id={view.id}
                label="Delete this import"
                confirm={`Delete this import and the ${formatNumber(view.rowsNew)} ${feedback ? "items" : "values"} it added?`}
              />
            </section>
          ) : null}
        </>
      ) : null}

      {status === "FAILED" || status === "CANCELLED" ? (
        <div className="space-y-4">
          <FormMessage
            tone={status === "FAILED" ? "error" : "info"}
            title={
              status === "FAILED" ? "The import failed; nothing was imported" : "Import cancelled; nothing was imported"
            }
          >
            {message && (status === "FAILED" || !/nothing was imported/i.test(message)) ? (
              <span data-testid="import-message">{message}</span>
            ) : null}
          </FormMessage>
          {canWrite ? (
            <div className="flex flex-wrap items-center gap-3">
              <Link href={uploadHref} className={buttonStyles("primary")}>
                Upload again
              </Link>
              <DiscardButton id={view.id} label="Delete this import" />
              <Link
                href="/jobs"
                className="text-tremor-default text-tremor-brand hover:underline dark:text-dark-tremor-brand"
              >
                Retry from the Jobs page
              </Link>
            </div>
          ) : null}
          <DetectedInfo detected={view.detected} />
        </div>
      ) : null}
    </div>
  );
}

function DiscardButton({ id, label, confirm }: { id: string; label: string; confirm?: string }) {
  return (
    <ActionForm
      action={discardImportAction}
      confirm={confirm ?? "Delete this upload? Nothing was imported from it."}
      aria-label={label}
    >
      <input type="hidden" name="batchId" value={id} />
      <SubmitButton variant="secondary" pendingLabel="Deleting…">
        {label}
      </SubmitButton>
    </ActionForm>
  );
}
