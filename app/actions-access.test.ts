/**
 * Access checks for every server action in e2e/access-table.ts, run through
 * the real actions against a real database. Only the framework edges are
 * replaced: the next-auth session (who is signed in), the cookie jar and
 * cache revalidation. Checks: signed-out callers are refused; a member of
 * workspace B naming workspace A's records gets "not found" and A is
 * unchanged; a viewer is refused what needs more than viewing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { userWorkspaceContext } from "@/lib/auth/context";
import { minimumRole, type Permission } from "@/lib/auth/roles";
import { useDatabase } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { addMember, makeUser } from "@/lib/testing/factories";
import { startJobs } from "@/lib/jobs/manage";
import { uploadImport } from "@/lib/ingest/imports";
import type { FormAction } from "@/lib/web/actions";
import { WORKSPACE_COOKIE } from "@/lib/web/session";
import { createInvite } from "@/lib/workspaces/invites";
import { listMembers } from "@/lib/workspaces/members";
import { createApiToken } from "@/lib/workspaces/tokens";
import { ACTIONS, type Resource } from "../e2e/access-table";

const session: { userId: string | null } = { userId: null };
const jar = new Map<string, string>();

vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const modules: Record<string, () => Promise<Record<string, unknown>>> = {
  "(auth)/actions.ts": () => import("./(auth)/actions"),
  "(app)/actions.ts": () => import("./(app)/actions"),
  "(app)/settings/actions.ts": () => import("./(app)/settings/actions"),
  "(app)/jobs/actions.ts": () => import("./(app)/jobs/actions"),
  "(app)/feedback/import/actions.ts": () => import("./(app)/feedback/import/actions"),
  "(app)/market/import/actions.ts": () => import("./(app)/market/import/actions"),
  "(app)/imports/[id]/actions.ts": () => import("./(app)/imports/[id]/actions"),
  "(app)/feedback/actions.ts": () => import("./(app)/feedback/actions"),
  "(app)/themes/actions.ts": () => import("./(app)/themes/actions"),
};

let t: TestDatabase;
let A: Awaited<ReturnType<typeof makeUser>>;
let B: Awaited<ReturnType<typeof makeUser>>;
let viewerId: string;
const ids = {} as Record<Resource, string>;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  A = await makeUser(t.prisma, "Alpha");
  B = await makeUser(t.prisma, "Beta");
  const v = await makeUser(t.prisma, "Viewer");
  viewerId = v.user.id;
  await addMember(A.ctx, viewerId, "VIEWER");
  ids.member = (await listMembers(A.ctx))[0].id;
  ids.invite = (await createInvite(A.ctx, { email: "pending@example.com", role: "ANALYST" })).invite.id;
  ids.token = (await createApiToken(A.ctx, { name: "A's token" })).record.id;
  ids.job = (await startJobs(A.ctx, [{ kind: "IMPORT" }]))[0]!.id;
  const imported = await uploadImport(A.ctx, "FEEDBACK", {
    name: "a.csv",
    content: new TextEncoder().encode("text\nhi\n"),
  });
  // A finished import (no worker runs here), so only access stands in the way of deleting it.
  await t.prisma.importBatch.update({ where: { id: imported.batchId }, data: { status: "COMPLETED" } });
  ids.import = imported.batchId;
  // Made directly: createTheme would queue a job, and A's job count is part of "A is unchanged".
  ids.theme = (
    await t.prisma.theme.create({ data: { workspaceId: A.workspace.id, label: "A's theme", keywords: ["a"] } })
  ).id;
});
afterAll(async () => {
  await t?.destroy();
});
beforeEach(() => {
  session.userId = null;
  jar.clear();
});

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

async function expectAIntact() {
  const ws = await t.prisma.workspace.findUnique({ where: { id: A.workspace.id } });
  expect(ws?.name).toBe(A.workspace.name);
  const owner = await t.prisma.membership.findUnique({ where: { id: ids.member } });
  expect(owner?.role).toBe("OWNER");
  expect((await t.prisma.invite.findUniqueOrThrow({ where: { id: ids.invite } })).revokedAt).toBeNull();
  expect((await t.prisma.apiToken.findUniqueOrThrow({ where: { id: ids.token } })).revokedAt).toBeNull();
  const job = await t.prisma.job.findUniqueOrThrow({ where: { id: ids.job } });
  expect([job.state, job.cancelRequestedAt]).toEqual(["QUEUED", null]);
  expect(await t.prisma.job.count({ where: { workspaceId: A.workspace.id } })).toBe(2);
  expect(await t.prisma.importBatch.count({ where: { id: ids.import } })).toBe(1);
  const theme = await t.prisma.theme.findUniqueOrThrow({ where: { id: ids.theme } });
  expect(theme).toMatchObject({ label: "A's theme", keywords: ["a"], deletedAt: null, mergedIntoId: null });
  expect(await t.prisma.theme.count({ where: { workspaceId: A.workspace.id } })).toBe(1);
}

/** Runs an action; form actions return a result, plain ones (switch) redirect or throw. */
async function run(fn: unknown, fields: Record<string, string>) {
  return (fn as FormAction)(null, form(fields));
}

