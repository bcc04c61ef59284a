/**
 * The one wrapper for route handlers under /api/v1. It resolves the API token
 * or session into a workspace context, checks the permission, validates route
 * params and the JSON body with zod, and maps errors to status codes:
 * expected errors with their message, unexpected ones logged and answered 500.
 */
import { z } from "zod";
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import type { Permission } from "../auth/roles.ts";
import { AppError, HTTP_STATUS, isAppError, parseInput } from "../errors.ts";
import { requestWorkspaceContext } from "./session.ts";

export function jsonError(e: unknown): Response {
  if (isAppError(e)) {
    return Response.json(
      { error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } },
      { status: HTTP_STATUS[e.code] },
    );
  }
  console.error("API request failed", e);
  return Response.json({ error: { code: "internal", message: "Internal error" } }, { status: 500 });
}

async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON");
  }
}

interface RouteOptions<P extends z.ZodType, B extends z.ZodType> {
  permission: Permission;
  params?: P;
  body?: B;
}

type Handler<P extends z.ZodType, B extends z.ZodType> = (
  ctx: WorkspaceContext,
  input: { params: z.output<P>; body: z.output<B>; req: Request },
) => Promise<unknown>;

export function apiRoute<P extends z.ZodType = z.ZodObject, B extends z.ZodType = z.ZodObject>(
  opts: RouteOptions<P, B>,
  handler: Handler<P, B>,
) {
  return async (req: Request, route: { params: Promise<Record<string, string | string[]>> }) => {
    try {
      const ctx = await requestWorkspaceContext(req);
      requirePermission(ctx, opts.permission);
      const rawParams = (await route?.params) ?? {};
      const params = (opts.params ? parseInput(opts.params, rawParams) : {}) as z.output<P>;
      const body = (opts.body ? parseInput(opts.body, await readJson(req)) : {}) as z.output<B>;
      const result = await handler(ctx, { params, body, req });
      if (result instanceof Response) return result;
      return Response.json(result ?? { ok: true });
    } catch (e) {
      return jsonError(e);
    }
  };
}
