/**
 * The Feedback explorer in a browser: a small import, then search (with highlighted matches and
 * text shown as text), filters, sort, an item's detail page, and Back returning to the same view.
 */
import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./support";

const CSV = [
  "id,review,rating,date,channel,segment,product_area,os",
  '1,"The app crashes every time I log in",1,2026-03-01,App Store,SMB,Mobile,ios',
  '2,"Crash on login again, <b>please</b> fix",2,2026-03-02,App Store,SMB,Mobile,android',
  '3,"Billing page shows the wrong invoice total",3,2026-02-15,Email,Enterprise,Billing,web',
  '4,"Love the new dashboard, export works great",5,2026-02-01,Survey,Enterprise,Reporting,web',
  '5,"I cannot log in since the update",1,2026-01-10,Chat,SMB,Mobile,ios',
  '6,"Search is fast and reliable",4,2026-01-05,Survey,Mid-market,Search,web',
].join("\n");

/** Imports the CSV through the API with the page's session and waits for its job to finish. */
async function importFeedback(page: Page) {
  const res = await page.request.post("/api/v1/imports/feedback", {
    multipart: { file: { name: "explorer.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) } },
  });
  expect(res.status()).toBe(202);
  const { jobId } = await res.json();
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/jobs/${jobId}`)).json()).job?.state, {
      timeout: 30_000,
    })
    .toBe("SUCCEEDED");
}

const results = (page: Page) => page.getByRole("table", { name: "Feedback items" });
const heading = (page: Page) => page.locator("#results-heading");

test("search, filter, sort, open an item and come back to the same results", async ({ page }) => {
  await signUp(page, { name: "Eve Explorer", email: uniqueEmail("explorer"), workspace: "Explorer Inc" });
  await importFeedback(page);

  await page.goto("/feedback");
  await expect(heading(page)).toHaveText("6 feedback items");
  await expect(results(page).getByRole("row")).toHaveCount(7);
  // Newest first by default; stars shown as stars.
  await expect(page.getByTestId("feedback-row").first()).toContainText("Crash on login again");
  await expect(page.getByRole("img", { name: "2 of 5 stars" })).toBeVisible();

  // Search: words match as prefixes ("crash" finds "crashes"); matches are marked.
  await page.getByLabel("Search feedback").fill("crash");
  await page.getByLabel("Search feedback").press("Enter");
  await expect(page).toHaveURL(/\/feedback\?q=crash$/);
  await expect(heading(page)).toHaveText("2 feedback items for “crash”");
  await expect(results(page).locator("mark")).toHaveCount(2);
  expect((await results(page).locator("mark").allInnerTexts()).sort()).toEqual(["Crash", "crashes"]);
  // Text that looks like HTML is shown as text.
  await expect(results(page).getByText("<b>please</b>", { exact: false })).toBeVisible();
  await expect(results(page).locator("b")).toHaveCount(0);

  // A search that finds nothing leads back.
  await page.getByLabel("Search feedback").fill("zebra");
  await page.getByLabel("Search feedback").press("Enter");
  await expect(page.getByRole("heading", { name: "No feedback matches" })).toBeVisible();
  await page.getByRole("link", { name: "Clear search and filters" }).click();
  await expect(heading(page)).toHaveText("6 feedback items");

  // Words, then filters: channel and rating; then sort.
  await page.getByLabel("Search feedback").fill("log");
  await page.getByLabel("Search feedback").press("Enter");
  await expect(heading(page)).toHaveText("3 feedback items for “log”");
  await page.getByText("Filters", { exact: true }).click();
  await page.getByRole("checkbox", { name: "App Store" }).check();
  await page.getByLabel("Rating", { exact: true }).selectOption({ label: "★ 1–2 stars" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(heading(page)).toHaveText("2 feedback items for “log”");
  await expect(page).toHaveURL(/channel=App\+Store/);
  await expect(page).toHaveURL(/ratingScale=STARS_5&ratingMin=1&ratingMax=2/);
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Channel: App Store");
  await page.getByLabel("Sort by").selectOption("oldest");
  await expect(page).toHaveURL(/sort=oldest/);
  await expect(page.getByTestId("feedback-row")).toHaveCount(2);
  await expect(page.getByTestId("feedback-row").first()).toContainText("The app crashes every time I log in");
  const filteredUrl = page.url();

  // The detail page: full text, every field, the file's other columns, the import.
  await page.getByRole("link", { name: /The app crashes every time I log in/ }).click();
  await expect(page).toHaveURL(/\/feedback\/[^/?]+\?back=/);
  await expect(page.getByRole("heading", { name: "Feedback item", level: 1 })).toBeVisible();
  await expect(page.getByTestId("feedback-text")).toHaveText("The app crashes every time I log in");
  await expect(page.getByTestId("feedback-text").locator("mark")).toHaveText(["log"]);
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("App Store");
  await expect(details).toContainText("SMB");
  await expect(details).toContainText("Mobile");
  await expect(details.getByRole("img", { name: "1 of 5 stars" })).toBeVisible();
  await expect(details.getByRole("link", { name: "explorer.csv" })).toBeVisible();
  await expect(page.getByRole("row", { name: "os ios" })).toBeVisible();
  // Scored or not yet, depending on whether the sentiment job has run.
  await expect(page.getByText("Not scored yet.").or(page.getByTestId("item-sentiment"))).toBeVisible();

  // Back (the browser's, and the page's link) returns to the same filtered, sorted view.
  await page.goBack();
  await expect(page).toHaveURL(filteredUrl);
  await expect(heading(page)).toHaveText("2 feedback items for “log”");
  await expect(page.getByLabel("Search feedback")).toHaveValue("log");
  await expect(page.getByRole("checkbox", { name: "App Store" })).toBeChecked();
  await expect(page.getByLabel("Sort by")).toHaveValue("oldest");
  await page.getByRole("link", { name: /The app crashes every time I log in/ }).click();
  await page.getByRole("link", { name: "Back to results" }).click();
  await expect(page).toHaveURL(filteredUrl);
  await expect(page.getByTestId("feedback-row").first()).toContainText("The app crashes every time I log in");

  // Removing a filter chip widens the view again.
  await page.getByRole("link", { name: "Remove filter Channel: App Store" }).click();
  await expect(heading(page)).toHaveText("3 feedback items for “log”");

  // An id that is not this workspace's is simply not found.
  const missing = await page.goto("/feedback/not-an-item");
  expect(missing?.status()).toBe(404);
});

test("a view is a URL: opening it shows the same results, and the API answers the same query", async ({ page }) => {
  await signUp(page, { name: "Sam Share", email: uniqueEmail("share"), workspace: "Share Inc" });
  await importFeedback(page);
  await page.goto("/feedback?segment=Enterprise&sort=rating_high");
  await expect(heading(page)).toHaveText("2 feedback items");
  await expect(page.getByTestId("feedback-row").first()).toContainText("Love the new dashboard");
  await expect(page.getByLabel("Segment", { exact: true })).toHaveValue("Enterprise");

  const api = await (await page.request.get("/api/v1/feedback?segment=Enterprise&sort=rating_high")).json();
  expect(api.count).toEqual({ kind: "exact", value: 2 });
  expect(api.items.map((i: { snippet: { text: string }[] }) => i.snippet.map((s) => s.text).join(""))).toEqual([
    "Love the new dashboard, export works great",
    "Billing page shows the wrong invoice total",
  ]);
  const one = await (await page.request.get(`/api/v1/feedback/${api.items[0].id}`)).json();
  expect(one.item).toMatchObject({ segment: "Enterprise", attributes: [{ key: "os", value: "web" }] });
  expect((await page.request.get("/api/v1/feedback?ratingMin=5")).status()).toBe(400);
});
