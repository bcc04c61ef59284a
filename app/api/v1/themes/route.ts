import { z } from "zod";
import { createTheme, keywordsInputSchema, listThemes } from "@/lib/nlp/themes-store";
import { apiRoute } from "@/lib/web/routes";

export const dynamic = "force-dynamic";

/** GET → { themes }: the live themes, largest first, with sentiment counts, keywords and quotes. */
export const GET = apiRoute({ permission: "workspace.read" }, async (ctx) => ({ themes: await listThemes(ctx) }));

/**
 * POST { label, keywords: ["a", "b"] | "a, b" } → 201 { theme, jobId }: a theme of your own; the
 * queued THEMES job (jobId) finds its items.
 */
export const POST = apiRoute(
  { permission: "data.write", body: z.object({ label: z.string(), keywords: keywordsInputSchema }) },
  async (ctx, { body }) => Response.json(await createTheme(ctx, body), { status: 201 }),
);
