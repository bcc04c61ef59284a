import { z } from "zod";
import { getFeedbackItemOrThrow } from "@/lib/feedback/item";
import { apiRoute } from "@/lib/web/routes";

export const dynamic = "force-dynamic";

/** GET (optional ?q= marks its matches in `highlighted`) → { item }; another workspace's id is 404. */
export const GET = apiRoute(
  { permission: "workspace.read", params: z.object({ id: z.string().min(1).max(64) }) },
  async (ctx, { params, req }) => {
    const q = new URL(req.url).searchParams.get("q")?.slice(0, 500) || undefined;
    return { item: await getFeedbackItemOrThrow(ctx, params.id, { q }) };
  },
);
