"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  createTheme,
  deleteTheme,
  mergeTheme,
  keywordsInputSchema,
  renameTheme,
  setThemeKeywords,
  splitThemeInTwo,
} from "@/lib/nlp/themes-store";
import { workspaceAction } from "@/lib/web/actions";

const themeId = z.string().min(1).max(64);

/** What a form shows after an edit that queued the theme job: the job to follow. */
function queued(jobId: string | null) {
  return jobId ? { jobId, link: { href: "/jobs", label: "Follow it on the Jobs page" } } : undefined;
}

const JOB_NOTE = "The theme job is finding its items in the background.";

function done() {
  revalidatePath("/themes");
  revalidatePath("/feedback");
}

export const createThemeAction = workspaceAction(
  { schema: z.object({ label: z.string().max(200), keywords: keywordsInputSchema }), permission: "data.write" },
  async (ctx, input) => {
    const { theme, jobId } = await createTheme(ctx, input);
    done();
    return { message: `Theme “${theme.label}” added. ${JOB_NOTE}`, data: { themeId: theme.id, ...queued(jobId) } };
  },
);

export const renameThemeAction = workspaceAction(
  { schema: z.object({ themeId, label: z.string().max(200) }), permission: "data.write" },
  async (ctx, { themeId, label }) => {
    const theme = await renameTheme(ctx, themeId, label);
    done();
    return { message: `Renamed to “${theme.label}”.` };
  },
);

export const setThemeKeywordsAction = workspaceAction(
  { schema: z.object({ themeId, keywords: keywordsInputSchema }), permission: "data.write" },
  async (ctx, { themeId, keywords }) => {
    const { theme, jobId } = await setThemeKeywords(ctx, themeId, keywords);
    done();
    return { message: `Keywords of “${theme.label}” saved. ${JOB_NOTE}`, data: queued(jobId) };
  },
);

export const mergeThemeAction = workspaceAction(
  {
    schema: z.object({ themeId, into: z.string().min(1, "Choose a theme to merge into").max(64) }),
    permission: "data.write",
  },
  async (ctx, { themeId, into }) => {
    const target = await mergeTheme(ctx, themeId, into);
    done();
    return { message: `Merged into “${target.label}”, which now holds ${target.size} items.` };
  },
);

export const splitThemeAction = workspaceAction(
  { schema: z.object({ themeId }), permission: "data.write" },
  async (ctx, { themeId }) => {
    const { themes, jobId } = await splitThemeInTwo(ctx, themeId);
    done();
    return {
      message: `Split into “${themes[0].label}” and “${themes[1].label}”. ${JOB_NOTE}`,
      data: queued(jobId),
    };
  },
);

export const deleteThemeAction = workspaceAction(
  { schema: z.object({ themeId }), permission: "data.write" },
  async (ctx, { themeId }) => {
    await deleteTheme(ctx, themeId);
    done();
    return { message: "Theme deleted. Its items stay; later theme runs will not bring it back." };
  },
);
