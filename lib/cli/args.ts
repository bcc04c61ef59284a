/**
 * Splits argv into a command and its options. Command names are the leading
 * words ("workspace list"); --json and --help may appear anywhere.
 */
import { parseArgs } from "node:util";
import { AppError } from "../errors.ts";
import type { Command } from "./command.ts";

export type Resolved =
  | { kind: "help"; topic: string[] }
  | { kind: "command"; command: Command; rest: string[]; help: boolean }
  /** `words` is empty when options were given with no command. */
  | { kind: "unknown"; words: string[] };

const isHelpFlag = (a: string) => a === "--help" || a === "-h";
const isGlobalFlag = (a: string) => a === "--json" || isHelpFlag(a);

export function resolveCommand(argv: readonly string[], commands: readonly Command[]): Resolved {
  // Positions of the leading words, skipping global flags, up to the first other option.
  const wordAt: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (isGlobalFlag(arg)) continue;
    if (arg.startsWith("-")) break;
    wordAt.push(i);
  }
  const words = wordAt.map((i) => argv[i]!);
  const help = argv.some(isHelpFlag);
  if (words.length === 0) return argv.every(isGlobalFlag) ? { kind: "help", topic: [] } : { kind: "unknown", words };
  if (words[0] === "help") return { kind: "help", topic: words.slice(1) };
  for (let n = words.length; n > 0; n--) {
    const name = words.slice(0, n).join(" ");
    const command = commands.find((c) => c.name === name);
    if (command) {
      const taken = new Set(wordAt.slice(0, n));
      return { kind: "command", command, rest: argv.filter((_, i) => !taken.has(i)), help };
    }
  }
  return { kind: "unknown", words };
}

/** Parses a command's options strictly: unknown flags, missing values and stray words are errors. */
export function parseOptions(command: Command, rest: string[]): Record<string, unknown> {
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: !!command.positional,
    });
    const { json: _json, help: _help, ...own } = values;
    if (positionals.length > 1) {
      throw new AppError("invalid_input", `Unexpected argument "${positionals[1]}" (see "${command.name} --help")`);
    }
    return command.positional && positionals[0] !== undefined ? { ...own, [command.positional]: positionals[0] } : own;
  } catch (e) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes and messages meant for users.
    if (e instanceof TypeError && String((e as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")) {
      throw new AppError("invalid_input", `${e.message} (see "${command.name} --help")`);
    }
    throw e;
  }
}
