import { cx } from "./cx";

export interface LogoMarkProps {
  className?: string;
}

/** The Foresight mark: an observed trend line continuing as a dashed forecast. Decorative. */
export function LogoMark({ className }: LogoMarkProps) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={cx("size-8 shrink-0", className)}>
      <rect width="32" height="32" rx="8" className="fill-brand-600 dark:fill-brand-500" />
      <path
        d="M7 21.5 12.5 16l4 3.5L21 14"
        fill="none"
        stroke="white"
        strokeWidth="2.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path
        d="M21 14l4.5-4.5"
        fill="none"
        stroke="white"
        strokeOpacity="0.75"
        strokeWidth="2.5"
        strokeLinecap="round"
        strokeDasharray="0.1 4"
      />
      <circle cx="21" cy="14" r="2" fill="white" />
    </svg>
  );
}

export interface LogoProps {
  className?: string;
  /** Hide the wordmark to show only the mark (the accessible name stays "Foresight"). */
  markOnly?: boolean;
}

export function Logo({ className, markOnly = false }: LogoProps) {
  return (
    <span className={cx("inline-flex items-center gap-2.5", className)}>
      <LogoMark />
      <span
        className={cx(
          "text-lg font-semibold tracking-tight text-tremor-content-strong dark:text-dark-tremor-content-strong",
          markOnly && "sr-only",
        )}
      >
        Foresight
      </span>
    </span>
  );
}
