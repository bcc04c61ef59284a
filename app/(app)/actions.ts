"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getSessionUser, setCurrentWorkspace } from "@/lib/web/session";

const switchSchema = z.object({ workspaceId: z.string().min(1).max(64) });

/** Switches the current workspace; the cookie is only set for a workspace the user belongs to. */
export async function switchWorkspaceAction(form: FormData): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const parsed = switchSchema.safeParse({ workspaceId: form.get("workspaceId") });
  if (parsed.success) {
    // A workspace the user does not belong to throws not_found: stay where they are.
    await setCurrentWorkspace(user.id, parsed.data.workspaceId).catch(() => undefined);
  }
  revalidatePath("/", "layout");
  redirect("/overview");
}
