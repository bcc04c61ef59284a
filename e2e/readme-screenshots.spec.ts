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
});
