/**
 * AG Grid's infinite row model asks for one block per request, and a scroll that lands across two blocks
 * asks for both at once. Each engine lane runs one query at a time, so two requests cost two queries
 * back to back; the blocks asked in the same moment are fetched here as one range and handed out again.
 */
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import { decodePage } from '../../shared/arrow-cells';
import type { ColumnFilter } from '../../shared/filters';
import type { SortSpec, TablePage } from '../../shared/types';
import type { Row } from './cells';
import { toColumnFilters } from './filter-model';

export type FetchPage = (offset: number, limit: number, sort: SortSpec[], columnFilters: ColumnFilter[]) => Promise<TablePage>;

interface Asked {
  params: IGetRowsParams;
  sort: SortSpec[];
  filters: ColumnFilter[];
  /** Requests with the same sort and filters may share a range. */
  view: string;
}

/** Requests in one list are contiguous and share a view; each list becomes one fetch. */
export function contiguousRuns<T extends { start: number; end: number; view: string }>(asked: T[]): T[][] {
  const sorted = [...asked].sort((a, b) => (a.view === b.view ? a.start - b.start : a.view < b.view ? -1 : 1));
  const runs: T[][] = [];
  for (const a of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (last && last.view === a.view && last.end === a.start) run.push(a);
    else runs.push([a]);
  }
  return runs;
}

export function blockSource(fetchPage: FetchPage, onTotal?: (total: number) => void, onError?: (error: unknown) => void): IDatasource {
  let waiting: Asked[] = [];
  const flush = () => {
    const batch = waiting;
    waiting = [];
    const spans = batch.map((a) => ({ ...a, start: a.params.startRow, end: a.params.endRow }));
    for (const run of contiguousRuns(spans)) {
      const start = run[0].start;
      const end = run[run.length - 1].end;
      fetchPage(start, end - start, run[0].sort, run[0].filters)
        .then((page) => {
          onTotal?.(page.total);
          const rows = decodePage(page.arrow).rows as Row[];
          // The last row once the range came back short or reached the total; until then, the total.
          const reached = start + rows.length;
          const lastRow = rows.length < end - start || reached >= page.total ? reached : page.total;
          for (const a of run) a.params.successCallback(rows.slice(a.start - start, a.end - start), lastRow);
        })
        .catch((error) => {
          for (const a of run) a.params.failCallback();
          onError?.(error);
        });
    }
  };
  return {
    getRows(params: IGetRowsParams) {
      const sort = params.sortModel.map((s) => ({ column: s.colId, direction: s.sort }) as SortSpec);
      const filters = toColumnFilters(params.filterModel);
      // AG Grid hands each block to the datasource in its own timer task, all queued together: a timer
      // queued from the first runs after the others have arrived.
      if (waiting.length === 0) setTimeout(flush, 0);
      waiting.push({ params, sort, filters, view: JSON.stringify([sort, filters]) });
    },
  };
}
