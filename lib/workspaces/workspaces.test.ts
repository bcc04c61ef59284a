import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenWorkspaceContext, userWorkspaceContext } from "../auth/context.ts";
import { signUp } from "../auth/signup.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { addMember, makeUser } from "../testing/factories.ts";
import { acceptInvite, createInvite, listInvites, previewInvite, revokeInvite } from "./invites.ts";
import { changeMemberRole, listMembers, removeMember } from "./members.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens.ts";
import { createWorkspace, deleteWorkspace, listWorkspacesForUser } from "./workspaces.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

describe("workspaces", () => {
  it("lists every workspace a user belongs to with their role there", async () => {
    const a = await makeUser(t.prisma, "Ann");
    const second = await createWorkspace(t.prisma, a.user.id, "Side project");
    const b = await makeUser(t.prisma, "Bo");
    await addMember(b.ctx, a.user.id, "VIEWER");
    const list = await listWorkspacesForUser(t.prisma, a.user.id);
    expect(list.map((w) => [w.name, w.role])).toEqual([
      [a.workspace.name, "OWNER"],
      ["Side project", "OWNER"],
      [b.workspace.name, "VIEWER"],
    ]);
    expect(second.slug).toBe("side-project");
  });

  it("lets only the owner delete a workspace, after typing its slug", async () => {
    const o = await makeUser(t.prisma);
    const adminUser = await makeUser(t.prisma);
    const admin = await addMember(o.ctx, adminUser.user.id, "ADMIN");
    await expect(deleteWorkspace(admin, o.workspace.slug)).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteWorkspace(o.ctx, "wrong")).rejects.toMatchObject({ code: "invalid_input" });
    await deleteWorkspace(o.ctx, o.workspace.slug);
    expect(await t.prisma.workspace.findUnique({ where: { id: o.workspace.id } })).toBeNull();
    expect(await t.prisma.membership.count({ where: { workspaceId: o.workspace.id } })).toBe(0);
  });
});

