import { z } from "zod";
import type { Db } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { createWorkspaceFor } from "../workspaces/create-workspace.ts";
import { hashPassword, passwordSchema } from "./password.ts";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "E-mail address is too long")
  .pipe(z.email("Enter a valid e-mail address"));

export const signUpSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
    password: passwordSchema,
    workspaceName: z.string().trim().max(80, "Use at most 80 characters").optional(),
  })
  .refine((v) => v.password.toLowerCase() !== v.email, {
    path: ["password"],
    message: "Do not use your e-mail address as your password",
  });

export type SignUpInput = z.input<typeof signUpSchema>;

/**
 * Creates a user and their first workspace, of which they are owner.
 * When they join through an invite, `withWorkspace: false` skips the workspace.
 */
export async function signUp(db: Db, input: SignUpInput, opts: { withWorkspace?: boolean } = {}) {
  const data = parseInput(signUpSchema, input);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) {
    throw new AppError("conflict", "An account with this e-mail already exists. Sign in instead.", {
      email: "An account with this e-mail already exists",
    });
  }
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: data.email, name: data.name, passwordHash } });
    const workspace =
      opts.withWorkspace === false
        ? null
        : await createWorkspaceFor(tx, user.id, data.workspaceName || `${data.name.split(/\s+/)[0]}'s workspace`);
    return { user, workspace };
  });
}
