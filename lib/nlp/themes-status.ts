/**
 * Where a workspace's themes stand, for the Themes page's empty states: is there feedback to
 * find themes in, and has the theme job run (or is it waiting or running now)?
 */
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import type { JobState } from "../jobs/kinds.ts";

export interface ThemesStatus {
  hasFeedback: boolean;
  /** The latest THEMES job, or null when none was ever queued. */
  lastJob: { id: string; state: JobState; finishedAt: string | null } | null;
}

export async function getThemesStatus(ctx: WorkspaceContext): Promise<ThemesStatus> {
  requirePermission(ctx, "workspace.read");
  const [item, job] = await Promise.all([
    ctx.db.feedbackItem.findFirst({ where: { workspaceId: ctx.workspaceId }, select: { id: true } }),
    ctx.db.job.findFirst({
      where: { workspaceId: ctx.workspaceId, kind: "THEMES" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, state: true, finishedAt: true },
    }),
  ]);
  return {
    hasFeedback: !!item,
    lastJob: job ? { id: job.id, state: job.state, finishedAt: job.finishedAt?.toISOString() ?? null } : null,
  };
}
