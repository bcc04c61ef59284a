import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PASSWORD_RULES } from "@/lib/auth/password";
import { getSessionUser } from "@/lib/web/session";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const invite = typeof sp.invite === "string" ? sp.invite : undefined;
  if (await getSessionUser()) redirect(invite ? `/invite/${invite}` : "/overview");
  return (
    <SignUpForm
      invite={invite}
      email={typeof sp.email === "string" ? sp.email : ""}
      passwordRules={[...PASSWORD_RULES]}
    />
  );
}
