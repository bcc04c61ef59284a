import { z } from "zod";
import { deleteImport, getImport } from "@/lib/ingest/imports";
import { apiRoute } from "@/lib/web/routes";

const params = z.object({ id: z.string().min(1).max(64) });

export const GET = apiRoute({ permission: "workspace.read", params }, async (ctx, { params }) =>
  getImport(ctx, params.id),
);

export const DELETE = apiRoute({ permission: "data.write", params }, async (ctx, { params }) =>
  deleteImport(ctx, params.id),
);
