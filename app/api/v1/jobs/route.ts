import { jobFilterSchema, listJobs } from "@/lib/jobs/manage";
import { listWorkers } from "@/lib/jobs/workers";
import { parseInput } from "@/lib/errors";
import { apiRoute } from "@/lib/web/routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "workspace.read" }, async (ctx, { req }) => {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const filter = parseInput(jobFilterSchema, query);
  const [list, workers] = await Promise.all([listJobs(ctx, filter), listWorkers(ctx)]);
  return { ...list, workers };
});
