/**
 * Themes and sentiment in a browser: a small import about three topics (billing, login, dark
 * mode) with mixed feelings; once the SENTIMENT and THEMES jobs have run, the Themes page lists
 * what was found, a theme is renamed, a theme is added from keywords (and gets its items from
 * the job it queues), a theme's page shows its trend and leads to its items in the explorer, and
 * an item shows its sentiment, the phrases behind it and its themes. A viewer sees no edit controls.
 * Set THEMES_SHOTS=/some/dir to also save screenshots of the pages (light and dark).
 */
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createInvite, PASSWORD, signUp, uniqueEmail } from "./support";

const TOPICS: Record<string, { negative: string[]; positive: string[] }> = {
  billing: {
    negative: [
      "I was charged twice on my invoice this month",
      "The billing page shows the wrong invoice amount",
      "Refund the double charge on my invoice please",
      "Invoice totals are wrong and billing support is slow",
      "Why was my card charged twice for one invoice?",
      "Billing is a mess, the invoice was wrong again",
      "Terrible billing, charged twice and no refund",
    ],
    positive: [
      "Billing is simple and the invoice is clear",
      "Love how easy the invoice download is",
      "Great billing page, the invoice matches every time",
    ],
  },
  login: {
    negative: [
      "I cannot log in since the password reset",
      "The password reset email never arrives so I cannot log in",
      "Login fails after I reset my password",
      "Stuck on the login screen, password reset does nothing",
      "Two factor login keeps rejecting my password",
      "Awful login experience, the password reset is broken",
    ],
    positive: [
      "The new password reset is quick and easy",
      "Love the fast login with my password manager",
      "Login with my password works great now",
    ],
  },
  darkMode: {
    negative: [
      "Please add a dark mode, the white screen hurts at night",
      "The app is painful without a dark mode at night",
      "Dark mode has terrible contrast and is hard to read",
      "No dark mode yet, my eyes hurt in the evening",
    ],
    positive: [
      "The new dark mode looks beautiful",
      "Dark mode is great, thank you",
      "Would love a dark mode option for night use, great app otherwise",
      "Dark mode makes the app easier on the eyes, love it",
    ],
  },
};
const PREFIXES = ["", "Honestly, ", "Again: "];

/** About 60 rows: 20 per topic, negative and positive mixed, dated over four months. */
function feedbackCsv(): string {
  const rows = ["id,review,rating,date,channel"];
  let id = 0;
  for (const { negative, positive } of Object.values(TOPICS)) {
    const texts = [...negative.map((t) => [t, 1] as const), ...positive.map((t) => [t, 5] as const)];
    for (let i = 0; i < 20; i++) {
      const [text, rating] = texts[i % texts.length]!;
      const prefix = PREFIXES[Math.floor(i / texts.length)]!;
      const body = prefix ? `${prefix}${text[0]!.toLowerCase()}${text.slice(1)}` : text;
      const month = 1 + (id % 4);
      rows.push(`${++id},"${body}",${rating},2026-0${month}-${10 + (id % 15)},${id % 2 ? "Email" : "App Store"}`);
    }
  }
  return rows.join("\n");
}

type JobRow = { id: string; kind: string; state: string };

/** Waits until every job of these kinds has finished, and at least one of each succeeded. */
async function waitForJobs(page: Page, kinds: string[], timeout = 120_000) {
  await expect
    .poll(
      async () => {
        const { jobs } = (await (await page.request.get("/api/v1/jobs?limit=200")).json()) as { jobs: JobRow[] };
        const failed = jobs.find((j) => kinds.includes(j.kind) && j.state === "FAILED");
        if (failed) throw new Error(`${failed.kind} job ${failed.id} failed`);
        return kinds.every(
          (k) =>
            jobs.some((j) => j.kind === k && j.state === "SUCCEEDED") &&
            !jobs.some((j) => j.kind === k && (j.state === "QUEUED" || j.state === "RUNNING")),
        );
      },
      { timeout, intervals: [1000] },
    )
    .toBe(true);
}

/** Light and dark screenshots of the current page when THEMES_SHOTS is set. */
async function shot(page: Page, name: string) {
  const dir = process.env.THEMES_SHOTS;
  if (!dir) return;
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  await page.reload();
  await page.screenshot({ path: path.join(dir, `${name}-dark.png`), fullPage: true });
  await page.evaluate(() => localStorage.setItem("theme", "light"));
  await page.reload();
}

const cards = (page: Page) => page.getByTestId("theme-card");
const card = (page: Page, label: string) =>
  cards(page).filter({ has: page.getByRole("heading", { name: label, exact: true }) });

