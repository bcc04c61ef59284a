"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cancelJob, recomputeEverything, retryJob } from "@/lib/jobs/manage";
import { workspaceAction } from "@/lib/web/actions";

const jobId = z.object({ jobId: z.string().min(1).max(64) });

export const cancelJobAction = workspaceAction({ schema: jobId, permission: "data.write" }, async (ctx, { jobId }) => {
  const job = await cancelJob(ctx, jobId);
  revalidatePath("/jobs");
  return { message: job.state === "CANCELLED" ? "Job cancelled" : "Cancelling: the job stops at its next checkpoint" };
});

export const retryJobAction = workspaceAction({ schema: jobId, permission: "data.write" }, async (ctx, { jobId }) => {
  await retryJob(ctx, jobId);
  revalidatePath("/jobs");
  return { message: "Job queued again" };
});

export const recomputeAction = workspaceAction({ schema: z.object({}), permission: "jobs.recompute" }, async (ctx) => {
  const { queued } = await recomputeEverything(ctx);
  revalidatePath("/jobs");
  return { message: `${queued.length} jobs queued` };
});
