import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAuthSecret } from "./secret.ts";

const dir = () => mkdtempSync(path.join(tmpdir(), "fs-secret-"));

describe("session secret", () => {
  it("uses NEXTAUTH_SECRET when given", () => {
    expect(
      resolveAuthSecret({
        NEXTAUTH_SECRET: "x".repeat(32),
        NODE_ENV: "production",
        DATABASE_URL: "postgres://h/db",
        DATA_DIR: dir(),
      }),
    ).toBe("x".repeat(32));
  });

  it("stops a production server on a real PostgreSQL without one, naming the variable", () => {
    expect(() =>
      resolveAuthSecret({ NODE_ENV: "production", DATABASE_URL: "postgres://h/db", DATA_DIR: dir() }),
    ).toThrow(/NEXTAUTH_SECRET is not set/);
  });

  it("generates one in the data folder on first start and keeps it across restarts", () => {
    const d = dir();
    const first = resolveAuthSecret({ NODE_ENV: "production", DATA_DIR: d });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(d, "auth-secret"), "utf8").trim()).toBe(first);
    expect(statSync(path.join(d, "auth-secret")).mode & 0o077).toBe(0);
    expect(resolveAuthSecret({ NODE_ENV: "production", DATA_DIR: d })).toBe(first);
  });
});
