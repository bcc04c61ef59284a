import { expect, test } from "@playwright/test";
import {
  createInvite,
  createToken,
  currentWorkspace,
  PASSWORD,
  signIn,
  signOut,
  signUp,
  switchTo,
  uniqueEmail,
} from "./support";

test("a founder signs up, signs out and in, invites a viewer who joins, and manages API tokens", async ({
  browser,
  page,
  request,
}) => {
  const founder = uniqueEmail("founder");
  await signUp(page, { name: "Ada Founder", email: founder, workspace: "Acme Insights" });
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(currentWorkspace(page)).toHaveText(/Acme Insights/);

  await signOut(page);
  await signIn(page, founder, "not-the-password");
  await expect(page.getByText("Wrong e-mail or password")).toBeVisible();
  await signIn(page, founder);
  await expect(page).toHaveURL(/\/overview$/);

  // Invite a teammate as viewer; they sign up through the link.
  const viewerEmail = uniqueEmail("viewer");
  const link = await createInvite(page, viewerEmail, "Viewer");
  await expect(page.getByRole("region", { name: "Invite teammates" })).toContainText(viewerEmail);

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(link);
  await expect(viewer.getByRole("heading", { name: "Join Acme Insights" })).toBeVisible();
  await viewer.getByRole("link", { name: "Create an account and join" }).click();
  await expect(viewer.getByLabel("E-mail")).toHaveValue(viewerEmail);
  await viewer.getByLabel("Name", { exact: true }).fill("Vic Viewer");
  await viewer.getByLabel("Password").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Create account" }).click();
  await expect(viewer).toHaveURL(/\/overview$/);
  await expect(currentWorkspace(viewer)).toHaveText(/Acme Insights.*Viewer/);

  // The link works once.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(link);
  await expect(stranger.getByText(/already been used/)).toBeVisible();

  // The viewer reads but cannot reach admin actions.
  await viewer.goto("/settings");
  await expect(viewer.getByRole("region", { name: "Members" })).toContainText("Ada Founder");
  await expect(viewer.getByRole("region", { name: "Invite teammates" })).toHaveCount(0);
  await expect(viewer.getByRole("form", { name: "Create an API token" })).toHaveCount(0);
  await expect(viewer.getByRole("region", { name: "Delete workspace" })).toHaveCount(0);
  await expect(viewer.getByRole("form", { name: /Role of/ })).toHaveCount(0);
  const forbidden = await viewer.request.post("/api/v1/invites", { data: { email: "x@example.com", role: "ADMIN" } });
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error.message).toMatch(/Viewer/);
  const members = await viewer.request.get("/api/v1/members");
  expect(members.status()).toBe(200);

  // The founder sees the viewer as a member and can change their role.
  await page.goto("/settings");
  const membersRegion = page.getByRole("region", { name: "Members" });
  await expect(membersRegion).toContainText(viewerEmail);

  // API tokens: created, shown once, usable, revoked.
  const token = await createToken(page, "Nightly import");
  const ok = await request.get("/api/v1/workspace", { headers: { authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).workspace.name).toBe("Acme Insights");
  await page.goto("/settings");
  await expect(page.getByRole("region", { name: "API tokens" })).toContainText("Nightly import");
  await expect(page.getByRole("region", { name: "API tokens" })).not.toContainText(token);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("form", { name: "Revoke token Nightly import" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("region", { name: "API tokens" })).toContainText("Revoked");
  const revoked = await request.get("/api/v1/workspace", { headers: { authorization: `Bearer ${token}` } });
  expect(revoked.status()).toBe(401);

  await viewerContext.close();
});

test("a user switches between workspaces and each shows its own members", async ({ page }) => {
  const email = uniqueEmail("switcher");
  await signUp(page, { name: "Sam Switch", email, workspace: "First Co" });
  await page.goto("/settings");
  const create = page.getByRole("form", { name: "Create another workspace" });
  await create.getByLabel("New workspace").fill("Second Co");
  await create.getByRole("button", { name: "Create workspace" }).click();
  await expect(currentWorkspace(page)).toHaveText(/Second Co/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByText(/Workspace “Second Co”/)).toBeVisible();

  await switchTo(page, "First Co");
  await expect(page).toHaveURL(/\/overview$/);
  await page.goto("/settings");
  await expect(page.getByText(/Workspace “First Co”/)).toBeVisible();
  await expect(currentWorkspace(page)).toHaveText(/First Co/);
});

test("signed-out visitors are sent to sign in, and sign-up explains what is wrong", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/signup");
  await page.getByLabel("Name", { exact: true }).fill("Short Pass");
  await page.getByLabel("E-mail").fill(uniqueEmail("short"));
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
});
