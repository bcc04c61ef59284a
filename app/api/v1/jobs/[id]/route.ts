import { z } from "zod";
import { getJob } from "@/lib/jobs/manage";
import { apiRoute } from "@/lib/web/routes";

export const GET = apiRoute(
  { permission: "workspace.read", params: z.object({ id: z.string().min(1).max(64) }) },
  async (ctx, { params }) => ({ job: await getJob(ctx, params.id) }),
);
