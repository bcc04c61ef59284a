"use client";

import type { ButtonHTMLAttributes, ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonStyles, type ButtonSize, type ButtonVariant } from "./button-styles";
import { cx } from "./cx";

export interface SubmitButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> {
  children: ReactNode;
  /** Label while the enclosing form's action is running, e.g. "Signing in…". */
  pendingLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Stretch to the container width (typical for auth forms). */
  fullWidth?: boolean;
}

/** Submit button for server-action forms: disables itself and shows a spinner while pending. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  size = "md",
  fullWidth = false,
  disabled,
  className,
  ...props
}: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <>
      <button
        type="submit"
        disabled={pending || disabled}
        aria-busy={pending || undefined}
        className={buttonStyles(variant, size, cx(fullWidth && "w-full", className))}
        {...props}
      >
        {pending ? <Spinner /> : null}
        {pending && pendingLabel ? pendingLabel : children}
      </button>
      <span aria-live="polite" className="sr-only">
        {pending ? (pendingLabel ?? "Working…") : ""}
      </span>
    </>
  );
}

function Spinner() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" className="size-4 animate-spin">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.3" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
