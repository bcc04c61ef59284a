import type { ReactNode } from "react";
import { cx } from "./cx";

export interface StatCardProps {
  label: string;
  children: ReactNode;
  /** A line under the figure: what it is out of, or why it is missing. */
  detail?: ReactNode;
  /** Class names for the figure (e.g. a tone from signedTone). */
  valueClassName?: string;
  testId?: string;
}

/** One KPI: a `<div>` holding a `<dt>`/`<dd>` pair, to be placed in a `<dl>` grid. */
export function StatCard({ label, children, detail, valueClassName, testId }: StatCardProps) {
  return (
    <div
      data-testid={testId}
      className="rounded-tremor-default border border-tremor-border bg-tremor-background p-4 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card"
    >
      <dt className="text-tremor-label font-medium text-tremor-content dark:text-dark-tremor-content">{label}</dt>
      <dd
        className={cx(
          "mt-1 text-tremor-metric font-semibold tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong",
          valueClassName,
        )}
      >
        {children}
      </dd>
      {detail ? (
        <dd className="mt-1 text-tremor-label text-tremor-content dark:text-dark-tremor-content">{detail}</dd>
      ) : null}
    </div>
  );
}

/** A card with a heading, for a chart or a list. */
export function Panel({
  title,
  titleId,
  description,
  actions,
  children,
  className,
}: {
  title: string;
  titleId: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={titleId}
      className={cx(
        "space-y-3 rounded-tremor-default border border-tremor-border bg-tremor-background p-4 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card",
        className,
      )}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="space-y-0.5">
          <h2
            id={titleId}
            className="text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
          >
            {title}
          </h2>
          {description ? (
            <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">{description}</p>
          ) : null}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
