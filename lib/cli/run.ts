/** Runs one CLI invocation: resolve the command, validate its options, run it, report. */
import { getDb } from "../db/client.ts";
import { LockedError } from "../db/lock.ts";
import { ConfigError, getEnv } from "../env.ts";
import { AppError, parseInput } from "../errors.ts";
import { parseOptions, resolveCommand } from "./args.ts";
import type { Command, CommandIo } from "./command.ts";
import { DatabaseUnavailableError, describeFailure, EXIT_OK, EXIT_USAGE, failureText } from "./failure.ts";
import { commandHelp, generalHelp, groupHelp } from "./help.ts";
import { COMMANDS } from "./registry.ts";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdinLine(): Promise<string | undefined>;
}

function openDb(): CommandIo["db"] {
  let opening: ReturnType<typeof getDb> | undefined;
  return () =>
    (opening ??= getDb().catch((e: unknown) => {
      if (e instanceof LockedError || e instanceof ConfigError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      throw new DatabaseUnavailableError(`Could not open the database: ${message}`, { cause: e });
    }));
}

function debugEnabled(): boolean {
  try {
    return getEnv().FORESIGHT_DEBUG;
  } catch {
    return false; // a broken environment is reported by whatever needed it
  }
}

type Print = (data: Record<string, unknown>, text: string) => void;

const describe = ({ name, summary }: Command) => ({ name, summary });

function showHelp(topic: string, commands: readonly Command[], print: Print): void {
  const target = commands.find((c) => c.name === topic);
  const group = commands.filter((c) => c.name.startsWith(`${topic} `));
  if (target) print({ command: { ...describe(target), usage: target.usage } }, commandHelp(target));
  else if (topic && group.length) print({ commands: group.map(describe) }, groupHelp(topic, commands));
  else if (topic) throw new AppError("invalid_input", `No help for "${topic}": there is no such command.`);
  else print({ commands: commands.map(describe) }, generalHelp(commands));
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const json = argv.includes("--json");
  const print: Print = (data, text) => io.out(json ? JSON.stringify({ ok: true, ...data }, null, 2) : text);
  const resolved = resolveCommand(argv, commands);
  let command: Command | undefined;
  try {
    if (resolved.kind === "help") {
      showHelp(resolved.topic.join(" "), commands, print);
      return EXIT_OK;
    }
    if (resolved.kind === "unknown") return unknownCommand(resolved.words, commands, io, json);
    command = resolved.command;
    if (resolved.help) {
      showHelp(command.name, commands, print);
      return EXIT_OK;
    }
    const input = parseInput(command.schema, parseOptions(command, resolved.rest));
    const result = await command.run(input, { db: openDb(), readStdinLine: io.readStdinLine });
    print(result.json, result.text);
    return EXIT_OK;
  } catch (error) {
    const failure = describeFailure(error, command);
    const { code, message, fields } = failure;
    if (json) io.out(JSON.stringify({ ok: false, error: { code, message, fields } }, null, 2));
    else io.err(failureText(failure, command, debugEnabled()));
    return failure.exitCode;
  }
}

function unknownCommand(words: string[], commands: readonly Command[], io: CliIo, json: boolean): number {
  const typed = words.join(" ");
  const group = words[0] && commands.some((c) => c.name.startsWith(`${words[0]} `)) ? words[0] : undefined;
  const message = !typed
    ? "No command given."
    : group && words.length === 1
      ? `"${group}" needs a command.`
      : `Unknown command "${typed}".`;
  const hint = `${message} Run "help" to list commands.`;
  if (json) io.out(JSON.stringify({ ok: false, error: { code: "invalid_input", message: hint } }, null, 2));
  else io.err(`${message}\n\n${group ? groupHelp(group, commands) : generalHelp(commands)}`);
  return EXIT_USAGE;
}
