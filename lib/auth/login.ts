/**
 * Credential check with throttling: after LOGIN_MAX_FAILURES failed attempts
 * within LOGIN_WINDOW_MINUTES for one account, or from one IP, further
 * attempts are refused with a clear message until the window has passed.
 */
import type { Db } from "../db/client.ts";
import { getEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { dummyHash, verifyPassword } from "./password.ts";
import { emailSchema } from "./signup.ts";

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
}

export interface ThrottleConfig {
  maxFailures: number;
  windowMinutes: number;
}

function throttleConfig(): ThrottleConfig {
  const env = getEnv();
  return { maxFailures: env.LOGIN_MAX_FAILURES, windowMinutes: env.LOGIN_WINDOW_MINUTES };
}

export async function authenticate(db: Db, input: LoginInput, cfg: ThrottleConfig = throttleConfig()) {
  const parsed = emailSchema.safeParse(input.email);
  const email = parsed.success ? parsed.data : input.email.trim().toLowerCase().slice(0, 254);
  const ip = input.ip.slice(0, 64) || "unknown";
  const since = new Date(Date.now() - cfg.windowMinutes * 60_000);

  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (byEmail >= cfg.maxFailures || byIp >= cfg.maxFailures) {
    throw new AppError(
      "rate_limited",
      `Too many failed sign-in attempts. Try again in ${cfg.windowMinutes} minutes, or reset your password with an admin.`,
    );
  }

  const user = parsed.success ? await db.user.findUnique({ where: { email }, omit: { passwordHash: false } }) : null;
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyHash(), input.password), false);
  await db.loginAttempt.create({ data: { email, ip, succeeded: ok } });
  if (!ok || !user) throw new AppError("invalid_credentials", "Wrong e-mail or password");
  return { id: user.id, email: user.email, name: user.name };
}
