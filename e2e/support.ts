/** Factories for e2e: each test makes its own users and workspaces through the UI. */
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "e2e-password-123";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

export async function signUp(page: Page, opts: { name: string; email: string; workspace?: string }) {
  await page.goto("/signup");
  await page.getByLabel("Name", { exact: true }).fill(opts.name);
  await page.getByLabel("E-mail").fill(opts.email);
  await page.getByLabel("Password").fill(PASSWORD);
  if (opts.workspace) await page.getByLabel(/Workspace name/).fill(opts.workspace);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/overview$/);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("link", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/login/);
}

/** Creates an invite on the Settings page and returns the one-time link. */
export async function createInvite(page: Page, email: string, role: "Viewer" | "Analyst" | "Admin") {
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Invite a teammate" });
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByRole("button", { name: "Create invite" }).click();
  const link = page.getByTestId("one-time-secret");
  await expect(link).toHaveValue(/\/invite\/inv_/);
  return link.inputValue();
}

export async function createToken(page: Page, name: string, role?: "Viewer" | "Analyst" | "Admin" | "Owner") {
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Token name").fill(name);
  if (role) await form.getByLabel("Token role").selectOption({ label: role });
  await form.getByRole("button", { name: "Create token" }).click();
  const secret = page.getByTestId("one-time-secret");
  await expect(secret).toHaveValue(/^fs_/);
  return secret.inputValue();
}

/** The workspace selected in the sidebar switcher. */
export function currentWorkspace(page: Page) {
  return workspaceSwitcher(page).locator("option:checked");
}

export function workspaceSwitcher(page: Page) {
  return page.getByRole("combobox", { name: "Workspace", exact: true });
}

export async function switchTo(page: Page, workspaceName: string) {
  const value = await workspaceSwitcher(page).locator("option", { hasText: workspaceName }).getAttribute("value");
  await workspaceSwitcher(page).selectOption(value!);
}
