/** Every job kind's handler. A kind listed in READY_KINDS (lib/jobs/kinds.ts) must have one here. */
import type { JobHandlers } from "../../lib/jobs/runner.ts";
import { importHandler } from "./import.ts";
import { sentimentHandler } from "./sentiment.ts";
import { themesHandler } from "./themes.ts";

export const handlers: JobHandlers = {
  IMPORT: importHandler,
  SENTIMENT: sentimentHandler,
  THEMES: themesHandler,
};
