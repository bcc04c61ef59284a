import { z } from "zod";
import { emailSchema } from "../../auth/signup.ts";
import { roleSchema } from "../../workspaces/members.ts";
import { createApiToken, createTokenSchema } from "../../workspaces/tokens.ts";
import { defineCommand, requiredString } from "../command.ts";
import { formatDate } from "../format.ts";
import { contextFor, findUserByEmail } from "../lookup.ts";

const days = z.coerce
  .number({ error: "Give a whole number of days" })
  .int("Give a whole number of days")
  .min(1, "At least 1 day")
  .max(3650, "At most 3650 days");

const create = defineCommand({
  name: "token create",
  summary: "Create an API token for a user in a workspace (shown once)",
  usage: `token create --workspace SLUG --user EMAIL --name NAME [--role ROLE] [--expires-days DAYS]

Creates an API token that acts for the user in the workspace, with a role no
higher than theirs. The token is printed once: it cannot be shown again
(only its hash is stored). Use it as "Authorization: Bearer <token>".

Options:
  --workspace SLUG       Workspace slug (see "workspace list")
  --user EMAIL           E-mail of a member of the workspace (analyst or above)
  --name NAME            What the token is for, e.g. "CI import"
  --role ROLE            ANALYST (default), VIEWER, ADMIN or OWNER
  --expires-days DAYS    Expire after DAYS days (default: never)`,
  options: {
    workspace: { type: "string" },
    user: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    "expires-days": { type: "string" },
  },
  schema: z.object({
    workspace: requiredString().trim().min(1, "Give a workspace slug"),
    user: requiredString().pipe(emailSchema),
    name: requiredString().pipe(createTokenSchema.shape.name),
    role: z
      .string()
      .transform((r) => r.toUpperCase())
      .pipe(roleSchema)
      .optional(),
    "expires-days": days.optional(),
  }),
  async run(input, io) {
    const db = await io.db();
    const user = await findUserByEmail(db, input.user, "user");
    const ctx = await contextFor(db, user.id, user.email, input.workspace);
    const { token, record } = await createApiToken(ctx, {
      name: input.name,
      role: input.role,
      expiresInDays: input["expires-days"],
    });
    const apiToken = {
      id: record.id,
      name: record.name,
      role: record.role,
      prefix: record.prefix,
      expiresAt: record.expiresAt,
      createdAt: record.createdAt,
    };
    return {
      json: { token, apiToken, workspace: { slug: ctx.workspaceSlug }, user },
      text: [
        `Created API token "${record.name}" (role ${record.role}) for ${user.email} in workspace ${ctx.workspaceSlug}; expires: ${formatDate(record.expiresAt)}.`,
        "",
        `  ${token}`,
        "",
        "Copy it now: it will not be shown again. Send it as: Authorization: Bearer <token>",
      ].join("\n"),
    };
  },
});

export const tokenCommands = [create];
