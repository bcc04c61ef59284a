import { z } from "zod";
import { MODEL_KINDS, rollbackModel } from "@/lib/ml/registry";
import { apiRoute } from "@/lib/web/routes";

export const POST = apiRoute(
  {
    permission: "models.manage",
    body: z.object({ kind: z.enum(MODEL_KINDS), version: z.coerce.number().int().min(1) }),
  },
  async (ctx, { body }) => ({ model: await rollbackModel(ctx, body.kind, body.version) }),
);
