/**
 * `npm start`: build if needed, migrate the database, serve the app with
 * `next start`, and say where it runs once it answers.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveAuthSecret } from "../auth/secret.ts";
import { closeDatabase, getDatabase, type DatabaseKind } from "../db/client.ts";
import { LockedError } from "../db/lock.ts";
import { ConfigError, getEnv, type Env } from "../env.ts";
import { buildReason, runBuild } from "./launcher/build.ts";
import { forwardSignals } from "./launcher/child.ts";
import { portIsFree } from "./launcher/port.ts";
import { waitUntilReady } from "./launcher/ready.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

class StartError extends Error {
  override name = "StartError";
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function ensurePortFree(env: Env): Promise<void> {
  let free: boolean;
  try {
    free = await portIsFree(env.PORT, env.HOST);
  } catch (e) {
    throw new StartError(`Cannot listen on port ${env.PORT}${env.HOST ? ` of ${env.HOST}` : ""}: ${message(e)}`);
  }
  if (!free) {
    throw new StartError(
      `Port ${env.PORT} is already in use (is Foresight or another server already running?). ` +
        `Stop that process, or choose another port: PORT=3001 npm start`,
    );
  }
}

async function ensureBuilt(env: Env): Promise<void> {
  if (env.FORESIGHT_SKIP_BUILD) {
    if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
      throw new StartError("FORESIGHT_SKIP_BUILD is set but there is no build in .next: start once without it.");
    }
    return;
  }
  const reason = await buildReason(ROOT);
  if (!reason) return;
  console.log(`Building Foresight (first start takes a minute)… (${reason})`);
  const code = await runBuild(ROOT);
  if (code !== 0) throw new StartError(`The build failed (exit code ${code}); see its output above.`);
}

/** Opens the database once so that migrations run (and problems show) before the server starts. */
async function prepareDatabase(): Promise<DatabaseKind> {
  try {
    return (await getDatabase()).kind;
  } catch (e) {
    // These two already say what to do; anything else gets context.
    if (e instanceof LockedError || e instanceof ConfigError) throw new StartError(e.message);
    throw new StartError(`The database could not be opened: ${message(e)}`);
  } finally {
    // The server process opens it next; the embedded database allows one process at a time.
    await closeDatabase().catch(() => undefined);
  }
}

const WILDCARD = ["0.0.0.0", "::"];
const LOOPBACK = ["localhost", "127.0.0.1", "::1"];
const hostPort = (host: string, port: number) => `${host.includes(":") ? `[${host}]` : host}:${port}`;

/** Where users should point their browser: a wildcard or loopback bind is reached as localhost. */
function publicUrl(env: Env): string {
  const local = !env.HOST || WILDCARD.includes(env.HOST) || LOOPBACK.includes(env.HOST);
  return `http://${local ? `localhost:${env.PORT}` : hostPort(env.HOST!, env.PORT)}`;
}

/** Where this process can reach the server to see whether it is up. */
function probeUrl(env: Env): string {
  if (!env.HOST || env.HOST === "0.0.0.0" || env.HOST === "localhost") return `http://127.0.0.1:${env.PORT}`;
  return `http://${hostPort(env.HOST === "::" ? "::1" : env.HOST, env.PORT)}`;
}

async function serve(env: Env, kind: DatabaseKind): Promise<number> {
  const args = [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(env.PORT)];
  if (env.HOST) args.push("-H", env.HOST);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    },
  });
  const exited = forwardSignals(child);
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  exited.then(stop, stop);
  const where = kind === "embedded" ? `embedded database in ${path.resolve(env.DATA_DIR)}` : "PostgreSQL";
  void waitUntilReady(probeUrl(env), () => stopped, {
    onSlow: () => console.log(`Still waiting for the server on port ${env.PORT} to answer…`),
  }).then((ready) => {
    if (ready.kind === "stopped") return;
    console.log(`\nForesight is running at ${publicUrl(env)} (${where})`);
    if (ready.kind === "answering" && ready.healthStatus !== 404) {
      console.log(
        `Warning: its health check (/api/health) answered HTTP ${ready.healthStatus}; see the server log above.`,
      );
    }
  });
  return exited;
}

async function main(): Promise<number> {
  process.chdir(ROOT);
  let env: Env;
  try {
    env = getEnv();
  } catch (e) {
    throw new StartError(message(e));
  }
  try {
    // The server runs in production mode: fail now, not on the first sign-in.
    resolveAuthSecret({ ...env, NODE_ENV: "production" });
  } catch (e) {
    throw new StartError(message(e));
  }
  await ensurePortFree(env);
  await ensureBuilt(env);
  const kind = await prepareDatabase();
  // Checked again: the build takes a while, and something may have taken the port meanwhile.
  await ensurePortFree(env);
  return serve(env, kind);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof StartError ? e.message : e);
    process.exit(1);
  },
);
