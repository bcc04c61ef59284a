/**
 * Roles and what each may do. Viewer reads; analyst also imports and runs
 * analyses; admin also manages members, invites, every token and which model
 * version is current; owner can also delete the workspace and appoint owners.
 */
import type { Role } from "../db/generated/enums.ts";

export type { Role };
export const ROLES = ["OWNER", "ADMIN", "ANALYST", "VIEWER"] as const satisfies readonly Role[];

const RANK: Record<Role, number> = { VIEWER: 0, ANALYST: 1, ADMIN: 2, OWNER: 3 };

export type Permission =
  | "workspace.read"
  | "data.write"
  | "tokens.create"
  | "members.manage"
  | "models.manage"
  | "jobs.recompute"
  | "workspace.update"
  | "workspace.delete";

const MIN_ROLE: Record<Permission, Role> = {
  "workspace.read": "VIEWER",
  "data.write": "ANALYST",
  "tokens.create": "ANALYST",
  "members.manage": "ADMIN",
  "models.manage": "ADMIN",
  "jobs.recompute": "ADMIN",
  "workspace.update": "ADMIN",
  "workspace.delete": "OWNER",
};

export const atLeast = (role: Role, min: Role): boolean => RANK[role] >= RANK[min];
export const can = (role: Role, permission: Permission): boolean => atLeast(role, MIN_ROLE[permission]);
export const minimumRole = (permission: Permission): Role => MIN_ROLE[permission];

export const ROLE_LABEL: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  ANALYST: "Analyst",
  VIEWER: "Viewer",
};
