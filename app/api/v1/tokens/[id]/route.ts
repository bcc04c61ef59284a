import { z } from "zod";
import { apiRoute } from "@/lib/web/routes";
import { revokeApiToken } from "@/lib/workspaces/tokens";

export const DELETE = apiRoute(
  { permission: "workspace.read", params: z.object({ id: z.string().min(1).max(64) }) },
  async (ctx, { params }) => {
    const t = await revokeApiToken(ctx, params.id);
    return { token: { id: t.id, revokedAt: t.revokedAt } };
  },
);
