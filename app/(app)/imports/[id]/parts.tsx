/**
 * Small pieces the import page's server and client parts share: labelled selects, section
 * headings, status badges, and the words for what the importer detected.
 */
import { useId, type ReactNode, type SelectHTMLAttributes } from "react";
import { cx } from "@/app/_components/cx";
import { inputStyles } from "@/app/_components/field";
import { MONTH_NAMES } from "@/lib/ingest/dates";

export const sectionHeading =
  "text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong";
export const strong = "text-tremor-content-strong dark:text-dark-tremor-content-strong";
export const muted = "text-tremor-content dark:text-dark-tremor-content";
export const subtle = "text-tremor-content-subtle dark:text-dark-tremor-content-subtle";
export const panel = "rounded-tremor-default border border-tremor-border p-4 dark:border-dark-tremor-border";
export const legendStyles =
  "text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong";
export const labelStyles =
  "block text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong";
export const checkStyles =
  "size-4 rounded border-tremor-border text-tremor-brand focus:ring-tremor-brand dark:border-dark-tremor-border dark:bg-dark-tremor-background";

export function SelectField({
  label,
  hint,
  children,
  className,
  ...props
}: { label: ReactNode; hint?: ReactNode; className?: string } & Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  "className"
>) {
  const id = useId();
  return (
    <div className={cx("space-y-1", className)}>
      <label htmlFor={id} className={labelStyles}>
        {label}
      </label>
      <select id={id} aria-describedby={hint ? `${id}-hint` : undefined} className={cx(inputStyles, "pr-8")} {...props}>
        {children}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className={cx("text-tremor-label", muted)}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A select of the file's columns, with "not in this file" first (or nothing, when required). */
export function ColumnSelect({
  label,
  headers,
  value,
  onChange,
  required = false,
  hint,
  className,
}: {
  label: ReactNode;
  headers: string[];
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  required?: boolean;
  hint?: ReactNode;
  className?: string;
}) {
  return (
    <SelectField
      label={label}
      hint={hint}
      className={className}
      value={value ?? ""}
      required={required}
      aria-invalid={required && !value ? true : undefined}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      <option value="">{required ? "Choose a column…" : "— Not in this file —"}</option>
      {headers.map((h) => (
        <option key={h} value={h}>
          {h}
        </option>
      ))}
    </SelectField>
  );
}

export type BatchStatus = "DRAFT" | "PENDING" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED";

const STATUS: Record<BatchStatus, { label: string; className: string }> = {
  DRAFT: {
    label: "Draft: not imported yet",
    className: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  },
  PENDING: { label: "Queued", className: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200" },
  RUNNING: { label: "Importing", className: "bg-blue-100 text-blue-800 dark:bg-blue-900/60 dark:text-blue-100" },
  COMPLETED: {
    label: "Imported",
    className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-100",
  },
  FAILED: { label: "Failed", className: "bg-rose-100 text-rose-800 dark:bg-rose-900/60 dark:text-rose-100" },
  CANCELLED: { label: "Cancelled", className: "bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-100" },
};

export function StatusBadge({ status }: { status: BatchStatus }) {
  const s = STATUS[status];
  return (
    <span
      className={cx("rounded-full px-2 py-0.5 text-tremor-label font-medium", s.className)}
      data-testid="import-status"
    >
      {s.label}
    </span>
  );
}

export const FORMAT_LABEL: Record<string, string> = {
  csv: "CSV / TSV",
  xlsx: "Excel workbook (.xlsx)",
  json: "JSON",
  ndjson: "NDJSON",
};
export const ENCODING_LABEL: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252 (Western)",
};
export const DELIMITER_LABEL: Record<string, string> = {
  ",": "Comma ( , )",
  ";": "Semicolon ( ; )",
  "\t": "Tab",
  "|": "Pipe ( | )",
};
export const RATING_SCALE_LABEL: Record<string, string> = {
  STARS_5: "1–5 stars",
  NPS_10: "0–10 (NPS)",
  THUMBS: "Thumbs up / down",
};
export const FREQUENCY_LABEL: Record<string, string> = {
  DAILY: "Daily",
  WEEKLY: "Weekly",
  MONTHLY: "Monthly",
  QUARTERLY: "Quarterly",
  YEARLY: "Yearly",
};

export const DATE_FORM_LABEL: Record<string, string> = {
  iso: "ISO dates (2026-03-04)",
  slash: "numeric dates (03/04/2026)",
  text: "dates with month names (4 Mar 2026)",
  epoch_s: "Unix time in seconds",
  epoch_ms: "Unix time in milliseconds",
  serial: "spreadsheet day numbers",
  date_object: "spreadsheet dates",
};

/** A rating as people read it on its scale. */
export function formatRating(rating: number | null, scale: string | null): string {
  if (rating === null) return "—";
  if (scale === "STARS_5") return `${rating} / 5`;
  if (scale === "NPS_10") return `${rating} / 10`;
  if (scale === "THUMBS") return rating > 0 ? "Thumbs up" : "Thumbs down";
  return String(rating);
}

/** The two readings of an ambiguous date such as 03/04/2026, for the date-order choice. */
export function dateReadings(example: string): { dmy: string; mdy: string } | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})\b/.exec(example);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  const month = (n: number) => MONTH_NAMES[n - 1];
  if (!month(a) || !month(b)) return null;
  return { dmy: `${a} ${month(b)} ${year}`, mdy: `${month(a)} ${b}, ${year}` };
}

/** "18 of 20 sample rows read; 2 will be rejected". */
export function sampleCounts(sampled: number, invalid: number): string {
  if (sampled === 0) return "The file has a header row but no data rows.";
  const rows = sampled === 1 ? "sample row" : "sample rows";
  return `${sampled - invalid} of ${sampled} ${rows} read; ${invalid === 0 ? "none" : invalid} will be rejected`;
}
