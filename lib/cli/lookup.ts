import type { Db } from "../db/client.ts";
import { userWorkspaceContextBySlug } from "../auth/context.ts";
import { AppError, isAppError } from "../errors.ts";

/** The user with this (already normalised) e-mail; `flag` names the option in the error. */
export async function findUserByEmail(db: Db, email: string, flag: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (!user) {
    throw new AppError("not_found", `No user with e-mail ${email}. Create one with "user create".`, {
      [flag]: "No user with this e-mail",
    });
  }
  return user;
}

/** The web app reports "not found" for workspaces the user is not in; an operator deserves the precise reason. */
export async function contextFor(db: Db, userId: string, email: string, slug: string) {
  try {
    return await userWorkspaceContextBySlug(db, userId, slug);
  } catch (e) {
    if (!isAppError(e) || e.code !== "not_found") throw e;
    const exists = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
    if (!exists)
      throw new AppError("not_found", `Workspace "${slug}" not found`, { workspace: "No workspace with this slug" });
    throw new AppError("not_found", `${email} is not a member of workspace "${slug}"`, {
      user: "Not a member of this workspace",
    });
  }
}

/** The member to act as in workspace `slug`: the user with `email`, or else the workspace's first owner. */
export async function memberContext(db: Db, slug: string, email: string | undefined) {
  if (email) {
    const user = await findUserByEmail(db, email, "user");
    return contextFor(db, user.id, user.email, slug);
  }
  const owner = await db.membership.findFirst({
    where: { workspace: { slug }, role: "OWNER" },
    orderBy: { createdAt: "asc" },
    include: { user: { select: { id: true, email: true } } },
  });
  if (!owner)
    throw new AppError("not_found", `Workspace "${slug}" not found`, { workspace: "No workspace with this slug" });
  return contextFor(db, owner.user.id, owner.user.email, slug);
}
