"use client";

import { useEffect, useState } from "react";
import { RiComputerLine, RiMoonLine, RiSunLine } from "@remixicon/react";
import { cx } from "./cx";
import { applyThemePreference, readThemePreference, type ThemePreference } from "./theme";

const options = [
  { value: "light", label: "Light", icon: RiSunLine },
  { value: "dark", label: "Dark", icon: RiMoonLine },
  { value: "system", label: "System", icon: RiComputerLine },
] as const satisfies readonly { value: ThemePreference; label: string; icon: unknown }[];

export interface ThemeToggleProps {
  className?: string;
}

/** Light / dark / system switch; persists to localStorage.theme and toggles `.dark` on <html>. */
export function ThemeToggle({ className }: ThemeToggleProps) {
  // The server cannot know the stored choice; "system" until mounted avoids a hydration mismatch.
  const [preference, setPreference] = useState<ThemePreference>("system");

  useEffect(() => {
    setPreference(readThemePreference());
  }, []);

  useEffect(() => {
    if (preference !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => applyThemePreference("system");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, [preference]);

  function choose(value: ThemePreference) {
    setPreference(value);
    applyThemePreference(value);
  }

  return (
    <div className={cx("flex items-center justify-between gap-3", className)}>
      <span
        aria-hidden="true"
        className="text-tremor-label font-medium text-tremor-content dark:text-dark-tremor-content"
      >
        Theme
      </span>
      <div
        role="group"
        aria-label="Theme"
        className="flex gap-0.5 rounded-tremor-default bg-tremor-background-subtle p-0.5 dark:bg-dark-tremor-background-subtle"
      >
        {options.map(({ value, label, icon: Icon }) => {
          const active = preference === value;
          return (
            <button
              key={value}
              type="button"
              aria-pressed={active}
              aria-label={label}
              title={label}
              onClick={() => choose(value)}
              className={cx(
                "flex size-8 items-center justify-center rounded-tremor-small transition-colors",
                active
                  ? "bg-tremor-background text-tremor-brand shadow-tremor-input dark:bg-dark-tremor-background dark:text-dark-tremor-brand"
                  : "text-tremor-content hover:text-tremor-content-strong dark:text-dark-tremor-content dark:hover:text-dark-tremor-content-strong",
              )}
            >
              <Icon aria-hidden="true" className="size-4 shrink-0" />
            </button>
          );
        })}
      </div>
    </div>
  );
}
