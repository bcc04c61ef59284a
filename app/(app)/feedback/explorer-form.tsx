"use client";

/**
 * The explorer's search-and-filter form. Without JavaScript it is a plain GET form (the page
 * tidies the URL); with it, submitting navigates to the canonical URL without a reload, so every
 * view is a shareable URL and Back returns to the previous one.
 */
import { useRouter } from "next/navigation";
import { useTransition, type ReactNode, type SelectHTMLAttributes } from "react";
import { explorerQueryString } from "./explorer-params";

export function ExplorerForm({ children, className }: { children: ReactNode; className?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <form
      role="search"
      aria-label="Search and filter feedback"
      method="get"
      action="/feedback"
      className={className}
      aria-busy={pending || undefined}
      data-pending={pending || undefined}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const entries = [...data.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
        const query = explorerQueryString(entries);
        startTransition(() => router.push(query ? `/feedback?${query}` : "/feedback"));
      }}
    >
      {children}
      <span aria-live="polite" className="sr-only">
        {pending ? "Searching…" : ""}
      </span>
    </form>
  );
}

/** A <select> that applies its form as soon as a value is chosen (sort order, rating…). */
export function SubmitOnChangeSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} onChange={(event) => event.currentTarget.form?.requestSubmit()} />;
}
