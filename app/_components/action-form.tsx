"use client";

/**
 * A form bound to a server action: shows the action's error or success
 * message, per-field errors through <ActionField>, and a one-time secret
 * (invite link, API token) with a copy button when the action returns one.
 * An action may return `data.link` ({ href, label }) to follow up on (e.g. the job it queued).
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, useActionState, useContext, useEffect, useRef, useState } from "react";
import { Field, type FieldProps } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { buttonStyles } from "@/app/_components/button-styles";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult, FormAction } from "@/lib/web/actions";

const FieldErrors = createContext<Record<string, string>>({});

export function ActionForm<T>({
  action,
  children,
  className,
  secretLabel,
  confirm,
  "aria-label": ariaLabel,
  redirectTo,
  onSuccess,
}: {
  action: FormAction<T>;
  children: React.ReactNode;
  className?: string;
  secretLabel?: string;
  /** Asks before submitting (destructive actions). */
  confirm?: string;
  "aria-label"?: string;
  redirectTo?: string;
  /**
   * Called once per success, with the result; the form then shows no message of its own (the
   * caller shows it, e.g. when the form goes away with its record).
   */
  onSuccess?: (result: Extract<ActionResult<T>, { ok: true }>) => void;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  // onSuccess runs with the action, not in an effect: when the action's refresh removes this form
  // (its record is gone), the form unmounts before any effect of its own could report.
  const run: FormAction<T> = onSuccess
    ? async (prev, form) => {
        const result = await action(prev, form);
        if (result.ok) onSuccess(result);
        return result;
      }
    : action;
  const [state, formAction] = useActionState<ActionResult<T> | null, FormData>(run, null);
  useEffect(() => {
    if (!state?.ok) return;
    formRef.current?.reset();
    if (redirectTo) router.replace(redirectTo);
    router.refresh();
  }, [state, router, redirectTo]);
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  const secret = state?.ok ? (state.data as { secret?: string } | undefined)?.secret : undefined;
  const link = state?.ok ? (state.data as { link?: { href: string; label: string } } | undefined)?.link : undefined;
  return (
    <FieldErrors.Provider value={fields}>
      <form
        ref={formRef}
        action={formAction}
        className={className}
        aria-label={ariaLabel}
        onSubmit={(e) => {
          if (confirm && !window.confirm(confirm)) e.preventDefault();
        }}
      >
        {children}
      </form>
      {state && !state.ok ? (
        <FormMessage tone="error" className="mt-3">
          {state.error}
        </FormMessage>
      ) : null}
      {state?.ok && state.message && !onSuccess ? (
        <FormMessage tone="success" className="mt-3">
          {state.message}
          {link ? (
            <>
              {" "}
              <Link href={link.href} className="font-medium underline underline-offset-2">
                {link.label}
              </Link>
            </>
          ) : null}
        </FormMessage>
      ) : null}
      {secret ? <OneTimeSecret label={secretLabel ?? "Secret"} value={secret} /> : null}
    </FieldErrors.Provider>
  );
}

/** A <Field> that shows the enclosing ActionForm's error for its name. */
export function ActionField(props: FieldProps) {
  const errors = useContext(FieldErrors);
  return <Field {...props} error={props.error ?? errors[props.name]} />;
}

function OneTimeSecret({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-3 space-y-1.5">
      <label className="block text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
        {label}
        <input
          readOnly
          value={value}
          data-testid="one-time-secret"
          onFocus={(e) => e.currentTarget.select()}
          className="mt-1 block w-full rounded-tremor-default border-tremor-border bg-tremor-background-muted px-3 py-2 font-mono text-tremor-label text-tremor-content-strong dark:border-dark-tremor-border dark:bg-dark-tremor-background-muted dark:text-dark-tremor-content-strong"
        />
      </label>
      <button
        type="button"
        className={buttonStyles("secondary", "sm")}
        onClick={async () => {
          await navigator.clipboard?.writeText(value).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy to clipboard"}
      </button>
    </div>
  );
}

/** A one-button form acting on one row (revoke, remove): the row's id travels as a hidden field. */
export function RowAction<T>({
  action,
  field,
  id,
  label,
  pendingLabel,
  confirm,
  "aria-label": ariaLabel,
  redirectTo,
}: {
  action: FormAction<T>;
  field: string;
  id: string;
  label: string;
  pendingLabel: string;
  confirm?: string;
  "aria-label": string;
  redirectTo?: string;
}) {
  return (
    <ActionForm action={action} confirm={confirm} aria-label={ariaLabel} redirectTo={redirectTo}>
      <input type="hidden" name={field} value={id} />
      <SubmitButton variant="ghost" size="sm" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </ActionForm>
  );
}