test("themes and sentiment: list, rename, add from keywords, a theme's page, an item's sentiment", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await signUp(page, { name: "Tia Themes", email: uniqueEmail("themes"), workspace: "Themes Inc" });

  // Before any feedback: the page leads to an import.
  await page.goto("/themes");
  await expect(page.getByRole("heading", { name: "No feedback to find themes in yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import feedback" })).toHaveAttribute("href", "/feedback/import");

  const res = await page.request.post("/api/v1/imports/feedback", {
    multipart: { file: { name: "topics.csv", mimeType: "text/csv", buffer: Buffer.from(feedbackCsv()) } },
  });
  expect(res.status()).toBe(202);
  await waitForJobs(page, ["IMPORT", "SENTIMENT", "THEMES"]);

  // The themes found, largest first, each with its size, sentiment, keywords and a link to its items.
  await page.goto("/themes");
  await expect(cards(page).first()).toBeVisible();
  // How many themes discovery finds in 60 items is its own business; two topics at least.
  expect(await cards(page).count()).toBeGreaterThanOrEqual(2);
  const sizes = await page.getByTestId("theme-size").allInnerTexts();
  const numbers = sizes.map((s) => Number(s.replace(/\D/g, "")));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  const billing = cards(page)
    .filter({ has: page.getByRole("list", { name: /^Keywords of/ }).getByText(/invoice|charged|billing/i) })
    .first();
  await expect(billing).toBeVisible();
  await expect(billing.getByTestId("theme-sentiment")).toContainText(/\d+ negative · \d+ positive/);
  await expect(
    cards(page)
      .filter({ has: page.getByRole("list", { name: /^Keywords of/ }).getByText(/log|password/i) })
      .first(),
  ).toBeVisible();

  // Rename the billing theme.
  const billingId = await billing.getAttribute("data-theme-id");
  await billing.locator("summary", { hasText: "Edit" }).click();
  const rename = billing.getByRole("form", { name: /^Rename theme/ });
  await rename.getByLabel("Name").fill("Billing woes");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText("Renamed to “Billing woes”.")).toBeVisible();
  await expect(card(page, "Billing woes")).toBeVisible();
  await expect(card(page, "Billing woes")).toHaveAttribute("data-theme-id", billingId!);

  // Add a theme from keywords: it says a job was queued, then the job gives it items.
  const add = page.getByRole("form", { name: "Add a theme" });
  await add.getByLabel("Name").fill("Password trouble");
  await add.getByLabel("Keywords").fill("password, reset");
  await add.getByRole("button", { name: "Add theme" }).click();
  await expect(page.getByText(/Theme “Password trouble” added\. The theme job is finding its items/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Follow it on the Jobs page" }).first()).toHaveAttribute("href", "/jobs");
  await expect(card(page, "Password trouble")).toBeVisible();
  // The same name twice is refused, with the reason.
  await add.getByLabel("Name").fill("password TROUBLE");
  await add.getByLabel("Keywords").fill("pw");
  await add.getByRole("button", { name: "Add theme" }).click();
  await expect(page.getByText("A theme named “password TROUBLE” already exists.")).toBeVisible();
  await waitForJobs(page, ["THEMES"]);
  await page.reload();
  await expect(card(page, "Password trouble").getByTestId("theme-size")).not.toHaveText("0 items");
  await shot(page, "themes");

  // A theme's page: trend chart, and all its items in the explorer, filtered by the theme.
  await card(page, "Billing woes").getByRole("link", { name: "Billing woes", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/themes/${billingId}$`));
  await expect(page.getByRole("heading", { name: "Billing woes", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Trend by month" })).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("chart-summary")).toContainText("Items about Billing woes per month");
  await shot(page, "theme-detail");
  await page.getByRole("link", { name: "View all items" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/feedback\\?theme=${billingId}$`));
  const chips = page.getByRole("list", { name: "Active filters" });
  await expect(chips).toContainText("Theme: Billing woes");
  await expect(page.locator("#results-heading")).toContainText("about “Billing woes”");
  const rows = page.getByTestId("feedback-row");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toMatch(/invoice|charge|billing|refund/i);

  // An item: its sentiment, the phrases that pushed it, sentence by sentence, and its themes.
  await rows
    .filter({ hasText: "Terrible billing, charged twice and no refund" })
    .first()
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Feedback item", level: 1 })).toBeVisible();
  await expect(page.getByTestId("item-sentiment")).toContainText("Negative");
  await expect(page.getByTestId("item-sentiment")).toContainText(/\d+% confidence/);
  const text = page.getByTestId("feedback-text");
  await expect(text.getByTestId("highlight-negative").first()).toBeVisible();
  await expect(text.getByTestId("highlight-negative").first()).toHaveAttribute("title", "This phrase pushed negative");
  await expect(page.getByTestId("sentence-list").getByRole("listitem").first()).toBeVisible();
  await shot(page, "item");
  const themeChip = page.getByTestId("item-theme").filter({ hasText: "Billing woes" });
  await expect(themeChip).toContainText(/negative|positive|neutral/);
  await themeChip.click();
  await expect(page).toHaveURL(new RegExp(`/themes/${billingId}$`));

  // Removing the theme filter widens the explorer again.
  await page.goto(`/feedback?theme=${billingId}`);
  await page.getByRole("link", { name: "Remove filter Theme: Billing woes" }).click();
  await expect(page).toHaveURL(/\/feedback$/);

  // Delete the added theme (after confirming): the page says so.
  await page.goto("/themes");
  const added = card(page, "Password trouble");
  await added.locator("summary", { hasText: "Edit" }).click();
  page.once("dialog", (d) => void d.accept());
  await added.getByRole("button", { name: "Delete theme" }).click();
  await expect(page.getByTestId("theme-notice")).toContainText("Theme deleted.");
  await expect(card(page, "Password trouble")).toHaveCount(0);

  // A viewer reads themes but sees no edit controls.
  const link = await createInvite(page, uniqueEmail("theme-viewer"), "Viewer");
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(link);
  await viewer.getByRole("link", { name: "Create an account and join" }).click();
  await viewer.getByLabel("Name", { exact: true }).fill("Vic Viewer");
  await viewer.getByLabel("Password").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Create account" }).click();
  await expect(viewer).toHaveURL(/\/overview$/);
  await viewer.goto("/themes");
  await expect(card(viewer, "Billing woes")).toBeVisible();
  await expect(viewer.locator("summary", { hasText: "Edit" })).toHaveCount(0);
  await expect(viewer.getByRole("form", { name: "Add a theme" })).toHaveCount(0);
  await viewer.context().close();
});
