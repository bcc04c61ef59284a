import type { ReactNode } from "react";
import { cx } from "./cx";

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Buttons or links shown at the end of the header (wraps below the title on small screens). */
  actions?: ReactNode;
  className?: string;
}

export function PageHeader({ title, description, actions, className }: PageHeaderProps) {
  return (
    <header
      className={cx(
        "flex flex-col gap-4 border-b border-tremor-border pb-6 sm:flex-row sm:items-end sm:justify-between dark:border-dark-tremor-border",
        className,
      )}
    >
      <div className="min-w-0 space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight text-tremor-content-strong dark:text-dark-tremor-content-strong">
          {title}
        </h1>
        {description ? (
          <p className="max-w-3xl text-tremor-default text-tremor-content dark:text-dark-tremor-content">
            {description}
          </p>
        ) : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}
