import { ROLE_LABEL, type Role } from "@/lib/auth/roles";
import { cx } from "@/app/_components/cx";
import { inputStyles } from "@/app/_components/field";

export function Section({
  id,
  title,
  description,
  tone,
  children,
}: {
  id: string;
  title: string;
  description: string;
  tone?: "danger";
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cx(
        "rounded-tremor-default border bg-tremor-background p-6 shadow-tremor-card dark:bg-dark-tremor-background dark:shadow-dark-tremor-card",
        tone === "danger"
          ? "border-rose-300 dark:border-rose-900"
          : "border-tremor-border dark:border-dark-tremor-border",
      )}
    >
      <h2
        id={`${id}-title`}
        className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
      >
        {title}
      </h2>
      <p className="mb-4 mt-1 text-tremor-default text-tremor-content dark:text-dark-tremor-content">{description}</p>
      {children}
    </section>
  );
}

export function RoleSelect({
  name,
  defaultValue,
  roles,
  label,
  showLabel = false,
}: {
  name: string;
  defaultValue: Role;
  roles: readonly Role[];
  label: string;
  showLabel?: boolean;
}) {
  return (
    <label className="block space-y-1.5 text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
      <span className={showLabel ? "block" : "sr-only"}>{label}</span>
      <select name={name} defaultValue={defaultValue} className={cx(inputStyles, "w-36 pr-8")}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABEL[r]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Table({ head, children }: { head: string[]; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-tremor-default text-tremor-content dark:text-dark-tremor-content [&_td]:border-t [&_td]:border-tremor-border [&_td]:px-2 [&_td]:py-2 dark:[&_td]:border-dark-tremor-border">
        <thead>
          <tr>
            {head.map((h, i) => (
              <th
                key={i}
                scope="col"
                className="px-2 pb-2 text-tremor-label font-semibold uppercase tracking-wide text-tremor-content-subtle dark:text-dark-tremor-content-subtle"
              >
                {h || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
