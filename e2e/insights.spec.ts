/**
 * Sentiment and themes as users see them: a small import goes through the import, sentiment and
 * theme jobs; then the Feedback insights, the Overview KPIs and the /models card show the
 * figures the API reports (and those the file fixes: 120 items, NPS +25 from 12/6/6). A viewer sees
 * the same pages; the API answers signed-out callers 401 and a viewer's token 200.
 * Screenshots go to INSIGHTS_SHOTS (default /tmp/foresight-insights-shots).
 */
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createInvite, createToken, PASSWORD, signUp, uniqueEmail } from "./support";

const SHOTS = process.env.INSIGHTS_SHOTS ?? "/tmp/foresight-insights-shots";

/**
 * 120 items on six topics (each topic's two words in every one of its items, so the theme job can
 * find them), dated Jan 5 – Mar 29, 2026. The first items of each topic answer NPS: 12 promoters
 * (9–10), 6 passives (7–8), 6 detractors (0–6): NPS +25 from 24 answers; the rest have no rating.
 */
const NEG = ["terrible", "awful", "frustrating", "annoying"];
const POS = ["great", "excellent", "wonderful", "fantastic"];
const TOPICS: { templates: string[]; words: string[]; nps: number[] }[] = [
  {
    words: NEG,
    nps: [2, 0, 4],
    templates: [
      "Billing charged me twice and the invoice total is wrong, {w}",
      "The invoice from billing shows extra fees, {w}",
      "{w} billing: my invoice never matches the plan",
      "Billing sent another wrong invoice, {w} experience",
      "Why is the billing invoice so confusing? {w}",
    ],
  },
  {
    words: NEG,
    nps: [1, 6, 3],
    templates: [
      "I cannot login, the password reset is broken, {w}",
      "Login fails after the password change, {w}",
      "{w} login page keeps rejecting my password",
      "The password field on login is {w} on mobile",
      "Login locked me out and the password email never came, {w}",
    ],
  },
  {
    words: POS,
    nps: [10, 9, 10, 9],
    templates: [
      "The dashboard reports are {w}, clear and fast",
      "{w} dashboard, the weekly reports save me hours",
      "Our team loves the dashboard reports, {w} work",
      "Reports on the new dashboard look {w}",
      "The dashboard makes reports easy, {w}",
    ],
  },
  {
    words: POS,
    nps: [10, 9, 10, 9],
    templates: [
      "Search filters are {w}, results are spot on",
      "{w} search, the new filters find old tickets fast",
      "Search with saved filters is {w}",
      "The filters make search {w} to use",
      "Search results and filters feel {w} now",
    ],
  },
  {
    words: ["slow", "flaky", "so-so", "unreliable"],
    nps: [7, 8, 7, 8, 7, 8],
    templates: [
      "Offline sync is {w} on my tablet",
      "The sync after going offline is {w}",
      "Sync works but offline mode is {w}",
      "{w} offline sync, it loses changes sometimes",
      "Mobile sync is {w} when offline",
    ],
  },
  {
    words: POS,
    nps: [9, 10, 9, 10],
    templates: [
      "The support team was {w} and quick",
      "{w} support team, solved my problem in minutes",
      "Support team answered fast, {w} help",
      "Thanks to the {w} support team",
      "Our support team contact was {w}",
    ],
  },
];
const CHANNELS = ["Email", "Chat", "App Store"];
const SEGMENTS = ["SMB", "Enterprise", "Mid-market"];
const DAY = 24 * 60 * 60 * 1000;
const ROWS = Array.from({ length: 120 }, (_, i) => {
  const topic = TOPICS[i % 6]!;
  const n = Math.floor(i / 6); // 0…19 within the topic
  const template = topic.templates[n % 5]!;
  const word = topic.words[Math.floor(n / 5) % 4]!;
  const text = template.replace("{w}", word).replace(/^./, (c) => c.toUpperCase());
  const date = new Date(Date.UTC(2026, 0, 5) + ((i * 5) % 84) * DAY).toISOString().slice(0, 10);
  return {
    text,
    nps: topic.nps[n],
    date,
    channel: CHANNELS[(i + Math.floor(i / 6)) % 3]!,
    segment: SEGMENTS[Math.floor(i / 3) % 3]!,
  };
});
const CSV = [
  "id,text,nps,date,channel,segment",
  ...ROWS.map((r, i) => `${i + 1},"${r.text}",${r.nps ?? ""},${r.date},${r.channel},${r.segment}`),
].join("\n");
const FEBRUARY = ROWS.filter((r) => r.date.startsWith("2026-02")).length;

/** "+16.7", "−25", "0", as the pages print signed figures. */
function signed(v: number, digits = 1): string {
  const text = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }).format(Math.abs(v));
  if (Number(text) === 0) return text;
  return `${v > 0 ? "+" : "−"}${text}`;
}

