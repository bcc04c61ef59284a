import { redirect } from "next/navigation";
import { AppShell } from "@/app/_components/app-shell";
import { getSessionWorkspace } from "@/lib/web/session";
import { switchWorkspaceAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const s = await getSessionWorkspace();
  if (!s) redirect("/login");
  if (!s.ctx) redirect("/welcome");
  return (
    <AppShell
      user={{ name: s.user.name, email: s.user.email }}
      workspaces={s.workspaces}
      currentWorkspaceId={s.ctx.workspaceId}
      switchWorkspace={switchWorkspaceAction}
      signOutHref="/logout"
    >
      {children}
    </AppShell>
  );
}
