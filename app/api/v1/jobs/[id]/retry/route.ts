import { z } from "zod";
import { retryJob } from "@/lib/jobs/manage";
import { apiRoute } from "@/lib/web/routes";

export const POST = apiRoute(
  { permission: "data.write", params: z.object({ id: z.string().min(1).max(64) }) },
  async (ctx, { params }) => ({ job: await retryJob(ctx, params.id) }),
);
