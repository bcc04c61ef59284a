import { z } from "zod";
import { AppError } from "@/lib/errors";
import { INTERVALS, themeTrend } from "@/lib/nlp/insights";
import {
  deleteTheme,
  getThemeOrThrow,
  keywordsInputSchema,
  renameTheme,
  setThemeKeywords,
} from "@/lib/nlp/themes-store";
import { apiRoute } from "@/lib/web/routes";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(64) });

/** GET (?interval=month|week) → { theme, trend }; another workspace's id is 404. */
export const GET = apiRoute({ permission: "workspace.read", params }, async (ctx, { params, req }) => {
  const interval = z
    .enum(INTERVALS)
    .catch("month")
    .parse(new URL(req.url).searchParams.get("interval") ?? "month");
  const theme = await getThemeOrThrow(ctx, params.id);
  return { theme, trend: await themeTrend(ctx, theme.id, interval) };
});

/**
 * PATCH { label? , keywords? } → { theme, jobId }: rename and/or replace the keywords (a new set
 * of keywords queues the THEMES job that assigns the items again; jobId is null otherwise).
 */
export const PATCH = apiRoute(
  {
    permission: "data.write",
    params,
    body: z.object({ label: z.string().optional(), keywords: keywordsInputSchema.optional() }),
  },
  async (ctx, { params, body }) => {
    if (body.label === undefined && body.keywords === undefined) {
      throw new AppError("invalid_input", "Give a new label, new keywords, or both");
    }
    let theme = body.label !== undefined ? await renameTheme(ctx, params.id, body.label) : null;
    let jobId: string | null = null;
    if (body.keywords !== undefined) ({ theme, jobId } = await setThemeKeywords(ctx, params.id, body.keywords));
    return { theme, jobId };
  },
);

/** DELETE → { ok }: the theme goes (its items stay) and re-runs do not bring it back. */
export const DELETE = apiRoute({ permission: "data.write", params }, async (ctx, { params }) => {
  await deleteTheme(ctx, params.id);
  return { ok: true };
});
