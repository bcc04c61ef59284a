/**
 * Importing through the app: drop or choose a messy file, fix the mapping on the preview, start
 * it, watch it run, and check the result row by row. Set IMPORT_SHOTS=/some/dir to also save
 * screenshots of the preview and result pages (light and dark).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createInvite, PASSWORD, signUp, uniqueEmail } from "./support";

async function shot(page: Page, name: string) {
  const dir = process.env.IMPORT_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Drops a file on the drop zone the way a browser does: dragenter, dragover, drop with a DataTransfer. */
async function dropFile(page: Page, name: string, content: string) {
  const zone = page.getByTestId("file-drop");
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: "text/csv" }));
      return dt;
    },
    { name, content },
  );
  await zone.dispatchEvent("dragenter", { dataTransfer });
  await zone.dispatchEvent("dragover", { dataTransfer });
  await expect(zone).toHaveAttribute("data-dragging", "true");
  await zone.dispatchEvent("drop", { dataTransfer });
}

/** Semicolon-separated, a title and a body column, dates that could be day/month or month/day, star ratings. */
const MESSY = [
  "Title;Review;Date;Stars;Platform",
  'Love it;"Great app, write to me at jane.doe@example.com; I have ideas";03/04/2026;5;iOS',
  "Crashes;Crashes every time I open the camera;04/05/2026;1;Android",
  "Pricey;Too expensive for what it does;05/06/2026;2;iOS",
  "Nice sync;Sync between phone and laptop works well;06/07/2026;4;Web",
  "Dark mode;Please add a dark mode;07/08/2026;3;Android",
  "Crashes;Crashes every time I open the camera;04/05/2026;1;Android",
].join("\r\n");

test("a messy CSV dropped on the page: preview, choose the date order, start, watch it, exact counts, redacted text", async ({
  page,
}) => {
  await signUp(page, { name: "Mo Founder", email: uniqueEmail("import"), workspace: "Messy Inc" });
  await page.goto("/feedback/import");
  await expect(page.getByTestId("cli-command")).toHaveText(/npm run cli -- import feedback FILE --workspace \S+/);

  // A wrong file type is refused before anything is sent.
  const refusal = page.getByText('"photo.png" is not a CSV, TSV, TXT, XLSX, JSON, NDJSON or JSONL file.');
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("x") });
  await expect(refusal).toBeVisible();

  await dropFile(page, "app-reviews.csv", MESSY);
  await expect(page.getByTestId("chosen-file")).toContainText("app-reviews.csv");
  await expect(refusal).toHaveCount(0);
  await page.getByLabel("Source").fill("App Store reviews");
  await shot(page, "upload");
  await page.getByRole("button", { name: "Upload and preview" }).click();

  await expect(page).toHaveURL(/\/imports\/[\w-]+$/);
  await expect(page.getByRole("heading", { name: "app-reviews.csv" })).toBeVisible();
  await expect(page.getByTestId("detected-format")).toContainText("Semicolon");
  const rows = page.getByTestId("preview-row");
  await expect(rows).toHaveCount(6);
  // Until the date order is chosen, rows with such dates cannot be read: the preview says so per row.
  const dateOrder = page.getByRole("group", { name: /Date order/ });
  await expect(dateOrder).toContainText("Date order: 03/04/2026 — is it 3 April or March 4?");
  await expect(rows.first()).toHaveAttribute("data-rejected", "true");
  await expect(rows.first()).toContainText("03/04/2026");
  await expect(page.getByTestId("sample-counts")).toHaveText("0 of 6 sample rows read; 6 will be rejected");
  await shot(page, "preview-feedback-date-order");

  // Starting without choosing is refused with the reason.
  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByText(/03\/04\/2026 could be day\/month or month\/day: choose the order/)).toBeVisible();

  await dateOrder.getByLabel(/Day\/month/).check();
  await expect(page.getByTestId("sample-counts")).toHaveText("6 of 6 sample rows read; none will be rejected");
  // Title and body are joined, the date reads day/month, and the e-mail address is already redacted.
  await expect(rows.first()).toContainText("Love it");
  await expect(rows.first()).toContainText("Apr 3, 2026");
  await expect(rows.first()).toContainText("[email]");
  await expect(rows.first()).not.toContainText("jane.doe@example.com");
  await expect(rows.first()).toContainText("5 / 5");
  await expect(rows.first()).toContainText("iOS");
  await shot(page, "preview-feedback");
  await page.getByRole("button", { name: "Start import" }).click();

  // The progress bar, then the result, without a reload.
  await expect(
    page.getByRole("progressbar", { name: "Import progress" }).or(page.getByTestId("count-new")),
  ).toBeVisible();
  await expect(page.getByTestId("count-new")).toContainText("5", { timeout: 30_000 });
  await expect(page.getByTestId("count-duplicates")).toContainText("1");
  await expect(page.getByTestId("count-invalid")).toContainText("0");
  await expect(page.getByTestId("count-total")).toContainText("6");
  await expect(page.getByTestId("import-message")).toHaveText("5 new, 1 duplicate, 0 invalid");
  await expect(page.getByTestId("import-status")).toHaveText("Imported");
  await expect(page.getByTestId("detected")).toContainText("Text ← Title + Review");
  await expect(page.getByTestId("detected")).toContainText("Dates read day/month");
  await expect(page.getByTestId("no-row-errors")).toBeVisible();
  await shot(page, "result-feedback");

  await page.getByRole("link", { name: "See the imported feedback" }).click();
  await expect(page).toHaveURL(/\/feedback\?batch=/);
  await expect(page.getByText(/\[email\]/).first()).toBeVisible();
  await expect(page.getByText("jane.doe@example.com")).toHaveCount(0);
});

