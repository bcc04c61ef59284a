"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { AuthCard } from "@/app/_components/auth-card";
import { buttonStyles } from "@/app/_components/button-styles";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";

const KNOWN_ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong e-mail or password",
  SessionRequired: "Sign in to continue",
};

export function LoginForm({
  callbackUrl,
  initialError,
  email,
}: {
  callbackUrl: string;
  initialError?: string;
  email: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>(
    initialError ? (KNOWN_ERRORS[initialError] ?? initialError) : undefined,
  );
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(undefined);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (res?.ok && !res.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    setError(res?.error ? (KNOWN_ERRORS[res.error] ?? res.error) : "Sign-in failed. Try again.");
  }

  return (
    <AuthCard
      title="Sign in to Foresight"
      subtitle="Welcome back. Your workspaces are waiting."
      footer={
        <>
          New to Foresight?{" "}
          <Link
            href={callbackUrl.startsWith("/invite/") ? `/signup?invite=${callbackUrl.slice(8)}` : "/signup"}
            className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand"
          >
            Create an account
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {error ? <FormMessage tone="error">{error}</FormMessage> : null}
        <Field label="E-mail" name="email" type="email" autoComplete="email" required defaultValue={email} autoFocus />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending || undefined}
          className={buttonStyles("primary", "md", "w-full")}
        >
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </AuthCard>
  );
}
