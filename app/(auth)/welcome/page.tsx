import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionWorkspace } from "@/lib/web/session";
import { CreateWorkspaceForm } from "./create-workspace-form";

export const metadata: Metadata = { title: "Create a workspace" };

/** Where a signed-in user with no workspace lands (e.g. after leaving their last one). */
export default async function WelcomePage() {
  const s = await getSessionWorkspace();
  if (!s) redirect("/login");
  if (s.ctx) redirect("/overview");
  return <CreateWorkspaceForm />;
}
