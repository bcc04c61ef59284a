/**
 * Regenerates the README's screenshots: `SCREENSHOTS=1 npx playwright test e2e/readme-screenshots.spec.ts`.
 * Skipped in normal runs.
 */
import path from "node:path";
import { test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support";

test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to regenerate README images");

test("README screenshots", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, { name: "Ada Founder", email: uniqueEmail("readme"), workspace: "Acme Insights" });
  await page.screenshot({ path: path.join("e2e", "readme", "overview.png") });
  await page.goto("/settings");
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  await page.reload();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join("e2e", "readme", "settings-dark.png") });

  // The Jobs page after one good and one bad import.
  await page.evaluate(() => localStorage.setItem("theme", "light"));
  const rows = [
    "review,rating,date",
    ...Array.from({ length: 3000 }, (_, i) => `"Review ${i}",${(i % 5) + 1},2026-03-01`),
  ];
  for (const [name, content] of [
    ["app-store-reviews.csv", rows.join("\n")],
    ["survey-export.csv", "respondent,score\n1,9\n"],
  ]) {
    // Straight to the API (no preview), as a script or the CLI would.
    await page.request.post(`/api/v1/imports/feedback?name=${name}`, {
      headers: { "content-type": "application/octet-stream" },
      data: Buffer.from(content),
    });
  }
  await page.goto("/jobs");
  await page.locator('[data-testid="job-row"][data-state="FAILED"]').waitFor();
  await page.locator('[data-testid="job-row"][data-state="SUCCEEDED"]').waitFor();
  await page
    .getByTestId("worker-backend")
    .getByText(/ML backend: \w+/)
    .waitFor();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join("e2e", "readme", "jobs.png") });

  // The mapping preview of a messy export: title + body joined, the date order to choose.
  await page.goto("/feedback/import");
  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "helpdesk-export.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "Ticket;Subject;Description;Created;Stars;Plan\n" +
        "T-1;Billing;Charged twice this month, mail me at ann@example.com;03/04/2026;2;Pro\n" +
        "T-2;Sync;Android sync is slow since the update;05/04/2026;3;Free\n" +
        "T-3;Export;Love the new PDF export!;06/04/2026;5;Enterprise\n" +
        "T-4;Login;;07/04/2026;1;Pro\n",
    ),
  });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.waitForURL(/\/imports\//);
  await page.getByText("is it 3 April or March 4?").waitFor();
  await page.getByLabel(/Day\/month/).check();
  await page.getByText(/4 of 4 sample rows read/).waitFor();
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.screenshot({ path: path.join("e2e", "readme", "import-preview.png"), fullPage: false });

  // The feedback explorer with a search.
  await page.goto("/feedback?sort=rating_low");
  await page.getByRole("table").first().waitFor();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join("e2e", "readme", "feedback-explorer.png") });
});
