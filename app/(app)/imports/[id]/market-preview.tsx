"use client";

import { ColumnHeads } from "@/app/_components/column-heads";

/**
 * The market half of the preview: the layout (long, wide or market sizes) and its columns, what
 * each series measures, and what the sampled rows hold (series, frequencies, gaps, sizes, problems).
 */
import { cx } from "@/app/_components/cx";
import { formatDate, formatNumber } from "@/app/_components/format";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import type { MarketMapping } from "@/lib/ingest/market";
import type { ImportPreview } from "@/lib/ingest/preview";
import { RowProblems } from "./feedback-preview";
import {
  checkStyles,
  ColumnSelect,
  FREQUENCY_LABEL,
  labelStyles,
  legendStyles,
  muted,
  panel,
  strong,
  subtle,
} from "./parts";

export type MarketPreviewData = Extract<ImportPreview, { kind: "MARKET" }>;
type Layout = MarketMapping["layout"];
type Kinds = Record<string, string>;

/** The editor's state: every layout's columns are kept, so switching back and forth loses nothing. */
export interface MarketForm {
  layout: Layout;
  date?: string;
  series?: string;
  value?: string;
  unit?: string;
  kind?: string;
  wideSeries: string[];
  units?: Record<string, string>;
  level?: string;
  sizeValue?: string;
  year?: string;
  source?: string;
  currency?: string;
  dateOrder?: "dmy" | "mdy";
  kinds: Kinds;
}

export function marketFormFrom(m: MarketMapping | null, previous?: MarketForm): MarketForm {
  const base: MarketForm = previous ? { ...previous } : { layout: "long", wideSeries: [], kinds: {} };
  if (!m) return base;
  switch (m.layout) {
    case "long":
      return {
        ...base,
        layout: "long",
        date: m.date,
        series: m.series,
        value: m.value,
        unit: m.unit,
        kind: m.kind,
        dateOrder: m.dateOrder,
        kinds: m.kinds ?? base.kinds,
      };
    case "wide":
      return {
        ...base,
        layout: "wide",
        date: m.date,
        wideSeries: m.series,
        units: m.units,
        dateOrder: m.dateOrder,
        kinds: m.kinds ?? base.kinds,
      };
    case "sizes":
      return {
        ...base,
        layout: "sizes",
        level: m.level,
        sizeValue: m.value,
        year: m.year,
        source: m.source,
        currency: m.currency,
      };
  }
}

const LAYOUT_NEEDS: Record<Layout, string> = {
  long: "Choose the date, series and value columns.",
  wide: "Choose the date column and at least one series column.",
  sizes: "Choose the level (TAM, SAM, SOM) and value columns.",
};

/** The mapping to send, or what is still missing. */
export function marketMappingFrom(f: MarketForm): { mapping: MarketMapping } | { missing: string } {
  const kinds = Object.keys(f.kinds).length
    ? (f.kinds as Extract<MarketMapping, { layout: "long" }>["kinds"])
    : undefined;
  if (f.layout === "long") {
    if (!f.date || !f.series || !f.value) return { missing: LAYOUT_NEEDS.long };
    return {
      mapping: {
        layout: "long",
        date: f.date,
        series: f.series,
        value: f.value,
        unit: f.unit,
        kind: f.kind,
        dateOrder: f.dateOrder,
        kinds,
      },
    };
  }
  if (f.layout === "wide") {
    const series = f.wideSeries.filter((s) => s !== f.date);
    if (!f.date || series.length === 0) return { missing: LAYOUT_NEEDS.wide };
    return { mapping: { layout: "wide", date: f.date, series, dateOrder: f.dateOrder, kinds, units: f.units } };
  }
  if (!f.level || !f.sizeValue) return { missing: LAYOUT_NEEDS.sizes };
  return {
    mapping: {
      layout: "sizes",
      level: f.level,
      value: f.sizeValue,
      year: f.year,
      source: f.source,
      currency: f.currency,
    },
  };
}

function switchLayout(f: MarketForm, layout: Layout, headers: string[]): MarketForm {
  if (layout === "wide" && f.wideSeries.length === 0) {
    const taken = new Set([f.date, f.series, f.value, f.unit, f.kind]);
    const numericGuess = f.layout === "long" && f.value ? [] : headers.filter((h) => !taken.has(h));
    return { ...f, layout, wideSeries: numericGuess };
  }
  return { ...f, layout };
}

const LAYOUTS: { value: Layout; label: string; text: string }[] = [
  { value: "long", label: "Long", text: "One row per series, date and value." },
  { value: "wide", label: "Wide", text: "A date column and one column per series." },
  { value: "sizes", label: "Market sizes", text: "One row per TAM, SAM or SOM figure." },
];

