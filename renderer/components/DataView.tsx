/** The rows of either source, paged and sorted in DuckDB. */
import { useCallback } from 'react';
import type { SortSpec, WorkspaceState } from '../../shared/types';
import { api } from '../api/client';
import { PagedGrid } from '../grid/PagedGrid';
import { count } from '../lib/format';
import { useWorkbench } from '../store/workbench';
import { SideToggle } from './SideToggle';

export function DataView({ ws }: { ws: WorkspaceState }) {
  const side = useWorkbench((s) => s.dataSide);
  const setSide = useWorkbench((s) => s.setDataSide);
  const source = side === 'left' ? ws.left : ws.right;
  const fetchPage = useCallback(
    (offset: number, limit: number, sort: SortSpec[]) => api().call('sources.page', { side, offset, limit, sort }),
    [side],
  );
  return (
    <section className="panel panel-fill">
      <header className="panel-head">
        <SideToggle side={side} onChange={setSide} />
        {source && (
          <span className="muted">
            {count(source.rows)} rows · click a column header to sort (in DuckDB, over all rows)
          </span>
        )}
      </header>
      {source ? (
        <PagedGrid
          columns={source.columns}
          fetchPage={fetchPage}
          resetKey={`${side}-${source.importedAt}`}
          onError={(e) => useWorkbench.getState().showError(e)}
          testId={`data-grid-${side}`}
        />
      ) : (
        <p className="empty">No source on this side yet.</p>
      )}
    </section>
  );
}
