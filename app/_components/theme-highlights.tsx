import Link from "next/link";
import { RiArrowRightSLine } from "@remixicon/react";
import { cx } from "./cx";
import { formatNumber } from "./format";

export interface ThemeHighlightView {
  themeId: string;
  label: string;
  /** Items whose sentences about the theme are negative (pain points) or positive (delighters). */
  items: number;
  /** All items in the theme. */
  size: number;
}

/**
 * Top pain points or delighters: themes ranked by how many items speak of them negatively
 * (or positively), each a link to the theme. The bar shows that count against the first one's.
 */
export function ThemeHighlights({
  themes,
  tone,
  label,
}: {
  themes: ThemeHighlightView[];
  tone: "negative" | "positive";
  /** The list's accessible name ("Top pain points"). */
  label: string;
}) {
  const top = Math.max(1, ...themes.map((t) => t.items));
  const word = tone === "negative" ? "negative" : "positive";
  if (!themes.length) {
    return (
      <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">
        No theme has {word} mentions here yet. Themes are grouped after sentiment is scored; see{" "}
        <Link href="/themes" className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand">
          Themes
        </Link>
        .
      </p>
    );
  }
  return (
    <ol aria-label={label} className="space-y-1">
      {themes.map((t, i) => (
        <li key={t.themeId}>
          <Link
            href={`/themes/${encodeURIComponent(t.themeId)}`}
            className="group flex items-center gap-3 rounded-tremor-small px-2 py-1.5 hover:bg-tremor-background-muted focus-visible:outline focus-visible:outline-2 focus-visible:outline-tremor-brand dark:hover:bg-dark-tremor-background-subtle dark:focus-visible:outline-dark-tremor-brand"
          >
            <span
              aria-hidden="true"
              className="w-5 shrink-0 text-right text-tremor-label tabular-nums text-tremor-content-subtle dark:text-dark-tremor-content-subtle"
            >
              {i + 1}
            </span>
            <span className="min-w-0 flex-1">
              <span className="flex items-baseline justify-between gap-2">
                <span className="truncate text-tremor-default font-medium text-tremor-content-strong group-hover:underline dark:text-dark-tremor-content-strong">
                  {t.label}
                </span>
                <span
                  aria-hidden="true"
                  className="shrink-0 text-tremor-default font-semibold tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong"
                >
                  {formatNumber(t.items)}
                </span>
              </span>
              <span
                aria-hidden="true"
                className="mt-1 block h-1.5 overflow-hidden rounded-full bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"
              >
                <span
                  className={cx(
                    "block h-full rounded-full",
                    tone === "negative" ? "bg-rose-500 dark:bg-rose-400" : "bg-emerald-500 dark:bg-emerald-400",
                  )}
                  style={{ width: `${(t.items / top) * 100}%` }}
                />
              </span>
              <span className="mt-0.5 block text-tremor-label text-tremor-content dark:text-dark-tremor-content">
                {formatNumber(t.items)} {word} · {formatNumber(t.size)} in theme
              </span>
            </span>
            <RiArrowRightSLine
              aria-hidden="true"
              className="size-4 shrink-0 text-tremor-content-subtle dark:text-dark-tremor-content-subtle"
            />
          </Link>
        </li>
      ))}
    </ol>
  );
}
