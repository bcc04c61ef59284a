/** Every CLI command, in the order `help` lists them. A new group adds its file's export here. */
import type { Command } from "./command.ts";
import { importCommands } from "./commands/import.ts";
import { insightsCommands } from "./commands/insights.ts";
import { jobsCommands } from "./commands/jobs.ts";
import { themesCommands } from "./commands/themes.ts";
import { tokenCommands } from "./commands/token.ts";
import { userCommands } from "./commands/user.ts";
import { workspaceCommands } from "./commands/workspace.ts";

export const COMMANDS: readonly Command[] = [
  ...userCommands,
  ...workspaceCommands,
  ...tokenCommands,
  ...importCommands,
  ...jobsCommands,
  ...insightsCommands,
  ...themesCommands,
];
