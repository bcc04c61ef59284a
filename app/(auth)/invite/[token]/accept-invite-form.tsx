"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { acceptInviteAction } from "../../actions";

export function AcceptInviteForm({ token, label }: { token: string; label: string }) {
  const router = useRouter();
  const [state, action] = useActionState(acceptInviteAction, null);
  useEffect(() => {
    if (state?.ok) {
      router.replace("/overview");
      router.refresh();
    }
  }, [state, router]);
  return (
    <form action={action} className="space-y-4">
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton fullWidth pendingLabel="Joining…">
        {label}
      </SubmitButton>
    </form>
  );
}
