/**
 * The one wrapper for server actions. It resolves the signed-in user and
 * their current workspace, checks the permission, validates the form with
 * zod, runs the lib operation, and turns failures into a result the form
 * shows: expected errors with their message and per-field messages,
 * unexpected ones logged and answered generically.
 */
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import type { Permission } from "../auth/roles.ts";
import { AppError, isAppError, parseInput } from "../errors.ts";
import { getSessionUser, getSessionWorkspace, type SessionUser } from "./session.ts";

export type ActionResult<T = unknown> =
  { ok: true; message?: string; data?: T } | { ok: false; error: string; fields?: Record<string, string> };

export type FormAction<T = unknown> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** Form fields as a plain object; repeated names become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // Next's own fields
    const v = typeof value === "string" ? value : value;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], v);
    else out[key] = v;
  }
  return out;
}

function failure(e: unknown): ActionResult<never> {
  unstable_rethrow(e); // redirect() and notFound() must reach Next
  if (isAppError(e)) return { ok: false, error: e.message, fields: e.fields };
  console.error("server action failed", e);
  return {
    ok: false,
    error: "Something went wrong on our side. Try again; if it keeps failing, check the server log.",
  };
}

type Done<T> = { message?: string; data?: T } | void;

const SESSION_ENDED = "Your session has ended. Sign in again.";

/**
 * The shared shape of every action: resolve who is asking (`who` throws an
 * AppError when they may not), validate the form, run, report.
 */
function formAction<S extends z.ZodType, W, T>(
  schema: S,
  who: () => Promise<W>,
  run: (who: W, input: z.output<S>) => Promise<Done<T>>,
): FormAction<T> {
  return async (_prev, form) => {
    try {
      const caller = await who();
      const done = await run(caller, parseInput(schema, formToObject(form)));
      return { ok: true, ...(done ?? {}) };
    } catch (e) {
      return failure(e);
    }
  };
}

/** An action for a signed-in user in their current workspace. */
export function workspaceAction<S extends z.ZodType, T = unknown>(
  opts: { schema: S; permission: Permission },
  run: (ctx: WorkspaceContext, input: z.output<S>) => Promise<Done<T>>,
): FormAction<T> {
  return formAction(
    opts.schema,
    async () => {
      const s = await getSessionWorkspace();
      if (!s) throw new AppError("unauthenticated", SESSION_ENDED);
      if (!s.ctx) throw new AppError("not_found", "You do not belong to any workspace.");
      requirePermission(s.ctx, opts.permission);
      return s.ctx;
    },
    run,
  );
}

/** An action for a signed-in user that is not about the current workspace. */
export function userAction<S extends z.ZodType, T = unknown>(
  opts: { schema: S },
  run: (user: SessionUser, input: z.output<S>) => Promise<Done<T>>,
): FormAction<T> {
  return formAction(
    opts.schema,
    async () => {
      const user = await getSessionUser();
      if (!user) throw new AppError("unauthenticated", SESSION_ENDED);
      return user;
    },
    run,
  );
}

/** An action anyone may call (sign-up). */
export function publicAction<S extends z.ZodType, T = unknown>(
  opts: { schema: S },
  run: (input: z.output<S>) => Promise<Done<T>>,
): FormAction<T> {
  return formAction(
    opts.schema,
    async () => undefined,
    (_nobody, input) => run(input),
  );
}
