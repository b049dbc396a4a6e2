import type { ReactNode } from "react";

/** A table that scrolls sideways on small screens, with one header row of column titles; the caller gives the rows. */
export function HeadedTable({ columns, children }: { columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
