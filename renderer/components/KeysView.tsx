/** The offending key values: repeated keys with their row counts, and rows whose key has a null. */
import { useCallback } from 'react';
import type { ColumnFilter } from '../../shared/filters';
import type { Side, SortSpec, WorkspaceState } from '../../shared/types';
import { api } from '../api/client';
import { PagedGrid } from '../grid/PagedGrid';
import { count } from '../lib/format';
import { useWorkbench } from '../store/workbench';

function KeyList({ ws, side, kind }: { ws: WorkspaceState; side: Side; kind: 'duplicate' | 'null' }) {
  const key = ws.report?.key;
  const source = side === 'left' ? ws.left : ws.right;
  const fetchPage = useCallback(
    (offset: number, limit: number, sort: SortSpec[], columnFilters: ColumnFilter[]) => api().call('technical.keyValues', { side, kind, offset, limit, sort, columnFilters }),
    [side, kind],
  );
  if (!key || !source) return null;
  const total = kind === 'duplicate' ? (side === 'left' ? key.duplicateValuesLeft : key.duplicateValuesRight) : side === 'left' ? key.nullKeysLeft : key.nullKeysRight;
  const keyCols = key.columns.map((k) => (side === 'left' ? k.left : k.right));
  const columns =
    kind === 'duplicate'
      ? [...keyCols.map((name) => ({ name, type: source.columns.find((c) => c.name === name)?.type ?? 'VARCHAR' })), { name: 'rows', type: 'BIGINT' }]
      : source.columns;
  const title = kind === 'duplicate' ? 'Repeated keys' : 'Rows with a null key';
  return (
    <section className="panel">
      <header className="panel-head">
        <h3>
          <span className={`side-dot side-${side}`} />
          {side === 'left' ? 'Legacy' : 'New'} · {title}
        </h3>
        <span className="muted" data-testid={`keys-${kind}-${side}-count`}>{count(total)}</span>
      </header>
      {total === 0 ? (
        <p className="empty">None.</p>
      ) : (
        <PagedGrid
          columns={columns}
          fetchPage={fetchPage}
          resetKey={`${side}-${kind}-${ws.report?.computedAt}`}
          onError={(e) => useWorkbench.getState().showError(e)}
          testId={`keys-${kind}-${side}`}
        />
      )}
    </section>
  );
}

export function KeysView({ ws }: { ws: WorkspaceState }) {
  const key = ws.report?.key;
  if (!key) return <p className="empty">Choose a business key on the Technical parity tab first.</p>;
  return (
    <div className="keys-grid">
      <KeyList ws={ws} side="left" kind="duplicate" />
      <KeyList ws={ws} side="right" kind="duplicate" />
      <KeyList ws={ws} side="left" kind="null" />
      <KeyList ws={ws} side="right" kind="null" />
    </div>
  );
}
