import { searchFeedback } from "@/lib/feedback/explore";
import { searchParamsToObject } from "@/lib/feedback/query";
import { apiRoute } from "@/lib/web/routes";

export const dynamic = "force-dynamic";

/**
 * GET ?q=&from=&to=&channel=&segment=&plan=&country=&companySize=&productArea=&ratingScale=
 * &ratingMin=&ratingMax=&attr=key=value&sentiment=&batch=&theme=&sort=&cursor=&limit= (lib/feedback/query.ts)
 * → { items, count, nextCursor, prevCursor, sort, rankedWithin, emptySearch }.
 */
export const GET = apiRoute({ permission: "workspace.read" }, async (ctx, { req }) =>
  searchFeedback(ctx, searchParamsToObject(new URL(req.url).searchParams)),
);
