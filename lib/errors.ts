import type { z } from "zod";

/**
 * Typed, coded errors. Expected failures throw AppError with a message meant
 * for the user; route and action wrappers map the code to an HTTP status in
 * one place. Anything else is unexpected: logged, answered generically.
 */
export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "invalid_credentials"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "gone";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
};

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Per-field messages for forms, keyed by field name. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Turns a zod error into an AppError whose fields name what was wrong where. */
export function invalidInput(issues: { path: PropertyKey[]; message: string }[]): AppError {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  const summary = Object.entries(fields)
    .map(([k, v]) => (k === "_" ? v : `${k}: ${v}`))
    .join("; ");
  return new AppError("invalid_input", summary || "Invalid input", fields);
}

/** Parses with a zod schema, throwing an AppError("invalid_input") that names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalidInput(r.error.issues);
  return r.data;
}
