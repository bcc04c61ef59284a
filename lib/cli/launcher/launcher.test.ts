import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReason } from "./build.ts";
import { portIsFree } from "./port.ts";
import { waitUntilReady } from "./ready.ts";

describe("buildReason", () => {
  let root: string;
  const past = new Date(Date.now() - 60_000);
  const future = new Date(Date.now() + 60_000);
  const file = async (rel: string, time = past) => {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), "x");
    await utimes(path.join(root, rel), time, time);
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "foresight-build-"));
    await file("app/page.tsx");
    await file("lib/db/client.ts");
    await file("package.json");
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("builds when there is no build, and not when the build is newer than every source", async () => {
    expect(await buildReason(root)).toBe("no build yet");
    await file(".next/BUILD_ID", new Date());
    expect(await buildReason(root)).toBeUndefined();
  });

  it("ignores the generated Prisma client but not other sources", async () => {
    await file("lib/db/generated/client.ts", future);
    expect(await buildReason(root)).toBeUndefined();
    await file("prisma/schema.prisma", future);
    expect(await buildReason(root)).toBe(`${path.join("prisma", "schema.prisma")} changed since the last build`);
  });
});

describe("portIsFree", () => {
  it("tells a taken port from a free one", async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as net.AddressInfo;
    expect(await portIsFree(port)).toBe(false);
    await new Promise((r) => server.close(r));
    expect(await portIsFree(port)).toBe(true);
  });
});

describe("waitUntilReady", () => {
  const serve = (healthStatus: number) =>
    new Promise<http.Server>((resolve) => {
      const server = http.createServer((req, res) => {
        res.statusCode = req.url === "/api/health" ? healthStatus : 200;
        res.end(JSON.stringify({ ok: healthStatus === 200, database: "embedded" }));
      });
      server.listen(0, "127.0.0.1", () => resolve(server));
    });
  const baseUrl = (s: http.Server) => `http://127.0.0.1:${(s.address() as net.AddressInfo).port}`;

  it.each([
    [200, { kind: "healthy", database: "embedded" }],
    [404, { kind: "answering", healthStatus: 404 }],
    [503, { kind: "answering", healthStatus: 503 }],
  ])("answers %i from /api/health with %o", async (status, expected) => {
    const server = await serve(status);
    try {
      expect(await waitUntilReady(baseUrl(server), () => false, { graceMs: 500 })).toEqual(expected);
    } finally {
      server.close();
    }
  });

  it("stops waiting when the server has stopped", async () => {
    let stopped = false;
    setTimeout(() => (stopped = true), 500);
    expect(await waitUntilReady("http://127.0.0.1:1", () => stopped)).toEqual({ kind: "stopped" });
  });
});