test("rows that cannot be read are listed on the result, and the CSV download holds them all", async ({ page }) => {
  await signUp(page, { name: "Bea Founder", email: uniqueEmail("import-bad"), workspace: "Bad Rows Inc" });
  const good = Array.from({ length: 8 }, (_, i) => `${i + 1},Feedback number ${i + 1} about reports,2026-02-0${i + 1}`);
  const csv = [
    "id,comment,created",
    ...good.slice(0, 2),
    "101,,2026-02-10", // line 4: no text
    ...good.slice(2, 5),
    "102,Export is broken,2026-13-45", // line 8: not a date
    ...good.slice(5),
    "103,   ,2026-02-11", // line 12: blank text
  ].join("\n");

  await page.goto("/feedback/import");
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "tickets.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/imports\//);

  await expect(page.getByTestId("sample-counts")).toHaveText("8 of 11 sample rows read; 3 will be rejected");
  const rejected = page.locator('[data-testid="preview-row"][data-rejected="true"]');
  await expect(rejected).toHaveCount(3);
  await expect(rejected.first()).toContainText("The text is empty");
  await expect(page.locator('[data-testid="preview-row"][data-line="8"]')).toContainText("2026-13-45");

  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByTestId("count-new")).toContainText("8", { timeout: 30_000 });
  await expect(page.getByTestId("count-invalid")).toContainText("3");

  const errors = page.getByRole("table", { name: "Row errors" });
  await expect(errors.getByRole("row")).toHaveCount(4);
  await expect(errors.getByRole("row").nth(1)).toContainText("4");
  await expect(errors.getByRole("row").nth(1)).toContainText("The text is empty");
  await expect(errors.getByRole("row").nth(2)).toContainText("2026-13-45");
  await expect(errors.getByRole("row").nth(3)).toContainText("12");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download all errors (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("tickets-errors.csv");
  const lines = readFileSync((await download.path())!, "utf8")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe("line,column,value,reason");
  expect(lines).toHaveLength(4);
  expect(lines.map((l) => l.split(",")[0])).toEqual(["line", "4", "8", "12"]);
  expect(lines[2]).toContain("created,2026-13-45,");
});

