import { apiRoute } from "@/lib/web/routes";
import { getWorkspace } from "@/lib/workspaces/workspaces";

/** The workspace the token or session acts in, and the caller's role there. */
export const GET = apiRoute({ permission: "workspace.read" }, async (ctx) => {
  const ws = await getWorkspace(ctx);
  return { workspace: { id: ws.id, name: ws.name, slug: ws.slug, isDemo: ws.isDemo }, role: ctx.role };
});
