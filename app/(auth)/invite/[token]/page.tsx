import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/app/_components/auth-card";
import { buttonStyles } from "@/app/_components/button-styles";
import { FormMessage } from "@/app/_components/form-message";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getSessionUser } from "@/lib/web/session";
import { previewInvite, type InviteStatus } from "@/lib/workspaces/invites";
import { AcceptInviteForm } from "./accept-invite-form";

export const metadata: Metadata = { title: "Join a workspace" };

const STATUS_TEXT: Record<Exclude<InviteStatus, "valid">, string> = {
  expired: "This invite has expired. Ask the person who invited you for a new link.",
  revoked: "This invite was revoked. Ask the person who invited you for a new link.",
  accepted: "This invite has already been used. If it was you, sign in to find the workspace.",
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const preview = await previewInvite(await getDb(), token).catch((e) => {
    if (isAppError(e)) return null;
    throw e;
  });
  const user = await getSessionUser();

  if (!preview || preview.status !== "valid") {
    const problem = preview && preview.status !== "valid" ? STATUS_TEXT[preview.status] : null;
    return (
      <AuthCard
        title="This invite link can't be used"
        footer={
          <Link href="/login" className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand">
            Go to sign in
          </Link>
        }
      >
        <FormMessage tone="error">
          {problem ?? "This invite link is not valid. Check that you copied all of it, or ask for a new one."}
        </FormMessage>
      </AuthCard>
    );
  }

  const role = ROLE_LABEL[preview.role];
  return (
    <AuthCard
      title={`Join ${preview.workspaceName}`}
      subtitle={`${preview.invitedBy} invited ${preview.email} to join as ${role}.`}
    >
      {user ? (
        <div className="space-y-4">
          {user.email !== preview.email ? (
            <FormMessage tone="info">
              You are signed in as {user.email}. Accepting adds this account to the workspace.
            </FormMessage>
          ) : null}
          <AcceptInviteForm token={token} label={`Join as ${role}`} />
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          <Link
            href={`/signup?invite=${encodeURIComponent(token)}&email=${encodeURIComponent(preview.email)}`}
            className={buttonStyles("primary", "md", "w-full")}
          >
            Create an account and join
          </Link>
          <Link
            href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}&email=${encodeURIComponent(preview.email)}`}
            className={buttonStyles("secondary", "md", "w-full")}
          >
            I already have an account
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
