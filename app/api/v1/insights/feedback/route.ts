import { feedbackInsights } from "@/lib/nlp/insights";
import { apiRoute } from "@/lib/web/routes";

export const dynamic = "force-dynamic";

/**
 * GET ?interval=week|month&from=YYYY-MM-DD&to=YYYY-MM-DD (both days included; lib/nlp/insights.ts)
 * → { summary, overTime, byChannel, bySegment, nps, npsResponses, painPoints, delighters }.
 */
export const GET = apiRoute({ permission: "workspace.read" }, async (ctx, { req }) => {
  const p = new URL(req.url).searchParams;
  const get = (k: string) => p.get(k) ?? undefined;
  return feedbackInsights(ctx, { interval: get("interval"), from: get("from"), to: get("to") });
});
