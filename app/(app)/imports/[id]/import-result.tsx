/** A finished import: the counts, what was detected, the rejected rows, and where to go next. */
import { ColumnHeads } from "@/app/_components/column-heads";
import Link from "next/link";
import { buttonStyles } from "@/app/_components/button-styles";
import { cx } from "@/app/_components/cx";
import { formatNumber } from "@/app/_components/format";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import type { ImportView } from "@/lib/ingest/imports";
import {
  DATE_FORM_LABEL,
  DELIMITER_LABEL,
  ENCODING_LABEL,
  FORMAT_LABEL,
  FREQUENCY_LABEL,
  muted,
  panel,
  RATING_SCALE_LABEL,
  sectionHeading,
  strong,
} from "./parts";

export function ResultCounts({ view }: { view: ImportView }) {
  const sizes = (view.detected?.columns as { layout?: string } | undefined)?.layout === "sizes";
  const unit = view.kind === "FEEDBACK" ? "items" : sizes ? "market sizes" : "points";
  const counts = [
    { key: "new", label: `New ${unit}`, value: view.rowsNew, tone: "text-emerald-700 dark:text-emerald-300" },
    { key: "duplicates", label: "Duplicates", value: view.rowsDuplicate, tone: strong },
    {
      key: "invalid",
      label: "Invalid rows",
      value: view.rowsInvalid,
      tone: view.rowsInvalid ? "text-rose-700 dark:text-rose-300" : strong,
    },
    { key: "total", label: "Rows read", value: view.rowsTotal, tone: strong },
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 md:grid-cols-4" aria-label="Import counts">
      {counts.map((c) => (
        <div key={c.key} className={panel} data-testid={`count-${c.key}`}>
          <dt className={cx("text-tremor-default", muted)}>{c.label}</dt>
          <dd className={cx("mt-1 text-3xl font-semibold tabular-nums", c.tone)}>{formatNumber(c.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

type Detected = {
  format?: string;
  encoding?: string | null;
  encodingReason?: string | null;
  delimiter?: string | null;
  sheet?: string | null;
  columns?: Record<string, unknown>;
  ratingScale?: string | null;
  dateForm?: string | null;
  series?: { name: string; frequency: string | null; points: number }[];
};

const COLUMN_LABEL: Record<string, string> = {
  text: "Text",
  date: "Date",
  rating: "Rating",
  externalId: "External id",
  author: "Author",
  channel: "Channel",
  segment: "Segment",
  plan: "Plan",
  country: "Country",
  companySize: "Company size",
  productArea: "Product area",
  series: "Series",
  value: "Value",
  unit: "Unit",
  kind: "Kind",
  level: "Level",
  year: "Year",
  source: "Source",
  currency: "Currency",
};

/** "Text ← title + body · Date ← created (day/month)". */
function describeColumns(columns: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof columns.layout === "string") out.push(`Layout: ${columns.layout}`);
  for (const [key, label] of Object.entries(COLUMN_LABEL)) {
    const v = columns[key];
    if (typeof v === "string" && v) out.push(`${label} ← ${v}`);
    else if (Array.isArray(v) && v.length) out.push(`${label} ← ${v.join(" + ")}`);
  }
  if (columns.dateOrder === "dmy") out.push("Dates read day/month");
  if (columns.dateOrder === "mdy") out.push("Dates read month/day");
  if (typeof columns.channelName === "string") out.push(`Channel for every row: ${columns.channelName}`);
  if (columns.dropUnmapped === true) out.push("Unmapped columns dropped");
  return out;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function DetectedInfo({ detected }: { detected: Record<string, unknown> | null }) {
  if (!detected) return null;
  const d = detected as Detected;
  const rows: [string, string][] = [];
  if (d.format) rows.push(["Format", FORMAT_LABEL[d.format] ?? d.format]);
  if (d.encoding)
    rows.push([
      "Encoding",
      `${ENCODING_LABEL[d.encoding] ?? d.encoding}${d.encodingReason ? ` (${d.encodingReason})` : ""}`,
    ]);
  if (d.delimiter) rows.push(["Delimiter", DELIMITER_LABEL[d.delimiter] ?? d.delimiter]);
  if (d.sheet) rows.push(["Sheet", d.sheet]);
  if (d.dateForm) rows.push(["Dates", capitalise(DATE_FORM_LABEL[d.dateForm] ?? d.dateForm)]);
  if (d.ratingScale) rows.push(["Rating scale", RATING_SCALE_LABEL[d.ratingScale] ?? d.ratingScale]);
  const columns = d.columns ? describeColumns(d.columns) : [];
  return (
    <section aria-labelledby="detected-heading" className="space-y-3">
      <h2 id="detected-heading" className={sectionHeading}>
        How the file was read
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-tremor-default sm:grid-cols-[max-content_1fr]" data-testid="detected">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className={muted}>{k}</dt>
            <dd className={strong}>{v}</dd>
          </div>
        ))}
        {columns.length ? (
          <div className="contents">
            <dt className={muted}>Columns</dt>
            <dd className={strong}>
              <ul className="space-y-0.5">
                {columns.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {d.series?.length ? (
          <div className="contents">
            <dt className={muted}>Series</dt>
            <dd className={strong}>
              <ul className="space-y-0.5">
                {d.series.map((s) => (
                  <li key={s.name}>
                    {s.name}{" "}
                    <span className={muted}>
                      ({s.frequency ? FREQUENCY_LABEL[s.frequency]?.toLowerCase() : "irregular"},{" "}
                      {formatNumber(s.points)} points)
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

export function RowErrors({ view }: { view: ImportView }) {
  if (view.errorCount === 0) {
    return (
      <section aria-labelledby="row-errors-heading" className="space-y-1">
        <h2 id="row-errors-heading" className={sectionHeading}>
          Problems by row
        </h2>
        <p className={cx("text-tremor-default", muted)} data-testid="no-row-errors">
          None: every row could be read.
        </p>
      </section>
    );
  }
  const more = view.errorCount - view.errors.length;
  return (
    <section aria-labelledby="row-errors-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="row-errors-heading" className={sectionHeading}>
            Problems by row
          </h2>
          <p className={cx("text-tremor-default", muted)}>
            {formatNumber(view.errorCount)} {view.errorCount === 1 ? "problem" : "problems"}. Fix them in the file and
            import it again: rows already imported are recognised as duplicates.
          </p>
        </div>
        <a
          href={`/api/v1/imports/${encodeURIComponent(view.id)}/errors`}
          download
          className={buttonStyles("secondary", "sm")}
        >
          Download all errors (CSV)
        </a>
      </div>
      <div className={tableFrame}>
        <table
          className="w-full min-w-[40rem] text-left text-tremor-default"
          aria-label="Row errors"
          data-testid="row-errors"
        >
          <thead className={tableHead}>
            <ColumnHeads columns={["Line", "Column", "Value", "Reason"]} />
          </thead>
          <tbody className={tableBody}>
            {view.errors.map((e, i) => (
              <tr key={i} className="align-top">
                <td className={cx("px-3 py-2 tabular-nums", muted)}>{e.line}</td>
                <td className={cx("px-3 py-2", strong)}>{e.column ?? "—"}</td>
                <td className="max-w-[16rem] break-words px-3 py-2 font-mono text-tremor-label text-tremor-content-strong dark:text-dark-tremor-content-strong">
                  {e.value ?? "—"}
                </td>
                <td className={cx("px-3 py-2", muted)}>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 ? (
        <p className={cx("text-tremor-default", muted)} data-testid="more-errors">
          …and {formatNumber(more)} more in the CSV download.
        </p>
      ) : null}
    </section>
  );
}

export function OnwardLinks({ view, uploadHref }: { view: ImportView; uploadHref: string }) {
  return (
    <div className="flex flex-wrap gap-3">
      {view.kind === "FEEDBACK" ? (
        <Link href={`/feedback?batch=${encodeURIComponent(view.id)}`} className={buttonStyles("primary")}>
          See the imported feedback
        </Link>
      ) : (
        <Link href="/market" className={buttonStyles("primary")}>
          See the market data
        </Link>
      )}
      <Link href={uploadHref} className={buttonStyles("secondary")}>
        Import another file
      </Link>
    </div>
  );
}
