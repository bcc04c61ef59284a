/**
 * The Market page: the empty state, who may see what, and (once market data can be imported
 * through the API) series cards with charts, market size, a series' own page, dark mode.
 */
import { expect, test } from "@playwright/test";
import { importMarketCsv, marketCsv, monthlyPoints } from "./market-support";
import { createInvite, PASSWORD, signUp, uniqueEmail } from "./support";

test("an empty workspace shows the empty state, and the market API lists nothing", async ({ page }) => {
  await signUp(page, { name: "Eve Empty", email: uniqueEmail("market-empty"), workspace: "Empty Market Co" });
  await page.goto("/market");
  await expect(page.getByRole("heading", { level: 1, name: "Market" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No market data yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import market data" })).toHaveAttribute("href", "/market/import");
  await expect(page.getByTestId("series-card")).toHaveCount(0);

  const list = await page.request.get("/api/v1/market/series");
  expect(list.status()).toBe(200);
  expect(await list.json()).toEqual({ series: [] });

  const missing = await page.request.get("/api/v1/market/series/no-such-series");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("not_found");

  const missingPage = await page.goto("/market/no-such-series");
  expect(missingPage?.status()).toBe(404);
});

test("signed-out visitors are sent to sign in and refused by the API", async ({ browser, playwright, baseURL }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/market");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/market/some-id");
  await expect(page).toHaveURL(/\/login/);
  await page.context().close();

  const anon = await playwright.request.newContext({ baseURL });
  expect((await anon.get("/api/v1/market/series")).status()).toBe(401);
  expect((await anon.get("/api/v1/market/series/some-id")).status()).toBe(401);
  await anon.dispose();
});

const DEMAND = Array.from({ length: 18 }, (_, i) => 100 + 5 * i); // Jan 2024 … Jun 2025, last 185

test("series are charted by kind with their changes; a series has its own page; market size; dark mode; viewers", async ({
  page,
  browser,
}) => {
  await signUp(page, { name: "Mia Market", email: uniqueEmail("market"), workspace: "Market Watch" });
  await importMarketCsv(
    page.request,
    marketCsv([
      { name: "Category demand", kind: "DEMAND", unit: "units", points: monthlyPoints("2024-01", DEMAND) },
      { name: "Our price", kind: "PRICE", unit: "USD", points: monthlyPoints("2025-01", [49, 49, 49, 59, 59, 59]) },
      {
        name: "Acme price",
        kind: "COMPETITOR_PRICE",
        unit: "USD",
        points: monthlyPoints("2025-01", [45, 45, 39, 39, 42, 42]),
      },
      {
        name: "Our share",
        kind: "MARKET_SHARE",
        unit: "%",
        points: monthlyPoints("2025-01", [2, 2.4, 2.9, 3.1, 3.4, 3.2]),
      },
    ]),
  );
  await importMarketCsv(
    page.request,
    [
      "level,year,value,currency,source",
      "TAM,2024,10000000000,USD,Analyst report 2024",
      "TAM,2025,12500000000,USD,Analyst report 2025",
      "SAM,2025,2500000000,USD,Own analysis",
      "SOM,2025,50000000,USD,Own analysis",
    ].join("\n") + "\n",
  );

  await page.goto("/market");
  await expect(page.getByRole("link", { name: "Import market data" })).toHaveAttribute("href", "/market/import");

  // Market size: latest year of each level, its source and its change from the year before.
  const sizes = page.getByRole("region", { name: "Market size" });
  const sizeCard = (level: string) =>
    sizes
      .getByTestId("market-size-card")
      .filter({ has: page.getByRole("heading", { name: new RegExp(`^${level} `) }) });
  const tam = sizeCard("TAM");
  await expect(tam).toContainText("$12.5B");
  await expect(tam).toContainText("2025 · Source: Analyst report 2025");
  await expect(tam.getByTestId("change-chip")).toHaveText(/Up\s*\+25%\s*vs 2024/);
  await expect(sizeCard("SAM")).toContainText("20% of TAM");

  // Series grouped by kind, each with its latest value, changes and a described chart.
  for (const heading of ["Demand", "Prices & competitor prices", "Market share"]) {
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${heading}`) })).toBeVisible();
  }
  const demand = page.getByRole("article", { name: "Category demand" });
  await expect(demand.getByTestId("series-latest")).toHaveText("185 units");
  await expect(demand).toContainText("Monthly");
  await expect(demand.getByTestId("change-chip").nth(0)).toHaveText(/Up\s*\+2\.8%\s*vs May 2025/);
  await expect(demand.getByTestId("change-chip").nth(1)).toHaveText(/Up\s*\+48%\s*vs Jun 2024/);
  await expect(demand.getByTestId("chart-summary")).toHaveText(
    /Category demand: 18 monthly points from Jan 2024 to Jun 2025, ranging from 100 units .* latest 185 units in Jun 2025/,
  );
  await expect(page.getByRole("article", { name: "Acme price" }).getByTestId("series-latest")).toHaveText("$42.00");
  await expect(page.getByRole("article", { name: "Our share" }).getByTestId("series-latest")).toHaveText("3.2%");
  await expect(page.getByText("Prices compared (USD)")).toBeVisible();

  // Charts are drawn in colour (the Tailwind safelist), not Tremor's grey fallback.
  const stroke = await demand
    .locator(".recharts-area-curve")
    .first()
    .evaluate((el) => getComputedStyle(el).stroke);
  expect(stroke).toBe("rgb(99, 102, 241)"); // indigo-500

  // A series' own page: full chart, statistics and every point.
  await demand.getByRole("link", { name: "Category demand" }).click();
  await expect(page).toHaveURL(/\/market\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Category demand" })).toBeVisible();
  await expect(page.getByText("Change vs a year earlier")).toBeVisible();
  const table = page.getByRole("table", { name: "Data points of Category demand" });
  await expect(table.getByRole("row")).toHaveCount(19);
  await expect(table.getByRole("row").nth(1)).toContainText("Jun 2025");
  await expect(table.getByRole("row").nth(1)).toContainText("185 units");
  const apiId = page.url().split("/").pop()!;
  const detail = await (await page.request.get(`/api/v1/market/series/${apiId}`)).json();
  expect(detail.series.points).toHaveLength(18);

  // Dark mode.
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByRole("table", { name: "Data points of Category demand" })).toBeVisible();
  await page.evaluate(() => localStorage.setItem("theme", "light"));

  // A viewer reads everything but is not offered the import.
  const viewerEmail = uniqueEmail("market-viewer");
  const link = await createInvite(page, viewerEmail, "Viewer");
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(link);
  await viewer.getByRole("link", { name: "Create an account and join" }).click();
  await viewer.getByLabel("Name", { exact: true }).fill("Val Viewer");
  await viewer.getByLabel("Password").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Create account" }).click();
  await expect(viewer).toHaveURL(/\/overview$/);
  await viewer.goto("/market");
  await expect(viewer.getByRole("article", { name: "Category demand" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Import market data" })).toHaveCount(0);
  await viewer.context().close();
});
