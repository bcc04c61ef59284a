import { apiRoute } from "@/lib/web/routes";
import { listMembers } from "@/lib/workspaces/members";

export const GET = apiRoute({ permission: "workspace.read" }, async (ctx) => ({ members: await listMembers(ctx) }));
