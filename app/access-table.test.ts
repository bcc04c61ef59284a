/**
 * The access table must list every route handler and server action in app/.
 * A new route or action without an entry (and so without access tests) fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, PUBLIC_ROUTES, ROUTES } from "../e2e/access-table";

const appDir = path.join(process.cwd(), "app");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const files = walk(appDir);

function routeMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g))
    methods.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name && /^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) methods.add(name);
    }
  }
  return [...methods];
}

describe("access table", () => {
  it("lists every route handler method", () => {
    const found = files
      .filter((f) => /route\.tsx?$/.test(f))
      .flatMap((f) => {
        const routePath =
          "/" +
          path
            .relative(appDir, path.dirname(f))
            .split(path.sep)
            .filter((s) => !/^\(.*\)$/.test(s))
            .join("/");
        return routeMethods(readFileSync(f, "utf8")).map((m) => `${m} ${routePath}`);
      })
      .sort();
    const listed = [...ROUTES, ...PUBLIC_ROUTES].map((r) => `${r.method} ${r.path}`).sort();
    expect(found.length).toBeGreaterThan(5);
    expect(found).toEqual(listed);
  });

  it("lists every exported server action", () => {
    const found = files
      .filter((f) => /\.tsx?$/.test(f) && /^["']use server["']/.test(readFileSync(f, "utf8").trimStart()))
      .flatMap((f) =>
        [...readFileSync(f, "utf8").matchAll(/export\s+(?:const|async function)\s+(\w+)/g)].map(
          (m) => `${path.relative(appDir, f)}#${m[1]}`,
        ),
      )
      .sort();
    expect(found.length).toBeGreaterThan(5);
    expect(found).toEqual(ACTIONS.map((a) => `${a.file}#${a.name}`).sort());
  });
});
