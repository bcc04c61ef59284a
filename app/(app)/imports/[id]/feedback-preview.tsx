"use client";

import { ColumnHeads } from "@/app/_components/column-heads";

/** The feedback half of the preview: which column feeds which field, and how the first rows read. */
import { cx } from "@/app/_components/cx";
import { formatDate } from "@/app/_components/format";
import { inputStyles } from "@/app/_components/field";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import type { ImportPreview } from "@/lib/ingest/preview";
import type { FeedbackMapping } from "@/lib/ingest/mapping";
import {
  checkStyles,
  ColumnSelect,
  DATE_FORM_LABEL,
  labelStyles,
  legendStyles,
  muted,
  panel,
  RATING_SCALE_LABEL,
  SelectField,
  subtle,
  formatRating,
} from "./parts";

export type FeedbackPreviewData = Extract<ImportPreview, { kind: "FEEDBACK" }>;

export interface FieldChoice {
  key: string;
  label: string;
}

type OptionalKey = Exclude<
  keyof FeedbackMapping,
  "text" | "dateOrder" | "ratingScale" | "channelName" | "dropUnmapped"
>;

export function FeedbackColumns({
  preview,
  mapping,
  textLabel,
  fields,
  detectedScale,
  onChange,
}: {
  preview: FeedbackPreviewData;
  mapping: FeedbackMapping;
  textLabel: string;
  /** The optional fields, in display order, with their labels. */
  fields: FieldChoice[];
  /** What the scale detection found when no scale was chosen ("1–5 stars: values 1 to 5"). */
  detectedScale: string | null;
  onChange: (m: FeedbackMapping) => void;
}) {
  const headers = preview.headers;
  const guessed = new Set(preview.guessed);
  const set = (patch: Partial<FeedbackMapping>) => onChange({ ...mapping, ...patch });
  const toggleText = (h: string, on: boolean) => {
    const chosen = new Set(mapping.text);
    if (on) chosen.add(h);
    else chosen.delete(h);
    // Joined in the file's column order: a title column comes before its body.
    set({ text: headers.filter((x) => chosen.has(x)) });
  };
  const mapped = new Set<string>([
    ...mapping.text,
    ...fields.map((f) => mapping[f.key as OptionalKey]).filter(Boolean),
  ] as string[]);
  const unmapped = headers.filter((h) => !mapped.has(h));

  return (
    <fieldset className={cx(panel, "space-y-5")}>
      <legend className={cx(legendStyles, "px-1")}>Columns</legend>

      <fieldset className="space-y-2" aria-describedby="text-columns-hint">
        <legend className={labelStyles}>
          {textLabel}
          {guessed.has("text") ? (
            <span className={cx("ml-2 font-normal", subtle)}>(guessed from the content)</span>
          ) : null}
        </legend>
        <p id="text-columns-hint" className={cx("text-tremor-label", muted)}>
          One column or several (a title and a body are joined with a blank line, in the file&apos;s order).
        </p>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {headers.map((h) => (
            <label key={h} className={cx("flex items-center gap-2 text-tremor-default", muted)}>
              <input
                type="checkbox"
                className={checkStyles}
                checked={mapping.text.includes(h)}
                onChange={(e) => toggleText(h, e.target.checked)}
              />
              {h}
            </label>
          ))}
        </div>
        {mapping.text.length === 0 ? (
          <p role="alert" className="text-tremor-label font-medium text-rose-700 dark:text-rose-400">
            Choose the column that holds the feedback text.
          </p>
        ) : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {fields.map((f) => (
          <ColumnSelect
            key={f.key}
            label={
              <>
                {f.label}
                {guessed.has(f.key) ? <span className={cx("ml-1 font-normal", subtle)}>(guessed)</span> : null}
              </>
            }
            headers={headers}
            value={mapping[f.key as OptionalKey]}
            onChange={(v) => set({ [f.key]: v } as Partial<FeedbackMapping>)}
            hint={
              f.key === "date" && mapping.date && preview.dateForm
                ? `Read as ${DATE_FORM_LABEL[preview.dateForm] ?? preview.dateForm}.`
                : undefined
            }
          />
        ))}
        {!mapping.channel ? (
          <div className="space-y-1">
            <label htmlFor="channel-name" className={labelStyles}>
              Channel for every row <span className={cx("font-normal", muted)}>(optional)</span>
            </label>
            <input
              id="channel-name"
              className={inputStyles}
              maxLength={100}
              placeholder="e.g. App Store"
              value={mapping.channelName ?? ""}
              aria-describedby="channel-name-hint"
              onChange={(e) => set({ channelName: e.target.value || undefined })}
            />
            <p id="channel-name-hint" className={cx("text-tremor-label", muted)}>
              The file has no channel column: name where all of it comes from.
            </p>
          </div>
        ) : null}
        {mapping.rating ? (
          <SelectField
            label="Rating scale"
            value={mapping.ratingScale ?? ""}
            onChange={(e) => set({ ratingScale: (e.target.value || undefined) as FeedbackMapping["ratingScale"] })}
            hint={
              mapping.ratingScale
                ? "Chosen by you."
                : preview.ratingScale
                  ? `Detected: ${RATING_SCALE_LABEL[preview.ratingScale] ?? preview.ratingScale}${preview.ratingScaleReason ? ` (${preview.ratingScaleReason})` : ""}.`
                  : "The scale could not be recognised from the values: choose it."
            }
          >
            <option value="">Detect{detectedScale ? ` (${detectedScale})` : ""}</option>
            {Object.entries(RATING_SCALE_LABEL).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>

      <div className="space-y-1">
        <label className={cx("flex items-start gap-2 text-tremor-default", muted)}>
          <input
            type="checkbox"
            className={cx(checkStyles, "mt-0.5")}
            checked={mapping.dropUnmapped}
            onChange={(e) => set({ dropUnmapped: e.target.checked })}
            aria-describedby="drop-unmapped-hint"
          />
          <span className="font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
            Drop columns I did not map
          </span>
        </label>
        <p id="drop-unmapped-hint" className={cx("pl-6 text-tremor-label", muted)}>
          {unmapped.length === 0
            ? "Every column is mapped to a field."
            : mapping.dropUnmapped
              ? `Not stored: ${unmapped.join(", ")}. Keep only what you need, especially columns that may hold personal data.`
              : `Kept with each item as extra attributes: ${unmapped.join(", ")}. Tick the box to leave them out (privacy: store only what you need).`}
        </p>
      </div>
    </fieldset>
  );
}

export function FeedbackRows({ preview }: { preview: FeedbackPreviewData }) {
  if (preview.rows.length === 0) {
    return <p className={cx("text-tremor-default", muted)}>The file has a header row but no data rows.</p>;
  }
  return (
    <div className={tableFrame}>
      <table
        className="w-full min-w-[44rem] text-left text-tremor-default"
        aria-label="Preview rows"
        data-testid="preview-rows"
      >
        <caption className="sr-only">
          The first {preview.rows.length} rows of the file, as they will be imported; rejected rows show why.
        </caption>
        <thead className={tableHead}>
          <ColumnHeads columns={["Line", "Feedback text", "Date", "Rating", "Channel"]} />
        </thead>
        <tbody className={tableBody}>
          {preview.rows.map((r) => (
            <tr
              key={r.line}
              data-testid="preview-row"
              data-line={r.line}
              data-rejected={r.problems.length ? "true" : undefined}
              className={cx("align-top", r.problems.length && "bg-rose-50/70 dark:bg-rose-950/30")}
            >
              <th scope="row" className={cx("px-3 py-2 font-normal tabular-nums", muted)}>
                {r.line}
              </th>
              {r.read ? (
                <>
                  <td className="max-w-[28rem] whitespace-pre-line break-words px-3 py-2 text-tremor-content-strong dark:text-dark-tremor-content-strong">
                    {r.read.text}
                  </td>
                  <td className={cx("whitespace-nowrap px-3 py-2", muted)}>
                    {r.read.date ? <time dateTime={r.read.date}>{formatDate(r.read.date, "medium")}</time> : "—"}
                  </td>
                  <td className={cx("whitespace-nowrap px-3 py-2", muted)}>
                    {formatRating(r.read.rating, preview.ratingScale)}
                  </td>
                  <td className={cx("px-3 py-2", muted)}>{r.read.channel ?? "—"}</td>
                </>
              ) : (
                <td colSpan={4} className="space-y-1 px-3 py-2">
                  {r.problems.length ? (
                    <span className="inline-block rounded-full bg-rose-100 px-2 py-0.5 text-tremor-label font-medium text-rose-800 dark:bg-rose-900/60 dark:text-rose-100">
                      Will be rejected
                    </span>
                  ) : null}
                  <RowProblems problems={r.problems} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RowProblems({
  problems,
  prefix,
}: {
  problems: { column: string | null; value: string | null; reason: string }[];
  /** Read before the list by screen readers, e.g. "Rejected". */
  prefix?: string;
}) {
  if (problems.length === 0) return <span className={muted}>Not read: fix the mapping above.</span>;
  return (
    <ul className="space-y-0.5 text-rose-800 dark:text-rose-200" data-testid="row-problems" aria-label={prefix}>
      {problems.map((p, i) => (
        <li key={i}>
          <span className="font-medium">{p.column ?? "Row"}</span>
          {p.value && !p.reason.includes(p.value) ? (
            <>
              {" "}
              <q className="rounded bg-rose-100 px-1 font-mono text-tremor-label dark:bg-rose-900/60">{p.value}</q>
            </>
          ) : null}
          {": "}
          {p.reason}
        </li>
      ))}
    </ul>
  );
}
