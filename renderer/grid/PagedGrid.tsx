/**
 * A grid over any engine-side relation: AG Grid's infinite row model asks for blocks, the engine sorts
 * and slices in DuckDB. One request at a time, because each engine lane runs one query at a time.
 */
import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import { decodePage } from '../../shared/arrow-cells';
import type { ColumnInfo, SortSpec, TablePage } from '../../shared/types';
import { columnDef, type Row } from './cells';
import { gridTheme } from './theme';

export interface PagedGridProps {
  columns: ColumnInfo[];
  fetchPage: (offset: number, limit: number, sort: SortSpec[]) => Promise<TablePage>;
  /** Changing it starts the grid afresh (new source, new key). */
  resetKey: string;
  onError?: (error: unknown) => void;
  testId?: string;
}

const BLOCK = 100;

export function PagedGrid({ columns, fetchPage, resetKey, onError, testId }: PagedGridProps) {
  const columnDefs = useMemo(() => columns.map((c, i) => columnDef(c.name, c.type, i, true)), [columns]);
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params: IGetRowsParams) {
        const sort = params.sortModel.map((s) => ({ column: s.colId, direction: s.sort }) as SortSpec);
        fetchPage(params.startRow, params.endRow - params.startRow, sort)
          .then((page) => {
            const rows = decodePage(page.arrow).rows as Row[];
            const end = params.startRow + rows.length;
            params.successCallback(rows, rows.length < params.endRow - params.startRow || end >= page.total ? end : page.total);
          })
          .catch((error) => {
            params.failCallback();
            onError?.(error);
          });
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [resetKey],
  );
  return (
    <div className="grid-frame" data-testid={testId}>
      <AgGridReact<Row>
        key={resetKey}
        theme={gridTheme}
        rowModelType="infinite"
        datasource={datasource}
        columnDefs={columnDefs}
        cacheBlockSize={BLOCK}
        maxConcurrentDatasourceRequests={1}
        blockLoadDebounceMillis={60}
        maxBlocksInCache={50}
        defaultColDef={{ flex: 1 }}
        tooltipShowDelay={400}
      />
    </div>
  );
}
