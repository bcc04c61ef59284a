"use client";

/**
 * The preview of a draft import and its mapping editor. Every change (how the file is read, which
 * column is which, the date order…) re-runs the preview on the server, debounced, so the table
 * below shows exactly how the rows will be imported; "Start import" sends the same options.
 */
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ActionForm } from "@/app/_components/action-form";
import { buttonStyles } from "@/app/_components/button-styles";
import { cx } from "@/app/_components/cx";
import { inputStyles } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import type { FeedbackMapping } from "@/lib/ingest/mapping";
import type { ImportPreview } from "@/lib/ingest/preview";
import { discardImportAction, previewImportAction, startImportAction } from "./actions";
import { FeedbackColumns, FeedbackRows, type FieldChoice } from "./feedback-preview";
import {
  MarketColumns,
  marketFormFrom,
  marketMappingFrom,
  MarketProblems,
  SeriesTable,
  SizesTable,
  type MarketForm,
} from "./market-preview";
import {
  dateReadings,
  DELIMITER_LABEL,
  ENCODING_LABEL,
  FORMAT_LABEL,
  labelStyles,
  legendStyles,
  muted,
  panel,
  RATING_SCALE_LABEL,
  sampleCounts,
  SelectField,
  strong,
} from "./parts";

export interface EditorChoices {
  encodings: string[];
  delimiters: string[];
  textLabel: string;
  fields: FieldChoice[];
  seriesKinds: { value: string; label: string }[];
}

interface ReadChoice {
  encoding?: string;
  delimiter?: string;
  sheet?: string;
}

type Options = { read: ReadChoice; mapping?: unknown };

const DEBOUNCE_MS = 300;

/** Drops blanks the server would refuse (an empty channel name) and trims what the user typed. */
function cleanFeedback(m: FeedbackMapping): FeedbackMapping {
  const channelName = m.channelName?.trim();
  return { ...m, channelName: channelName || undefined, ...(m.channel ? { channelName: undefined } : {}) };
}

function cleanRead(r: ReadChoice): ReadChoice {
  return {
    ...(r.encoding ? { encoding: r.encoding } : {}),
    ...(r.delimiter ? { delimiter: r.delimiter } : {}),
    ...(r.sheet?.trim() ? { sheet: r.sheet.trim() } : {}),
  };
}

function toForm(batchId: string, options: Options): FormData {
  const fd = new FormData();
  fd.set("batchId", batchId);
  fd.set("options", JSON.stringify({ read: cleanRead(options.read), mapping: options.mapping }));
  return fd;
}

