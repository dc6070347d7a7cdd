/** Both rows side by side: every column, the differing cells marked, the difference, the tolerance and the zones. */
import { useEffect, useState } from 'react';
import type { CellDetail, RowDetail as Detail } from '../../shared/compare';
import { api } from '../api/client';
import { useWorkbench } from '../store/workbench';
import { RowNotes } from '../notes/RowNotes';
import { useNotes } from '../store/notes';

const STATUS_LABEL: Record<CellDetail['status'], string> = {
  equal: 'equal',
  within_tolerance: 'within tolerance',
  mismatch: 'differs',
  null_difference: 'null on one side',
};

function Zone({ cell }: { cell: CellDetail }) {
  const { zone } = cell;
  if (!zone.left && !zone.right) return null;
  return (
    <div className="zone-note small">
      {zone.left && (
        <span>
          legacy read in <strong>{zone.left}</strong>
          {zone.leftEdge && <span className="edge"> · {zone.leftEdge === 'nonexistent' ? 'local time did not exist (DST gap)' : 'local time happened twice (DST)'}</span>}
        </span>
      )}
      {zone.right && <span> · new read in {zone.right}</span>}
    </div>
  );
}

// A stable empty key: a fresh [] from a selector would re-render forever.
const NO_KEY: never[] = [];
const right0 = (d: Detail | null): Record<string, string | null> => d?.rightRows[0] ?? {};

export function RowDetailPanel() {
  const rowKey = useWorkbench((s) => s.rowKey);
  const rowId = useWorkbench((s) => s.rowId);
  const keySpec = useWorkbench((s) => s.workspace?.contract?.key ?? NO_KEY);
  const close = () => useWorkbench.getState().openRow(null);
  const [detail, setDetail] = useState<{ key: string; value: Detail } | null>(null);
  const keyText = JSON.stringify(rowKey);
  useEffect(() => {
    if (!rowKey) return;
    let live = true;
    api()
      .call('compare.row', { key: rowKey })
      .then((d) => live && setDetail({ key: keyText, value: d }))
      .catch((e) => {
        useWorkbench.getState().showError(e);
        close();
      });
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !useNotes.getState().annotate && close();
    window.addEventListener('keydown', onKey);
    return () => {
      live = false;
      window.removeEventListener('keydown', onKey);
    };
  }, [keyText, rowKey]);
  if (!rowKey) return null;
  const d = detail?.key === keyText ? detail.value : null;
  const compared = new Set(d?.cells.flatMap((c) => [c.column]) ?? []);
  const left = d?.leftRows[0] ?? {};
  const right = d?.rightRows[0] ?? {};
  // The key first: its legacy and new columns on one line.
  const keyPairs = keySpec.map((k) => {
    const right = k.right ?? Object.keys(right0(d)).find((c) => c.toLowerCase().replace(/[\s_-]/g, '') === k.left.toLowerCase().replace(/[\s_-]/g, '')) ?? k.left;
    return [k.left, right];
  });
  const pairs = [...keyPairs, ...(d?.cells.map((c) => [c.column, c.rightColumn]) ?? [])];
  const others = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((c) => !pairs.some(([l, r]) => l === c || r === c));
  return (
    <aside className="drawer" role="dialog" aria-label="Row detail" data-testid="row-detail">
      <header className="drawer-head">
        <div>
          <h2>
            Key <code>{rowKey.map((k) => k ?? '∅').join(' · ')}</code>
          </h2>
          {d && <span className="muted small">{d.classes.map((c) => c.replace('_', ' ')).join(', ') || 'equal'}</span>}
        </div>
        <button className="btn-icon" aria-label="Close row detail" onClick={close}>
          ×
        </button>
      </header>
      {!d ? (
        <p className="empty">Loading…</p>
      ) : (
        <div className="drawer-body">
          {rowId && <RowNotes exceptionId={rowId} title={`the exception with key ${rowKey.map((k) => k ?? '∅').join(' · ')}`} />}
          {(d.leftRows.length > 1 || d.rightRows.length > 1) && (
            <p className="inline-error">
              This key has {d.leftRows.length} legacy and {d.rightRows.length} new rows; the first of each is shown.
            </p>
          )}
          <table className="detail" data-testid="detail-table">
            <thead>
              <tr>
                <th>Column</th>
                <th>
                  <span className="side-dot side-left" />
                  Legacy
                </th>
                <th>
                  <span className="side-dot side-right" />
                  New
                </th>
                <th>Comparison</th>
              </tr>
            </thead>
            <tbody>
              {keyPairs.map(([l, r]) => (
                <tr key={`key-${l}`} className="row-key">
                  <td className="colname">
                    {l}
                    {r !== l && <div className="muted small">→ {r}</div>}
                  </td>
                  <td>{left[l] ?? <span className="muted">—</span>}</td>
                  <td>{right[r] ?? <span className="muted">—</span>}</td>
                  <td className="muted small">business key</td>
                </tr>
              ))}
              {d.cells.map((c) => (
                <tr key={c.column} className={c.status === 'equal' ? '' : c.status === 'within_tolerance' ? 'cell-within' : 'cell-differs'} data-testid={`detail-${c.column}`}>
                  <td className="colname">
                    {c.column}
                    {c.rightColumn !== c.column && <div className="muted small">→ {c.rightColumn}</div>}
                  </td>
                  <td>
                    {c.left ?? <span className="muted">∅</span>}
                    {c.kind === 'timestamp' && c.leftCompared && c.leftCompared !== c.left && <div className="muted small">= {c.leftCompared} UTC</div>}
                  </td>
                  <td>
                    {c.right ?? <span className="muted">∅</span>}
                    {c.kind === 'timestamp' && c.rightCompared && c.rightCompared !== c.right && <div className="muted small">= {c.rightCompared} UTC</div>}
                  </td>
                  <td>
                    <strong>{STATUS_LABEL[c.status]}</strong>
                    {c.diff && <span> · Δ {c.diff}{c.kind === 'timestamp' ? ' s' : ''}</span>}
                    <div className="muted small">{c.tolerance}</div>
                    <Zone cell={c} />
                  </td>
                </tr>
              ))}
              {others.map((col) => (
                <tr key={col} className={compared.has(col) ? '' : 'row-other'}>
                  <td className="colname muted">{col}</td>
                  <td>{col in left ? (left[col] ?? <span className="muted">∅</span>) : <span className="muted">—</span>}</td>
                  <td>{col in right ? (right[col] ?? <span className="muted">∅</span>) : <span className="muted">—</span>}</td>
                  <td className="muted small">not compared</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </aside>
  );
}