test("a wide market file: series and their frequency on the preview, one bad cell, exact counts", async ({ page }) => {
  await signUp(page, { name: "Max Founder", email: uniqueEmail("import-market"), workspace: "Market Inc" });
  const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}-01`);
  const csv = ["month,Signups,Revenue", ...months.map((m, i) => `${m},${1000 + i * 50},"$${(40 + i).toString()},000"`)];
  csv[6] = `${months[5]},1250,lots`; // line 7: not a number
  await page.goto("/market/import");
  await expect(page.getByTestId("cli-command")).toHaveText(/npm run cli -- import market FILE --workspace \S+/);
  await dropFile(page, "kpis.csv", csv.join("\n"));
  await shot(page, "upload-market");
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/imports\//);

  await expect(page.getByRole("radio", { name: /Wide/ })).toBeChecked();
  const series = page.getByTestId("series-row");
  await expect(series).toHaveCount(2);
  await expect(series.filter({ hasText: "Signups" })).toContainText("Monthly");
  await expect(series.filter({ hasText: "Revenue" })).toContainText("Monthly");
  await expect(series.filter({ hasText: "Signups" })).toContainText("12");
  await expect(series.filter({ hasText: "Revenue" })).toContainText("11");
  const problem = page.locator('[data-testid="preview-row"][data-line="7"]');
  await expect(problem).toContainText("Revenue");
  await expect(problem).toContainText("lots");
  await expect(page.getByTestId("sample-counts")).toContainText("11 of 12 sample rows read; 1 will be rejected");

  await page.getByLabel("Kind of Signups").selectOption("SIGNUPS");
  await expect(page.getByLabel("Kind of Signups")).toHaveValue("SIGNUPS");
  await expect(page.getByTestId("sample-counts")).toContainText("11 of 12 sample rows read");
  await shot(page, "preview-market");
  if (process.env.IMPORT_SHOTS) {
    await page.getByRole("button", { name: "Dark", exact: true }).click();
    await shot(page, "preview-market-dark");
    await page.getByRole("button", { name: "System", exact: true }).click();
  }

  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByTestId("count-new")).toContainText("23", { timeout: 30_000 });
  await expect(page.getByTestId("count-new")).toContainText("New points");
  await expect(page.getByTestId("count-invalid")).toContainText("1");
  await expect(page.getByTestId("count-total")).toContainText("12");
  await expect(page.getByTestId("import-message")).toContainText("23 new points in 2 series");
  await expect(page.getByRole("table", { name: "Row errors" })).toContainText("lots");
  await expect(page.getByTestId("detected")).toContainText("Signups (monthly, 12 points)");
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  await page.reload();
  await shot(page, "result-market-dark");
  await page.evaluate(() => localStorage.setItem("theme", "light"));
  await page.getByRole("link", { name: "See the market data" }).click();
  await expect(page).toHaveURL(/\/market$/);
});

test("a big file: the progress bar shows rows and speed while it runs, and Cancel stops it with nothing imported", async ({
  page,
}) => {
  // On the embedded database a big import holds the server's only connection (and its event loop)
  // until it is done, so nothing can be watched while it runs; PostgreSQL serves the page meanwhile.
  test.skip(!process.env.E2E_DATABASE_URL, "needs E2E_DATABASE_URL (PostgreSQL) to watch a big import run");
  test.setTimeout(120_000);
  await signUp(page, { name: "Bo Founder", email: uniqueEmail("import-big"), workspace: "Big File Inc" });
  const moods = ["love the reports", "billing is confusing", "export is slow", "search works well", "needs dark mode"];
  const rows = ["id,review,date"];
  for (let i = 0; i < 600_000; i++) {
    rows.push(
      `${i},"Review ${i}: ${moods[i % moods.length]} on the ${i % 3 ? "web" : "phone"} app",2026-01-${String((i % 28) + 1).padStart(2, "0")}`,
    );
  }
  const buffer = Buffer.from(rows.join("\n"));
  expect(buffer.length).toBeLessThan(50 * 1024 * 1024);

  await page.goto("/feedback/import");
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "big-export.csv", mimeType: "text/csv", buffer });
  await expect(page.getByTestId("chosen-file")).toContainText(/big-export\.csv \(\d+ MB\)/);
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/imports\//, { timeout: 60_000 });
  await expect(page.getByTestId("sample-counts")).toHaveText("500 of 500 sample rows read; none will be rejected");
  await page.getByRole("button", { name: "Start import" }).click();

  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId("progress-message")).toHaveText(/[\d,]+ rows · [\d,]+ rows\/s/, { timeout: 30_000 });
  expect(Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  await shot(page, "progress");

  await page.getByRole("button", { name: "Cancel import" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("Cancelled", { timeout: 30_000 });
  await expect(page.getByText("Import cancelled; nothing was imported")).toBeVisible();
  await expect(page.getByRole("link", { name: "Upload again" })).toHaveAttribute("href", "/feedback/import");
  await shot(page, "cancelled");
});

test("a viewer sees why they cannot import instead of the upload form", async ({ page, browser }) => {
  await signUp(page, { name: "Olga Owner", email: uniqueEmail("import-owner"), workspace: "Viewers Inc" });
  // A draft waiting for its preview, uploaded through the API.
  const res = await page.request.post("/api/v1/imports/feedback?name=waiting.csv&draft=1", {
    headers: { "content-type": "application/octet-stream" },
    data: Buffer.from("text\nhello\n"),
  });
  expect(res.status()).toBe(202);
  const { batchId } = (await res.json()) as { batchId: string };

  const viewerEmail = uniqueEmail("import-viewer");
  const link = await createInvite(page, viewerEmail, "Viewer");
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(link);
  await viewer.getByRole("link", { name: "Create an account and join" }).click();
  await viewer.getByLabel("Name", { exact: true }).fill("Vic Viewer");
  await viewer.getByLabel("Password").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Create account" }).click();
  await expect(viewer).toHaveURL(/\/overview$/);

  for (const url of ["/feedback/import", "/market/import"]) {
    await viewer.goto(url);
    await expect(viewer.getByTestId("import-not-allowed")).toContainText("Your role (viewer)");
    await expect(viewer.getByLabel("File", { exact: true })).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: "Upload and preview" })).toHaveCount(0);
  }
  await viewer.goto(`/imports/${batchId}`);
  await expect(viewer.getByTestId("import-not-allowed")).toContainText("not imported yet");
  await expect(viewer.getByRole("button", { name: "Start import" })).toHaveCount(0);
});
