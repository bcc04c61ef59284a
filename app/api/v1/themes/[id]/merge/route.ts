import { z } from "zod";
import { mergeTheme } from "@/lib/nlp/themes-store";
import { apiRoute } from "@/lib/web/routes";

export const dynamic = "force-dynamic";

/** POST { into } → { theme }: this theme's items and keywords move to theme `into` (returned). */
export const POST = apiRoute(
  {
    permission: "data.write",
    params: z.object({ id: z.string().min(1).max(64) }),
    body: z.object({ into: z.string().min(1).max(64) }),
  },
  async (ctx, { params, body }) => ({ theme: await mergeTheme(ctx, params.id, body.into) }),
);
