"use client";

import { useFormStatus } from "react-dom";
import { RiExpandUpDownLine } from "@remixicon/react";
import type { ShellProps } from "./app-shell";
import { cx } from "./cx";
import { inputStyles } from "./field";

type Workspace = ShellProps["workspaces"][number];

const roleLabels: Record<Workspace["role"], string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  ANALYST: "Analyst",
  VIEWER: "Viewer",
};

export interface WorkspaceSwitcherProps {
  workspaces: ShellProps["workspaces"];
  currentWorkspaceId: string;
  switchWorkspace: ShellProps["switchWorkspace"];
}

/** Native <select> that submits the server action on change; works without JS via the submit button. */
export function WorkspaceSwitcher({ workspaces, currentWorkspaceId, switchWorkspace }: WorkspaceSwitcherProps) {
  const current = workspaces.find((w) => w.id === currentWorkspaceId);

  if (workspaces.length === 0) {
    return <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">No workspace yet.</p>;
  }

  return (
    <form action={switchWorkspace} className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <span
          aria-hidden="true"
          className="text-tremor-label font-medium uppercase tracking-wide text-tremor-content dark:text-dark-tremor-content"
        >
          Workspace
        </span>
        {current ? (
          <span className="flex items-center gap-1">
            <Badge>{roleLabels[current.role]}</Badge>
            {current.isDemo ? <Badge tone="demo">Demo</Badge> : null}
          </span>
        ) : null}
      </div>
      {/* Keyed so the select shows the new workspace after a server-side switch. */}
      <SwitcherSelect key={currentWorkspaceId} workspaces={workspaces} currentWorkspaceId={currentWorkspaceId} />
    </form>
  );
}

function SwitcherSelect({ workspaces, currentWorkspaceId }: Omit<WorkspaceSwitcherProps, "switchWorkspace">) {
  const { pending } = useFormStatus();
  return (
    <div className="relative">
      <select
        name="workspaceId"
        aria-label="Workspace"
        defaultValue={currentWorkspaceId}
        disabled={pending}
        aria-busy={pending || undefined}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className={cx(inputStyles, "appearance-none bg-none pr-9 font-medium")}
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {`${w.name} (${roleLabels[w.role]}${w.isDemo ? ", demo" : ""})`}
          </option>
        ))}
      </select>
      <RiExpandUpDownLine
        aria-hidden="true"
        className="pointer-events-none absolute right-2.5 top-1/2 size-4 -translate-y-1/2 text-tremor-content dark:text-dark-tremor-content"
      />
      <button
        type="submit"
        className="sr-only mt-2 rounded-tremor-small bg-tremor-brand px-3 py-1.5 text-tremor-label font-medium text-white focus:not-sr-only focus:inline-block dark:bg-dark-tremor-brand dark:text-dark-tremor-brand-inverted"
      >
        Switch workspace
      </button>
      <noscript>
        <button
          type="submit"
          className="mt-2 rounded-tremor-small border border-tremor-border px-3 py-1.5 text-tremor-label font-medium text-tremor-content-strong dark:border-dark-tremor-border dark:text-dark-tremor-content-strong"
        >
          Switch
        </button>
      </noscript>
      <span aria-live="polite" className="sr-only">
        {pending ? "Switching workspace…" : ""}
      </span>
    </div>
  );
}

function Badge({ children, tone = "role" }: { children: string; tone?: "role" | "demo" }) {
  return (
    <span
      className={cx(
        "inline-flex items-center rounded-tremor-small px-1.5 py-0.5 text-[0.6875rem] font-medium leading-none ring-1 ring-inset",
        tone === "demo"
          ? "bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/30"
          : "bg-tremor-background-subtle text-tremor-content-emphasis ring-tremor-ring dark:bg-dark-tremor-background-subtle dark:text-dark-tremor-content-emphasis dark:ring-dark-tremor-ring",
      )}
    >
      {children}
    </span>
  );
}
