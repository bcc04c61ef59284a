"use server";

import { z } from "zod";
import { signUp, signUpSchema } from "@/lib/auth/signup";
import { getDb } from "@/lib/db/client";
import { publicAction, userAction } from "@/lib/web/actions";
import { setCurrentWorkspace } from "@/lib/web/session";
import { acceptInvite, previewInvite } from "@/lib/workspaces/invites";
import { AppError } from "@/lib/errors";
import { createWorkspace } from "@/lib/workspaces/workspaces";

const inviteToken = z.string().trim().max(200).optional();

/**
 * Creates the account. Through an invite link the user joins that workspace
 * (no personal workspace is made); otherwise their first workspace is created.
 * The form then signs in with the same credentials.
 */
export const signUpAction = publicAction(
  { schema: signUpSchema.and(z.object({ invite: inviteToken })) },
  async ({ invite, ...input }) => {
    const db = await getDb();
    if (invite) {
      const preview = await previewInvite(db, invite);
      if (preview.status !== "valid") {
        throw new AppError("gone", `This invite is ${preview.status}. Ask for a new one, or sign up without it.`);
      }
    }
    const { user } = await signUp(db, input, { withWorkspace: !invite });
    if (!invite) return { message: "Account created" };
    try {
      await acceptInvite(db, user.id, invite);
      return { message: "Account created" };
    } catch (e) {
      // Used up in the meantime: the account exists, so give it a workspace of its own.
      await createWorkspace(db, user.id, `${user.name.split(/\s+/)[0]}'s workspace`);
      return { message: e instanceof Error ? e.message : "The invite could not be used" };
    }
  },
);

export const acceptInviteAction = userAction(
  { schema: z.object({ token: z.string().min(1).max(200) }) },
  async (user, { token }) => {
    const { workspaceId } = await acceptInvite(await getDb(), user.id, token);
    await setCurrentWorkspace(user.id, workspaceId);
    return { message: "Joined" };
  },
);

export const createFirstWorkspaceAction = userAction(
  { schema: z.object({ name: z.string() }) },
  async (user, { name }) => {
    const ws = await createWorkspace(await getDb(), user.id, name);
    await setCurrentWorkspace(user.id, ws.id);
    return { message: "Workspace created" };
  },
);
