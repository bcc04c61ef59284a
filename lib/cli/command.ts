/**
 * The shape of a CLI command. Each command group (user, workspace, token, and
 * later import, jobs, forecast, report) lives in commands/<group>.ts and is
 * listed in registry.ts; commands call the same library functions as the web app.
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";

/** One `--flag`, in node:util parseArgs terms; values are validated by the command's schema. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
}

export interface CommandIo {
  /** The process-wide database, opened (and migrated) on first call; the entry point closes it. */
  db(): Promise<Db>;
  /** One line read from stdin, or undefined when stdin is a terminal. */
  readStdinLine(): Promise<string | undefined>;
}

export interface CommandResult {
  /** Merged into `{"ok":true,…}` for --json. */
  json: Record<string, unknown>;
  /** Human-readable output. */
  text: string;
}

export interface Command<S extends z.ZodType = z.ZodType> {
  /** One or two words: "workspace list". */
  name: string;
  summary: string;
  /** Full help text shown by `<command> --help`. */
  usage: string;
  /** Flags by name (without the dashes); the schema's keys are the same names. */
  options: Record<string, OptionSpec>;
  /** The schema key that one bare word after the command fills (`import feedback FILE`). */
  positional?: string;
  schema: S;
  run(input: z.output<S>, io: CommandIo): Promise<CommandResult>;
}

export function defineCommand<S extends z.ZodType>(command: Command<S>): Command {
  return command;
}

/** A string flag that must be given; the message is what the user sees next to the flag. */
export const requiredString = () => z.string({ error: "This option is required" });
