/**
 * Who is asking, for pages, server actions and route handlers: the verified
 * next-auth session (cookie) or an API token (Authorization: Bearer). The
 * current workspace of a session is remembered in a cookie but always checked
 * against the user's memberships: the cookie only chooses among them.
 */
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { tokenWorkspaceContext, userWorkspaceContext, type WorkspaceContext } from "../auth/context.ts";
import { getDb } from "../db/client.ts";
import { getEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { listWorkspacesForUser, type WorkspaceSummary } from "../workspaces/workspaces.ts";
import { getAuthOptions } from "./auth-options.ts";

export const WORKSPACE_COOKIE = "fs_workspace";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** The signed-in user, re-read from the database (a deleted user is signed out). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const db = await getDb();
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}

export interface SessionWorkspace {
  user: SessionUser;
  workspaces: WorkspaceSummary[];
  /** Null when the user belongs to no workspace (e.g. their last one was deleted). */
  ctx: WorkspaceContext | null;
}

export async function getSessionWorkspace(): Promise<SessionWorkspace | null> {
  const user = await getSessionUser();
  if (!user) return null;
  const db = await getDb();
  const workspaces = await listWorkspacesForUser(db, user.id);
  const wanted = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const current = workspaces.find((w) => w.id === wanted) ?? workspaces[0];
  const ctx = current ? await userWorkspaceContext(db, user.id, current.id) : null;
  return { user, workspaces, ctx };
}

/** Remembers the chosen workspace, after checking the user belongs to it. */
export async function setCurrentWorkspace(userId: string, workspaceId: string): Promise<void> {
  await userWorkspaceContext(await getDb(), userId, workspaceId); // throws not_found for non-members
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: (getEnv().NEXTAUTH_URL ?? "").startsWith("https:"),
    maxAge: 365 * 24 * 60 * 60,
  });
}

/** For route handlers: an API token when one is presented, else the session. */
export async function requestWorkspaceContext(req: Request): Promise<WorkspaceContext> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) throw new AppError("unauthenticated", "Use 'Authorization: Bearer <token>'");
    return tokenWorkspaceContext(await getDb(), m[1]);
  }
  const s = await getSessionWorkspace();
  if (!s) throw new AppError("unauthenticated", "Sign in or send an API token");
  if (!s.ctx) throw new AppError("not_found", "You do not belong to any workspace yet");
  return s.ctx;
}