describe.each(ACTIONS)("$file $name", (entry) => {
  const load = async () => (await modules[entry.file]())[entry.name];
  const fields = () => ({
    ...(entry.fields ?? {}),
    ...(entry.resource ? { [entry.resource.field]: ids[entry.resource.kind] } : {}),
  });

  if (entry.access === "public") {
    it("is open to anyone, and bad input writes nothing", async () => {
      const before = await t.prisma.user.count();
      const result = await run(await load(), { email: "nope", name: "", password: "x" });
      expect(result).toMatchObject({ ok: false, fields: { email: expect.any(String), password: expect.any(String) } });
      expect(await t.prisma.user.count()).toBe(before);
    });
  } else {
    it("refuses a signed-out caller", async () => {
      const action = await load();
      if (entry.name === "switchWorkspaceAction") {
        await expect((action as (f: FormData) => Promise<void>)(form({ workspaceId: A.workspace.id }))).rejects.toThrow(
          /NEXT_REDIRECT/,
        );
        expect(jar.size).toBe(0);
        return;
      }
      const result = await run(action, fields());
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/session has ended/) });
      await expectAIntact();
    });
  }

  if (entry.resource) {
    it("treats another workspace's record as not found and changes nothing", async () => {
      session.userId = B.user.id;
      jar.set(WORKSPACE_COOKIE, B.workspace.id);
      const result = await run(await load(), fields());
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not found/i) });
      await expectAIntact();
    });
  }

  if (
    entry.access !== "public" &&
    entry.access !== "signed-in" &&
    minimumRole(entry.access as Permission) !== "VIEWER"
  ) {
    it("refuses a viewer and changes nothing", async () => {
      session.userId = viewerId;
      jar.set(WORKSPACE_COOKIE, A.workspace.id);
      const result = await run(await load(), fields());
      expect(result).toMatchObject({ ok: false });
      await expectAIntact();
    });
  }
});

describe("workspace selection", () => {
  it("cannot be pointed at a workspace the user does not belong to", async () => {
    const { switchWorkspaceAction } = await import("./(app)/actions");
    session.userId = B.user.id;
    await expect(switchWorkspaceAction(form({ workspaceId: A.workspace.id }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(jar.get(WORKSPACE_COOKIE)).toBeUndefined();
    // A forged cookie is ignored: B still acts in B's workspace.
    jar.set(WORKSPACE_COOKIE, A.workspace.id);
    const { renameWorkspaceAction } = await import("./(app)/settings/actions");
    const result = await renameWorkspaceAction(null, form({ name: "Hijacked" }));
    expect(result.ok).toBe(true);
    await expectAIntact();
    expect((await t.prisma.workspace.findUniqueOrThrow({ where: { id: B.workspace.id } })).name).toBe("Hijacked");
    expect((await userWorkspaceContext(t.prisma, B.user.id, B.workspace.id)).role).toBe("OWNER");
  });
});
