/**
 * Passwords: argon2id (memory-hard) from @node-rs/argon2, with OWASP's
 * minimum parameters (19 MiB, 2 passes). The rules are stated on the form.
 */
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

export const PASSWORD_RULES = [
  "At least 10 characters",
  "At most 200 characters",
  "Not one of the most common passwords, and not your e-mail address",
] as const;

const COMMON = new Set([
  "password",
  "password1",
  "password12",
  "password123",
  "1234567890",
  "12345678910",
  "qwertyuiop",
  "iloveyou12",
  "letmein123",
  "welcome123",
  "administrator",
  "passw0rd123",
  "qwerty1234",
  "abcdefghij",
  "0123456789",
  "1111111111",
  "aaaaaaaaaa",
  "changeme123",
  "football123",
  "foresight1",
]);

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters")
  .refine((p) => !COMMON.has(p.toLowerCase()), "This password is too common; choose another");

/** Algorithm 2 = argon2id in @node-rs/argon2's enum. */
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * A real hash of a random password, checked when the account does not exist so
 * that "no such user" takes as long as "wrong password" (no user enumeration by timing).
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummy;
}
