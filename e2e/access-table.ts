/**
 * Every route handler and server action, with who may use it. New routes and
 * actions must be added here: app/access-table.test.ts fails when one exists
 * that this table lacks. e2e/access.spec.ts (routes, real HTTP) and
 * app/actions-access.test.ts (server actions) check each entry: signed-out
 * callers are refused, another workspace's ids look like nothing, and roles
 * below the minimum are refused.
 */
import type { Permission } from "../lib/auth/roles";

export type Resource = "member" | "invite" | "token" | "job" | "import" | "series" | "feedback" | "theme";

export interface RouteEntry {
  method: "GET" | "POST" | "PATCH" | "DELETE" | "PUT";
  /** Next's file-system path, e.g. /api/v1/members/[id]. */
  path: string;
  permission: Permission;
  /** Which resource the [id] segment names (cross-tenant check). */
  resource?: Resource;
  /** A valid body, so a refusal is about access and not about input. */
  body?: Record<string, unknown>;
}

/** Open to everyone by design. */
export const PUBLIC_ROUTES: { method: RouteEntry["method"]; path: string; why: string }[] = [
  { method: "GET", path: "/api/health", why: "liveness check; reveals only whether the database answers" },
  { method: "GET", path: "/api/auth/[...nextauth]", why: "next-auth sign-in endpoints" },
  { method: "POST", path: "/api/auth/[...nextauth]", why: "next-auth sign-in endpoints" },
];

export const ROUTES: RouteEntry[] = [
  { method: "GET", path: "/api/v1/workspace", permission: "workspace.read" },
  { method: "GET", path: "/api/v1/members", permission: "workspace.read" },
  {
    method: "PATCH",
    path: "/api/v1/members/[id]",
    permission: "members.manage",
    resource: "member",
    body: { role: "VIEWER" },
  },
  { method: "DELETE", path: "/api/v1/members/[id]", permission: "members.manage", resource: "member" },
  { method: "GET", path: "/api/v1/invites", permission: "members.manage" },
  {
    method: "POST",
    path: "/api/v1/invites",
    permission: "members.manage",
    body: { email: "access-check@example.com", role: "VIEWER" },
  },
  { method: "DELETE", path: "/api/v1/invites/[id]", permission: "members.manage", resource: "invite" },
  { method: "GET", path: "/api/v1/tokens", permission: "workspace.read" },
  {
    method: "POST",
    path: "/api/v1/tokens",
    permission: "tokens.create",
    body: { name: "access-check", role: "VIEWER" },
  },
  { method: "DELETE", path: "/api/v1/tokens/[id]", permission: "members.manage", resource: "token" },
  { method: "GET", path: "/api/v1/jobs", permission: "workspace.read" },
  { method: "GET", path: "/api/v1/jobs/[id]", permission: "workspace.read", resource: "job" },
  { method: "POST", path: "/api/v1/jobs/[id]/cancel", permission: "data.write", resource: "job" },
  { method: "POST", path: "/api/v1/jobs/[id]/retry", permission: "data.write", resource: "job" },
  { method: "POST", path: "/api/v1/jobs/recompute", permission: "jobs.recompute" },
  { method: "POST", path: "/api/v1/imports/feedback", permission: "data.write" },
  { method: "POST", path: "/api/v1/imports/market", permission: "data.write" },
  { method: "GET", path: "/api/v1/imports/[id]", permission: "workspace.read", resource: "import" },
  { method: "DELETE", path: "/api/v1/imports/[id]", permission: "data.write", resource: "import" },
  { method: "GET", path: "/api/v1/imports/[id]/errors", permission: "workspace.read", resource: "import" },
  { method: "POST", path: "/api/v1/imports/[id]/preview", permission: "data.write", resource: "import", body: {} },
  { method: "POST", path: "/api/v1/imports/[id]/start", permission: "data.write", resource: "import", body: {} },
  { method: "GET", path: "/api/v1/feedback", permission: "workspace.read" },
  { method: "GET", path: "/api/v1/feedback/[id]", permission: "workspace.read", resource: "feedback" },
  { method: "GET", path: "/api/v1/themes", permission: "workspace.read" },
  {
    method: "POST",
    path: "/api/v1/themes",
    permission: "data.write",
    body: { label: "Access check", keywords: ["access check"] },
  },
  { method: "GET", path: "/api/v1/themes/[id]", permission: "workspace.read", resource: "theme" },
  {
    method: "PATCH",
    path: "/api/v1/themes/[id]",
    permission: "data.write",
    resource: "theme",
    body: { label: "Renamed by someone else" },
  },
  { method: "DELETE", path: "/api/v1/themes/[id]", permission: "data.write", resource: "theme" },
  {
    method: "POST",
    path: "/api/v1/themes/[id]/merge",
    permission: "data.write",
    resource: "theme",
    body: { into: "some-other-theme" },
  },
  { method: "POST", path: "/api/v1/themes/[id]/split", permission: "data.write", resource: "theme" },
  { method: "GET", path: "/api/v1/models", permission: "workspace.read" },
  { method: "GET", path: "/api/v1/models/sentiment", permission: "workspace.read" },
  { method: "GET", path: "/api/v1/insights/feedback", permission: "workspace.read" },
  {
    method: "POST",
    path: "/api/v1/models/rollback",
    permission: "models.manage",
    body: { kind: "SENTIMENT", version: 1 },
  },
  { method: "GET", path: "/api/v1/market/series", permission: "workspace.read" },
  { method: "GET", path: "/api/v1/market/series/[id]", permission: "workspace.read", resource: "series" },
];

