/** The rows of either source, paged, sorted and filtered in DuckDB. */
import { useCallback, useState } from 'react';
import type { ColumnFilter } from '../../shared/filters';
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
  const [shown, setShown] = useState<number | null>(null);
  const fetchPage = useCallback(
    (offset: number, limit: number, sort: SortSpec[], columnFilters: ColumnFilter[]) => api().call('sources.page', { side, offset, limit, sort, columnFilters }),
    [side],
  );
  const rows = source && shown !== null && shown !== source.rows ? `${count(shown)} of ${count(source.rows)}` : source ? count(source.rows) : '';
  return (
    <section className="panel panel-fill">
      <header className="panel-head">
        <SideToggle side={side} onChange={setSide} />
        {source && (
          <span className="muted">
            <span data-testid="data-total">{rows}</span> rows · sort by a header, filter from its menu (in DuckDB, over all rows)
          </span>
        )}
      </header>
      {source ? (
        <PagedGrid
          columns={source.columns}
          fetchPage={fetchPage}
          resetKey={`${side}-${source.importedAt}`}
          onError={(e) => useWorkbench.getState().showError(e)}
          onTotal={setShown}
          testId={`data-grid-${side}`}
        />
      ) : (
        <p className="empty">No source on this side yet.</p>
      )}
    </section>
  );
}
