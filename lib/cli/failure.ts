/** How the CLI reports a failure: exit code, JSON error and human text. */
import { LockedError } from "../db/lock.ts";
import { ConfigError } from "../env.ts";
import { isAppError } from "../errors.ts";
import type { Command } from "./command.ts";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The database could not be opened for a reason other than a lock or bad configuration. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

export interface Failure {
  exitCode: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
  /** Shown only with FORESIGHT_DEBUG=1. */
  stack?: string;
}

/** Field keys are option names in the CLI's own schemas, camelCase in library schemas. */
function flagName(field: string, command?: Command): string {
  const kebab = field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return command && kebab in command.options ? `--${kebab}` : field;
}

const fieldSummary = (fields: Record<string, string>, name: (field: string) => string) =>
  Object.entries(fields)
    .map(([k, v]) => (k === "_" ? v : `${name(k)}: ${v}`))
    .join("; ");

export function describeFailure(error: unknown, command?: Command): Failure {
  if (isAppError(error)) {
    const fields = error.fields && Object.keys(error.fields).length ? error.fields : undefined;
    // invalidInput()'s message lists schema keys; restate it with the flags the user typed.
    const restate = fields && error.message === fieldSummary(fields, (k) => k);
    const message = restate ? fieldSummary(fields, (k) => flagName(k, command)) : error.message;
    return { exitCode: EXIT_USAGE, code: error.code, message, fields };
  }
  if (error instanceof LockedError) return { exitCode: EXIT_FAILURE, code: "locked", message: error.message };
  if (error instanceof ConfigError) return { exitCode: EXIT_FAILURE, code: "config", message: error.message };
  const err = error instanceof Error ? error : new Error(String(error));
  const firstLine = err.message.trim().split("\n")[0]!.slice(0, 300);
  if (err instanceof DatabaseUnavailableError) {
    const cause = err.cause instanceof Error ? err.cause : err;
    return { exitCode: EXIT_FAILURE, code: "database_unavailable", message: firstLine, stack: cause.stack };
  }
  return { exitCode: EXIT_FAILURE, code: "unexpected", message: `Unexpected error: ${firstLine}`, stack: err.stack };
}

export function failureText(f: Failure, command: Command | undefined, debug: boolean): string {
  const lines = [`Error: ${f.message}`];
  for (const [field, message] of Object.entries(f.fields ?? {})) {
    if (!f.message.includes(message)) lines.push(`  ${flagName(field, command)}: ${message}`);
  }
  if (f.stack) lines.push(debug ? f.stack : "(set FORESIGHT_DEBUG=1 to see the stack trace)");
  return lines.join("\n");
}