export type ActionAccess = Permission | "signed-in" | "public";

export interface ActionEntry {
  /** File under app/, e.g. "(app)/settings/actions.ts". */
  file: string;
  name: string;
  access: ActionAccess;
  /** Form fields naming another workspace's resource, for the cross-tenant check. */
  resource?: { field: string; kind: Resource };
  /** Other valid fields. */
  fields?: Record<string, string>;
}

export const ACTIONS: ActionEntry[] = [
  { file: "(auth)/actions.ts", name: "signUpAction", access: "public" },
  { file: "(auth)/actions.ts", name: "acceptInviteAction", access: "signed-in" },
  { file: "(auth)/actions.ts", name: "createFirstWorkspaceAction", access: "signed-in" },
  { file: "(app)/actions.ts", name: "switchWorkspaceAction", access: "signed-in" },
  {
    file: "(app)/settings/actions.ts",
    name: "renameWorkspaceAction",
    access: "workspace.update",
    fields: { name: "Renamed" },
  },
  { file: "(app)/settings/actions.ts", name: "createWorkspaceAction", access: "signed-in" },
  {
    file: "(app)/settings/actions.ts",
    name: "deleteWorkspaceAction",
    access: "workspace.delete",
    fields: { confirm: "x" },
  },
  {
    file: "(app)/settings/actions.ts",
    name: "changeRoleAction",
    access: "members.manage",
    resource: { field: "membershipId", kind: "member" },
    fields: { role: "VIEWER" },
  },
  {
    file: "(app)/settings/actions.ts",
    name: "removeMemberAction",
    access: "members.manage",
    resource: { field: "membershipId", kind: "member" },
  },
  {
    file: "(app)/settings/actions.ts",
    name: "createInviteAction",
    access: "members.manage",
    fields: { email: "a@example.com", role: "VIEWER" },
  },
  {
    file: "(app)/settings/actions.ts",
    name: "revokeInviteAction",
    access: "members.manage",
    resource: { field: "inviteId", kind: "invite" },
  },
  {
    file: "(app)/settings/actions.ts",
    name: "createTokenAction",
    access: "tokens.create",
    fields: { name: "t", role: "VIEWER" },
  },
  {
    file: "(app)/settings/actions.ts",
    name: "revokeTokenAction",
    access: "members.manage",
    resource: { field: "tokenId", kind: "token" },
  },
  {
    file: "(app)/jobs/actions.ts",
    name: "cancelJobAction",
    access: "data.write",
    resource: { field: "jobId", kind: "job" },
  },
  {
    file: "(app)/jobs/actions.ts",
    name: "retryJobAction",
    access: "data.write",
    resource: { field: "jobId", kind: "job" },
  },
  { file: "(app)/jobs/actions.ts", name: "recomputeAction", access: "jobs.recompute" },
  {
    file: "(app)/settings/actions.ts",
    name: "rollbackModelAction",
    access: "models.manage",
    fields: { kind: "SENTIMENT", version: "1" },
  },
  {
    file: "(app)/settings/actions.ts",
    name: "updatePrivacyAction",
    access: "workspace.update",
    fields: { redactPii: "keep" },
  },
  { file: "(app)/feedback/import/actions.ts", name: "importFeedbackAction", access: "data.write" },
  { file: "(app)/market/import/actions.ts", name: "importMarketAction", access: "data.write" },
  {
    file: "(app)/imports/[id]/actions.ts",
    name: "previewImportAction",
    access: "data.write",
    resource: { field: "batchId", kind: "import" },
    fields: { options: "{}" },
  },
  {
    file: "(app)/imports/[id]/actions.ts",
    name: "startImportAction",
    access: "data.write",
    resource: { field: "batchId", kind: "import" },
    fields: { options: "{}" },
  },
  {
    file: "(app)/imports/[id]/actions.ts",
    name: "discardImportAction",
    access: "data.write",
    resource: { field: "batchId", kind: "import" },
  },
  {
    file: "(app)/themes/actions.ts",
    name: "createThemeAction",
    access: "data.write",
    fields: { label: "Access check", keywords: "access check" },
  },
  {
    file: "(app)/themes/actions.ts",
    name: "renameThemeAction",
    access: "data.write",
    resource: { field: "themeId", kind: "theme" },
    fields: { label: "Renamed by someone else" },
  },
  {
    file: "(app)/themes/actions.ts",
    name: "setThemeKeywordsAction",
    access: "data.write",
    resource: { field: "themeId", kind: "theme" },
    fields: { keywords: "hijacked" },
  },
  {
    file: "(app)/themes/actions.ts",
    name: "mergeThemeAction",
    access: "data.write",
    resource: { field: "themeId", kind: "theme" },
    fields: { into: "some-other-theme" },
  },
  {
    file: "(app)/themes/actions.ts",
    name: "splitThemeAction",
    access: "data.write",
    resource: { field: "themeId", kind: "theme" },
  },
  {
    file: "(app)/themes/actions.ts",
    name: "deleteThemeAction",
    access: "data.write",
    resource: { field: "themeId", kind: "theme" },
  },
  {
    file: "(app)/feedback/actions.ts",
    name: "deleteImportAction",
    access: "data.write",
    resource: { field: "batchId", kind: "import" },
  },
];
