/** Test factories: isolated users and workspaces made through the real operations. */
import { randomBytes } from "node:crypto";
import { signUp } from "../auth/signup.ts";
import { userWorkspaceContext, type WorkspaceContext } from "../auth/context.ts";
import type { Db } from "../db/client.ts";
import type { Role } from "../auth/roles.ts";

export const TEST_PASSWORD = "correct-horse-battery";

export async function makeUser(db: Db, name = "Test User") {
  const email = `u-${randomBytes(5).toString("hex")}@example.com`;
  const { user, workspace } = await signUp(db, { email, name, password: TEST_PASSWORD });
  const ctx = await userWorkspaceContext(db, user.id, workspace!.id);
  return { user, workspace: workspace!, ctx };
}

/** Adds an existing user to the context's workspace with a role and returns their context. */
export async function addMember(owner: WorkspaceContext, userId: string, role: Role): Promise<WorkspaceContext> {
  await owner.db.membership.create({ data: { workspaceId: owner.workspaceId, userId, role } });
  return userWorkspaceContext(owner.db, userId, owner.workspaceId);
}
