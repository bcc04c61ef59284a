import { z } from "zod";
import { emailSchema } from "../../auth/signup.ts";
import { feedbackInsights, MIN_NPS_RESPONSES, type FeedbackInsights, type ThemeHighlight } from "../../nlp/insights.ts";
import { defineCommand, requiredString } from "../command.ts";
import { table } from "../format.ts";
import { memberContext } from "../lookup.ts";

const n = (x: number) => x.toLocaleString("en-US");
const signed = (x: number | null, digits: number) =>
  x === null ? "—" : `${x > 0 ? "+" : x < 0 ? "−" : ""}${Math.abs(x).toFixed(digits)}`;

function themesTable(themes: ThemeHighlight[], word: string): string {
  if (!themes.length) return `  No theme has ${word} mentions.`;
  const rows = themes.map((t, i) => [`${i + 1}.`, t.label, n(t.items), n(t.size), t.themeId]);
  return table([["#", "THEME", `${word.toUpperCase()} ITEMS`, "THEME SIZE", "ID"], ...rows])
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}

/** The human-readable report: summary, NPS, pain points and delighters. */
export function insightsText(slug: string, period: string, r: FeedbackInsights): string {
  const s = r.summary;
  if (s.items === 0) return `No feedback in workspace "${slug}" (${period}). Import some with "import feedback".`;
  const share = s.items ? Math.round((s.scored / s.items) * 100) : 0;
  const nps = r.nps
    ? `${signed(r.nps.score, 1)} from ${n(r.nps.responses)} answers (${n(r.nps.promoters)} promoters, ` +
      `${n(r.nps.passives)} passives, ${n(r.nps.detractors)} detractors)`
    : `not shown: ${n(r.npsResponses)} of the ${MIN_NPS_RESPONSES} answers on a 0–10 scale needed`;
  const lines = [
    `Feedback insights for ${slug} (${period})`,
    "",
    table([
      ["Items", `${n(s.items)} (${n(s.scored)} scored for sentiment, ${share}%)`],
      [
        "Sentiment",
        s.scored
          ? `${n(s.negative)} negative, ${n(s.neutral)} neutral, ${n(s.positive)} positive`
          : "not scored yet (the sentiment job runs after each import)",
      ],
      ["Net sentiment", `${signed(s.netSentiment, 1)} (positive % minus negative %, −100…+100)`],
      ["Mean score", `${signed(s.meanScore, 3)} (−1…+1)`],
      ["NPS", nps],
    ]),
    "",
    "Top pain points (themes by negative items)",
    themesTable(r.painPoints, "negative"),
    "",
    "Top delighters (themes by positive items)",
    themesTable(r.delighters, "positive"),
  ];
  return lines.join("\n");
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31");

const insights = defineCommand({
  name: "insights",
  summary: "Summarise a workspace's feedback: sentiment, NPS, pain points and delighters",
  usage: `insights --workspace SLUG [--user EMAIL] [--from DAY] [--to DAY] [--interval week|month] [--json]

Prints what the sentiment and theme jobs found: items and how many are scored,
negative/neutral/positive counts, net sentiment, mean score, NPS (from ${MIN_NPS_RESPONSES}
answers on a 0–10 scale), and the top pain points and delighters. --json adds
sentiment per week or month and by channel and segment, as the HTTP API
(GET /api/v1/insights/feedback) returns them.

Options:
  --workspace SLUG   Workspace slug (see "workspace list")
  --user EMAIL       Member reading (any role); default: the workspace owner
  --from DAY         First day of the period, YYYY-MM-DD (included)
  --to DAY           Last day of the period, YYYY-MM-DD (included)
  --interval I       week or month (default), for the figures over time`,
  options: {
    workspace: { type: "string" },
    user: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    interval: { type: "string" },
  },
  schema: z.object({
    workspace: requiredString().trim().min(1, "Give a workspace slug"),
    user: emailSchema.optional(),
    from: day.optional(),
    to: day.optional(),
    interval: z.enum(["week", "month"], { error: "Use week or month" }).optional(),
  }),
  async run(input, io) {
    const ctx = await memberContext(await io.db(), input.workspace, input.user);
    const result = await feedbackInsights(ctx, { interval: input.interval, from: input.from, to: input.to });
    const period = input.from || input.to ? `${input.from ?? "the start"} to ${input.to ?? "today"}` : "all time";
    return { json: { workspace: ctx.workspaceSlug, ...result }, text: insightsText(ctx.workspaceSlug, period, result) };
  },
});

export const insightsCommands = [insights];
