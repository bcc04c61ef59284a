import { z } from "zod";
import { emailSchema } from "../../auth/signup.ts";
import type { Db } from "../../db/client.ts";
import { workspaceNameSchema } from "../../workspaces/create-workspace.ts";
import { createWorkspace, listWorkspacesForUser } from "../../workspaces/workspaces.ts";
import { defineCommand, requiredString } from "../command.ts";
import { table } from "../format.ts";
import { findUserByEmail } from "../lookup.ts";

const create = defineCommand({
  name: "workspace create",
  summary: "Create a workspace owned by an existing user",
  usage: `workspace create --name NAME --owner EMAIL

Creates a workspace; the user with e-mail EMAIL becomes its owner.
Its URL slug is derived from the name (and made unique).

Options:
  --name NAME      Workspace name (at most 80 characters)
  --owner EMAIL    E-mail of an existing user`,
  options: { name: { type: "string" }, owner: { type: "string" } },
  schema: z.object({
    name: requiredString().pipe(workspaceNameSchema),
    owner: requiredString().pipe(emailSchema),
  }),
  async run(input, io) {
    const db = await io.db();
    const owner = await findUserByEmail(db, input.owner, "owner");
    const ws = await createWorkspace(db, owner.id, input.name);
    return {
      json: { workspace: { id: ws.id, name: ws.name, slug: ws.slug }, owner },
      text: `Created workspace "${ws.name}" (slug: ${ws.slug}), owned by ${owner.name} <${owner.email}>.`,
    };
  },
});

/** Every workspace with its member count: an operator's view, which the web app has no page for. */
async function allWorkspaces(db: Db) {
  const rows = await db.workspace.findMany({
    select: {
      id: true,
      name: true,
      slug: true,
      isDemo: true,
      createdAt: true,
      _count: { select: { memberships: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(({ _count, ...w }) => ({ ...w, memberCount: _count.memberships }));
}

const list = defineCommand({
  name: "workspace list",
  summary: "List all workspaces, or one user's workspaces with their role",
  usage: `workspace list [--user EMAIL]

Without --user: every workspace, with its number of members.
With --user: the workspaces that user belongs to, with their role in each.

Options:
  --user EMAIL    E-mail of an existing user`,
  options: { user: { type: "string" } },
  schema: z.object({ user: emailSchema.optional() }),
  async run(input, io) {
    const db = await io.db();
    if (!input.user) {
      const workspaces = await allWorkspaces(db);
      const rows = workspaces.map((w) => [w.slug, w.name, String(w.memberCount)]);
      return {
        json: { workspaces },
        text: rows.length
          ? table([["SLUG", "NAME", "MEMBERS"], ...rows])
          : 'No workspaces yet. Create one with "user create".',
      };
    }
    const user = await findUserByEmail(db, input.user, "user");
    const workspaces = await listWorkspacesForUser(db, user.id);
    const rows = workspaces.map((w) => [w.slug, w.name, w.role]);
    return {
      json: { user, workspaces },
      text: rows.length ? table([["SLUG", "NAME", "ROLE"], ...rows]) : `${user.email} belongs to no workspace.`,
    };
  },
});

export const workspaceCommands = [create, list];
