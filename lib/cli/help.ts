/** Help text; the CLI's documentation lives here rather than in a separate README. */
import type { Command } from "./command.ts";

const RUN = "npm run cli --";

const GLOBAL = `Global options:
  --json       Print exactly one JSON document on stdout: {"ok":true,…} or, on failure,
               {"ok":false,"error":{"code","message","fields"}}. With npm, use
               "npm run --silent cli -- …" so npm's own banner does not precede it.
  --help, -h   Show help (also: ${RUN} help <command>)`;

const FOOTER = `Exit codes: 0 success; 2 invalid input, not found, conflict or not allowed;
1 anything else (database unavailable or locked, bad configuration, unexpected error).

Environment: DATA_DIR (embedded database folder, default .data), DATABASE_URL (use a
PostgreSQL server instead), FORESIGHT_DEBUG=1 (stack traces of unexpected errors).
The embedded database is opened by one process at a time: stop "npm start" first,
or use DATABASE_URL.`;

function commandList(commands: readonly Command[], withHelp: boolean): string {
  const rows = commands.map((c) => [c.name, c.summary]);
  if (withHelp) rows.push(["help [command]", "Show help for all commands or one"]);
  const width = Math.max(...rows.map(([name]) => name!.length));
  return rows.map(([name, summary]) => `  ${name!.padEnd(width)}  ${summary}`).join("\n");
}

export function generalHelp(commands: readonly Command[]): string {
  return `Foresight command line

Usage: ${RUN} <command> [options] [--json]

Commands:
${commandList(commands, true)}

${GLOBAL}

${FOOTER}`;
}

/** Help for a group such as "user": its commands only. */
export function groupHelp(group: string, commands: readonly Command[]): string {
  return `Usage: ${RUN} ${group} <command> [options] [--json]

Commands:
${commandList(
  commands.filter((c) => c.name.startsWith(`${group} `)),
  false,
)}

Run "${RUN} <command> --help" for a command's options.`;
}

export function commandHelp(command: Command): string {
  return `Usage: ${RUN} ${command.usage}

${GLOBAL}`;
}
