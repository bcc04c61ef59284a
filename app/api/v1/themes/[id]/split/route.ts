import { z } from "zod";
import { splitThemeInTwo } from "@/lib/nlp/themes-store";
import { apiRoute } from "@/lib/web/routes";

export const dynamic = "force-dynamic";

/** POST → 201 { themes: [a, b], jobId }: the theme is replaced by two; the THEMES job (jobId) assigns their items. */
export const POST = apiRoute(
  { permission: "data.write", params: z.object({ id: z.string().min(1).max(64) }) },
  async (ctx, { params }) => Response.json(await splitThemeInTwo(ctx, params.id), { status: 201 }),
);
