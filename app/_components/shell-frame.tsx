"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { RiCloseLine, RiMenuLine } from "@remixicon/react";
import { buttonStyles } from "./button-styles";
import { cx } from "./cx";
import { Logo } from "./logo";

export interface ShellFrameProps {
  sidebar: ReactNode;
  children: ReactNode;
}

const SIDEBAR_ID = "app-sidebar";

/**
 * Layout chrome. Below `lg` the sidebar is a disclosure under the top bar (no focus trap
 * needed, content is pushed down rather than covered); from `lg` up it is a fixed column.
 */
export function ShellFrame({ sidebar, children }: ShellFrameProps) {
  const [open, setOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    setOpen(false);
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") {
        setOpen(false);
        menuButtonRef.current?.focus();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <div className="min-h-dvh lg:pl-72">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-tremor-default focus:bg-tremor-background focus:px-4 focus:py-2 focus:text-tremor-default focus:font-medium focus:text-tremor-content-strong focus:shadow-tremor-dropdown dark:focus:bg-dark-tremor-background dark:focus:text-dark-tremor-content-strong"
      >
        Skip to content
      </a>

      <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-4 border-b border-tremor-border bg-tremor-background/95 px-4 backdrop-blur sm:px-6 lg:hidden dark:border-dark-tremor-border dark:bg-dark-tremor-background/95">
        <Link href="/overview" className="rounded-tremor-small">
          <Logo />
        </Link>
        <button
          ref={menuButtonRef}
          type="button"
          aria-expanded={open}
          aria-controls={SIDEBAR_ID}
          onClick={() => setOpen((value) => !value)}
          className={buttonStyles("secondary", "sm")}
        >
          {open ? (
            <RiCloseLine aria-hidden="true" className="size-4" />
          ) : (
            <RiMenuLine aria-hidden="true" className="size-4" />
          )}
          Menu
        </button>
      </header>

      <div
        id={SIDEBAR_ID}
        className={cx(
          open ? "block" : "hidden",
          "border-b border-tremor-border bg-tremor-background dark:border-dark-tremor-border dark:bg-dark-tremor-background",
          "lg:fixed lg:inset-y-0 lg:left-0 lg:z-20 lg:flex lg:w-72 lg:flex-col lg:border-b-0 lg:border-r",
        )}
      >
        {sidebar}
      </div>

      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-7xl px-4 py-8 outline-none sm:px-6 lg:px-10 lg:py-10"
      >
        {children}
      </main>
    </div>
  );
}
