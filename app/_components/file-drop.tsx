"use client";

/**
 * A file input with a drop zone: drag a file onto it (native HTML5 drag events), or click it /
 * press Enter or Space on it to choose one. The input itself stays in the form (visually hidden,
 * still focusable), so the form also works as a plain upload. The chosen file's name and size
 * are announced; a wrong extension or a file over the limit is refused here with a message (the
 * server checks again).
 */
import { RiCloseLine, RiFileTextLine, RiUploadCloud2Line } from "@remixicon/react";
import { useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from "react";
import { buttonStyles } from "./button-styles";
import { formatBytes } from "./bytes";
import { cx } from "./cx";

export interface FileDropProps {
  /** The input's form field name. */
  name: string;
  /** Visible label, also the input's accessible name. */
  label: string;
  /** Accepted extensions, with the dot: [".csv", ".xlsx"]. */
  extensions: readonly string[];
  /** Largest file accepted here. */
  maxBytes: number;
  /** What bigger files should do instead (shown with the size error). */
  tooLargeHint?: string;
  hint?: ReactNode;
  /** A server-side message about the file. */
  error?: string | null;
  disabled?: boolean;
  onFileChange?: (file: File | null) => void;
}

/** Why a file cannot be used here, or null when it can. */
export function checkFile(
  file: File,
  extensions: readonly string[],
  maxBytes: number,
  tooLargeHint?: string,
): string | null {
  const lower = file.name.toLowerCase();
  if (lower.endsWith(".xls")) return "Old Excel files (.xls) are not supported: save the sheet as .xlsx or CSV.";
  if (!extensions.some((e) => lower.endsWith(e))) {
    return `"${file.name}" is not a ${describeExtensions(extensions)} file.`;
  }
  if (file.size === 0) return `"${file.name}" is empty.`;
  if (file.size > maxBytes) {
    return `"${file.name}" is ${formatBytes(file.size)}; files up to ${formatBytes(maxBytes)} can be uploaded here.${tooLargeHint ? ` ${tooLargeHint}` : ""}`;
  }
  return null;
}

function describeExtensions(extensions: readonly string[]): string {
  const names = [...new Set(extensions.map((e) => e.replace(/^\./, "").toUpperCase()))];
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : (names[0] ?? "");
}

export function FileDrop({
  name,
  label,
  extensions,
  maxBytes,
  tooLargeHint,
  hint,
  error,
  disabled = false,
  onFileChange,
}: FileDropProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  // A file dropped next to the zone must not replace the page with the file's contents.
  useEffect(() => {
    const stop = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    };
    window.addEventListener("dragover", stop);
    window.addEventListener("drop", stop);
    return () => {
      window.removeEventListener("dragover", stop);
      window.removeEventListener("drop", stop);
    };
  }, []);

  function take(next: File | null, fromDrop: boolean) {
    const input = inputRef.current;
    const why = next ? checkFile(next, extensions, maxBytes, tooLargeHint) : null;
    if (!next || why) {
      if (input) input.value = "";
      setFile(null);
      setProblem(why);
      onFileChange?.(null);
      return;
    }
    if (fromDrop && input) {
      // Keep the input in step, so a plain form submission sends the dropped file.
      const dt = new DataTransfer();
      dt.items.add(next);
      input.files = dt.files;
    }
    setFile(next);
    setProblem(null);
    onFileChange?.(next);
  }

  const onDrag = (e: DragEvent<HTMLDivElement>) => {
    if (!e.dataTransfer.types.includes("Files")) return;
    e.preventDefault();
    if (disabled) {
      e.dataTransfer.dropEffect = "none";
      return;
    }
    e.dataTransfer.dropEffect = "copy";
    if (e.type === "dragenter") depth.current++;
    if (e.type === "dragleave") depth.current = Math.max(0, depth.current - 1);
    setDragging(e.type !== "dragleave" || depth.current > 0);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    depth.current = 0;
    setDragging(false);
    if (disabled) return;
    const files = e.dataTransfer.files;
    if (files.length > 1) {
      take(files[0] ?? null, true);
      setProblem((p) => p ?? `Only one file at a time: took "${files[0]!.name}".`);
      return;
    }
    take(files[0] ?? null, true);
  };

  const shown = problem ?? error ?? null;
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;

  return (
    <div className="space-y-1.5">
      <label
        htmlFor={id}
        id={`${id}-label`}
        className="block text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong"
      >
        {label}
      </label>
      <div
        data-testid="file-drop"
        data-dragging={dragging || undefined}
        onDragEnter={onDrag}
        onDragOver={onDrag}
        onDragLeave={onDrag}
        onDrop={onDrop}
        className={cx(
          "relative rounded-tremor-default border-2 border-dashed transition-colors",
          "has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-tremor-brand has-[:focus-visible]:ring-offset-2 dark:has-[:focus-visible]:ring-dark-tremor-brand dark:ring-offset-dark-tremor-background",
          dragging
            ? "border-tremor-brand bg-tremor-brand-faint dark:border-dark-tremor-brand dark:bg-dark-tremor-brand-faint"
            : shown
              ? "border-rose-400 dark:border-rose-500"
              : "border-tremor-border hover:border-tremor-brand-muted dark:border-dark-tremor-border dark:hover:border-dark-tremor-brand-muted",
          disabled && "pointer-events-none opacity-60",
        )}
      >
        <input
          ref={inputRef}
          id={id}
          name={name}
          type="file"
          accept={extensions.join(",")}
          disabled={disabled}
          aria-labelledby={`${id}-label`}
          aria-describedby={[hintId, statusId, shown ? errorId : null].filter(Boolean).join(" ")}
          aria-invalid={shown ? true : undefined}
          className="sr-only"
          onChange={(e) => take(e.currentTarget.files?.[0] ?? null, false)}
        />
        <label htmlFor={id} className="flex cursor-pointer flex-col items-center gap-2 px-6 py-10 text-center">
          <RiUploadCloud2Line
            aria-hidden="true"
            className={cx(
              "size-9",
              dragging
                ? "text-tremor-brand dark:text-dark-tremor-brand"
                : "text-tremor-content-subtle dark:text-dark-tremor-content-subtle",
            )}
          />
          <span className="text-tremor-default text-tremor-content-strong dark:text-dark-tremor-content-strong">
            {dragging ? (
              "Drop the file to choose it"
            ) : (
              <>
                <span className="font-medium">Drop a file here</span> or{" "}
                <span className="font-medium text-tremor-brand underline underline-offset-2 dark:text-dark-tremor-brand">
                  choose one
                </span>
              </>
            )}
          </span>
          <span id={hintId} className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
            {hint ?? `${describeExtensions(extensions)} · up to ${formatBytes(maxBytes)}`}
          </span>
        </label>
      </div>
      <div id={statusId} aria-live="polite" className="min-h-0">
        {file ? (
          <div
            className="flex items-center gap-3 rounded-tremor-default border border-tremor-border bg-tremor-background-muted px-3 py-2 text-tremor-default dark:border-dark-tremor-border dark:bg-dark-tremor-background-muted"
            data-testid="chosen-file"
          >
            <RiFileTextLine
              aria-hidden="true"
              className="size-5 shrink-0 text-tremor-content dark:text-dark-tremor-content"
            />
            <span className="min-w-0 flex-1 truncate">
              <span className="sr-only">Chosen file: </span>
              <span className="font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
                {file.name}
              </span>{" "}
              <span className="text-tremor-content dark:text-dark-tremor-content">({formatBytes(file.size)})</span>
            </span>
            {!disabled ? (
              <button
                type="button"
                className={buttonStyles("ghost", "sm", "px-2")}
                onClick={() => {
                  take(null, false);
                  inputRef.current?.focus();
                }}
              >
                <RiCloseLine aria-hidden="true" className="size-4" />
                <span className="sr-only">Remove {file.name}</span>
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {shown ? (
        <p id={errorId} role="alert" className="text-tremor-label font-medium text-rose-700 dark:text-rose-400">
          {shown}
        </p>
      ) : null}
    </div>
  );
}
