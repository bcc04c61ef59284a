"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { AuthCard } from "@/app/_components/auth-card";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { createFirstWorkspaceAction } from "../actions";

export function CreateWorkspaceForm() {
  const router = useRouter();
  const [state, action] = useActionState(createFirstWorkspaceAction, null);
  useEffect(() => {
    if (state?.ok) router.replace("/overview");
  }, [state, router]);
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  return (
    <AuthCard
      title="Create a workspace"
      subtitle="You don't belong to any workspace yet. Create one, or open an invite link a teammate sent you."
    >
      <form action={action} className="space-y-4">
        {state && !state.ok && !fields.name ? <FormMessage tone="error">{state.error}</FormMessage> : null}
        <Field label="Workspace name" name="name" required error={fields.name} placeholder="e.g. Acme" autoFocus />
        <SubmitButton fullWidth pendingLabel="Creating…">
          Create workspace
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
