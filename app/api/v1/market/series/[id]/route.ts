import { z } from "zod";
import { getMarketSeries } from "@/lib/market/series";
import { apiRoute } from "@/lib/web/routes";

export const dynamic = "force-dynamic";

/** One market series of the token's workspace with its statistics and every point. */
export const GET = apiRoute(
  { permission: "workspace.read", params: z.object({ id: z.string().min(1).max(64) }) },
  async (ctx, { params }) => ({ series: await getMarketSeries(ctx, params.id) }),
);
