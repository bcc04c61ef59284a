import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/app/_components/page-header";
import { SubmitButton } from "@/app/_components/submit-button";
import { can, ROLE_LABEL, ROLES } from "@/lib/auth/roles";
import { listModels, type ModelKind } from "@/lib/ml/registry";
import { getSessionWorkspace } from "@/lib/web/session";
import { listInvites } from "@/lib/workspaces/invites";
import { listMembers } from "@/lib/workspaces/members";
import { listApiTokens } from "@/lib/workspaces/tokens";
import { getWorkspace } from "@/lib/workspaces/workspaces";
import { getWorkspaceSettings } from "@/lib/workspaces/settings";
import { ActionField, ActionForm, RowAction } from "@/app/_components/action-form";
import {
  changeRoleAction,
  createInviteAction,
  createTokenAction,
  createWorkspaceAction,
  deleteWorkspaceAction,
  removeMemberAction,
  renameWorkspaceAction,
  revokeInviteAction,
  revokeTokenAction,
  rollbackModelAction,
  updatePrivacyAction,
} from "./actions";
import { RoleSelect, Section, Table } from "./parts";

export const metadata: Metadata = { title: "Settings" };

const dateFmt = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
const MODEL_LABEL: Record<ModelKind, string> = { SENTIMENT: "Sentiment", THEMES: "Themes", FORECAST: "Forecast" };

