// Runs `prisma generate` offline.
// The Prisma CLI downloads a native schema engine at start unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file; `generate` never runs the
// engine, so any existing file will do (we point it at the Node binary).
// Migrations do not use the engine at all: see lib/db/migrate.ts.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve("prisma/build/index.js");
} catch {
  console.log("prisma CLI not installed (production install?); skipping prisma generate");
  process.exit(0);
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
