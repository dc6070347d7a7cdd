/** A small table of text the engine already computed: a header row, then rows; numeric columns right-aligned. */
import type { ReactNode } from 'react';

export function PlainTable({ head, rows, numeric = [], testId }: { head: string[]; rows: { key: string; cells: ReactNode[] }[]; numeric?: boolean[]; testId?: string }) {
  return (
    <div className="table-wrap">
      <table className="audit" data-testid={testId}>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} className={numeric[i] ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((c, i) => (
                <td key={i} className={numeric[i] ? 'num' : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
