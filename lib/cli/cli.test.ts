/**
 * Runs the real CLI as a child process: embedded database in a fresh DATA_DIR,
 * or, when DATABASE_URL is set, a fresh database on that PostgreSQL server.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/password.ts";
import { openDatabase } from "../db/client.ts";
import { enqueueJob } from "../jobs/enqueue.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SERVER_URL = process.env.DATABASE_URL;
const PASSWORD = "correct-horse-battery";

let dataDir: string;
let databaseUrl: string | undefined;

async function onServer(sql: string) {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "foresight-cli-"));
  if (SERVER_URL) {
    const name = `foresight_cli_${randomBytes(6).toString("hex")}`;
    await onServer(`CREATE DATABASE "${name}"`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
});

afterAll(async () => {
  if (databaseUrl) await onServer(`DROP DATABASE IF EXISTS "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], input = ""): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.FORESIGHT_PASSWORD;
  delete env.FORESIGHT_DEBUG;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/main.ts", ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const ok = (r: Run) => {
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r;
};

describe("foresight CLI", () => {
  let slug = "";

  it("creates a user with their first workspace, and never prints the password hash", async () => {
    const r = ok(
      await cli([
        "user",
        "create",
        "--email",
        "Ann@Example.com",
        "--name",
        "Ann Example",
        "--password",
        PASSWORD,
        "--json",
      ]),
    );
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      ok: true,
      user: { email: "ann@example.com", name: "Ann Example" },
      workspace: { name: "Ann's workspace" },
    });
    expect(r.stdout).not.toMatch(/passwordHash|\$argon2/);
    slug = out.workspace.slug;
    // The embedded database's lock is released when the command ends.
    expect(existsSync(path.join(dataDir, "foresight.lock"))).toBe(false);
  });

  it("lists the user's workspaces with their role", async () => {
    const r = ok(await cli(["workspace", "list", "--user", "ann@example.com"]));
    expect(r.stdout).toMatch(new RegExp(`^${slug}\\s+Ann's workspace\\s+OWNER$`, "m"));
  });

  it("creates a workspace for an existing owner, and lists all workspaces with member counts", async () => {
    const created = JSON.parse(
      ok(await cli(["workspace", "create", "--name", "Side project", "--owner", "ann@example.com", "--json"])).stdout,
    );
    expect(created).toMatchObject({
      ok: true,
      workspace: { slug: "side-project" },
      owner: { email: "ann@example.com" },
    });
    const all = JSON.parse(ok(await cli(["--json", "workspace", "list"])).stdout);
    expect(all.workspaces.map((w: { slug: string; memberCount: number }) => [w.slug, w.memberCount])).toEqual([
      [slug, 1],
      ["side-project", 1],
    ]);
  });

  it("creates API tokens, printed once, never their hash", async () => {
    const json = ok(
      await cli([
        "token",
        "create",
        "--workspace",
        "side-project",
        "--user",
        "ann@example.com",
        "--name",
        "CI",
        "--json",
      ]),
    );
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({
      ok: true,
      apiToken: { name: "CI", role: "ANALYST", expiresAt: null },
      workspace: { slug: "side-project" },
    });
    expect(out.token).toMatch(/^fs_[\w-]{40,}$/);
    expect(json.stdout).not.toMatch(/tokenHash/);

    const text = ok(
      await cli([
        "token",
        "create",
        "--workspace",
        slug,
        "--user",
        "ann@example.com",
        "--name",
        "Read-only",
        "--role",
        "viewer",
        "--expires-days",
        "30",
      ]),
    );
    expect(text.stdout).toMatch(/^ {2}fs_[\w-]{40,}$/m);
    expect(text.stdout).toContain("role VIEWER");
    expect(text.stdout).toContain("will not be shown again");
  });

  it("lists, cancels and retries background jobs", async () => {
    const handle = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
    let jobId: string;
    try {
      const ws = await handle.prisma.workspace.findUniqueOrThrow({ where: { slug } });
      jobId = (await enqueueJob(handle, { workspaceId: ws.id, kind: "IMPORT", input: { batchId: "x" } })).id;
    } finally {
      await handle.close();
    }
    const who = ["--workspace", slug, "--user", "ann@example.com"];
    const listed = JSON.parse(ok(await cli(["jobs", "list", ...who, "--state", "queued", "--json"])).stdout);
    expect(listed.jobs).toMatchObject([{ id: jobId, kind: "IMPORT", state: "QUEUED" }]);
    expect(listed.counts.QUEUED).toBe(1);
    expect(ok(await cli(["jobs", "cancel", ...who, "--id", jobId])).stdout).toContain(
      `Cancelled: ${jobId}  Import  CANCELLED`,
    );
    const retried = JSON.parse(ok(await cli(["jobs", "retry", ...who, "--id", jobId, "--json"])).stdout);
    expect(retried.job).toMatchObject({ id: jobId, state: "QUEUED" });
    const again = await cli(["jobs", "retry", ...who, "--id", jobId]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("Only failed or cancelled jobs can be retried");
    const text = ok(await cli(["jobs", "list", ...who]));
    expect(text.stdout).toMatch(new RegExp(`^${jobId}\\s+Import\\s+QUEUED\\s+0%`, "m"));
  });

  it("imports a feedback file and reports what it imported", async () => {
    const file = path.join(dataDir, "reviews.csv");
    await writeFile(file, "id,review,rating\n1,Great app,5\n2,Too slow,2\n2,Too slow,2\n3,,4\n");
    const who = ["--workspace", slug, "--user", "ann@example.com"];
    const out = JSON.parse(ok(await cli(["import", "feedback", file, ...who, "--json"])).stdout);
    expect(out).toMatchObject({ ok: true, rowsNew: 2, rowsDuplicate: 1, rowsInvalid: 1 });
    const again = ok(await cli(["import", "feedback", file, ...who]));
    expect(again.stdout).toContain("Imported reviews.csv: 0 new, 3 duplicates, 1 invalid");
    const missing = await cli(["import", "feedback", path.join(dataDir, "nope.csv"), ...who]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Cannot read");
  });

  it("adds a theme from keywords and lists the workspace's themes", async () => {
    const empty = ok(await cli(["themes", "list", "--workspace", slug]));
    expect(empty.stdout).toContain("No themes yet.");
    const added = JSON.parse(
      ok(
        await cli([
          "themes",
          "add",
          "--workspace",
          slug,
          "--name",
          "Dark mode",
          "--keywords",
          "dark mode, night theme",
          "--json",
        ]),
      ).stdout,
    );
    expect(added).toMatchObject({
      ok: true,
      theme: { label: "Dark mode", keywords: ["dark mode", "night theme"], origin: "user" },
      jobId: expect.any(String),
    });
    const listed = JSON.parse(ok(await cli(["themes", "list", "--workspace", slug, "--json"])).stdout);
    expect(listed.themes).toMatchObject([{ id: added.theme.id, label: "Dark mode" }]);
    const text = ok(await cli(["themes", "list", "--workspace", slug, "--user", "ann@example.com"]));
    expect(text.stdout).toMatch(
      new RegExp(`^${added.theme.id}\\s+Dark mode\\s+0\\s+0\\s+0\\s+—\\s+dark mode, night theme$`, "m"),
    );
    const bad = await cli(["themes", "add", "--workspace", slug, "--name", " ", "--keywords", ","]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--name: A theme needs a name");
    expect(bad.stderr).toContain("--keywords: Give at least one keyword");
    const taken = await cli(["themes", "add", "--workspace", slug, "--name", "dark MODE", "--keywords", "x"]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain("already exists");
  });

  it("refuses a second account with the same e-mail (exit 2)", async () => {
    const r = await cli([
      "user",
      "create",
      "--email",
      "ann@example.com",
      "--name",
      "Ann Again",
      "--password",
      PASSWORD,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("An account with this e-mail already exists");
    expect(r.stdout).toBe("");
  });

  it("names the bad option (exit 2)", async () => {
    const r = await cli(["user", "create", "--email", "not-an-email", "--name", "Bad", "--password", PASSWORD]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--email: Enter a valid e-mail address");
  });

  it("answers an unknown command with the list of commands (exit 2)", async () => {
    const r = await cli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "frobnicate"');
    expect(r.stderr).toContain("workspace create");
    expect(r.stderr).toContain("token create");
  });

  it("shows a command's usage, including how to keep the password out of shell history", async () => {
    const r = ok(await cli(["user", "create", "--help"]));
    expect(r.stdout).toContain("user create --email EMAIL --name NAME");
    expect(r.stdout).toContain("FORESIGHT_PASSWORD");
  });

  it("reads the password from one line of stdin", async () => {
    const r = ok(
      await cli(["user", "create", "--email", "bo@example.com", "--name", "Bo", "--json"], `${PASSWORD}-bo\nignored\n`),
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, user: { email: "bo@example.com" } });
    const db = await openDatabase(databaseUrl ? { databaseUrl, migrate: false } : { dataDir, migrate: false });
    try {
      const user = await db.prisma.user.findUniqueOrThrow({
        where: { email: "bo@example.com" },
        omit: { passwordHash: false },
      });
      expect(await verifyPassword(user.passwordHash, `${PASSWORD}-bo`)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it.skipIf(Boolean(SERVER_URL))("passes on the embedded database's lock message verbatim (exit 1)", async () => {
    // This test process is alive, so its pid makes the lock current.
    const lock = path.join(dataDir, "foresight.lock");
    await writeFile(lock, String(process.pid));
    try {
      const r = await cli(["workspace", "list", "--json"]);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout);
      expect(out.error.code).toBe("locked");
      expect(out.error.message).toBe(
        `The embedded database in ${dataDir} is in use by process ${process.pid} (is "npm start" running?). ` +
          `Stop that process first, or set DATABASE_URL to use a PostgreSQL server that many processes can share.`,
      );
    } finally {
      await rm(lock, { force: true });
    }
  });
});
