import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support";

const REVIEWS = [
  "id,review,rating,date",
  ...Array.from(
    { length: 1200 },
    (_, i) =>
      `${i + 1},"Review number ${i + 1}: ${i % 3 ? "love it" : "billing is a mess"}",${(i % 5) + 1},2026-0${(i % 9) + 1}-1${i % 9}`,
  ),
].join("\n");

test("importing a file shows its job appearing, progressing and finishing on the Jobs page, with the ML backend", async ({
  page,
}) => {
  await signUp(page, { name: "Jo Founder", email: uniqueEmail("jobs"), workspace: "Jobs Inc" });

  await page.goto("/jobs");
  await expect(page.getByRole("heading", { name: "No jobs have run yet" })).toBeVisible();
  // The worker inside the app reports the TensorFlow.js backend it chose.
  await expect(page.getByTestId("worker-backend")).toHaveText(/ML backend: (wasm|cpu|node|gpu)/, { timeout: 30_000 });

  await page.goto("/feedback/import");
  await page
    .getByLabel("File")
    .setInputFiles({ name: "reviews.csv", mimeType: "text/csv", buffer: Buffer.from(REVIEWS) });
  await page.getByRole("button", { name: "Import" }).click();

  await expect(page).toHaveURL(/\/jobs$/);
  const row = page.getByTestId("job-row").first();
  await expect(row).toContainText("Import");
  // Without a reload, the row reaches its end state.
  await expect(row).toHaveAttribute("data-state", "SUCCEEDED", { timeout: 30_000 });
  await expect(row.getByTestId("job-message")).toHaveText("1,200 new, 0 duplicates, 0 invalid");
  await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(row).toContainText("Jo Founder");

  await row.getByRole("link", { name: "View result" }).click();
  await expect(page.getByRole("heading", { name: "1,200 feedback items in this import" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Feedback items" }).getByRole("row")).toHaveCount(51);
  await expect(page.getByText("Showing the 50 most recent.")).toBeVisible();

  // Deleting the import removes its rows (after a confirmation).
  await page.goto("/feedback");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("form", { name: "Delete import reviews.csv" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("heading", { name: "No feedback imported yet" })).toBeVisible();

  // A file without a text column fails with a message saying why; it can be retried.
  await page.goto("/feedback/import");
  await page
    .getByLabel("File")
    .setInputFiles({ name: "numbers.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n") });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  const failed = page.locator('[data-testid="job-row"][data-state="FAILED"]');
  await expect(failed).toHaveCount(1, { timeout: 30_000 });
  await expect(failed.getByTestId("job-error")).toContainText("No text column found. The header row has: a, b");
  await expect(failed.getByRole("button", { name: "Retry" })).toBeVisible();

  await page.getByRole("radio", { name: /Failed/ }).click();
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await page.getByRole("radio", { name: /Succeeded/ }).click();
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await expect(page.getByTestId("job-row")).toHaveAttribute("data-state", "SUCCEEDED");
});
