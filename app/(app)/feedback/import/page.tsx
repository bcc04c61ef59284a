import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ImportUpload } from "@/app/_components/import-upload";
import { LargeFileHelp } from "@/app/_components/large-file-help";
import { PageHeader } from "@/app/_components/page-header";
import { can } from "@/lib/auth/roles";
import { MAX_FORM_UPLOAD_BYTES } from "@/lib/ingest/imports";
import { getSessionWorkspace } from "@/lib/web/session";
import { getWorkspaceSettings } from "@/lib/workspaces/settings";
import { importFeedbackAction } from "./actions";

export const metadata: Metadata = { title: "Import feedback" };
export const dynamic = "force-dynamic";

const MAX_MB = Math.round(MAX_FORM_UPLOAD_BYTES / 1024 / 1024);
const muted = "text-tremor-default text-tremor-content dark:text-dark-tremor-content";

export default async function ImportFeedbackPage() {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const allowed = can(s.ctx.role, "data.write");
  const redact = (await getWorkspaceSettings(s.ctx.db, s.ctx.workspaceId)).privacy.redactPii;
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader
        title="Import feedback"
        description="App-store reviews, support tickets, survey answers, interview notes: one piece of feedback per row. You check how the columns are read on a preview before anything is imported."
      />
      {allowed ? (
        <>
          <ImportUpload
            kind="feedback"
            action={importFeedbackAction}
            maxBytes={MAX_FORM_UPLOAD_BYTES}
            tooLargeHint="Bigger files go through the API or the command line (see below)."
            showSource
          />
          <section aria-labelledby="feedback-file-heading" className="space-y-2">
            <h2
              id="feedback-file-heading"
              className="text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
            >
              What the file needs
            </h2>
            <ul className={`list-disc space-y-1 pl-5 ${muted}`}>
              <li>
                CSV or TSV (any of , ; tab | as the delimiter; UTF-8, UTF-16 or Windows-1252), an Excel workbook
                (.xlsx), a JSON array of objects or NDJSON (one object per line).
              </li>
              <li>
                A header row, and a column with the feedback text. A title and a body column can be joined. Dates,
                ratings (stars, NPS or thumbs), ids, authors, channels, segments, plans and countries are picked up when
                present; you can change every choice on the preview.
              </li>
              <li>
                {redact
                  ? "E-mail addresses, phone numbers, card numbers and IBANs in the text are replaced by placeholders such as [email] (a privacy setting of this workspace, on by default)."
                  : "Redaction of e-mail addresses, phone numbers and card numbers is turned off in this workspace's settings: the text is kept as it is."}{" "}
                Authors are kept only as a hash.
              </li>
            </ul>
          </section>
          <LargeFileHelp kind="feedback" slug={s.ctx.workspaceSlug} maxFormMb={MAX_MB} />
        </>
      ) : (
        <p className={muted} data-testid="import-not-allowed">
          Your role (viewer) can read feedback but not import it. Ask an analyst, admin or owner of this workspace to
          import the file, or to give you the analyst role.{" "}
          <Link href="/feedback" className="text-tremor-brand hover:underline dark:text-dark-tremor-brand">
            Back to feedback
          </Link>
        </p>
      )}
    </div>
  );
}
