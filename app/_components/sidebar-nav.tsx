"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "./cx";
import { isActivePath, navItems } from "./nav-items";

export function SidebarNav() {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Primary">
      <ul className="space-y-0.5">
        {navItems.map(({ href, label, icon: Icon }) => {
          const active = isActivePath(pathname, href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "group flex items-center gap-3 rounded-tremor-default px-3 py-2 text-tremor-default font-medium transition-colors",
                  active
                    ? "bg-tremor-brand-faint text-tremor-brand-emphasis dark:bg-dark-tremor-brand-faint dark:text-dark-tremor-brand-emphasis"
                    : "text-tremor-content-emphasis hover:bg-tremor-background-subtle hover:text-tremor-content-strong dark:text-dark-tremor-content-emphasis dark:hover:bg-dark-tremor-background-subtle dark:hover:text-dark-tremor-content-strong",
                )}
              >
                <Icon
                  aria-hidden="true"
                  className={cx(
                    "size-5 shrink-0",
                    active
                      ? "text-tremor-brand dark:text-dark-tremor-brand"
                      : "text-tremor-content group-hover:text-tremor-content-emphasis dark:text-dark-tremor-content dark:group-hover:text-dark-tremor-content-emphasis",
                  )}
                />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
