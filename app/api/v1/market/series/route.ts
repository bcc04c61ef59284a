import { listMarketSeries } from "@/lib/market/series";
import { apiRoute } from "@/lib/web/routes";

export const dynamic = "force-dynamic";

/** Every market series of the token's workspace with its statistics and a chart of ≤ 200 points. */
export const GET = apiRoute({ permission: "workspace.read" }, async (ctx) => ({
  series: await listMarketSeries(ctx),
}));
