import Link from "next/link";
import { cx } from "@/app/_components/cx";

const TABS = [
  { key: "insights", label: "Insights", href: "/feedback/insights" },
  { key: "explore", label: "Explore", href: "/feedback" },
] as const;

/** The Feedback section's two views, as links (each view has its own URL). */
export function FeedbackTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  return (
    <nav aria-label="Feedback views" className="border-b border-tremor-border dark:border-dark-tremor-border">
      <ul className="-mb-px flex gap-6">
        {TABS.map((t) => {
          const active = t.key === current;
          return (
            <li key={t.key}>
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "inline-block border-b-2 px-1 pb-2 text-tremor-default font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-tremor-brand dark:focus-visible:outline-dark-tremor-brand",
                  active
                    ? "border-tremor-brand text-tremor-brand dark:border-dark-tremor-brand dark:text-dark-tremor-brand"
                    : "border-transparent text-tremor-content hover:border-tremor-content-subtle hover:text-tremor-content-emphasis dark:text-dark-tremor-content dark:hover:text-dark-tremor-content-emphasis",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
