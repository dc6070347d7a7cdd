/** Which paired columns are compared, as what kind, and with which tolerances, options and value maps. */
import type { ColumnPairReport } from '../../shared/types';
import { kindOfType } from '../../shared/column-kind';
import { columnKinds } from '../../shared/contract';
import { shortType } from '../lib/format';
import { columnsOf, mapToText, textToMap, type ColumnDraft, type Draft } from './draft';

export function ColumnsEditor({ draft, pairs, keyColumns, onChange }: { draft: Draft; pairs: ColumnPairReport[]; keyColumns: string[]; onChange: (d: Draft) => void }) {
  const cols = columnsOf(draft);
  const set = (next: ColumnDraft[]) => onChange({ ...draft, columns: next.map((c) => (Object.keys(c).length === 1 ? c.left : c)) });
  const patch = (left: string, p: Partial<ColumnDraft>) =>
    set(cols.map((c) => {
      if (c.left !== left) return c;
      const next: Record<string, unknown> = { ...c, ...p };
      for (const [k, v] of Object.entries(next)) if (v === undefined || v === '' || v === false) delete next[k];
      return next as ColumnDraft;
    }));
  const candidates = pairs.filter((p) => p.left && p.right && !keyColumns.includes(p.left));
  return (
    <div className="table-wrap">
      <table className="schema contract-columns" data-testid="contract-columns">
        <thead>
          <tr>
            <th>Compare</th>
            <th>Legacy → new</th>
            <th>Types</th>
            <th>Kind</th>
            <th>Tolerance / options</th>
            <th>Value map (legacy=new)</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((p) => {
            const left = p.left as string;
            const c = cols.find((x) => x.left === left);
            // Only the options the column's kind uses: tolerances for numbers, seconds for timestamps, text options for text.
            const kind = c?.kind ?? kindOfType(p.leftType ?? 'VARCHAR');
            return (
              <tr key={left} className={c ? '' : 'row-only'}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare ${left}`}
                    checked={Boolean(c)}
                    onChange={(e) => set(e.target.checked ? [...cols, p.right === left ? { left } : { left, right: p.right as string }] : cols.filter((x) => x.left !== left))}
                  />
                </td>
                <td className="colname">
                  {left}
                  {p.right !== left && <span className="muted"> → {p.right}</span>}
                </td>
                <td className="muted small">
                  {shortType(p.leftType)}
                  {p.typeChange && ` → ${shortType(p.rightType)}`}
                </td>
                <td>
                  {c && (
                    <select className="select-small" value={c.kind ?? ''} aria-label={`Kind of ${left}`} onChange={(e) => patch(left, { kind: (e.target.value || undefined) as ColumnDraft['kind'] })}>
                      <option value="">by type</option>
                      {columnKinds.map((k) => (
                        <option key={k} value={k}>
                          {k}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  {c && (
                    <span className="opts">
                      {kind === 'number' && (
                        <>
                          <input className="tol-input" placeholder="± abs" aria-label={`Absolute tolerance of ${left}`} value={c.absTol ?? ''} onChange={(e) => patch(left, { absTol: e.target.value.trim() || undefined })} />
                          <input className="tol-input" placeholder="± rel" aria-label={`Relative tolerance of ${left}`} value={c.relTol ?? ''} onChange={(e) => patch(left, { relTol: e.target.value.trim() || undefined })} />
                        </>
                      )}
                      {kind === 'timestamp' && (
                        <label className="inline">
                          ±
                          <input className="tol-input" type="number" min={0} placeholder="0" aria-label={`Seconds of tolerance on ${left}`} value={c.toleranceSeconds ?? ''} onChange={(e) => patch(left, { toleranceSeconds: e.target.value === '' ? undefined : Number(e.target.value) })} />
                          seconds
                        </label>
                      )}
                      {kind === 'text' && (
                        <>
                          <label className="inline">
                            <input type="checkbox" checked={Boolean(c.trim)} onChange={(e) => patch(left, { trim: e.target.checked })} />
                            trim
                          </label>
                          <label className="inline">
                            <input type="checkbox" checked={Boolean(c.ignoreCase)} onChange={(e) => patch(left, { ignoreCase: e.target.checked })} />
                            ignore case
                          </label>
                        </>
                      )}
                      {(kind === 'date' || kind === 'boolean') && <span className="muted small">exact</span>}
                    </span>
                  )}
                </td>
                <td>
                  {c && (
                    <textarea
                      className="map-input"
                      rows={Math.min(4, Math.max(1, Object.keys(c.valueMap ?? {}).length))}
                      aria-label={`Value map of ${left}`}
                      placeholder="C=closed"
                      defaultValue={mapToText(c.valueMap)}
                      onBlur={(e) => patch(left, { valueMap: textToMap(e.target.value) })}
                    />
                  )}
                  {c && (
                    <input
                      className="map-input"
                      aria-label={`Mapping table of ${left}`}
                      placeholder="or a CSV mapping table"
                      title="A CSV file: legacy value, new value (a header line first). Entries above win over the table's."
                      defaultValue={c.valueMapFile ?? ''}
                      onBlur={(e) => patch(left, { valueMapFile: e.target.value.trim() || undefined })}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
