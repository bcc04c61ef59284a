import { z } from "zod";
import { parseInput } from "@/lib/errors";
import { listModels, MODEL_KINDS } from "@/lib/ml/registry";
import { apiRoute } from "@/lib/web/routes";

export const GET = apiRoute({ permission: "workspace.read" }, async (ctx, { req }) => {
  const { kind } = parseInput(
    z.object({ kind: z.enum(MODEL_KINDS).optional() }),
    Object.fromEntries(new URL(req.url).searchParams),
  );
  return { models: await listModels(ctx, kind) };
});