describe("invites", () => {
  it("lets an invitee sign up through the link and join with the invited role, once", async () => {
    const owner = await makeUser(t.prisma);
    const { token, path } = await createInvite(owner.ctx, { email: "New.Person@Example.com", role: "VIEWER" });
    expect(path).toBe(`/invite/${token}`);
    // Only the hash is stored.
    const stored = await t.prisma.invite.findFirstOrThrow({
      where: { workspaceId: owner.workspace.id },
      omit: { tokenHash: false },
    });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.email).toBe("new.person@example.com");

    const preview = await previewInvite(t.prisma, token);
    expect(preview).toMatchObject({ status: "valid", role: "VIEWER", workspaceName: owner.workspace.name });

    const { user } = await signUp(
      t.prisma,
      { email: "new.person@example.com", name: "New", password: "long-enough-123" },
      { withWorkspace: false },
    );
    const joined = await acceptInvite(t.prisma, user.id, token);
    expect(joined).toEqual({ workspaceId: owner.workspace.id, role: "VIEWER" });
    const ctx = await userWorkspaceContext(t.prisma, user.id, owner.workspace.id);
    expect(ctx.role).toBe("VIEWER");

    const stranger = await makeUser(t.prisma);
    await expect(acceptInvite(t.prisma, stranger.user.id, token)).rejects.toMatchObject({ code: "gone" });
    expect((await previewInvite(t.prisma, token)).status).toBe("accepted");
  });

  it("refuses revoked, expired and unknown links with a clear message", async () => {
    const owner = await makeUser(t.prisma);
    const joiner = await makeUser(t.prisma);
    const revoked = await createInvite(owner.ctx, { email: "r@example.com", role: "ANALYST" });
    await revokeInvite(owner.ctx, revoked.invite.id);
    await expect(acceptInvite(t.prisma, joiner.user.id, revoked.token)).rejects.toThrow(/revoked/);
    const expired = await createInvite(owner.ctx, { email: "e@example.com", role: "ANALYST" });
    await t.prisma.invite.update({
      where: { id: expired.invite.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(acceptInvite(t.prisma, joiner.user.id, expired.token)).rejects.toThrow(/expired/);
    await expect(acceptInvite(t.prisma, joiner.user.id, "inv_nonsense")).rejects.toMatchObject({ code: "not_found" });
    expect(await listInvites(owner.ctx)).toHaveLength(0);
  });

  it("keeps invites to admins: viewers and analysts cannot invite, admins cannot invite owners", async () => {
    const owner = await makeUser(t.prisma);
    const v = await makeUser(t.prisma);
    const a = await makeUser(t.prisma);
    const ad = await makeUser(t.prisma);
    const viewer = await addMember(owner.ctx, v.user.id, "VIEWER");
    const analyst = await addMember(owner.ctx, a.user.id, "ANALYST");
    const admin = await addMember(owner.ctx, ad.user.id, "ADMIN");
    await expect(createInvite(viewer, { email: "x@example.com", role: "VIEWER" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(createInvite(analyst, { email: "x@example.com", role: "VIEWER" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(createInvite(admin, { email: "x@example.com", role: "OWNER" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(createInvite(admin, { email: v.user.email, role: "ADMIN" })).rejects.toMatchObject({
      code: "conflict",
    });
    const ok = await createInvite(admin, { email: "x@example.com", role: "ANALYST" });
    expect(ok.invite.role).toBe("ANALYST");
  });

  it("cannot revoke another workspace's invite", async () => {
    const a = await makeUser(t.prisma);
    const b = await makeUser(t.prisma);
    const inv = await createInvite(a.ctx, { email: "z@example.com", role: "VIEWER" });
    await expect(revokeInvite(b.ctx, inv.invite.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listInvites(a.ctx)).toHaveLength(1);
  });
});

describe("members", () => {
  it("changes roles and removes members, always keeping an owner", async () => {
    const owner = await makeUser(t.prisma);
    const m = await makeUser(t.prisma);
    await addMember(owner.ctx, m.user.id, "VIEWER");
    const members = await listMembers(owner.ctx);
    const mine = members.find((x) => x.user.id === owner.user.id)!;
    const theirs = members.find((x) => x.user.id === m.user.id)!;
    await changeMemberRole(owner.ctx, theirs.id, "ADMIN");
    await expect(changeMemberRole(owner.ctx, mine.id, "VIEWER")).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember(owner.ctx, mine.id)).rejects.toMatchObject({ code: "conflict" });
    const admin = await userWorkspaceContext(t.prisma, m.user.id, owner.ctx.workspaceId);
    await expect(changeMemberRole(admin, mine.id, "VIEWER")).rejects.toMatchObject({ code: "forbidden" });
    await changeMemberRole(owner.ctx, theirs.id, "OWNER");
    await changeMemberRole(owner.ctx, mine.id, "ANALYST"); // another owner now exists
    await removeMember(owner.ctx, mine.id); // leaving is always allowed
    expect((await listMembers(admin)).map((x) => x.role)).toEqual(["OWNER"]);
  });

  it("cannot touch a member of another workspace", async () => {
    const a = await makeUser(t.prisma);
    const b = await makeUser(t.prisma);
    const [bOwner] = await listMembers(b.ctx);
    await expect(changeMemberRole(a.ctx, bOwner.id, "VIEWER")).rejects.toMatchObject({ code: "not_found" });
    await expect(removeMember(a.ctx, bOwner.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("API tokens", () => {
  it("are shown once, stored hashed, resolve to their workspace and stop working when revoked", async () => {
    const owner = await makeUser(t.prisma);
    const { token, record } = await createApiToken(owner.ctx, { name: "CI import", role: "ANALYST" });
    expect(token).toMatch(/^fs_/);
    const stored = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: record.id }, omit: { tokenHash: false } });
    expect(stored.tokenHash).toHaveLength(64);
    expect(stored.tokenHash).not.toContain(token.slice(3));
    const ctx = await tokenWorkspaceContext(t.prisma, token);
    expect(ctx).toMatchObject({
      workspaceId: owner.ctx.workspaceId,
      role: "ANALYST",
      actor: { kind: "token", tokenId: record.id },
    });
    const listed = await listApiTokens(owner.ctx);
    expect(listed.map((x) => x.name)).toEqual(["CI import"]);
    expect(JSON.stringify(listed)).not.toContain(token);
    await revokeApiToken(owner.ctx, record.id);
    await expect(tokenWorkspaceContext(t.prisma, token)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("never exceed their creator's role, and viewers cannot create them", async () => {
    const owner = await makeUser(t.prisma);
    const a = await makeUser(t.prisma);
    const v = await makeUser(t.prisma);
    const analyst = await addMember(owner.ctx, a.user.id, "ANALYST");
    const viewer = await addMember(owner.ctx, v.user.id, "VIEWER");
    await expect(createApiToken(analyst, { name: "x", role: "ADMIN" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createApiToken(viewer, { name: "x", role: "VIEWER" })).rejects.toMatchObject({ code: "forbidden" });
    const { token } = await createApiToken(analyst, { name: "mine", role: "ANALYST" });
    // Demoted creator: the token drops to the creator's current role.
    const [, analystMembership] = await listMembers(owner.ctx);
    await changeMemberRole(owner.ctx, analystMembership.id, "VIEWER");
    expect((await tokenWorkspaceContext(t.prisma, token)).role).toBe("VIEWER");
    // Removed creator: the token stops working.
    await removeMember(owner.ctx, analystMembership.id);
    await expect(tokenWorkspaceContext(t.prisma, token)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("cannot be revoked from another workspace", async () => {
    const a = await makeUser(t.prisma);
    const b = await makeUser(t.prisma);
    const { token, record } = await createApiToken(a.ctx, { name: "a's" });
    await expect(revokeApiToken(b.ctx, record.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await tokenWorkspaceContext(t.prisma, token)).workspaceId).toBe(a.ctx.workspaceId);
  });
});

describe("read-only tokens", () => {
  it("cannot remove their creator from the workspace or revoke the creator's other tokens", async () => {
    const owner = await makeUser(t.prisma);
    const second = await makeUser(t.prisma);
    await addMember(owner.ctx, second.user.id, "OWNER"); // so leaving would otherwise be allowed
    const admin = await createApiToken(owner.ctx, { name: "admin", role: "ADMIN" });
    const ro = await createApiToken(owner.ctx, { name: "read-only", role: "VIEWER" });
    const roCtx = await tokenWorkspaceContext(t.prisma, ro.token);
    const [ownerMembership] = await listMembers(owner.ctx);
    await expect(removeMember(roCtx, ownerMembership.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeApiToken(roCtx, admin.record.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await tokenWorkspaceContext(t.prisma, admin.token)).role).toBe("ADMIN");
    expect(await listMembers(owner.ctx)).toHaveLength(2);
  });
});
