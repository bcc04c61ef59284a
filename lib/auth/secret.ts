/**
 * The key that signs session cookies (NEXTAUTH_SECRET). When it is not set,
 * a random one is generated on first start and kept in DATA_DIR/auth-secret,
 * so sessions survive restarts with no set-up. A production server on a real
 * PostgreSQL (likely several app processes) must be given one explicitly:
 * processes with different secrets would reject each other's cookies.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, getEnv, type Env } from "../env.ts";

let cached: string | undefined;

export function getAuthSecret(): string {
  cached ??= resolveAuthSecret(getEnv());
  return cached;
}

/** The secret for this configuration: given, read from DATA_DIR, or generated there. */
export function resolveAuthSecret(
  env: Pick<Env, "NEXTAUTH_SECRET" | "NODE_ENV" | "DATABASE_URL" | "DATA_DIR">,
): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    throw new ConfigError(
      "NEXTAUTH_SECRET is not set. With a real PostgreSQL in production every app process must share one " +
        "secret: set NEXTAUTH_SECRET to a random string of at least 32 characters (e.g. `openssl rand -base64 32`).",
    );
  }
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not created yet.
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    // "wx": if another process created it in the meantime, use theirs.
    writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}
