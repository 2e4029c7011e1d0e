// A table of rows with a header cell per row (the thing the row is about) and data cells: the markup every figures
// table on the site shares (caption, column headers with scope, numbers right-aligned).
import type { ReactNode } from "react";

export interface Column<T> {
  label: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned, tabular digits. */
  num?: boolean;
  /** A label for screen readers only (e.g. "Actions"). */
  hidden?: boolean;
}

interface Props<T> {
  caption: ReactNode;
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The first column: a header cell per row. */
  head: Column<T>;
  columns: Column<T>[];
  className?: string;
  testId?: string;
}

export function DataTable<T>({ caption, rows, rowKey, head, columns, className, testId }: Props<T>) {
  return (
    <table className={className} data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {[head, ...columns].map((c) => (
            <th scope="col" key={c.label}>
              {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowKey(r)}>
            <th scope="row">{head.cell(r)}</th>
            {columns.map((c) => (
              <td key={c.label} className={c.num ? "num" : undefined}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
