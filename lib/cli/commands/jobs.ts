import { z } from "zod";
import { emailSchema } from "../../auth/signup.ts";
import type { WorkspaceContext } from "../../auth/context.ts";
import { cancelJob, jobFilterSchema, listJobs, retryJob, type JobView } from "../../jobs/manage.ts";
import { defineCommand, requiredString, type CommandIo } from "../command.ts";
import { table } from "../format.ts";
import { contextFor, findUserByEmail } from "../lookup.ts";

const who = {
  workspace: requiredString().trim().min(1, "Give a workspace slug"),
  user: requiredString().pipe(emailSchema),
};
const whoOptions = { workspace: { type: "string" }, user: { type: "string" } } as const;
const WHO_HELP = `  --workspace SLUG   Workspace slug (see "workspace list")
  --user EMAIL       Member acting (retry and cancel need analyst or above)`;

async function context(io: CommandIo, input: { workspace: string; user: string }) {
  const db = await io.db();
  const user = await findUserByEmail(db, input.user, "user");
  return contextFor(db, user.id, user.email, input.workspace);
}

const seconds = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(1)}s`);
const summary = (j: JobView) =>
  `${j.id}  ${j.kindLabel}  ${j.state}  ${j.progress}%${j.progressMessage ? `  ${j.progressMessage}` : ""}${j.error ? `\n  error: ${j.error}` : ""}`;

const list = defineCommand({
  name: "jobs list",
  summary: "List a workspace's background jobs, newest first",
  usage: `jobs list --workspace SLUG --user EMAIL [--state STATE] [--kind KIND] [--limit N]

Options:
${WHO_HELP}
  --state STATE      queued, running, succeeded, failed, cancelled or active
  --kind KIND        import, sentiment, themes, forecast, scoring or report
  --limit N          At most N jobs (default 50)`,
  options: { ...whoOptions, state: { type: "string" }, kind: { type: "string" }, limit: { type: "string" } },
  schema: z.object({
    ...who,
    state: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(jobFilterSchema.shape.state.unwrap())
      .optional(),
    kind: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(jobFilterSchema.shape.kind.unwrap())
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  }),
  async run(input, io) {
    const ctx = await context(io, input);
    const { jobs, counts } = await listJobs(ctx, { state: input.state, kind: input.kind, limit: input.limit });
    const rows = jobs.map((j) => [
      j.id,
      j.kindLabel,
      j.state,
      `${j.progress}%`,
      String(j.attempts),
      seconds(j.durationMs),
      (j.error ?? j.progressMessage ?? "").slice(0, 60),
    ]);
    const text = jobs.length
      ? table([["ID", "KIND", "STATE", "PROGRESS", "ATTEMPTS", "DURATION", "MESSAGE"], ...rows])
      : "No jobs.";
    return { json: { jobs, counts }, text };
  },
});

const idSchema = z.object({ ...who, id: requiredString().trim().min(1, 'Give the job id (see "jobs list")') });

/** `jobs retry` and `jobs cancel`: one job by id, one library call, one line of output. */
function jobCommand(
  verb: "retry" | "cancel",
  summaryLine: string,
  note: string,
  act: (ctx: WorkspaceContext, id: string) => Promise<JobView>,
  describe: (job: JobView) => string,
) {
  return defineCommand({
    name: `jobs ${verb}`,
    summary: summaryLine,
    usage: `jobs ${verb} --workspace SLUG --user EMAIL --id JOB_ID
${note ? `\n${note}\n` : ""}
Options:
${WHO_HELP}
  --id JOB_ID        The job (see "jobs list")`,
    options: { ...whoOptions, id: { type: "string" } },
    schema: idSchema,
    async run(input, io) {
      const job = await act(await context(io, input), input.id);
      return { json: { job }, text: `${describe(job)}: ${summary(job)}` };
    },
  });
}

const retry = jobCommand("retry", "Run a failed or cancelled job again", "", retryJob, () => "Queued again");
const cancel = jobCommand(
  "cancel",
  "Cancel a queued or running job",
  "A queued job is cancelled at once; a running one stops at its next checkpoint.",
  cancelJob,
  (job) => (job.state === "CANCELLED" ? "Cancelled" : "Cancelling (stops at its next checkpoint)"),
);

export const jobsCommands = [list, retry, cancel];
