import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md";

const base =
  "inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-tremor-default font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60";

const variants: Record<ButtonVariant, string> = {
  primary:
    "bg-tremor-brand text-tremor-brand-inverted shadow-tremor-input hover:bg-tremor-brand-emphasis dark:bg-dark-tremor-brand dark:text-dark-tremor-brand-inverted dark:shadow-dark-tremor-input dark:hover:bg-dark-tremor-brand-emphasis",
  secondary:
    "border border-tremor-border bg-tremor-background text-tremor-content-strong shadow-tremor-input hover:bg-tremor-background-muted dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:text-dark-tremor-content-strong dark:shadow-dark-tremor-input dark:hover:bg-dark-tremor-background-subtle",
  ghost:
    "text-tremor-content-emphasis hover:bg-tremor-background-subtle hover:text-tremor-content-strong dark:text-dark-tremor-content-emphasis dark:hover:bg-dark-tremor-background-subtle dark:hover:text-dark-tremor-content-strong",
  danger:
    "bg-rose-600 text-white shadow-tremor-input hover:bg-rose-700 dark:bg-rose-500 dark:text-rose-950 dark:hover:bg-rose-400",
};

const sizes: Record<ButtonSize, string> = {
  sm: "px-3 py-1.5 text-tremor-label",
  md: "px-4 py-2 text-tremor-default",
};

/** Class names for buttons and button-styled links, so both look identical. */
export function buttonStyles(variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string): string {
  return cx(base, variants[variant], sizes[size], className);
}
