/**
 * `npm run seed:demo [-- --email you@example.com] [--reset] [--items N] [--seed N]`
 *
 * Creates the demo workspace, "Demo workspace (sample data)" (slug "demo"), on
 * the configured database (DATABASE_URL, or the embedded one in DATA_DIR):
 * 18 months of synthetic feedback across channels and segments, a dozen
 * market series, and TAM/SAM/SOM. See lib/demo/seed.ts. The last line printed
 * is a one-line summary.
 */
import { parseArgs } from "node:util";
import { DatabaseUnavailableError, describeFailure, EXIT_FAILURE, EXIT_OK, failureText } from "../lib/cli/failure.ts";
import { closeDatabase, getDatabase } from "../lib/db/client.ts";
import { LockedError } from "../lib/db/lock.ts";
import { DEMO_EMAIL, DEMO_SLUG, seedDemo, seedDemoSchema } from "../lib/demo/seed.ts";
import { ConfigError, getEnv } from "../lib/env.ts";
import { AppError } from "../lib/errors.ts";

const USAGE = `npm run seed:demo [-- OPTIONS]

Creates the demo workspace "${DEMO_SLUG}" with 18 months of synthetic feedback and market data.
Without --email, the demo user ${DEMO_EMAIL} is created (its password is printed) or reused.

Options:
  --email EMAIL        Make this existing user the demo workspace's owner instead
  --password PASSWORD  Password for the demo user (default: generated when it is created)
  --reset              Replace an existing demo workspace (without it, an existing one is left as it is)
  --items N            Number of feedback items (default 4000)
  --seed N             Random seed; the same seed and date give the same data (default 42)
  --now YYYY-MM-DD     Day the data ends (default today)
  --help               Show this help`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number) => n.toLocaleString("en-US");
const day = (d: Date) => d.toISOString().slice(0, 10);

function readArgs() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: {
        email: { type: "string" },
        password: { type: "string" },
        reset: { type: "boolean" },
        items: { type: "string" },
        seed: { type: "string" },
        now: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes and messages meant for users.
    if (e instanceof TypeError && String((e as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")) {
      throw new AppError("invalid_input", `${e.message} (see --help)`);
    }
    throw e;
  }
}

async function openDb() {
  try {
    return await getDatabase();
  } catch (e) {
    if (e instanceof LockedError || e instanceof ConfigError) throw e;
    throw new DatabaseUnavailableError(`Could not open the database: ${e instanceof Error ? e.message : e}`, {
      cause: e,
    });
  }
}

async function main(): Promise<void> {
  const { help, reset, ...args } = readArgs();
  if (help) {
    out(USAGE);
    return;
  }
  const input = { ...args, reset: !!reset };
  // Checked before the database is opened, and reported with the flags as typed.
  const checked = seedDemoSchema.safeParse(input);
  if (!checked.success) {
    const lines = checked.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`);
    throw new AppError("invalid_input", `${lines.join("; ")} (see --help)`);
  }
  const env = getEnv();
  const handle = await openDb();
  out(
    `Seeding the demo workspace into ${handle.kind === "embedded" ? `the embedded database in ${env.DATA_DIR}` : "PostgreSQL"}…`,
  );
  const result = await seedDemo(handle, input, (line) => out(`  ${line}`));
  if (result.status === "exists") {
    out(
      `The demo workspace "${result.workspace.name}" (slug: ${result.workspace.slug}) already exists; nothing was changed. ` +
        "Run with --reset to replace it.",
    );
    return;
  }

  const { owner, counts, workspace } = result;
  const url = `${env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`}/login`;
  out("");
  if (owner.created) out(`Created the demo user ${owner.email} with password: ${owner.password}`);
  else if (owner.password) out(`Set the password of ${owner.email} to: ${owner.password}`);
  out(
    owner.email === DEMO_EMAIL
      ? `Start the app ("npm start") and sign in at ${url} as ${owner.email}` +
          (owner.password ? "." : " with its existing password (--password sets a new one).")
      : `Start the app ("npm start"), sign in at ${url} as ${owner.email} and pick "${workspace.name}" in the workspace switcher.`,
  );
  out("");
  out(
    `${result.replaced ? "Replaced" : "Created"} "${workspace.name}" (slug: ${workspace.slug}): ` +
      `${fmt(counts.feedbackItems)} feedback items from ${day(result.from)} to ${day(result.to)}, ` +
      `${counts.series} market series with ${fmt(counts.points)} points, ${counts.marketSizes} market sizes, ` +
      `${counts.jobs} analysis jobs queued; seed ${result.seed}; ${result.seconds.toFixed(1)} s.`,
  );
}

let code = EXIT_OK;
try {
  await main();
} catch (e) {
  const failure = describeFailure(e);
  process.stderr.write(`${failureText(failure, undefined, getDebug())}\n`);
  code = failure.exitCode;
}
try {
  // Releases the embedded database's lock so the app (or the next command) can open it.
  await closeDatabase();
} catch (e) {
  process.stderr.write(`Warning: could not close the database cleanly: ${e instanceof Error ? e.message : e}\n`);
  code ||= EXIT_FAILURE;
}
// Exit explicitly (a driver may keep timers alive), once the output has been flushed.
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));

function getDebug(): boolean {
  try {
    return getEnv().FORESIGHT_DEBUG;
  } catch {
    return false; // a broken environment was reported by whatever needed it
  }
}
