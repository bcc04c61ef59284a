import type { ReactNode } from "react";
import { RiCheckboxCircleLine, RiErrorWarningLine, RiInformationLine } from "@remixicon/react";
import { cx } from "./cx";

export type FormMessageTone = "success" | "error" | "info";

export interface FormMessageProps {
  tone: FormMessageTone;
  title?: string;
  /** Body text; when neither title nor children is given nothing renders. */
  children?: ReactNode;
  className?: string;
}

const tones = {
  success: {
    icon: RiCheckboxCircleLine,
    classes:
      "border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200",
  },
  error: {
    icon: RiErrorWarningLine,
    classes: "border-rose-200 bg-rose-50 text-rose-800 dark:border-rose-900 dark:bg-rose-950/60 dark:text-rose-200",
  },
  info: {
    icon: RiInformationLine,
    classes:
      "border-brand-200 bg-brand-50 text-brand-900 dark:border-brand-900 dark:bg-brand-950/60 dark:text-brand-100",
  },
} as const;

/** Form-level feedback. Errors use role="alert" (assertive); success/info use role="status". */
export function FormMessage({ tone, title, children, className }: FormMessageProps) {
  if (!title && (children === null || children === undefined || children === "")) return null;
  const { icon: Icon, classes } = tones[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cx("flex gap-3 rounded-tremor-default border p-3 text-tremor-default", classes, className)}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      <div className="min-w-0 space-y-0.5">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div>{children}</div> : null}
      </div>
    </div>
  );
}
