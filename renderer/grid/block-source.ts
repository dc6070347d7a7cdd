/**
 * AG Grid's infinite row model asks for one block per request, and a scroll that lands across two blocks
 * asks for both at once. Each engine lane runs one query at a time, so two requests cost two queries
 * back to back; the blocks asked in the same moment are fetched here as one range and handed out again.
 * A scroll can also fetch its blocks the moment it happens (`ahead`), before the grid has drawn its empty
 * rows and asked: the grid's own request then takes the page already on its way.
 */
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import { decodePage } from '../../shared/arrow-cells';
import type { ColumnFilter } from '../../shared/filters';
import type { SortSpec, TablePage } from '../../shared/types';
import type { Row } from './cells';
import { toColumnFilters } from './filter-model';

export type FetchPage = (offset: number, limit: number, sort: SortSpec[], columnFilters: ColumnFilter[]) => Promise<TablePage>;

export interface BlockSourceOptions {
  fetchPage: FetchPage;
  /** Rows per block, as the grid asks for them. */
  block: number;
  onTotal?: (total: number) => void;
  onError?: (error: unknown) => void;
  /** First rows of the blocks the grid is loading; a request waits for the others only while some of them are still to be asked. */
  loading?: () => number[];
  /** After the grid took a block's rows (or learnt it failed). */
  onAnswered?: () => void;
}

export interface BlockSource extends IDatasource {
  /** Fetches now the blocks holding rows [first, last) in the list's current view, unless `have` says the grid holds (or is loading) one. */
  ahead(first: number, last: number, have: (start: number) => boolean): void;
  /**
   * Puts the list in another order (the grid's own sort: AG Grid's sort model is not used) and fetches its
   * first block now; the grid's next requests are answered in that order.
   */
  resort(sort: SortSpec[]): void;
  /** Drops what was fetched ahead (the rows changed). */
  forget(): void;
}

interface Asked {
  params: IGetRowsParams;
  sort: SortSpec[];
  filters: ColumnFilter[];
  /** Requests with the same sort and filters may share a range. */
  view: string;
}

interface Slice {
  rows: Row[];
  lastRow: number;
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

/** Past this many blocks fetched ahead and never asked for, the oldest is dropped. */
const KEEP_AHEAD = 8;

export function blockSource({ fetchPage, block, onTotal, onError, loading, onAnswered }: BlockSourceOptions): BlockSource {
  let waiting: Asked[] = [];
  /** Starts of the blocks asked and not yet answered. */
  const unanswered = new Set<number>();
  /** Blocks fetched ahead, by view and first row. */
  const early = new Map<string, Promise<Slice>>();
  let current: Pick<Asked, 'sort' | 'filters' | 'view'> | null = null;
  /** The order the grid shows (its own; see resort). */
  let order: SortSpec[] = [];
  const viewOf = (sort: SortSpec[], filters: ColumnFilter[]) => JSON.stringify([sort, filters]);

  const fetchAhead = (starts: number[], sort: SortSpec[], filters: ColumnFilter[]) => {
    const view = viewOf(sort, filters);
    for (const run of contiguousRuns(starts.map((start) => ({ start, end: start + block, view })))) {
      const range = fetchRange(run[0].start, run[run.length - 1].end, sort, filters);
      for (const { start, end } of run) {
        const slice = range.then((of) => of(start, end));
        // A page fetched ahead that nobody asks for is not a failure to report.
        slice.catch(() => undefined);
        early.set(`${view}@${start}`, slice);
      }
    }
    while (early.size > KEEP_AHEAD) early.delete(early.keys().next().value!);
  };

  /** One range fetched and decoded; each block takes its own rows. */
  const fetchRange = (start: number, end: number, sort: SortSpec[], filters: ColumnFilter[]) =>
    fetchPage(start, end - start, sort, filters).then((page) => {
      onTotal?.(page.total);
      const rows = decodePage(page.arrow).rows as Row[];
      // The last row once the range came back short or reached the total; until then, the total.
      const reached = start + rows.length;
      const lastRow = rows.length < end - start || reached >= page.total ? reached : page.total;
      return (from: number, to: number): Slice => ({ rows: rows.slice(from - start, to - start), lastRow });
    });

  const answer = (a: { params: IGetRowsParams }, slice: Promise<Slice>) => {
    slice
      .then(({ rows, lastRow }) => a.params.successCallback(rows, lastRow))
      .catch((error) => {
        a.params.failCallback();
        onError?.(error);
      })
      .finally(() => {
        unanswered.delete(a.params.startRow);
        onAnswered?.();
      });
  };

  const flush = () => {
    const batch = waiting;
    waiting = [];
    const spans = batch.map((a) => ({ ...a, start: a.params.startRow, end: a.params.endRow }));
    for (const run of contiguousRuns(spans)) {
      const range = fetchRange(run[0].start, run[run.length - 1].end, run[0].sort, run[0].filters);
      for (const a of run) answer(a, range.then((slice) => slice(a.start, a.end)));
    }
  };

  return {
    getRows(params: IGetRowsParams) {
      const filters = toColumnFilters(params.filterModel);
      const sort = order;
      const view = viewOf(sort, filters);
      // Pages fetched ahead in another view are of no use now (one fetched for this view as it was
      // chosen is kept).
      if (current?.view !== view) for (const key of [...early.keys()]) if (!key.startsWith(`${view}@`)) early.delete(key);
      current = { sort, filters, view };
      unanswered.add(params.startRow);
      const key = `${view}@${params.startRow}`;
      const fetched = early.get(key);
      if (fetched) {
        early.delete(key);
        answer({ params }, fetched);
        return;
      }
      waiting.push({ params, sort, filters, view });
      // AG Grid hands each block to the datasource in its own timer task, all queued together. While the
      // grid is loading a block not asked yet, its request is on the way and may share the range: a timer
      // queued now runs after it. Otherwise the request leaves now, not after the next frame.
      const toCome = loading?.().some((start) => !unanswered.has(start)) ?? true;
      if (!toCome) flush();
      else if (waiting.length === 1) setTimeout(flush, 0);
    },

    ahead(first, last, have) {
      if (!current) return;
      const starts: number[] = [];
      for (let start = Math.floor(Math.max(0, first) / block) * block; start < last; start += block) {
        if (!have(start) && !early.has(`${current.view}@${start}`)) starts.push(start);
      }
      if (starts.length) fetchAhead(starts, current.sort, current.filters);
    },

    resort(sort) {
      order = sort;
      if (!current || early.has(`${viewOf(sort, current.filters)}@0`)) return;
      fetchAhead([0], sort, current.filters);
    },

    forget() {
      early.clear();
    },
  };
}
