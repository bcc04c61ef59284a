import { z } from "zod";
import { emailSchema } from "../../auth/signup.ts";
import {
  createTheme,
  createThemeSchema,
  listThemes,
  parseKeywordList,
  type ThemeView,
} from "../../nlp/themes-store.ts";
import { defineCommand, requiredString } from "../command.ts";
import { table } from "../format.ts";
import { memberContext } from "../lookup.ts";

const who = {
  workspace: requiredString().trim().min(1, "Give a workspace slug"),
  user: emailSchema.optional(),
};
const whoOptions = { workspace: { type: "string" }, user: { type: "string" } } as const;
const WHO_HELP = `  --workspace SLUG   Workspace slug (see "workspace list")`;

const signed = (x: number | null) => (x === null ? "—" : `${x > 0 ? "+" : ""}${x.toFixed(2)}`);
const keywordsText = (t: ThemeView) => {
  const line = t.keywords.join(", ");
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
};

const list = defineCommand({
  name: "themes list",
  summary: "List a workspace's themes, largest first, with sentiment and keywords",
  usage: `themes list --workspace SLUG [--user EMAIL] [--json]

Themes are found by the THEMES job after each feedback import; --json adds
each theme's quotes.

Options:
${WHO_HELP}
  --user EMAIL       Member reading (any role); default: the workspace owner`,
  options: whoOptions,
  schema: z.object(who),
  async run(input, io) {
    const ctx = await memberContext(await io.db(), input.workspace, input.user);
    const themes = await listThemes(ctx);
    const rows = themes.map((t) => [
      t.id,
      t.label,
      String(t.size),
      String(t.negative),
      String(t.positive),
      signed(t.sentiment),
      keywordsText(t),
    ]);
    const text = themes.length
      ? table([["ID", "THEME", "ITEMS", "NEGATIVE", "POSITIVE", "SENTIMENT", "KEYWORDS"], ...rows])
      : 'No themes yet. They are found after a feedback import (see "jobs list"), or add one with "themes add".';
    return { json: { themes }, text };
  },
});

const add = defineCommand({
  name: "themes add",
  summary: "Add a theme from keywords",
  usage: `themes add --workspace SLUG --name NAME --keywords "a, b" [--user EMAIL]

Adds a theme of your own; items that mention any keyword join it. This queues
a THEMES job that finds its items (a worker or the app runs it; see "jobs list").
Later theme runs keep the theme as you made it.

Options:
${WHO_HELP}
  --name NAME        The theme's name
  --keywords LIST    Comma-separated keywords, e.g. "dark mode, night theme"
  --user EMAIL       Member adding it (analyst or above); default: the workspace owner`,
  options: { ...whoOptions, name: { type: "string" }, keywords: { type: "string" } },
  schema: z.object({
    ...who,
    // The library's own rules, checked here so a problem names the flag (--name, not "label").
    name: requiredString().pipe(createThemeSchema.shape.label),
    keywords: requiredString().transform(parseKeywordList).pipe(createThemeSchema.shape.keywords),
  }),
  async run(input, io) {
    const ctx = await memberContext(await io.db(), input.workspace, input.user);
    const { theme, jobId } = await createTheme(ctx, { label: input.name, keywords: input.keywords });
    return {
      json: { theme, jobId },
      text:
        `Added theme "${theme.label}" (${theme.id}) with keywords: ${theme.keywords.join(", ")}.` +
        (jobId ? `\nQueued job ${jobId} to find its items.` : ""),
    };
  },
});

export const themesCommands = [list, add];
