import { z } from "zod";
import { apiRoute } from "@/lib/web/routes";
import { revokeInvite } from "@/lib/workspaces/invites";

export const DELETE = apiRoute(
  { permission: "members.manage", params: z.object({ id: z.string().min(1).max(64) }) },
  async (ctx, { params }) => {
    await revokeInvite(ctx, params.id);
    return { ok: true };
  },
);
