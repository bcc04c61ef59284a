import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ImportUpload } from "@/app/_components/import-upload";
import { LargeFileHelp } from "@/app/_components/large-file-help";
import { PageHeader } from "@/app/_components/page-header";
import { can } from "@/lib/auth/roles";
import { MAX_FORM_UPLOAD_BYTES } from "@/lib/ingest/imports";
import { getSessionWorkspace } from "@/lib/web/session";
import { importMarketAction } from "./actions";

export const metadata: Metadata = { title: "Import market data" };
export const dynamic = "force-dynamic";

const MAX_MB = Math.round(MAX_FORM_UPLOAD_BYTES / 1024 / 1024);
const muted = "text-tremor-default text-tremor-content dark:text-dark-tremor-content";
const example =
  "block overflow-x-auto whitespace-pre rounded-tremor-default border border-tremor-border dark:border-dark-tremor-border bg-tremor-background-muted px-3 py-2 font-mono text-tremor-label text-tremor-content-strong dark:bg-dark-tremor-background-muted dark:text-dark-tremor-content-strong";

const LAYOUTS = [
  {
    title: "Long: one row per series, date and value",
    text: "Columns named like series, date and value; unit and kind are optional.",
    sample: 'series,date,value,unit\nSign-ups,2026-01-01,1200,\nRevenue,2026-01-01,"$48,000",USD',
  },
  {
    title: "Wide: a date column and one column per series",
    text: "Every mostly-numeric column becomes a series named after its header.",
    sample: "month,Sign-ups,Revenue\n2026-01,1200,48000\n2026-02,1350,51500",
  },
  {
    title: "Market sizes: TAM, SAM and SOM",
    text: "A level column (TAM, SAM or SOM) and a value; year, source and currency are optional.",
    sample: "level,year,value,source\nTAM,2026,$4.2B,Gartner 2025\nSAM,2026,$610M,Our estimate",
  },
];

export default async function ImportMarketPage() {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const allowed = can(s.ctx.role, "data.write");
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader
        title="Import market data"
        description="Time series of demand, sales, sign-ups, traffic, search interest and prices, or market-size estimates. You check the layout, each series and its frequency on a preview before anything is imported."
      />
      {allowed ? (
        <>
          <ImportUpload
            kind="market"
            action={importMarketAction}
            maxBytes={MAX_FORM_UPLOAD_BYTES}
            tooLargeHint="Bigger files go through the API or the command line (see below)."
          />
          <section aria-labelledby="market-layouts-heading" className="space-y-3">
            <h2
              id="market-layouts-heading"
              className="text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
            >
              Layouts the file can use
            </h2>
            <p className={muted}>
              CSV, TSV, XLSX, JSON or NDJSON with a header row. Values may carry thousands separators, currency symbols
              and percent signs; the frequency of each series (daily to yearly) is detected.
            </p>
            <div className="grid gap-4">
              {LAYOUTS.map((l) => (
                <div key={l.title} className="space-y-2">
                  <h3 className="text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
                    {l.title}
                  </h3>
                  <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">{l.text}</p>
                  <code className={example}>{l.sample}</code>
                </div>
              ))}
            </div>
          </section>
          <LargeFileHelp kind="market" slug={s.ctx.workspaceSlug} maxFormMb={MAX_MB} />
        </>
      ) : (
        <p className={muted} data-testid="import-not-allowed">
          Your role (viewer) can read market data but not import it. Ask an analyst, admin or owner of this workspace to
          import the file, or to give you the analyst role.{" "}
          <Link href="/market" className="text-tremor-brand hover:underline dark:text-dark-tremor-brand">
            Back to market
          </Link>
        </p>
      )}
    </div>
  );
}
