"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useRef } from "react";
import { AuthCard } from "@/app/_components/auth-card";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/web/actions";
import { signUpAction } from "../actions";

export function SignUpForm({
  invite,
  email,
  passwordRules,
}: {
  invite?: string;
  email: string;
  passwordRules: string[];
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, action] = useActionState(async (prev: ActionResult | null, form: FormData): Promise<ActionResult> => {
    const result = await signUpAction(prev, form);
    if (!result.ok) return result;
    // The account exists: sign in with what the user just typed.
    const res = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    if (res?.error) return { ok: false, error: `Account created, but signing in failed: ${res.error}` };
    router.replace("/overview");
    router.refresh();
    return result;
  }, null);
  const fields = state && !state.ok ? (state.fields ?? {}) : {};

  return (
    <AuthCard
      title={invite ? "Create your account to join" : "Create your Foresight account"}
      subtitle={
        invite
          ? "You were invited to a workspace. Create an account and you will join it straight away."
          : "Turn customer feedback and market data into your next move. Your first workspace is created for you."
      }
      footer={
        <>
          Already have an account?{" "}
          <Link
            href={invite ? `/login?callbackUrl=/invite/${invite}` : "/login"}
            className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand"
          >
            Sign in
          </Link>
        </>
      }
    >
      <form ref={formRef} action={action} className="space-y-4" noValidate>
        {state && !state.ok && !Object.keys(fields).length ? (
          <FormMessage tone="error">{state.error}</FormMessage>
        ) : null}
        {invite ? <input type="hidden" name="invite" value={invite} /> : null}
        <Field label="Name" name="name" autoComplete="name" required error={fields.name} autoFocus />
        <Field
          label="E-mail"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={email}
          error={fields.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          error={fields.password}
          hint={passwordRules.join(" · ")}
        />
        {invite ? null : (
          <Field
            label="Workspace name"
            name="workspaceName"
            optional
            placeholder="e.g. Acme"
            error={fields.workspaceName}
            hint="Usually your company or product. You can rename it later."
          />
        )}
        {fields.invite ? <FormMessage tone="error">{fields.invite}</FormMessage> : null}
        <SubmitButton fullWidth pendingLabel="Creating your account…">
          Create account
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
