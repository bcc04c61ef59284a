import { z } from "zod";
import { passwordSchema } from "../../auth/password.ts";
import { emailSchema, signUp, signUpSchema } from "../../auth/signup.ts";
import { getEnv } from "../../env.ts";
import { AppError } from "../../errors.ts";
import { defineCommand, requiredString } from "../command.ts";

const create = defineCommand({
  name: "user create",
  summary: "Create a user and their first workspace, which they own",
  usage: `user create --email EMAIL --name NAME [--password PASSWORD] [--workspace-name NAME]

Creates a user and their first workspace (they are its owner), as signing up does.

Options:
  --email EMAIL            E-mail address the user signs in with
  --name NAME              Display name
  --password PASSWORD      At least 10 characters, not a common password.
                           To keep it out of your shell history, leave --password out and either
                           set FORESIGHT_PASSWORD, or pipe the password as one line on stdin:
                             read -rs PW; printf '%s\\n' "$PW" | npm run cli -- user create --email … --name …
  --workspace-name NAME    Name of the first workspace (default: "<first name>'s workspace")`,
  options: {
    email: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
    "workspace-name": { type: "string" },
  },
  schema: z.object({
    email: requiredString().pipe(emailSchema),
    name: requiredString().pipe(signUpSchema.shape.name),
    password: passwordSchema.optional(),
    "workspace-name": signUpSchema.shape.workspaceName,
  }),
  async run(input, io) {
    const password = input.password ?? getEnv().FORESIGHT_PASSWORD ?? (await io.readStdinLine());
    if (!password) {
      throw new AppError(
        "invalid_input",
        "No password given: use --password, set FORESIGHT_PASSWORD, or pipe it as one line on stdin.",
        { password: "This option is required" },
      );
    }
    const db = await io.db();
    const { user, workspace } = await signUp(db, {
      email: input.email,
      name: input.name,
      password,
      workspaceName: input["workspace-name"],
    });
    const ws = workspace && { id: workspace.id, name: workspace.name, slug: workspace.slug };
    return {
      json: { user: { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt }, workspace: ws },
      text: [
        `Created user ${user.name} <${user.email}>.`,
        ws ? `Created workspace "${ws.name}" (slug: ${ws.slug}); ${user.name} is its owner.` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    };
  },
});

export const userCommands = [create];
