import Link from "next/link";
import type { ReactNode } from "react";
import { RiLogoutBoxRLine } from "@remixicon/react";
import { Logo } from "./logo";
import { ShellFrame } from "./shell-frame";
import { SidebarNav } from "./sidebar-nav";
import { ThemeToggle } from "./theme-toggle";
import { WorkspaceSwitcher } from "./workspace-switcher";

export interface ShellProps {
  user: { name: string; email: string };
  workspaces: {
    id: string;
    name: string;
    slug: string;
    role: "OWNER" | "ADMIN" | "ANALYST" | "VIEWER";
    isDemo: boolean;
  }[];
  currentWorkspaceId: string;
  switchWorkspace: (formData: FormData) => Promise<void>; // server action; form field name "workspaceId"
  signOutHref: string;
  children: ReactNode;
}

/** Signed-in layout: sidebar (workspace switcher, navigation, theme, account) + main content. */
export function AppShell({ user, workspaces, currentWorkspaceId, switchWorkspace, signOutHref, children }: ShellProps) {
  const sidebar = (
    <div className="flex h-full flex-col gap-6 overflow-y-auto px-4 py-5">
      <Link href="/overview" className="hidden rounded-tremor-small px-1 lg:inline-flex">
        <Logo />
      </Link>
      <WorkspaceSwitcher
        workspaces={workspaces}
        currentWorkspaceId={currentWorkspaceId}
        switchWorkspace={switchWorkspace}
      />
      <SidebarNav />
      <div className="mt-auto space-y-4 border-t border-tremor-border pt-4 dark:border-dark-tremor-border">
        <ThemeToggle />
        <UserCard user={user} signOutHref={signOutHref} />
      </div>
    </div>
  );

  return <ShellFrame sidebar={sidebar}>{children}</ShellFrame>;
}

function UserCard({ user, signOutHref }: Pick<ShellProps, "user" | "signOutHref">) {
  return (
    <div className="flex items-center gap-3">
      <span
        aria-hidden="true"
        className="flex size-9 shrink-0 items-center justify-center rounded-full bg-tremor-brand-faint text-tremor-label font-semibold text-tremor-brand-emphasis ring-1 ring-tremor-brand-muted dark:bg-dark-tremor-brand-faint dark:text-dark-tremor-brand-emphasis dark:ring-dark-tremor-brand-muted"
      >
        {initials(user.name || user.email)}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
          {user.name}
        </p>
        <p className="truncate text-tremor-label text-tremor-content dark:text-dark-tremor-content" title={user.email}>
          {user.email}
        </p>
      </div>
      {/* Plain <a>, not <Link>: prefetching a sign-out URL would sign the user out. */}
      <a
        href={signOutHref}
        className="inline-flex shrink-0 items-center gap-1 rounded-tremor-small px-2 py-1.5 text-tremor-label font-medium text-tremor-content-emphasis hover:bg-tremor-background-subtle hover:text-tremor-content-strong dark:text-dark-tremor-content-emphasis dark:hover:bg-dark-tremor-background-subtle dark:hover:text-dark-tremor-content-strong"
      >
        <RiLogoutBoxRLine aria-hidden="true" className="size-4" />
        Sign out
      </a>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]![0]! + parts[parts.length - 1]![0]! : (parts[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}
