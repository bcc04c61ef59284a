/** Waits until the started server answers. */

export type Readiness =
  | { kind: "healthy"; database?: string }
  /** The server answers but its health check does not say ok (absent route, or a problem it reports). */
  | { kind: "answering"; healthStatus: number }
  | { kind: "stopped" };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probe(url: string): Promise<Response | undefined> {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: "manual" });
  } catch {
    return undefined; // not listening yet
  }
}

/**
 * Polls GET /api/health until it answers 200. If it answers something else,
 * any HTTP answer from / is accepted: at once for 404 (no health route in this
 * build), after `graceMs` otherwise (the health check may recover).
 */
export async function waitUntilReady(
  baseUrl: string,
  stopped: () => boolean,
  opts: { graceMs?: number; onSlow?: () => void; slowMs?: number } = {},
): Promise<Readiness> {
  const { graceMs = 15_000, slowMs = 60_000 } = opts;
  const started = Date.now();
  let firstAnswer: number | undefined;
  let warned = false;
  while (!stopped()) {
    const health = await probe(`${baseUrl}/api/health`);
    if (health?.status === 200) {
      const body: unknown = await health.json().catch(() => undefined);
      const database = body && typeof body === "object" && "database" in body ? String(body.database) : undefined;
      return { kind: "healthy", database };
    }
    if (health) {
      await health.body?.cancel();
      firstAnswer ??= Date.now();
      if (health.status === 404 || Date.now() - firstAnswer >= graceMs) {
        const root = await probe(`${baseUrl}/`);
        await root?.body?.cancel();
        if (root) return { kind: "answering", healthStatus: health.status };
      }
    }
    if (!warned && Date.now() - started >= slowMs) {
      warned = true;
      opts.onSlow?.();
    }
    await sleep(300);
  }
  return { kind: "stopped" };
}
