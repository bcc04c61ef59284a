/** Entry point of `npm run cli -- <command>`; see help.ts for the commands. */
import { closeDatabase } from "../db/client.ts";
import { runCli } from "./run.ts";
import { readFirstLine } from "./stdin.ts";
import { EXIT_FAILURE } from "./failure.ts";

const line = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);

let code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(line(text)),
  err: (text) => process.stderr.write(line(text)),
  readStdinLine: () => readFirstLine(process.stdin),
});
try {
  // Releases the embedded database's lock so the server (or the next command) can open it.
  await closeDatabase();
} catch (e) {
  process.stderr.write(
    line(`Warning: could not close the database cleanly: ${e instanceof Error ? e.message : String(e)}`),
  );
  code ||= EXIT_FAILURE;
}
// Exit explicitly (a driver may keep timers alive), but only once the output has been flushed.
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
