import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { makeUser, TEST_PASSWORD } from "../testing/factories.ts";
import { authenticate } from "./login.ts";
import { signUp } from "./signup.ts";
import { tokenWorkspaceContext, userWorkspaceContext } from "./context.ts";
import { can } from "./roles.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

describe("sign-up", () => {
  it("creates the user and a first workspace they own, storing only an argon2id hash", async () => {
    const { user, workspace } = await signUp(t.prisma, {
      email: "  Founder@Example.COM ",
      name: "Ada Founder",
      password: "a-long-enough-pass",
      workspaceName: "Acme Analytics",
    });
    expect(user.email).toBe("founder@example.com");
    expect(workspace?.slug).toBe("acme-analytics");
    const ctx = await userWorkspaceContext(t.prisma, user.id, workspace!.id);
    expect(ctx.role).toBe("OWNER");
    const stored = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain("a-long-enough-pass");
  });

  it("says which field is wrong for weak passwords, bad e-mails and duplicates", async () => {
    await expect(signUp(t.prisma, { email: "x@example.com", name: "X", password: "short" })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { password: "Use at least 10 characters" },
    });
    await expect(
      signUp(t.prisma, { email: "not-an-email", name: "X", password: "long-enough-123" }),
    ).rejects.toMatchObject({
      fields: { email: "Enter a valid e-mail address" },
    });
    await expect(
      signUp(t.prisma, { email: "y@example.com", name: "Y", password: "password123" }),
    ).rejects.toMatchObject({
      fields: { password: expect.stringMatching(/too common/) },
    });
    await expect(
      signUp(t.prisma, { email: "founder@example.com", name: "Again", password: "another-long-pass" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("gives two workspaces with the same name distinct slugs", async () => {
    const a = await signUp(t.prisma, {
      email: "s1@example.com",
      name: "S",
      password: "long-enough-123",
      workspaceName: "Same",
    });
    const b = await signUp(t.prisma, {
      email: "s2@example.com",
      name: "S",
      password: "long-enough-123",
      workspaceName: "Same",
    });
    expect(a.workspace!.slug).toBe("same");
    expect(b.workspace!.slug).toBe("same-2");
  });
});

describe("sign-in", () => {
  it("accepts the right password, any e-mail case, and refuses a wrong one", async () => {
    const { user } = await makeUser(t.prisma);
    const ok = await authenticate(t.prisma, {
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
      ip: "10.0.0.1",
    });
    expect(ok.id).toBe(user.id);
    await expect(
      authenticate(t.prisma, { email: user.email, password: "wrong-password!", ip: "10.0.0.1" }),
    ).rejects.toMatchObject({
      code: "invalid_credentials",
      message: "Wrong e-mail or password",
    });
    await expect(
      authenticate(t.prisma, { email: "nobody@example.com", password: "whatever-pass", ip: "10.0.0.1" }),
    ).rejects.toMatchObject({
      code: "invalid_credentials",
    });
  });

  it("locks an account after too many failures, even with the right password, and other accounts still work", async () => {
    const cfg = { maxFailures: 3, windowMinutes: 15 };
    const victim = await makeUser(t.prisma);
    const other = await makeUser(t.prisma);
    for (let i = 0; i < 3; i++) {
      await expect(
        authenticate(t.prisma, { email: victim.user.email, password: "bad-guess-" + i, ip: `10.1.0.${i}` }, cfg),
      ).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    await expect(
      authenticate(t.prisma, { email: victim.user.email, password: TEST_PASSWORD, ip: "10.1.0.9" }, cfg),
    ).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/Too many failed sign-in attempts/),
    });
    const ok = await authenticate(t.prisma, { email: other.user.email, password: TEST_PASSWORD, ip: "10.1.0.9" }, cfg);
    expect(ok.id).toBe(other.user.id);
  });

  it("limits one IP that tries many accounts", async () => {
    const cfg = { maxFailures: 3, windowMinutes: 15 };
    const target = await makeUser(t.prisma);
    for (let i = 0; i < 3; i++) {
      await expect(
        authenticate(t.prisma, { email: `spray${i}@example.com`, password: "guess-guess", ip: "192.0.2.7" }, cfg),
      ).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    await expect(
      authenticate(t.prisma, { email: target.user.email, password: TEST_PASSWORD, ip: "192.0.2.7" }, cfg),
    ).rejects.toMatchObject({ code: "rate_limited" });
    const fromElsewhere = await authenticate(
      t.prisma,
      { email: target.user.email, password: TEST_PASSWORD, ip: "192.0.2.8" },
      cfg,
    );
    expect(fromElsewhere.id).toBe(target.user.id);
  });
});

describe("workspace context", () => {
  it("treats a workspace the user does not belong to as not found", async () => {
    const a = await makeUser(t.prisma);
    const b = await makeUser(t.prisma);
    await expect(userWorkspaceContext(t.prisma, b.user.id, a.workspace.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("refuses malformed and unknown API tokens", async () => {
    await expect(tokenWorkspaceContext(t.prisma, "nope")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(tokenWorkspaceContext(t.prisma, "fs_" + "x".repeat(40))).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });

  it("gives each role exactly its permissions", () => {
    expect(can("VIEWER", "workspace.read")).toBe(true);
    expect(can("VIEWER", "data.write")).toBe(false);
    expect(can("ANALYST", "data.write")).toBe(true);
    expect(can("ANALYST", "members.manage")).toBe(false);
    expect(can("ADMIN", "members.manage")).toBe(true);
    expect(can("ADMIN", "workspace.delete")).toBe(false);
    expect(can("OWNER", "workspace.delete")).toBe(true);
  });
});
