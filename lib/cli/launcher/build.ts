/** `next build`, only when the sources are newer than the last build. */
import { spawn } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { forwardSignals } from "./child.ts";

/** What a build depends on, relative to the project root; folders are searched recursively. */
const SOURCES = [
  "app",
  "lib",
  "prisma",
  "next.config.mjs",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];
/** Generated from prisma/ (which is watched), and rewritten by every `npm ci`. */
const IGNORED = [path.join("lib", "db", "generated")];

async function mtime(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The first file under `entry` modified after `since`, if any. */
async function newerFile(root: string, entry: string, since: number): Promise<string | undefined> {
  if (IGNORED.includes(entry)) return undefined;
  const full = path.join(root, entry);
  let children;
  try {
    children = await readdir(full, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOTDIR") return undefined; // absent: nothing to build from
    const modified = await mtime(full);
    return modified !== undefined && modified > since ? entry : undefined;
  }
  for (const child of children) {
    const found = await newerFile(root, path.join(entry, child.name), since);
    if (found) return found;
  }
  return undefined;
}

/** Why a build is needed, or undefined when .next is up to date. */
export async function buildReason(root: string): Promise<string | undefined> {
  const built = await mtime(path.join(root, ".next", "BUILD_ID"));
  if (built === undefined) return "no build yet";
  for (const entry of SOURCES) {
    const changed = await newerFile(root, entry, built);
    if (changed) return `${changed} changed since the last build`;
  }
  return undefined;
}

/** Runs `next build` with its output streamed; resolves to its exit code. */
export function runBuild(root: string): Promise<number> {
  // Node runs Next's bin script directly: node_modules/.bin/next is a shell shim on Windows.
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [next, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  return forwardSignals(child);
}
