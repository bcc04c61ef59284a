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
    await page.goto("/feedback/import");
    await page.getByLabel("File").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
    await page.getByRole("button", { name: "Import" }).click();
    await page.waitForURL(/\/jobs$/);
  }
  await page.locator('[data-testid="job-row"][data-state="FAILED"]').waitFor();
  await page.locator('[data-testid="job-row"][data-state="SUCCEEDED"]').waitFor();
  await page
    .getByTestId("worker-backend")
    .getByText(/ML backend: \w+/)
    .waitFor();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join("e2e", "readme", "jobs.png") });
});
