import type { ModelCardVersion } from "@/lib/nlp/model-card";

/** "Base model v1", "Workspace model v3". */
export const versionName = (v: Pick<ModelCardVersion, "isBase" | "version">) =>
  `${v.isBase ? "Base model" : "Workspace model"} v${v.version}`;
