/**
 * The one place that reads process.env. Everything else asks `getEnv()`.
 * Values are validated once per process; a bad value stops start-up with a
 * message that names the variable.
 */
import { z } from "zod";
import { ML_BACKEND_PREFERENCES } from "./ml/backend.ts";

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** On unless unset, empty, "0", "false", "no" or "off" (lenient: a debug switch must not stop start-up). */
const flag = optional(z.string()).transform(
  (v) => v !== undefined && !["0", "false", "no", "off"].includes(v.trim().toLowerCase()),
);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** postgres://… — when set, a real PostgreSQL is used; otherwise the embedded PGlite. */
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")),
  /** Folder for the embedded database, the generated secret and other local state. */
  DATA_DIR: z.string().default(".data"),
  NEXTAUTH_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
  NEXTAUTH_URL: optional(z.string().url()),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** smtp://user:pass@host:port — when set, invites are e-mailed as well as shown. */
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")),
  SMTP_FROM: z.string().default("Foresight <no-reply@localhost>"),
  /** Failed sign-ins allowed per account and per IP within the window. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Interface `npm start` binds to (next start -H); all interfaces when unset. */
  HOST: optional(z.string()),
  /** `npm start` serves the existing .next build without checking whether it is stale. */
  FORESIGHT_SKIP_BUILD: flag,
  /** CLI: print stack traces of unexpected errors. */
  FORESIGHT_DEBUG: flag,
  /** CLI: password for `user create`, so it need not appear on the command line. */
  FORESIGHT_PASSWORD: optional(z.string()),
  /** TensorFlow.js engine: auto tries the CUDA GPU, native TensorFlow, WebAssembly, then pure JavaScript. */
  ML_BACKEND: z.enum(ML_BACKEND_PREFERENCES).default("auto"),
  /** Run a job worker inside the web server (`npm start`); turn off when `npm run worker` processes do the work. */
  IN_APP_WORKER: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Jobs one worker process runs at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Job kinds a worker takes, comma-separated (import,sentiment,…); all when unset. */
  WORKER_KINDS: optional(z.string().regex(/^[a-z,\s]+$/i, "must be job kinds separated by commas")),
  /** How often an idle worker looks for new jobs. */
  WORKER_POLL_MS: z.coerce.number().int().min(100).default(2000),
  /** How often a running job writes its heartbeat. */
  JOB_HEARTBEAT_SECONDS: z.coerce.number().min(0.2).default(5),
  /** A running job whose heartbeat is older than this is taken to be dead and retried. */
  JOB_STALE_SECONDS: z.coerce.number().min(1).default(30),
  /** Apply pending migrations when the app or a worker opens the database. */
  MIGRATE_ON_START: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between cases; they call this to re-read it. */
export function resetEnvCache(): void {
  cached = undefined;
}
