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

  // Upload, check the preview, start: then the Jobs page follows the import.
  await page.goto("/feedback/import");
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "reviews.csv", mimeType: "text/csv", buffer: Buffer.from(REVIEWS) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/imports\//);
  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByTestId("import-status")).not.toHaveText(/Draft/);
  await page.goto("/jobs");
  // The import queues sentiment and theme jobs when it succeeds; this test follows the import.
  const row = page.getByTestId("job-row").filter({ hasText: "Import" }).first();
  // Without a reload, the row reaches its end state.
  await expect(row).toHaveAttribute("data-state", "SUCCEEDED", { timeout: 30_000 });
  await expect(row.getByTestId("job-message")).toHaveText("1,200 new, 0 duplicates, 0 invalid");
  await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(row).toContainText("Jo Founder");

  // The result: the import's counts, then on to its items.
  await row.getByRole("link", { name: "View result" }).click();
  await expect(page).toHaveURL(/\/imports\//);
  await expect(page.getByRole("group", { name: "Import counts" }).or(page.getByLabel("Import counts"))).toContainText(
    "1,200",
  );
  await page.getByRole("link", { name: "See the imported feedback" }).click();
  await expect(page.getByRole("heading", { name: "1,200 feedback items in this import" })).toBeVisible();

  // Deleting the import removes its rows (after a confirmation).
  await page.goto("/feedback");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("form", { name: "Delete import reviews.csv" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("heading", { name: "No feedback imported yet" })).toBeVisible();

  // A file without a text column, sent straight to the API (no preview to stop it), fails with a
  // message saying why; it can be retried.
  const upload = await page.request.post("/api/v1/imports/feedback?name=numbers.csv", {
    headers: { "content-type": "application/octet-stream" },
    data: Buffer.from("a,b\n1,2\n"),
  });
  expect(upload.status()).toBe(202);
  await page.goto("/jobs");
  const failed = page.locator('[data-testid="job-row"][data-state="FAILED"]');
  await expect(failed).toHaveCount(1, { timeout: 30_000 });
  await expect(failed.getByTestId("job-error")).toContainText(
    "No feedback text column found. The header row has: a, b",
  );
  await expect(failed.getByRole("button", { name: "Retry" })).toBeVisible();

  await page.getByRole("radio", { name: /Failed/ }).click();
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await page.getByRole("radio", { name: /Succeeded/ }).click();
  // The import and the sentiment and theme jobs it queued; nothing else.
  await expect(page.getByTestId("job-row").filter({ hasText: "Import" })).toHaveCount(1);
  await expect(page.locator('[data-testid="job-row"]:not([data-state="SUCCEEDED"])')).toHaveCount(0);
});
