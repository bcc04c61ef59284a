/**
 * Putting market data into an e2e workspace. The e2e server owns its embedded database, so the
 * way in is the market import API (`POST /api/v1/imports/market`, multipart `file`, answered
 * like the feedback import: 202 { batchId, jobId }).
 */
import { expect, type APIRequestContext } from "@playwright/test";

export const MARKET_IMPORT_API = "/api/v1/imports/market";

/** Long format, one point a row: the series' name, kind and unit repeat on each of its rows. */
export function marketCsv(
  series: { name: string; kind: string; unit: string; points: [date: string, value: number][] }[],
): string {
  const rows = ["series,kind,unit,date,value"];
  for (const s of series)
    for (const [date, value] of s.points) rows.push(`${s.name},${s.kind},${s.unit},${date},${value}`);
  return rows.join("\n") + "\n";
}

/** Monthly points on the 1st from `start` ("YYYY-MM"). */
export function monthlyPoints(start: string, values: number[]): [string, number][] {
  const [y, m] = start.split("-").map(Number) as [number, number];
  return values.map((v, i) => [new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 10), v]);
}

/** Imports `csv` and waits for its job to succeed; any failure fails the test. */
export async function importMarketCsv(
  request: APIRequestContext,
  csv: string,
  headers: Record<string, string> = {},
): Promise<{ batchId: string; jobId: string }> {
  const res = await request.post(MARKET_IMPORT_API, {
    headers,
    multipart: { file: { name: "market.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } },
  });
  expect(res.status(), await res.text()).toBe(202);
  const started = (await res.json()) as { batchId: string; jobId: string };
  await expect
    .poll(
      async () => {
        const job = await (await request.get(`/api/v1/jobs/${started.jobId}`, { headers })).json();
        return job.job.state === "FAILED" ? `FAILED: ${job.job.error}` : job.job.state;
      },
      { timeout: 30_000 },
    )
    .toBe("SUCCEEDED");
  return started;
}
