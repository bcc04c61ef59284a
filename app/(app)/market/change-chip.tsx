import { RiArrowDownLine, RiArrowRightLine, RiArrowUpLine } from "@remixicon/react";
import { cx } from "@/app/_components/cx";
import { formatDelta } from "@/app/_components/format";

export interface ChangeChipProps {
  /** Relative change as a ratio (0.05 = +5%). */
  value: number;
  /** What it is compared with, e.g. "vs Dec 2024". */
  label: string;
  className?: string;
}

/**
 * A change with its direction in words (for screen readers), an arrow and a sign, and colour
 * last: green up, red down, grey flat. Rises are not always good news (a competitor's price),
 * so the colour says only the direction.
 */
export function ChangeChip({ value, label, className }: ChangeChipProps) {
  const rounded = Math.round(value * 1000) / 1000;
  const direction = rounded > 0 ? "up" : rounded < 0 ? "down" : "flat";
  const Icon = direction === "up" ? RiArrowUpLine : direction === "down" ? RiArrowDownLine : RiArrowRightLine;
  return (
    <span
      data-testid="change-chip"
      data-direction={direction}
      className={cx(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-tremor-small px-1.5 py-0.5 text-tremor-label font-medium ring-1 ring-inset",
        direction === "up" &&
          "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/25",
        direction === "down" &&
          "bg-rose-50 text-rose-800 ring-rose-600/20 dark:bg-rose-400/10 dark:text-rose-300 dark:ring-rose-400/25",
        direction === "flat" &&
          "bg-slate-50 text-slate-700 ring-slate-500/20 dark:bg-slate-400/10 dark:text-slate-300 dark:ring-slate-400/25",
        className,
      )}
    >
      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
      <span className="sr-only">{direction === "up" ? "Up" : direction === "down" ? "Down" : "No change"}</span>
      <span className="tabular-nums">{formatDelta(value)}</span>
      <span className="font-normal opacity-80">{label}</span>
    </span>
  );
}
