/** The worker processes serving the queue, as the Jobs page shows them. */
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import type { JobKind } from "./kinds.ts";

export interface WorkerView {
  id: string;
  host: string;
  mode: string;
  kinds: JobKind[];
  concurrency: number;
  backend: string | null;
  backendReason: string | null;
  startedAt: string;
  lastSeenAt: string;
  /** Jobs of this workspace whose latest attempt ran on this worker. */
  jobsHere: number;
}

/** Workers that sent a heartbeat within the last `withinSeconds` and did not stop. */
export async function listWorkers(ctx: WorkspaceContext, withinSeconds = 60): Promise<WorkerView[]> {
  requirePermission(ctx, "workspace.read");
  const rows = await ctx.db.$queryRaw<
    (Omit<WorkerView, "startedAt" | "lastSeenAt" | "jobsHere"> & {
      startedAt: Date;
      heartbeatAt: Date;
      jobsHere: bigint;
    })[]
  >`SELECT w."id", w."host", w."mode", w."kinds"::text[] AS "kinds", w."concurrency", w."backend", w."backendReason",
      w."startedAt", w."heartbeatAt",
      (SELECT count(*) FROM "Job" j WHERE j."workerId" = w."id" AND j."workspaceId" = ${ctx.workspaceId}) AS "jobsHere"
    FROM "WorkerNode" w
    WHERE w."stoppedAt" IS NULL AND w."heartbeatAt" > (now() AT TIME ZONE 'UTC') - make_interval(secs => ${withinSeconds})
    ORDER BY w."startedAt"`;
  return rows.map(({ startedAt, heartbeatAt, jobsHere, ...r }) => ({
    ...r,
    startedAt: startedAt.toISOString(),
    lastSeenAt: heartbeatAt.toISOString(),
    jobsHere: Number(jobsHere),
  }));
}
