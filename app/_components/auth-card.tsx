import Link from "next/link";
import { useId, type ReactNode } from "react";
import { Logo } from "./logo";

export interface AuthCardProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  /** Below the card, e.g. "No account? Create one". */
  footer?: ReactNode;
}

/**
 * Card for sign-in, sign-up and password flows. Place it inside a <main> (the auth layout
 * provides one); it centers itself when the parent is a full-height flex/grid container.
 */
export function AuthCard({ title, subtitle, children, footer }: AuthCardProps) {
  const titleId = useId();
  return (
    <div className="mx-auto w-full max-w-sm">
      <div className="mb-8 flex justify-center">
        <Link href="/" className="rounded-tremor-small">
          <Logo />
        </Link>
      </div>
      <section
        aria-labelledby={titleId}
        className="rounded-tremor-default bg-tremor-background p-6 shadow-tremor-card ring-1 ring-tremor-ring sm:p-8 dark:bg-dark-tremor-background dark:shadow-dark-tremor-card dark:ring-dark-tremor-ring"
      >
        <header className="mb-6 space-y-1.5">
          <h1
            id={titleId}
            className="text-xl font-semibold tracking-tight text-tremor-content-strong dark:text-dark-tremor-content-strong"
          >
            {title}
          </h1>
          {subtitle ? (
            <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">{subtitle}</p>
          ) : null}
        </header>
        {children}
      </section>
      {footer ? (
        <div className="mt-6 text-center text-tremor-default text-tremor-content dark:text-dark-tremor-content">
          {footer}
        </div>
      ) : null}
    </div>
  );
}