export function MarketColumns({
  preview,
  form,
  onChange,
}: {
  preview: MarketPreviewData;
  form: MarketForm;
  onChange: (f: MarketForm) => void;
}) {
  const headers = preview.headers;
  const set = (patch: Partial<MarketForm>) => onChange({ ...form, ...patch });
  const missing = "missing" in marketMappingFrom(form) ? LAYOUT_NEEDS[form.layout] : null;
  return (
    <fieldset className={cx(panel, "space-y-5")}>
      <legend className={cx(legendStyles, "px-1")}>Layout and columns</legend>
      <fieldset>
        <legend className={labelStyles}>Layout</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {LAYOUTS.map((l) => (
            <label
              key={l.value}
              className={cx(
                "flex cursor-pointer gap-2 rounded-tremor-default border p-3 text-tremor-default",
                form.layout === l.value
                  ? "border-tremor-brand bg-tremor-brand-faint dark:border-dark-tremor-brand dark:bg-dark-tremor-brand-faint"
                  : "border-tremor-border dark:border-dark-tremor-border",
              )}
            >
              <input
                type="radio"
                name="market-layout"
                value={l.value}
                checked={form.layout === l.value}
                onChange={() => onChange(switchLayout(form, l.value, headers))}
                className="mt-0.5 text-tremor-brand focus:ring-tremor-brand"
              />
              <span>
                <span className={cx("block font-medium", strong)}>{l.label}</span>
                <span className={cx("block text-tremor-label", muted)}>{l.text}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {form.layout === "long" ? (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <ColumnSelect label="Date" required headers={headers} value={form.date} onChange={(v) => set({ date: v })} />
          <ColumnSelect
            label="Series name"
            required
            headers={headers}
            value={form.series}
            onChange={(v) => set({ series: v })}
          />
          <ColumnSelect
            label="Value"
            required
            headers={headers}
            value={form.value}
            onChange={(v) => set({ value: v })}
          />
          <ColumnSelect label="Unit" headers={headers} value={form.unit} onChange={(v) => set({ unit: v })} />
          <ColumnSelect
            label="Kind"
            headers={headers}
            value={form.kind}
            onChange={(v) => set({ kind: v })}
            hint="Demand, sales, sign-ups, traffic, price… (else guessed from the name; change it below)."
          />
        </div>
      ) : form.layout === "wide" ? (
        <div className="space-y-4">
          <ColumnSelect
            label="Date"
            required
            headers={headers}
            value={form.date}
            onChange={(v) => set({ date: v })}
            className="max-w-xs"
          />
          <fieldset className="space-y-2">
            <legend className={labelStyles}>Series columns</legend>
            <p className={cx("text-tremor-label", muted)}>
              Each ticked column becomes a series named after its header.
            </p>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {headers
                .filter((h) => h !== form.date)
                .map((h) => (
                  <label key={h} className={cx("flex items-center gap-2 text-tremor-default", muted)}>
                    <input
                      type="checkbox"
                      className={checkStyles}
                      checked={form.wideSeries.includes(h)}
                      onChange={(e) => {
                        const chosen = new Set(form.wideSeries);
                        if (e.target.checked) chosen.add(h);
                        else chosen.delete(h);
                        set({ wideSeries: headers.filter((x) => chosen.has(x)) });
                      }}
                    />
                    {h}
                  </label>
                ))}
            </div>
          </fieldset>
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <ColumnSelect
            label="Level (TAM, SAM, SOM)"
            required
            headers={headers}
            value={form.level}
            onChange={(v) => set({ level: v })}
          />
          <ColumnSelect
            label="Value"
            required
            headers={headers}
            value={form.sizeValue}
            onChange={(v) => set({ sizeValue: v })}
          />
          <ColumnSelect label="Year" headers={headers} value={form.year} onChange={(v) => set({ year: v })} />
          <ColumnSelect label="Source" headers={headers} value={form.source} onChange={(v) => set({ source: v })} />
          <ColumnSelect
            label="Currency"
            headers={headers}
            value={form.currency}
            onChange={(v) => set({ currency: v })}
          />
        </div>
      )}
      {missing ? (
        <p role="alert" className="text-tremor-label font-medium text-rose-700 dark:text-rose-400">
          {missing}
        </p>
      ) : null}
      {preview.ignored.length ? (
        <div className={cx("text-tremor-label", muted)}>
          <p className="font-medium">Columns the detected layout leaves out:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {preview.ignored.map((i) => (
              <li key={i.column}>
                <span className={strong}>{i.column || "(no header)"}</span>: {i.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}

const td = cx("px-3 py-2", muted);

export function SeriesTable({
  preview,
  kinds,
  kindChoices,
  onKind,
}: {
  preview: MarketPreviewData;
  kinds: Kinds;
  kindChoices: { value: string; label: string }[];
  onKind: (series: string, kind: string) => void;
}) {
  if (preview.series.length === 0) return null;
  return (
    <section aria-labelledby="series-heading" className="space-y-2">
      <h3 id="series-heading" className={cx("text-tremor-default font-semibold", strong)}>
        Series in the first {formatNumber(preview.sampled)} rows
      </h3>
      <div className={tableFrame}>
        <table
          className="w-full min-w-[52rem] text-left text-tremor-default"
          aria-label="Series"
          data-testid="series-table"
        >
          <thead className={tableHead}>
            <ColumnHeads
              columns={[
                "Series",
                "Kind",
                "Unit",
                "Frequency",
                { label: "Points", numeric: true },
                { label: "Duplicates", numeric: true },
                { label: "Gaps", numeric: true },
                "First – last",
              ]}
            />
          </thead>
          <tbody className={tableBody}>
            {preview.series.map((s) => (
              <tr key={s.name} data-testid="series-row" className="align-middle">
                <th scope="row" className={cx("px-3 py-2 font-medium", strong)}>
                  {s.name}
                </th>
                <td className="px-3 py-1.5">
                  <label className="sr-only" htmlFor={`kind-${s.name}`}>
                    Kind of {s.name}
                  </label>
                  <select
                    id={`kind-${s.name}`}
                    value={kinds[s.name] ?? s.kind}
                    onChange={(e) => onKind(s.name, e.target.value)}
                    className="rounded-tremor-default border-tremor-border bg-tremor-background py-1 pr-8 text-tremor-default text-tremor-content-strong dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:text-dark-tremor-content-strong"
                  >
                    {kindChoices.map((k) => (
                      <option key={k.value} value={k.value}>
                        {k.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td className={td}>{s.unit ?? "—"}</td>
                <td className={td} title={s.frequencyReason}>
                  {s.frequency ? FREQUENCY_LABEL[s.frequency] : "Irregular"}
                  <span className="sr-only"> ({s.frequencyReason})</span>
                </td>
                <td className={cx(td, "text-right tabular-nums")}>{formatNumber(s.points)}</td>
                <td className={cx(td, "text-right tabular-nums", s.duplicates && "text-amber-700 dark:text-amber-300")}>
                  {formatNumber(s.duplicates)}
                </td>
                <td className={cx(td, "text-right tabular-nums", s.gaps && "text-amber-700 dark:text-amber-300")}>
                  {formatNumber(s.gaps)}
                </td>
                <td className={cx(td, "whitespace-nowrap")}>
                  {s.first ? `${formatDate(s.first)} – ${formatDate(s.last)}` : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={cx("text-tremor-label", subtle)}>
        Duplicate periods keep their first row; gaps are reported but do not stop the import.
      </p>
    </section>
  );
}

export function SizesTable({ preview }: { preview: MarketPreviewData }) {
  if (preview.sizes.length === 0) return null;
  return (
    <section aria-labelledby="sizes-heading" className="space-y-2">
      <h3 id="sizes-heading" className={cx("text-tremor-default font-semibold", strong)}>
        Market sizes
      </h3>
      <div className={tableFrame}>
        <table className="w-full text-left text-tremor-default" aria-label="Market sizes">
          <thead className={tableHead}>
            <ColumnHeads columns={["Line", "Level", "Year", { label: "Value", numeric: true }, "Currency", "Source"]} />
          </thead>
          <tbody className={tableBody}>
            {preview.sizes.map((s) => (
              <tr key={s.line}>
                <td className={cx(td, "tabular-nums")}>{s.line}</td>
                <td className={cx("px-3 py-2 font-medium", strong)}>{s.level}</td>
                <td className={cx(td, "tabular-nums")}>{s.year}</td>
                <td className={cx(td, "text-right tabular-nums")}>{formatNumber(s.value, 2)}</td>
                <td className={td}>{s.currency}</td>
                <td className={td}>{s.source ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The sampled rows that will be rejected, with why. */
export function MarketProblems({ preview }: { preview: MarketPreviewData }) {
  const bad = preview.rows.filter((r) => r.problems.length > 0);
  if (bad.length === 0) return null;
  return (
    <section aria-labelledby="problems-heading" className="space-y-2">
      <h3 id="problems-heading" className={cx("text-tremor-default font-semibold", strong)}>
        Problems in the first {preview.rows.length} rows
      </h3>
      <div className={tableFrame}>
        <table
          className="w-full text-left text-tremor-default"
          aria-label="Row problems"
          data-testid="preview-problems"
        >
          <thead className={tableHead}>
            <ColumnHeads columns={["Line", "Problem"]} />
          </thead>
          <tbody className={tableBody}>
            {bad.map((r) => (
              <tr
                key={r.line}
                data-testid="preview-row"
                data-line={r.line}
                data-rejected="true"
                className="align-top bg-rose-50/70 dark:bg-rose-950/30"
              >
                <th scope="row" className={cx("px-3 py-2 font-normal tabular-nums", muted)}>
                  {r.line}
                </th>
                <td className="px-3 py-2">
                  <RowProblems problems={r.problems} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
