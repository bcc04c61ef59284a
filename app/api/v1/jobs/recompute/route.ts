import { recomputeEverything } from "@/lib/jobs/manage";
import { apiRoute } from "@/lib/web/routes";

export const POST = apiRoute({ permission: "jobs.recompute" }, async (ctx) => {
  const { queued, kinds } = await recomputeEverything(ctx);
  return Response.json({ queued, kinds }, { status: 202 });
});
