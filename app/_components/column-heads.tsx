import { cx } from "./cx";

/** A column: its label, right-aligned when it holds numbers. */
export type ColumnHead = string | { label: string; numeric?: boolean };

/** A table's header row: one `<th scope="col">` per column. */
export function ColumnHeads({
  columns,
  cellClassName = "px-3 py-2",
}: {
  columns: ColumnHead[];
  cellClassName?: string;
}) {
  return (
    <tr>
      {columns.map((c) => {
        const col = typeof c === "string" ? { label: c } : c;
        return (
          <th key={col.label} scope="col" className={cx(cellClassName, "font-medium", col.numeric && "text-right")}>
            {col.label}
          </th>
        );
      })}
    </tr>
  );
}
