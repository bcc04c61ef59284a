import Link from "next/link";
import { useId, type ComponentType, type ReactNode } from "react";
import { RiArrowRightLine } from "@remixicon/react";
import { buttonStyles } from "./button-styles";
import { cx } from "./cx";

export interface EmptyStateAction {
  label: string;
  href: string;
}

export interface EmptyStateProps {
  /** A Remix icon (or any SVG component accepting className). */
  icon: ComponentType<{ className?: string; "aria-hidden"?: boolean | "true" | "false" }>;
  title: string;
  /** What this page will show once data exists. */
  description: ReactNode;
  /** Short list of what the page will contain, shown as bullets. */
  highlights?: string[];
  primaryAction: EmptyStateAction;
  secondaryAction?: EmptyStateAction;
  /** Optional extra content below the actions, e.g. an illustrative preview. */
  children?: ReactNode;
  /** Heading level for the title; defaults to h2 (pages already have an h1). */
  headingLevel?: 2 | 3;
  className?: string;
}

export function EmptyState({
  icon: Icon,
  title,
  description,
  highlights,
  primaryAction,
  secondaryAction,
  children,
  headingLevel = 2,
  className,
}: EmptyStateProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className={cx(
        "rounded-tremor-default border border-dashed border-tremor-border bg-tremor-background px-6 py-10 text-center sm:px-10 dark:border-dark-tremor-border dark:bg-dark-tremor-background",
        className,
      )}
    >
      <div className="mx-auto flex size-12 items-center justify-center rounded-full bg-tremor-brand-faint ring-1 ring-tremor-brand-muted dark:bg-dark-tremor-brand-faint dark:ring-dark-tremor-brand-muted">
        <Icon aria-hidden="true" className="size-6 text-tremor-brand dark:text-dark-tremor-brand" />
      </div>
      <Heading
        id={titleId}
        className="mt-4 text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
      >
        {title}
      </Heading>
      <p className="mx-auto mt-2 max-w-xl text-tremor-default text-tremor-content dark:text-dark-tremor-content">
        {description}
      </p>
      {highlights && highlights.length > 0 ? (
        <ul className="mx-auto mt-5 grid max-w-xl gap-2 text-left text-tremor-default text-tremor-content-emphasis sm:grid-cols-2 dark:text-dark-tremor-content-emphasis">
          {highlights.map((item) => (
            <li key={item} className="flex gap-2">
              <span
                aria-hidden="true"
                className="mt-2 size-1.5 shrink-0 rounded-full bg-tremor-brand dark:bg-dark-tremor-brand"
              />
              <span>{item}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-6 flex flex-col items-center justify-center gap-3 sm:flex-row">
        <Link href={primaryAction.href} className={buttonStyles("primary")}>
          {primaryAction.label}
          <RiArrowRightLine aria-hidden="true" className="size-4" />
        </Link>
        {secondaryAction ? (
          <Link href={secondaryAction.href} className={buttonStyles("secondary")}>
            {secondaryAction.label}
          </Link>
        ) : null}
      </div>
      {children ? <div className="mt-8">{children}</div> : null}
    </section>
  );
}
