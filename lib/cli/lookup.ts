import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";

/** The user with this (already normalised) e-mail; `flag` names the option in the error. */
export async function findUserByEmail(db: Db, email: string, flag: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (!user) {
    throw new AppError("not_found", `No user with e-mail ${email}. Create one with "user create".`, {
      [flag]: "No user with this e-mail",
    });
  }
  return user;
}
