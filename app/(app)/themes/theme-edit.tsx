"use client";

/**
 * The Themes page's edit controls (shown only to roles that may write): add a theme from
 * keywords, and per theme rename, edit keywords, merge, split and delete. Rename and keywords
 * answer next to their form; merge, split and delete remove the theme's card, so they answer in
 * the page-level notice, which takes the focus so keyboard and screen-reader users are not lost.
 */
import Link from "next/link";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { ActionField, ActionForm } from "@/app/_components/action-form";
import { cx } from "@/app/_components/cx";
import { inputStyles } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/web/actions";
import {
  createThemeAction,
  deleteThemeAction,
  mergeThemeAction,
  renameThemeAction,
  setThemeKeywordsAction,
  splitThemeAction,
} from "./actions";

interface Notice {
  seq: number;
  message: string;
  link?: { href: string; label: string };
}

type Report = (result: Extract<ActionResult, { ok: true }>) => void;
const NoticeContext = createContext<Report>(() => undefined);

/** Holds the page-level notice; wraps the theme list so the notice outlives a removed card. */
export function ThemeNotices({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  const report: Report = (r) =>
    setNotice((prev) => ({
      seq: (prev?.seq ?? 0) + 1,
      message: r.message ?? "Done.",
      link: (r.data as { link?: Notice["link"] } | undefined)?.link,
    }));
  return (
    <NoticeContext.Provider value={report}>
      <div ref={ref} tabIndex={-1} data-testid="theme-notice" className="rounded-tremor-default outline-none">
        {notice ? (
          <FormMessage key={notice.seq} tone="success">
            {notice.message}
            {notice.link ? (
              <>
                {" "}
                <Link href={notice.link.href} className="font-medium underline underline-offset-2">
                  {notice.link.label}
                </Link>
              </>
            ) : null}
          </FormMessage>
        ) : null}
      </div>
      {children}
    </NoticeContext.Provider>
  );
}

export function AddThemeForm() {
  return (
    <ActionForm action={createThemeAction} aria-label="Add a theme" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <ActionField label="Name" name="label" required maxLength={80} placeholder="Dark mode" />
        <ActionField
          label="Keywords"
          name="keywords"
          required
          placeholder="dark mode, night theme, black background"
          hint="Separate them with commas. Items that mention any of them join the theme."
        />
      </div>
      <SubmitButton pendingLabel="Adding…">Add theme</SubmitButton>
    </ActionForm>
  );
}

const subTitle = "text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong";

/** The edit controls of one theme, behind a disclosure so the list stays readable. */
export function ThemeEditor({
  theme,
  others,
}: {
  theme: { id: string; label: string; keywords: string[] };
  /** Themes it can be merged into. */
  others: { id: string; label: string }[];
}) {
  const report = useContext(NoticeContext);
  const name = `“${theme.label}”`;
  const hidden = <input type="hidden" name="themeId" value={theme.id} />;
  return (
    <details className="group rounded-tremor-default border border-tremor-border dark:border-dark-tremor-border">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-tremor-default px-3 py-2 text-tremor-default font-medium text-tremor-content-emphasis hover:bg-tremor-background-muted dark:text-dark-tremor-content-emphasis dark:hover:bg-dark-tremor-background-muted [&::-webkit-details-marker]:hidden">
        <span>
          Edit<span className="sr-only"> theme {name}</span>
        </span>
        <span aria-hidden="true" className="transition-transform group-open:rotate-90">
          ›
        </span>
      </summary>
      <div className="space-y-5 border-t border-tremor-border p-4 dark:border-dark-tremor-border">
        <ActionForm action={renameThemeAction} aria-label={`Rename theme ${name}`} className="space-y-2">
          {hidden}
          <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <ActionField
              label="Name"
              name="label"
              defaultValue={theme.label}
              required
              maxLength={80}
              className="flex-1"
            />
            <SubmitButton variant="secondary" pendingLabel="Renaming…">
              Rename
            </SubmitButton>
          </div>
        </ActionForm>

        <ActionForm action={setThemeKeywordsAction} aria-label={`Edit keywords of ${name}`} className="space-y-2">
          {hidden}
          <ActionField
            label="Keywords"
            name="keywords"
            defaultValue={theme.keywords.join(", ")}
            required
            hint="Comma-separated. The theme's items are found again in the background."
          />
          <SubmitButton variant="secondary" pendingLabel="Saving…">
            Save keywords
          </SubmitButton>
        </ActionForm>

        <div className="grid gap-5 sm:grid-cols-2">
          <section aria-label={`Merge ${name}`} className="space-y-2">
            <h3 className={subTitle}>Merge</h3>
            {others.length ? (
              <ActionForm
                action={mergeThemeAction}
                aria-label={`Merge ${name} into another theme`}
                confirm={`Merge ${name} into the chosen theme? Its items and keywords move there and ${name} goes away.`}
                onSuccess={report}
                className="flex flex-col gap-2 sm:flex-row sm:items-end"
              >
                {hidden}
                <label className="block flex-1 space-y-1.5 text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
                  <span className="block">Merge into</span>
                  <select name="into" required defaultValue="" className={cx(inputStyles, "pr-8")}>
                    <option value="" disabled>
                      Choose a theme…
                    </option>
                    {others.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </label>
                <SubmitButton variant="secondary" pendingLabel="Merging…">
                  Merge
                </SubmitButton>
              </ActionForm>
            ) : (
              <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
                There is no other theme to merge into.
              </p>
            )}
          </section>

          <section aria-label={`Split or delete ${name}`} className="space-y-2">
            <h3 className={subTitle}>Split or delete</h3>
            <div className="flex flex-wrap gap-2">
              <ActionForm
                action={splitThemeAction}
                aria-label={`Split ${name} in two`}
                confirm={`Split ${name} in two new themes by what its items say? ${name} is replaced by the two.`}
                onSuccess={report}
              >
                {hidden}
                <SubmitButton variant="secondary" pendingLabel="Splitting…">
                  Split in two
                </SubmitButton>
              </ActionForm>
              <ActionForm
                action={deleteThemeAction}
                aria-label={`Delete ${name}`}
                confirm={`Delete the theme ${name}? Its items stay; later theme runs will not bring it back.`}
                onSuccess={report}
              >
                {hidden}
                <SubmitButton variant="danger" pendingLabel="Deleting…">
                  Delete theme
                </SubmitButton>
              </ActionForm>
            </div>
          </section>
        </div>
      </div>
    </details>
  );
}