export default async function SettingsPage() {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const ctx = s.ctx;
  const isAdmin = can(ctx.role, "members.manage");
  const [workspace, settings, members, invites, tokens, models] = await Promise.all([
    getWorkspace(ctx),
    getWorkspaceSettings(ctx.db, ctx.workspaceId),
    listMembers(ctx),
    isAdmin ? listInvites(ctx) : Promise.resolve([]),
    listApiTokens(ctx),
    listModels(ctx),
  ]);
  const ownerCount = members.filter((m) => m.role === "OWNER").length;
  const grantable = ROLES.filter((r) => r !== "OWNER" || ctx.role === "OWNER");

  return (
    <div className="space-y-8">
      <PageHeader title="Settings" description={`Workspace “${workspace.name}” · your role: ${ROLE_LABEL[ctx.role]}`} />

      <Section
        id="workspace"
        title="Workspace"
        description="The name your team sees. The short name (slug) identifies it in the CLI and API."
      >
        <dl className="grid gap-1 text-tremor-default sm:grid-cols-[10rem_1fr]">
          <dt className="text-tremor-content dark:text-dark-tremor-content">Slug</dt>
          <dd className="font-mono text-tremor-content-strong dark:text-dark-tremor-content-strong">
            {workspace.slug}
          </dd>
        </dl>
        {can(ctx.role, "workspace.update") ? (
          <ActionForm
            action={renameWorkspaceAction}
            className="mt-4 flex flex-wrap items-end gap-3"
            aria-label="Rename workspace"
          >
            <ActionField
              label="Workspace name"
              name="name"
              defaultValue={workspace.name}
              required
              className="min-w-64 flex-1"
            />
            <SubmitButton variant="secondary" pendingLabel="Saving…">
              Rename
            </SubmitButton>
          </ActionForm>
        ) : null}
        <ActionForm
          action={createWorkspaceAction}
          className="mt-6 flex flex-wrap items-end gap-3"
          aria-label="Create another workspace"
        >
          <ActionField
            label="New workspace"
            name="name"
            placeholder="e.g. Side project"
            hint="You will be its owner."
            required
            className="min-w-64 flex-1"
          />
          <SubmitButton variant="secondary" pendingLabel="Creating…">
            Create workspace
          </SubmitButton>
        </ActionForm>
      </Section>

      <Section
        id="privacy"
        title="Privacy"
        description="E-mail addresses, phone numbers, card numbers and IBANs in imported feedback are replaced by [email], [phone], [card] and [iban] before anything is stored. Author identifiers are always stored as a keyed hash."
      >
        {can(ctx.role, "workspace.update") ? (
          <ActionForm action={updatePrivacyAction} className="space-y-3" aria-label="Privacy settings">
            <fieldset className="space-y-2 text-tremor-default text-tremor-content-strong dark:text-dark-tremor-content-strong">
              <legend className="sr-only">Personal data in imported text</legend>
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="redactPii"
                  value="redact"
                  defaultChecked={settings.privacy.redactPii}
                  className="text-tremor-brand focus:ring-tremor-brand"
                />
                Redact personal data on import (recommended)
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="redactPii"
                  value="keep"
                  defaultChecked={!settings.privacy.redactPii}
                  className="text-tremor-brand focus:ring-tremor-brand"
                />
                Keep imported text as it is
              </label>
            </fieldset>
            <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
              Applies to imports started after the change; imported items are not rewritten.
            </p>
            <SubmitButton variant="secondary" pendingLabel="Saving…">
              Save privacy setting
            </SubmitButton>
          </ActionForm>
        ) : (
          <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">
            Personal data in imported text is {settings.privacy.redactPii ? "redacted" : "kept"}. Admins can change
            this.
          </p>
        )}
      </Section>

      <Section
        id="members"
        title="Members"
        description="Viewers read; analysts also import data and run analyses; admins also manage members and tokens; owners can also delete the workspace."
      >
        <Table head={["Name", "E-mail", "Role", "Joined", ""]}>
          {members.map((m) => {
            const self = m.user.id === ctx.actor.userId;
            const mayEdit = isAdmin && (m.role !== "OWNER" || ctx.role === "OWNER");
            return (
              <tr key={m.id}>
                <td className="font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
                  {m.user.name}
                  {self ? <span className="ml-1 text-tremor-content dark:text-dark-tremor-content">(you)</span> : null}
                </td>
                <td>{m.user.email}</td>
                <td>
                  {mayEdit ? (
                    <ActionForm
                      action={changeRoleAction}
                      className="flex items-center gap-2"
                      aria-label={`Role of ${m.user.name}`}
                    >
                      <input type="hidden" name="membershipId" value={m.id} />
                      <RoleSelect
                        name="role"
                        defaultValue={m.role}
                        roles={grantable}
                        label={`Role of ${m.user.name}`}
                      />
                      <SubmitButton variant="ghost" size="sm" pendingLabel="Saving…">
                        Save
                      </SubmitButton>
                    </ActionForm>
                  ) : (
                    ROLE_LABEL[m.role]
                  )}
                </td>
                <td>{dateFmt.format(m.joinedAt)}</td>
                <td className="text-right">
                  {(self && !(m.role === "OWNER" && ownerCount === 1)) || (!self && mayEdit) ? (
                    <RowAction
                      action={removeMemberAction}
                      field="membershipId"
                      id={m.id}
                      label={self ? "Leave" : "Remove"}
                      pendingLabel="Removing…"
                      confirm={
                        self
                          ? "Leave this workspace? You will lose access to it."
                          : `Remove ${m.user.name} from this workspace?`
                      }
                      aria-label={self ? "Leave workspace" : `Remove ${m.user.name}`}
                      redirectTo={self ? "/overview" : undefined}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </Table>
      </Section>

      {isAdmin ? (
        <Section
          id="invites"
          title="Invite teammates"
          description="Create a one-time link for a teammate's e-mail and role. It expires in 7 days."
        >
          <ActionForm
            action={createInviteAction}
            secretLabel="Invite link"
            className="flex flex-wrap items-end gap-3"
            aria-label="Invite a teammate"
          >
            <ActionField label="E-mail" name="email" type="email" required className="min-w-64 flex-1" />
            <RoleSelect name="role" defaultValue="ANALYST" roles={grantable} label="Role" showLabel />
            <SubmitButton pendingLabel="Creating…">Create invite</SubmitButton>
          </ActionForm>
          {invites.length ? (
            <div className="mt-6">
              <h3 className="mb-2 text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
                Pending invites
              </h3>
              <Table head={["E-mail", "Role", "Invited by", "Expires", ""]}>
                {invites.map((i) => (
                  <tr key={i.id}>
                    <td>{i.email}</td>
                    <td>{ROLE_LABEL[i.role]}</td>
                    <td>{i.createdBy.name}</td>
                    <td>{dateFmt.format(i.expiresAt)}</td>
                    <td className="text-right">
                      <RowAction
                        action={revokeInviteAction}
                        field="inviteId"
                        id={i.id}
                        label="Revoke"
                        pendingLabel="Revoking…"
                        aria-label={`Revoke invite for ${i.email}`}
                      />
                    </td>
                  </tr>
                ))}
              </Table>
            </div>
          ) : (
            <p className="mt-4 text-tremor-default text-tremor-content dark:text-dark-tremor-content">
              No pending invites.
            </p>
          )}
        </Section>
      ) : null}

      <Section
        id="tokens"
        title="API tokens"
        description="Tokens let scripts and the CLI use the HTTP API as you, in this workspace only. Send them as “Authorization: Bearer …”."
      >
        {can(ctx.role, "tokens.create") ? (
          <ActionForm
            action={createTokenAction}
            secretLabel="Your new API token"
            className="flex flex-wrap items-end gap-3"
            aria-label="Create an API token"
          >
            <ActionField
              label="Token name"
              name="name"
              placeholder="e.g. Nightly import"
              required
              className="min-w-64 flex-1"
            />
            <RoleSelect
              name="role"
              defaultValue="ANALYST"
              roles={ROLES.filter(
                (r) =>
                  ["VIEWER", "ANALYST", "ADMIN", "OWNER"].indexOf(r) <=
                  ["VIEWER", "ANALYST", "ADMIN", "OWNER"].indexOf(ctx.role),
              )}
              label="Token role"
              showLabel
            />
            <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
          </ActionForm>
        ) : (
          <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">
            Viewers cannot create API tokens. Ask an admin for analyst access if you need one.
          </p>
        )}
        {tokens.length ? (
          <div className="mt-6">
            <Table head={["Name", "Token", "Role", "Created by", "Last used", "Status", ""]}>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td className="font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
                    {t.name}
                  </td>
                  <td className="font-mono">{t.prefix}…</td>
                  <td>{ROLE_LABEL[t.role]}</td>
                  <td>{t.createdBy.name}</td>
                  <td>{t.lastUsedAt ? dateFmt.format(t.lastUsedAt) : "Never"}</td>
                  <td>{t.revokedAt ? "Revoked" : t.expiresAt && t.expiresAt < new Date() ? "Expired" : "Active"}</td>
                  <td className="text-right">
                    {t.revokedAt ? null : (
                      <RowAction
                        action={revokeTokenAction}
                        field="tokenId"
                        id={t.id}
                        label="Revoke"
                        pendingLabel="Revoking…"
                        confirm={`Revoke "${t.name}"? Scripts using it stop working.`}
                        aria-label={`Revoke token ${t.name}`}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          </div>
        ) : null}
      </Section>

      <Section
        id="models"
        title="Models"
        description="Models trained for this workspace, with the data they learnt from and their measured quality. Jobs use the current version; an admin can go back to an earlier one."
      >
        {models.length === 0 ? (
          <p className="text-tremor-default">
            No model has been trained for this workspace yet. Sentiment and forecasting jobs register theirs here.
          </p>
        ) : (
          <Table head={["Model", "Version", "Trained", "Backend", "Size", ""]}>
            {models.map((m) => (
              <tr key={m.id}>
                <td>{MODEL_LABEL[m.kind]}</td>
                <td>
                  v{m.version}
                  {m.isCurrent ? (
                    <span className="ml-2 text-tremor-label font-medium text-emerald-700 dark:text-emerald-300">
                      current
                    </span>
                  ) : null}
                </td>
                <td>{dateFmt.format(m.createdAt)}</td>
                <td>{m.backend ?? "—"}</td>
                <td>{(m.sizeBytes / 1024).toFixed(0)} KB</td>
                <td className="text-right">
                  {!m.isCurrent && can(ctx.role, "models.manage") ? (
                    <ActionForm action={rollbackModelAction} aria-label={`Use ${MODEL_LABEL[m.kind]} v${m.version}`}>
                      <input type="hidden" name="kind" value={m.kind} />
                      <input type="hidden" name="version" value={m.version} />
                      <SubmitButton variant="ghost" size="sm" pendingLabel="Switching…">
                        Use this version
                      </SubmitButton>
                    </ActionForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      {can(ctx.role, "workspace.delete") ? (
        <Section
          id="danger"
          title="Delete workspace"
          description="Deletes the workspace with all its feedback, market data, analyses and reports. This cannot be undone."
          tone="danger"
        >
          <ActionForm
            action={deleteWorkspaceAction}
            className="flex flex-wrap items-end gap-3"
            aria-label="Delete workspace"
            redirectTo="/overview"
          >
            <ActionField
              label={`Type “${workspace.slug}” to confirm`}
              name="confirm"
              autoComplete="off"
              required
              className="min-w-64 flex-1"
            />
            <SubmitButton variant="danger" pendingLabel="Deleting…">
              Delete workspace
            </SubmitButton>
          </ActionForm>
        </Section>
      ) : null}
    </div>
  );
}