async function jobState(page: Page, kind: string): Promise<string | undefined> {
  const { jobs } = await (await page.request.get(`/api/v1/jobs?kind=${kind}`)).json();
  const job = jobs?.[0];
  if (job?.state === "FAILED") throw new Error(`${kind} job failed: ${job.error}`);
  return job?.state;
}

/** Imports the CSV through the API and waits for the import, sentiment and theme jobs. */
async function importAndAnalyse(page: Page) {
  const res = await page.request.post("/api/v1/imports/feedback", {
    multipart: { file: { name: "nps-survey.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) } },
  });
  expect(res.status()).toBe(202);
  for (const kind of ["IMPORT", "SENTIMENT", "THEMES"]) {
    await expect.poll(() => jobState(page, kind), { timeout: 90_000, intervals: [500, 1000] }).toBe("SUCCEEDED");
  }
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  await page.reload();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}-dark.png`), fullPage: true });
  await page.evaluate(() => localStorage.setItem("theme", "light"));
  await page.reload();
}

test("insights, overview and the model card show what the sentiment and theme jobs found", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUp(page, { name: "Ines Insight", email: uniqueEmail("insights"), workspace: "Insight Labs" });

  // Before any import: the insights tab invites one.
  await page.goto("/feedback/insights");
  await expect(page.getByRole("heading", { name: "No feedback imported yet" })).toBeVisible();

  await importAndAnalyse(page);
  const api = await (await page.request.get("/api/v1/insights/feedback")).json();
  const s = api.summary;
  expect(s).toMatchObject({ items: 120, scored: 120 });
  expect(s.negative + s.neutral + s.positive).toBe(120);
  expect(api.nps).toEqual({ score: 25, responses: 24, promoters: 12, passives: 6, detractors: 6 });

  // Feedback → Insights.
  await page.goto("/feedback/insights");
  const tabs = page.getByRole("navigation", { name: "Feedback views" });
  await expect(tabs.getByRole("link", { name: "Insights" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("kpi-items")).toContainText("120 scored for sentiment (100%)");
  await expect(page.getByTestId("kpi-net-sentiment")).toContainText(signed(s.netSentiment));
  await expect(page.getByTestId("kpi-mean-score")).toContainText(signed(s.meanScore, 2));
  await expect(page.getByTestId("kpi-nps")).toContainText("+25");
  await expect(page.getByTestId("nps")).toContainText("NPS from 24 answers");
  // The chart is drawn in the sentiment colours, not Tremor's grey fallback.
  const months = api.overTime.length;
  expect(months).toBe(3);
  const stroke = await page
    .locator(".recharts-area-curve")
    .first()
    .evaluate((el) => getComputedStyle(el).stroke);
  expect(["rgb(244, 63, 94)", "rgb(100, 116, 139)", "rgb(16, 185, 129)"]).toContain(stroke);
  await expect(page.getByTestId("chart-summary")).toContainText("3 months from Jan 2026 to Mar 2026");

  // Pain points and delighters link to their themes.
  for (const [name, list] of [
    ["Top pain points", api.painPoints],
    ["Top delighters", api.delighters],
  ] as const) {
    if (!list.length) continue;
    const first = page.getByRole("list", { name }).getByRole("link").first();
    await expect(first).toHaveAttribute("href", `/themes/${list[0].themeId}`);
    await expect(first).toContainText(list[0].label);
  }
  expect(api.painPoints.length + api.delighters.length).toBeGreaterThan(0);

  await shoot(page, "feedback-insights");

  // Week view: the toggle is a link; the table lists weeks.
  await page.getByRole("group", { name: "Group by" }).getByRole("link", { name: "By week" }).click();
  await expect(page).toHaveURL(/\/feedback\/insights\?interval=week$/);
  await page.getByText("Show the figures as a table").click();
  await expect(page.getByRole("table", { name: "Scored feedback per week" })).toContainText("Week of Jan 5, 2026");

  // A period: February only.
  await page.getByLabel("From", { exact: true }).fill("2026-02-01");
  await page.getByLabel("To", { exact: true }).fill("2026-02-28");
  await page.getByRole("button", { name: "Show period" }).click();
  await expect(page).toHaveURL(/interval=week&from=2026-02-01&to=2026-02-28/);
  await expect(page.getByTestId("kpi-items")).toContainText(`${FEBRUARY} scored for sentiment (100%)`);
  await page.goto("/feedback/insights?from=2026-02-30");
  await expect(page.getByText("Part of this address could not be used")).toBeVisible();

  // A breakdown's count opens the explorer filtered the same way.
  const channel = api.byChannel[0];
  const key = (["negative", "neutral", "positive"] as const).find((k) => channel[k] > 0)!;
  await page.goto("/feedback/insights");
  await page
    .getByRole("table", { name: "Sentiment by channel" })
    .getByRole("link", { name: `${channel[key]} ${key} from ${channel.value}`, exact: true })
    .click();
  const query = new URLSearchParams({ channel: channel.value, sentiment: key.toUpperCase() }).toString();
  await expect(page).toHaveURL(new RegExp(`/feedback\\?${query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await expect(page.locator("#results-heading")).toHaveText(
    `${channel[key]} feedback item${channel[key] === 1 ? "" : "s"}`,
  );
  await expect(
    page.getByRole("navigation", { name: "Feedback views" }).getByRole("link", { name: "Explore" }),
  ).toHaveAttribute("aria-current", "page");

  // Overview.
  await page.goto("/overview");
  await expect(page.getByTestId("kpi-items")).toContainText("120 scored for sentiment");
  await expect(page.getByTestId("kpi-net-sentiment")).toContainText(signed(s.netSentiment));
  await expect(page.getByTestId("kpi-nps")).toContainText("+25");
  if (api.painPoints.length) {
    await expect(page.getByRole("list", { name: "Top pain points" }).getByRole("listitem")).toHaveCount(
      Math.min(5, api.painPoints.length),
    );
  }
  await shoot(page, "overview");

  // The model card.
  const card = await (await page.request.get("/api/v1/models/sentiment")).json();
  expect(card.inUse.isBase).toBe(true);
  expect(card.ratedItems).toBe(24);
  expect(card.scoredBy).toEqual([{ versionId: card.inUse.id, items: 120 }]);
  await page.goto("/models");
  await expect(page.getByRole("heading", { name: "Sentiment model", level: 2 })).toBeVisible();
  await expect(page.getByTestId("model-in-use")).toContainText(`Base model v${card.inUse.version}`);
  await expect(page.getByTestId("model-in-use")).toContainText("Items it scored here120");
  await expect(page.getByTestId("rated-items")).toHaveText("24");
  await expect(page.getByTestId("why-in-use")).toContainText("once it has 200 rated items");
  await expect(page.getByText("No adaptation has been tried in this workspace yet.")).toBeVisible();
  const history = page.getByRole("table", { name: "Sentiment model versions, newest first" });
  await expect(
    history.getByRole("row", { name: new RegExp(`Base model v${card.inUse.version}.*In use.*120`) }),
  ).toBeVisible();
  // Whatever evaluation the training stored is shown with its figures.
  if (JSON.stringify(card.base.metrics).includes('"accuracy"')) {
    await expect(page.getByText("Accuracy").first()).toBeVisible();
    await expect(page.getByRole("table", { name: /Confusion matrix/ }).first()).toBeVisible();
  }
  await shoot(page, "models");

  // A viewer sees the same figures, without the import button.
  const viewerEmail = uniqueEmail("insight-viewer");
  const link = await createInvite(page, viewerEmail, "Viewer");
  const viewerToken = await createToken(page, "insights viewer", "Viewer");
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(link);
  await viewer.getByRole("link", { name: "Create an account and join" }).click();
  await viewer.getByLabel("Name", { exact: true }).fill("Vera Viewer");
  await viewer.getByLabel("Password").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Create account" }).click();
  await expect(viewer).toHaveURL(/\/overview$/);
  await expect(viewer.getByTestId("kpi-items")).toContainText("120 scored");
  await viewer.goto("/feedback/insights");
  await expect(viewer.getByTestId("kpi-nps")).toContainText("+25");
  await expect(viewer.getByRole("link", { name: "Import feedback" })).toHaveCount(0);
  await viewer.goto("/models");
  await expect(viewer.getByTestId("rated-items")).toHaveText("24");

  // The API: a token (here a viewer's) or a session; nothing for a stranger.
  const anon = await playwright.request.newContext({ baseURL });
  for (const url of ["/api/v1/insights/feedback", "/api/v1/models/sentiment"]) {
    expect((await anon.get(url)).status()).toBe(401);
    const res = await anon.get(url, { headers: { authorization: `Bearer ${viewerToken}` } });
    expect(res.status()).toBe(200);
  }
  const byWeek = await (
    await anon.get("/api/v1/insights/feedback?interval=week&from=2026-02-01&to=2026-02-28", {
      headers: { authorization: `Bearer ${viewerToken}` },
    })
  ).json();
  expect(byWeek.summary.items).toBe(FEBRUARY);
  expect(byWeek.overTime.every((p: { period: string }) => p.period >= "2026-01-26")).toBe(true);
  expect(
    (
      await anon.get("/api/v1/insights/feedback?interval=day", { headers: { authorization: `Bearer ${viewerToken}` } })
    ).status(),
  ).toBe(400);
  await anon.dispose();
});
