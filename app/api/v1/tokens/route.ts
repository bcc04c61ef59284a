import { apiRoute } from "@/lib/web/routes";
import { createApiToken, createTokenSchema, listApiTokens } from "@/lib/workspaces/tokens";

export const GET = apiRoute({ permission: "workspace.read" }, async (ctx) => ({ tokens: await listApiTokens(ctx) }));

export const POST = apiRoute({ permission: "tokens.create", body: createTokenSchema }, async (ctx, { body }) => {
  const { token, record } = await createApiToken(ctx, body);
  return Response.json({ token, record }, { status: 201 });
});
