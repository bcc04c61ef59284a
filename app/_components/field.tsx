import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { cx } from "./cx";

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "className"> {
  label: string;
  name: string;
  /** Helper text under the input; linked via aria-describedby. */
  hint?: ReactNode;
  /** Validation message(s); sets aria-invalid and is announced with the field. */
  error?: string | string[] | null;
  /** Adds a visible "(optional)" marker to the label. */
  optional?: boolean;
  className?: string;
  inputClassName?: string;
}

export const inputStyles =
  "block w-full rounded-tremor-default border-tremor-border bg-tremor-background px-3 py-2 text-tremor-default text-tremor-content-strong shadow-tremor-input placeholder:text-tremor-content-subtle focus:border-tremor-brand focus:ring-2 focus:ring-tremor-brand-muted disabled:cursor-not-allowed disabled:bg-tremor-background-subtle disabled:text-tremor-content dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:text-dark-tremor-content-strong dark:shadow-dark-tremor-input dark:placeholder:text-dark-tremor-content-subtle dark:focus:border-dark-tremor-brand dark:focus:ring-dark-tremor-brand-muted dark:disabled:bg-dark-tremor-background-subtle";

export const invalidInputStyles =
  "border-rose-500 focus:border-rose-500 focus:ring-rose-200 dark:border-rose-500 dark:focus:border-rose-500 dark:focus:ring-rose-900";

export function Field({
  label,
  name,
  id,
  hint,
  error,
  optional = false,
  className,
  inputClassName,
  type = "text",
  "aria-describedby": describedByProp,
  ...inputProps
}: FieldProps) {
  const autoId = useId();
  const inputId = id ?? `${name}-${autoId}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const invalid = errors.length > 0;
  const describedBy =
    [describedByProp, hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cx("space-y-1.5", className)}>
      <label
        htmlFor={inputId}
        className="block text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong"
      >
        {label}
        {optional ? (
          <span className="font-normal text-tremor-content dark:text-dark-tremor-content">{" (optional)"}</span>
        ) : null}
      </label>
      <input
        id={inputId}
        name={name}
        type={type}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={cx(inputStyles, invalid && invalidInputStyles, inputClassName)}
        {...inputProps}
      />
      {hint ? (
        <p id={hintId} className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <div id={errorId} className="space-y-0.5 text-tremor-label font-medium text-rose-700 dark:text-rose-400">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
