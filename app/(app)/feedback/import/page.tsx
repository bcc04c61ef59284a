import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionField, ActionForm } from "@/app/_components/action-form";
import { PageHeader } from "@/app/_components/page-header";
import { SubmitButton } from "@/app/_components/submit-button";
import { can } from "@/lib/auth/roles";
import { getSessionWorkspace } from "@/lib/web/session";
import { importFeedbackAction } from "./actions";

export const metadata: Metadata = { title: "Import feedback" };

export default async function ImportFeedbackPage() {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const allowed = can(s.ctx.role, "data.write");
  return (
    <div className="max-w-2xl space-y-8">
      <PageHeader
        title="Import feedback"
        description="Upload a CSV or TSV file with one piece of feedback per row. It is read in the background; follow its progress on the Jobs page."
      />
      {allowed ? (
        <ActionForm action={importFeedbackAction} aria-label="Import feedback" redirectTo="/jobs">
          <div className="space-y-4">
            <ActionField
              label="File"
              name="file"
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
              required
              hint="Up to 50 MB, in UTF-8, UTF-16 or Windows-1252 (detected). The header row must name a text column (text, review, comment, feedback, body, message or content); date, rating, id, channel and author columns are picked up when present, every other column is kept."
            />
            <SubmitButton pendingLabel="Uploading…">Import</SubmitButton>
          </div>
        </ActionForm>
      ) : (
        <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">
          Your role can view feedback but not import it. Ask an analyst, admin or owner.{" "}
          <Link href="/feedback" className="text-tremor-brand hover:underline">
            Back to feedback
          </Link>
        </p>
      )}
    </div>
  );
}
