/**
 * Access checks for every API route in e2e/access-table.ts, over real HTTP:
 * signed-out callers get 401; a token of workspace B addressing workspace A's
 * records gets 404 and changes nothing; lists never show another workspace's
 * records; a viewer is refused what needs more than viewing.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { minimumRole } from "../lib/auth/roles";
import { ROUTES, type Resource, type RouteEntry } from "./access-table";
import { importMarketCsv, marketCsv, monthlyPoints } from "./market-support";
import { createToken, signUp, uniqueEmail } from "./support";

interface Tenant {
  token: string;
  viewerToken: string;
  workspaceId: string;
  ids: Record<Resource, string>;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** The first feedback item of an import, once its job has published it. */
async function firstItemOf(request: APIRequestContext, token: string, batchId: string): Promise<string> {
  for (let tries = 0; tries < 60; tries++) {
    const list = await (await request.get(`/api/v1/feedback?batch=${batchId}`, { headers: auth(token) })).json();
    if (list.items?.length) return list.items[0].id;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`import ${batchId} published no feedback item`);
}

async function call(
  request: APIRequestContext,
  route: RouteEntry,
  id: string | undefined,
  headers: Record<string, string>,
) {
  const url = route.path.replace("[id]", id || "none");
  return request.fetch(url, { method: route.method, headers, data: route.body });
}

let A: Tenant;
let B: Tenant;

test.beforeAll(async ({ browser }) => {
  async function tenant(name: string): Promise<Tenant> {
    const page = await (await browser.newContext()).newPage();
    await signUp(page, { name: `${name} Owner`, email: uniqueEmail(name.toLowerCase()), workspace: `${name} Corp` });
    const token = await createToken(page, `${name} owner token`, "Owner");
    const viewerToken = await createToken(page, `${name} viewer token`, "Viewer");
    const req = page.request;
    const ws = await (await req.get("/api/v1/workspace", { headers: auth(token) })).json();
    const members = await (await req.get("/api/v1/members", { headers: auth(token) })).json();
    const invite = await (
      await req.post("/api/v1/invites", { headers: auth(token), data: { email: uniqueEmail("inv"), role: "ANALYST" } })
    ).json();
    const tokens = await (await req.get("/api/v1/tokens", { headers: auth(token) })).json();
    const started = await (
      await req.post("/api/v1/imports/feedback", {
        headers: auth(token),
        multipart: { file: { name: "access.csv", mimeType: "text/csv", buffer: Buffer.from("text\nhello\n") } },
      })
    ).json();
    // Series come from the market import.
    await importMarketCsv(
      req,
      marketCsv([
        { name: `${name} demand`, kind: "DEMAND", unit: "units", points: monthlyPoints("2025-01", [1, 2, 3]) },
      ]),
      auth(token),
    );
    const series = (await (await req.get("/api/v1/market/series", { headers: auth(token) })).json()).series[0].id;
    const feedback = await firstItemOf(req, token, started.batchId);
    const theme = await (
      await req.post("/api/v1/themes", {
        headers: auth(token),
        data: { label: `${name} pricing`, keywords: ["pricing", "price"] },
      })
    ).json();
    await page.context().close();
    return {
      token,
      viewerToken,
      workspaceId: ws.workspace.id,
      ids: {
        member: members.members[0].id,
        invite: invite.invite.id,
        token: tokens.tokens.find((t: { name: string }) => t.name.endsWith("owner token")).id,
        job: started.jobId,
        import: started.batchId,
        feedback,
        series,
        theme: theme.theme.id,
      },
    };
  }
  A = await tenant("Alpha");
  B = await tenant("Beta");
});

/** A's records are all still there, unchanged. */
async function expectAIntact(request: APIRequestContext) {
  const members = await (await request.get("/api/v1/members", { headers: auth(A.token) })).json();
  expect(members.members.find((m: { id: string }) => m.id === A.ids.member)?.role).toBe("OWNER");
  const invites = await (await request.get("/api/v1/invites", { headers: auth(A.token) })).json();
  expect(invites.invites.map((i: { id: string }) => i.id)).toContain(A.ids.invite);
  const theme = await (await request.get(`/api/v1/themes/${A.ids.theme}`, { headers: auth(A.token) })).json();
  expect(theme.theme).toMatchObject({ label: "Alpha pricing", keywords: ["pricing", "price"] });
  const ok = await request.get("/api/v1/workspace", { headers: auth(A.token) });
  expect(ok.status()).toBe(200);
}

for (const route of ROUTES) {
  test.describe(`${route.method} ${route.path}`, () => {
    test("refuses a signed-out caller with 401", async ({ playwright, baseURL }) => {
      const anon = await playwright.request.newContext({ baseURL });
      const res = await call(anon, route, route.resource ? A.ids[route.resource] : undefined, {});
      expect(res.status()).toBe(401);
      await anon.dispose();
    });

    test("refuses a malformed or revoked credential with 401", async ({ request }) => {
      const res = await call(
        request,
        route,
        route.resource ? A.ids[route.resource] : undefined,
        auth("fs_not-a-real-token-000000000"),
      );
      expect(res.status()).toBe(401);
    });

    if (route.resource) {
      test("gives another workspace's token 404 for this workspace's record, and changes nothing", async ({
        request,
      }) => {
        const res = await call(request, route, A.ids[route.resource!], auth(B.token));
        expect(res.status()).toBe(404);
        await expectAIntact(request);
      });
    } else if (route.method === "GET") {
      test("lists nothing of another workspace", async ({ request }) => {
        const res = await call(request, route, undefined, auth(B.token));
        expect(res.status()).toBe(200);
        const text = await res.text();
        for (const id of [A.workspaceId, ...Object.values(A.ids)].filter(Boolean)) expect(text).not.toContain(id);
      });
    }

    if (minimumRole(route.permission) !== "VIEWER") {
      test("refuses a viewer and changes nothing", async ({ request }) => {
        const res = await call(request, route, route.resource ? A.ids[route.resource] : undefined, auth(A.viewerToken));
        expect([403, 404]).toContain(res.status());
        await expectAIntact(request);
      });
    } else {
      test("is open to a viewer of the workspace", async ({ request }) => {
        const res = await call(request, route, route.resource ? A.ids[route.resource] : undefined, auth(A.viewerToken));
        expect(res.status()).toBe(200);
      });
    }
  });
}
