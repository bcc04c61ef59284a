"use client";

/**
 * The upload step of an import (feedback or market data): choose or drop a file, send it, and
 * open its preview. The file goes to POST /api/v1/imports/{kind}?draft=1 as the raw request
 * body through XMLHttpRequest, for three reasons: the bar shows real bytes sent (a 50 MB export
 * on a slow uplink takes minutes, and a spinner says nothing), the server streams the body into
 * storage instead of buffering the whole file as a server action does, and the upload can be
 * stopped. Before the page's script has loaded, the same form posts to a server action instead.
 */
import { useRouter } from "next/navigation";
import { useActionState, useRef, useState, type FormEvent } from "react";
import { buttonStyles } from "./button-styles";
import { cx } from "./cx";
import { Field } from "./field";
import { formatBytes } from "./bytes";
import { FileDrop } from "./file-drop";
import { FormMessage } from "./form-message";
import type { ActionResult, FormAction } from "@/lib/web/actions";

export const IMPORT_EXTENSIONS = [".csv", ".tsv", ".txt", ".xlsx", ".json", ".ndjson", ".jsonl"] as const;

type Progress = { phase: "uploading"; loaded: number; total: number } | { phase: "opening" };

interface UploadFailure {
  error: string;
  fields?: Record<string, string>;
}

export function ImportUpload({
  kind,
  action,
  maxBytes,
  tooLargeHint,
  sources,
  showSource = false,
}: {
  kind: "feedback" | "market";
  /** Server action taking the same form (used before the page's script has loaded). */
  action: FormAction<unknown>;
  maxBytes: number;
  tooLargeHint: string;
  /** Existing source names, offered as suggestions. */
  sources?: string[];
  showSource?: boolean;
}) {
  const router = useRouter();
  const [fallbackState, fallbackAction] = useActionState<ActionResult<unknown> | null, FormData>(action, null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<UploadFailure | null>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);

  const shownFailure: UploadFailure | null =
    failure ??
    (fallbackState && !fallbackState.ok ? { error: fallbackState.error, fields: fallbackState.fields } : null);
  const busy = progress !== null;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    if (!file) {
      setFailure({ error: "Choose a file to upload first.", fields: { file: "Choose a file" } });
      return;
    }
    setFailure(null);
    const q = new URLSearchParams({ name: file.name, draft: "1" });
    const source = new FormData(e.currentTarget).get("source");
    if (typeof source === "string" && source.trim()) q.set("source", source.trim());
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open("POST", `/api/v1/imports/${kind}?${q}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (ev) =>
      setProgress({ phase: "uploading", loaded: ev.loaded, total: ev.lengthComputable ? ev.total : file.size });
    xhr.upload.onload = () => setProgress({ phase: "opening" });
    xhr.onload = () => {
      xhrRef.current = null;
      const body = xhr.response as {
        batchId?: string;
        error?: { message?: string; fields?: Record<string, string> };
      } | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.batchId) {
        setProgress({ phase: "opening" });
        router.push(`/imports/${encodeURIComponent(body.batchId)}`);
        return;
      }
      setProgress(null);
      setFailure({
        error:
          body?.error?.message ??
          (xhr.status === 413 ? "The file is too large." : `The upload failed (HTTP ${xhr.status}). Try again.`),
        fields: body?.error?.fields,
      });
    };
    xhr.onerror = () => {
      xhrRef.current = null;
      setProgress(null);
      setFailure({ error: "The upload failed: the connection was lost. Check it and try again." });
    };
    xhr.onabort = () => {
      xhrRef.current = null;
      setProgress(null);
      setFailure({ error: "Upload stopped. Nothing was kept." });
    };
    setProgress({ phase: "uploading", loaded: 0, total: file.size });
    xhr.send(file);
  }

  const percent =
    progress?.phase === "uploading"
      ? Math.min(100, Math.round((progress.loaded / Math.max(1, progress.total)) * 100))
      : 100;

  return (
    <form
      action={fallbackAction}
      onSubmit={onSubmit}
      aria-label={kind === "feedback" ? "Upload feedback" : "Upload market data"}
      className="space-y-5"
    >
      <FileDrop
        name="file"
        label="File"
        extensions={IMPORT_EXTENSIONS}
        maxBytes={maxBytes}
        tooLargeHint={tooLargeHint}
        disabled={busy}
        error={shownFailure?.fields?.file ? shownFailure.error : null}
        onFileChange={(f) => {
          setFile(f);
          setFailure(null);
        }}
      />
      {showSource ? (
        <>
          <Field
            label="Source"
            name="source"
            optional
            maxLength={100}
            placeholder="e.g. App Store reviews"
            autoComplete="off"
            list={sources?.length ? "import-sources" : undefined}
            disabled={busy}
            error={shownFailure?.fields?.source}
            hint="Where this feedback comes from. The column mapping you confirm is remembered for the source and used again next time."
          />
          {sources?.length ? (
            <datalist id="import-sources">
              {sources.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          ) : null}
        </>
      ) : null}

      {progress ? (
        <div className="space-y-1.5" data-testid="upload-progress">
          <div
            role="progressbar"
            aria-label="Upload progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={
              progress.phase === "uploading"
                ? `${percent}%: ${formatBytes(progress.loaded)} of ${formatBytes(progress.total)} sent`
                : "Uploaded; opening the preview"
            }
            className="h-2 w-full overflow-hidden rounded-full bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"
          >
            <div
              className={cx(
                "h-full rounded-full bg-tremor-brand transition-[width] duration-300 dark:bg-dark-tremor-brand",
                progress.phase === "opening" && "animate-pulse",
              )}
              style={{ width: `${percent}%` }}
            />
          </div>
          <p
            className="flex justify-between gap-2 text-tremor-label text-tremor-content dark:text-dark-tremor-content"
            aria-live="polite"
          >
            <span>
              {progress.phase === "uploading"
                ? `Uploading: ${formatBytes(progress.loaded)} of ${formatBytes(progress.total)}`
                : "Uploaded. Reading the first rows…"}
            </span>
            <span className="tabular-nums">{percent}%</span>
          </p>
        </div>
      ) : null}

      {shownFailure && !shownFailure.fields?.file ? <FormMessage tone="error">{shownFailure.error}</FormMessage> : null}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonStyles("primary")} disabled={busy} aria-busy={busy || undefined}>
          {busy ? "Uploading…" : "Upload and preview"}
        </button>
        {progress?.phase === "uploading" ? (
          <button type="button" className={buttonStyles("secondary")} onClick={() => xhrRef.current?.abort()}>
            Stop upload
          </button>
        ) : null}
        <span className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
          Nothing is imported until you check the preview and start it.
        </span>
      </div>
    </form>
  );
}
