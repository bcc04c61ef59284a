import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { DbTx } from "../db/client.ts";
import { parseInput } from "../errors.ts";

export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a workspace name")
  .max(80, "Use at most 80 characters");

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base || "workspace";
}

/** Creates a workspace with `userId` as its owner; the slug is made unique. */
export async function createWorkspaceFor(db: DbTx, userId: string, name: string, opts: { isDemo?: boolean } = {}) {
  const cleanName = parseInput(workspaceNameSchema, name);
  const base = slugify(cleanName);
  let slug = base;
  for (let i = 0; await db.workspace.findUnique({ where: { slug }, select: { id: true } }); i++) {
    slug = i < 3 ? `${base}-${i + 2}` : `${base}-${randomBytes(3).toString("hex")}`;
  }
  return db.workspace.create({
    data: {
      name: cleanName,
      slug,
      isDemo: opts.isDemo ?? false,
      memberships: { create: { userId, role: "OWNER" } },
    },
  });
}
