/**
 * E-mails an invite link when SMTP_URL is configured. Without SMTP the link is
 * only shown to the admin, who passes it on; either way the invite exists.
 * A failed send is logged and reported, never fatal.
 */
import nodemailer from "nodemailer";
import type { WorkspaceContext } from "../auth/context.ts";
import { ROLE_LABEL, type Role } from "../auth/roles.ts";
import { getEnv } from "../env.ts";

export type EmailOutcome = "sent" | "not_configured" | "failed";

export async function sendInviteEmail(
  ctx: WorkspaceContext,
  invite: { email: string; role: Role; expiresAt: Date },
  url: string,
): Promise<EmailOutcome> {
  const env = getEnv();
  if (!env.SMTP_URL) return "not_configured";
  const [ws, inviter] = await Promise.all([
    ctx.db.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { name: true } }),
    ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: { name: true } }),
  ]);
  try {
    const transport = nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail({
      from: env.SMTP_FROM,
      to: invite.email,
      subject: `${inviter.name} invited you to ${ws.name} on Foresight`,
      text:
        `${inviter.name} invited you to join the workspace "${ws.name}" on Foresight as ${ROLE_LABEL[invite.role]}.\n\n` +
        `Accept the invite: ${url}\n\nThe link works once and expires on ${invite.expiresAt.toUTCString()}.\n`,
    });
    return "sent";
  } catch (e) {
    console.error("invite e-mail failed", e);
    return "failed";
  }
}