export function PreviewEditor({ initial, choices }: { initial: ImportPreview; choices: EditorChoices }) {
  const router = useRouter();
  const batchId = initial.batchId;
  const [preview, setPreview] = useState<ImportPreview>(initial);
  const [read, setRead] = useState<ReadChoice>({});
  const [feedback, setFeedback] = useState<FeedbackMapping | null>(
    initial.kind === "FEEDBACK" ? initial.mapping : null,
  );
  const [market, setMarket] = useState<MarketForm | null>(
    initial.kind === "MARKET" ? marketFormFrom(initial.mapping) : null,
  );
  const [pending, setPending] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // What detection found on the first look, for the "Detect (…)" choices.
  const detected = useRef(initial.info);
  const dateExample = useRef<string | null>(initial.needsDateOrder?.example ?? null);
  const detectedScale = useRef<string | null>(
    initial.kind === "FEEDBACK" && initial.ratingScale
      ? (RATING_SCALE_LABEL[initial.ratingScale] ?? initial.ratingScale)
      : null,
  );
  if (preview.needsDateOrder) dateExample.current = preview.needsDateOrder.example;

  useEffect(() => () => clearTimeout(timer.current), []);

  /** Re-runs the preview; `adopt` takes the server's mapping (after the file is read differently). */
  function refresh(options: Options, adopt: boolean) {
    clearTimeout(timer.current);
    const mine = ++seq.current;
    setPending(true);
    setStartError(null);
    timer.current = setTimeout(async () => {
      try {
        const result = await previewImportAction(null, toForm(batchId, options));
        if (mine !== seq.current) return; // a newer change is on its way
        if (result.ok && result.data) {
          const next = result.data;
          setPreview(next);
          setPreviewError(null);
          if (adopt && next.kind === "FEEDBACK") setFeedback(next.mapping);
          if (adopt && next.kind === "MARKET") setMarket((prev) => marketFormFrom(next.mapping, prev ?? undefined));
          if (
            next.kind === "FEEDBACK" &&
            !(options.mapping as FeedbackMapping | undefined)?.ratingScale &&
            next.ratingScale
          ) {
            detectedScale.current = RATING_SCALE_LABEL[next.ratingScale] ?? next.ratingScale;
          }
        } else {
          setPreviewError(result.ok ? "The preview could not be updated." : result.error);
        }
      } catch {
        if (mine === seq.current)
          setPreviewError("The preview could not be updated: check your connection and try again.");
      } finally {
        if (mine === seq.current) setPending(false);
      }
    }, DEBOUNCE_MS);
  }

  /** The options as they stand, or why they cannot be sent yet. */
  function currentOptions(): Options | { missing: string } {
    if (preview.kind === "FEEDBACK") {
      if (!feedback || feedback.text.length === 0)
        return { missing: "Choose the column that holds the feedback text." };
      return { read, mapping: cleanFeedback(feedback) };
    }
    if (!market) return { read };
    const m = marketMappingFrom(market);
    return "missing" in m ? m : { read, mapping: m.mapping };
  }

  function changeRead(next: ReadChoice) {
    setRead(next);
    // Read differently, the file may have other columns: detect the mapping again.
    refresh({ read: next }, true);
  }

  function changeFeedback(next: FeedbackMapping) {
    setFeedback(next);
    if (next.text.length === 0) {
      clearTimeout(timer.current);
      seq.current++;
      setPending(false);
      return;
    }
    refresh({ read, mapping: cleanFeedback(next) }, false);
  }

  function changeMarket(next: MarketForm) {
    setMarket(next);
    const m = marketMappingFrom(next);
    if ("missing" in m) {
      clearTimeout(timer.current);
      seq.current++;
      setPending(false);
      return;
    }
    refresh({ read, mapping: m.mapping }, false);
  }

  function changeDateOrder(order: "dmy" | "mdy") {
    if (feedback) changeFeedback({ ...feedback, dateOrder: order });
    else if (market) changeMarket({ ...market, dateOrder: order });
  }

  async function start() {
    const options = currentOptions();
    if ("missing" in options) {
      setStartError(options.missing);
      return;
    }
    clearTimeout(timer.current);
    seq.current++;
    setPending(false);
    setStarting(true);
    setStartError(null);
    try {
      const result = await startImportAction(null, toForm(batchId, options));
      if (!result.ok) {
        setStartError(result.error);
        setStarting(false);
        if (result.fields?.dateOrder) document.getElementById("date-order-dmy")?.focus();
        return;
      }
      router.refresh();
    } catch {
      setStartError("The import could not be started: check your connection and try again.");
      setStarting(false);
    }
  }

  const info = preview.info;
  const first = detected.current;
  const dateOrder = feedback?.dateOrder ?? market?.dateOrder;
  const hasDate = feedback ? !!feedback.date : market ? market.layout !== "sizes" && !!market.date : false;
  const showDateOrder = hasDate && (!!preview.needsDateOrder || !!dateOrder) && !!dateExample.current;
  const local = currentOptions();
  const localMissing = "missing" in local ? local.missing : null;

  return (
    <div className="space-y-6" aria-busy={pending || undefined}>
      <fieldset className={cx(panel, "space-y-4")}>
        <legend className={cx(legendStyles, "px-1")}>How the file is read</legend>
        <p className={cx("text-tremor-default", muted)} data-testid="detected-format">
          <span className={cx("font-medium", strong)}>{FORMAT_LABEL[info.format] ?? info.format}</span>
          {info.encoding ? (
            <>
              {" · "}
              {ENCODING_LABEL[info.encoding.encoding] ?? info.encoding.encoding}{" "}
              <span className="text-tremor-label">({info.encoding.reason})</span>
            </>
          ) : null}
          {info.delimiter ? <> · delimiter: {DELIMITER_LABEL[info.delimiter] ?? info.delimiter}</> : null}
          {info.sheet ? <> · sheet “{info.sheet}”</> : null}
          {" · "}
          {preview.headers.length} columns
        </p>
        {info.format === "csv" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Encoding"
              value={read.encoding ?? ""}
              onChange={(e) => changeRead({ ...read, encoding: e.target.value || undefined })}
              hint="Change it if accented letters look wrong in the rows below."
            >
              <option value="">
                Detect
                {first.encoding ? ` (found ${ENCODING_LABEL[first.encoding.encoding] ?? first.encoding.encoding})` : ""}
              </option>
              {choices.encodings.map((e) => (
                <option key={e} value={e}>
                  {ENCODING_LABEL[e] ?? e}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Delimiter"
              value={read.delimiter ?? ""}
              onChange={(e) => changeRead({ ...read, delimiter: e.target.value || undefined })}
              hint="Change it if the columns below are run together."
            >
              <option value="">
                Detect{first.delimiter ? ` (found ${DELIMITER_LABEL[first.delimiter] ?? first.delimiter})` : ""}
              </option>
              {choices.delimiters.map((d) => (
                <option key={d} value={d}>
                  {DELIMITER_LABEL[d] ?? d}
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}
        {info.format === "xlsx" ? (
          <div className="max-w-sm space-y-1">
            <label htmlFor="sheet" className={labelStyles}>
              Sheet
            </label>
            <input
              id="sheet"
              className={inputStyles}
              value={read.sheet ?? ""}
              placeholder={first.sheet ? `${first.sheet} (the first sheet)` : "The first sheet"}
              aria-describedby="sheet-hint"
              onChange={(e) => changeRead({ ...read, sheet: e.target.value || undefined })}
            />
            <p id="sheet-hint" className={cx("text-tremor-label", muted)}>
              A sheet&apos;s name or number; leave empty for the first.
            </p>
          </div>
        ) : null}
        <p className={cx("text-tremor-label", muted)}>Changing how the file is read detects the columns again.</p>
      </fieldset>

      {previewError ? (
        <FormMessage tone="error" title="The preview could not be updated">
          {previewError}
        </FormMessage>
      ) : null}

      {showDateOrder ? (
        <DateOrderChoice
          example={dateExample.current!}
          value={dateOrder}
          needed={!!preview.needsDateOrder}
          onChange={changeDateOrder}
        />
      ) : null}

      {preview.kind === "FEEDBACK" && feedback ? (
        <FeedbackColumns
          preview={preview}
          mapping={feedback}
          textLabel={choices.textLabel}
          fields={choices.fields}
          detectedScale={detectedScale.current}
          onChange={changeFeedback}
        />
      ) : null}
      {preview.kind === "MARKET" && market ? (
        <MarketColumns preview={preview} form={market} onChange={changeMarket} />
      ) : null}

      {preview.mappingError && !localMissing ? (
        <FormMessage tone="error" title="The mapping does not fit the file">
          {preview.mappingError}
        </FormMessage>
      ) : null}

      <section aria-labelledby="rows-heading" className={cx("space-y-3 transition-opacity", pending && "opacity-60")}>
        <h2
          id="rows-heading"
          className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
        >
          {preview.kind === "FEEDBACK"
            ? `The first ${preview.rows.length} rows, as they will be imported`
            : "What the file holds"}
        </h2>
        {preview.needsDateOrder ? (
          <p className="text-tremor-default text-amber-800 dark:text-amber-200">
            Rows with dates such as {preview.needsDateOrder.example} show as rejected until you choose the date order
            above.
          </p>
        ) : null}
        {preview.kind === "FEEDBACK" ? <FeedbackRows preview={preview} /> : null}
        {preview.kind === "MARKET" ? (
          <>
            <SeriesTable
              preview={preview}
              kinds={market?.kinds ?? {}}
              kindChoices={choices.seriesKinds}
              onKind={(name, kind) => market && changeMarket({ ...market, kinds: { ...market.kinds, [name]: kind } })}
            />
            <SizesTable preview={preview} />
            <MarketProblems preview={preview} />
            {preview.series.length === 0 && preview.sizes.length === 0 ? (
              <p className={cx("text-tremor-default", muted)}>
                No series or market sizes can be read with this layout yet: choose its columns above.
              </p>
            ) : null}
          </>
        ) : null}
      </section>

      <div
        className={cx(
          panel,
          "sticky bottom-0 z-10 flex flex-wrap items-center gap-3 bg-tremor-background/95 shadow-tremor-card backdrop-blur dark:bg-dark-tremor-background/95 dark:shadow-dark-tremor-card",
        )}
      >
        <p className={cx("mr-auto text-tremor-default", strong)} aria-live="polite" data-testid="sample-counts">
          {pending ? "Updating the preview…" : sampleCounts(preview.sampled, preview.invalidInSample)}
          {!pending && preview.kind === "MARKET" && preview.series.length ? (
            <span className={muted}>
              {" · "}
              {preview.series.length} series
            </span>
          ) : null}
        </p>
        <button
          type="button"
          className={buttonStyles("primary")}
          onClick={start}
          disabled={starting}
          aria-busy={starting || undefined}
        >
          {starting ? "Starting…" : "Start import"}
        </button>
        <ActionForm
          action={discardImportAction}
          confirm="Discard this upload? Nothing has been imported; the file is deleted."
        >
          <input type="hidden" name="batchId" value={batchId} />
          <SubmitButton variant="secondary" pendingLabel="Discarding…">
            Discard
          </SubmitButton>
        </ActionForm>
        {startError ? (
          <FormMessage tone="error" className="basis-full">
            {startError}
          </FormMessage>
        ) : null}
      </div>
    </div>
  );
}

function DateOrderChoice({
  example,
  value,
  needed,
  onChange,
}: {
  example: string;
  value: "dmy" | "mdy" | undefined;
  needed: boolean;
  onChange: (v: "dmy" | "mdy") => void;
}) {
  const readings = dateReadings(example);
  const question = readings
    ? `${example} — is it ${readings.dmy.replace(/ \d+$/, "")} or ${readings.mdy.replace(/, \d+$/, "")}?`
    : `how should ${example} be read?`;
  return (
    <fieldset
      className={cx(
        "rounded-tremor-default border p-4",
        needed
          ? "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40"
          : "border-tremor-border dark:border-dark-tremor-border",
      )}
      data-testid="date-order"
    >
      <legend
        className={cx("px-1 text-tremor-default font-semibold", needed ? "text-amber-900 dark:text-amber-100" : strong)}
      >
        Date order: {question}
      </legend>
      {needed ? (
        <p className="text-tremor-default text-amber-900 dark:text-amber-100">
          The dates in this file could be day/month or month/day. Choose one before starting the import.
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
        {(["dmy", "mdy"] as const).map((order) => (
          <label key={order} className={cx("flex items-center gap-2 text-tremor-default", strong)}>
            <input
              id={`date-order-${order}`}
              type="radio"
              name="date-order"
              value={order}
              checked={value === order}
              onChange={() => onChange(order)}
              className="text-tremor-brand focus:ring-tremor-brand"
            />
            {order === "dmy" ? "Day/month" : "Month/day"}
            {readings ? <span className={muted}>({order === "dmy" ? readings.dmy : readings.mdy})</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
