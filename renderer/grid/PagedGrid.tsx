/**
 * A grid over any engine-side relation: AG Grid's infinite row model asks for blocks, the engine sorts
 * and slices in DuckDB. Each engine lane runs one query at a time on its connection; blocks asked
 * together (a scroll often lands across two) are fetched as one range (see block-source.ts).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CellKeyDownEvent, GridApi, IDatasource, RowClickedEvent, SelectionChangedEvent } from 'ag-grid-community';
import type { ColumnInfo, SortSpec } from '../../shared/types';
import { useWorkbench } from '../store/workbench';
import { columnDef, type Row } from './cells';
import { copyOnCtrlC } from './copy-tsv';
import { blockSource, type BlockSource, type FetchPage } from './block-source';
import { rememberWidth, rememberedWidths } from './grid-memory';
import { gridTheme } from './theme';
import { FILTERED_FLEX_COLUMNS, MULTI_ROW_SELECTION } from './grid-options';
import { scrollHold, type ScrollHold } from './scroll-hold';
import { GridSort, SortHeader } from './sort-header';
import { useOwnDomGrid } from './own-dom-grid';

export interface PagedGridProps {
  columns: ColumnInfo[];
  fetchPage: FetchPage;
  /** Changing it starts a new list in the same grid (new source, new key, new run): top, unsorted, unfiltered. */
  resetKey: string;
  /** A grid built ahead, or kept while out of sight, asks for nothing until it is active. */
  active?: boolean;
  onError?: (error: unknown) => void;
  /** Enter or a click on a row. */
  onOpen?: (row: Row) => void;
  /** The row count after the header filters, whenever a page arrives. */
  onTotal?: (total: number) => void;
  /** Widths are remembered per grid id. */
  gridId?: string;
  testId?: string;
  /** Leading columns that stay in view while the grid scrolls sideways (class and key in the exception list). */
  pinnedLeft?: number;
  /** Changing it fetches the loaded blocks again in place (an annotation changed), keeping scroll and selection. */
  refreshKey?: number;
  /** The selected rows (click, Ctrl/Shift+click), whenever the selection changes. */
  onSelection?: (rows: Row[]) => void;
  /**
   * When it turns true (the list comes into view), the keyboard moves to the first row once it is in, so
   * arrows and Enter go on working after a drill step; a field the analyst is typing in keeps the focus.
   */
  focused?: boolean;
}

const NO_ROWS: IDatasource = { getRows: (p) => p.successCallback([], 0) };

/**
 * Rows per request; a caller may fetch the first block ahead (see ExceptionRows). A jump lands across one
 * or two blocks, all fetched, decoded and handed to the grid before it draws: 50-row blocks showed 12 new
 * pages deep in 10M exceptions in a median 71–76 ms against 78–80 with 100 (two alternating runs each).
 */
export const BLOCK = 50;
/**
 * Rows drawn beyond those in view, above and below. Each row drawn costs a page on a small machine: with
 * 2 instead of 4 (24 rows drawn instead of 28), 10M exceptions scrolled to 12 new pages showed them in a
 * median 78–85 ms instead of 98–99 (two alternating runs of each, 2 cores).
 */
const ROW_BUFFER = 2;

type BlockState = { startRow: number; pageStatus: string };
/** First rows of the blocks the grid's cache holds in one of these states (in any state when none is named). */
const blockStarts = (api: GridApi<Row>, ...states: string[]) =>
  Object.values(api.getCacheBlockState() as Record<string, BlockState>)
    .filter((b) => !states.length || states.includes(b.pageStatus))
    .map((b) => b.startRow);

export function PagedGrid({ columns, fetchPage, resetKey, active = true, onError, onOpen, onTotal, gridId, testId, pinnedLeft = 0, refreshKey, onSelection, focused = false }: PagedGridProps) {
  const theme = useWorkbench((s) => s.view.theme);
  const source = useRef<BlockSource | null>(null);
  const gridApi = useRef<GridApi<Row> | null>(null);
  const [sorting] = useState(() => new GridSort());
  const resort = (sort: SortSpec[]) => {
    const api = gridApi.current;
    if (!api || !source.current) return;
    source.current.resort(sort);
    // Rows keep their places, not their meaning: a selection would now name other rows.
    api.deselectAll();
    // With only the rows at the top in hand, they stay drawn and take the new order's values in place as
    // its first page comes. Rows held further down would each be fetched again in the new order: the grid
    // drops them all and draws the top afresh, as a new list.
    const drawnAtTop = api.getLastDisplayedRowIndex() - api.getFirstDisplayedRowIndex() + 1 + ROW_BUFFER;
    if (blockStarts(api).every((start) => start < drawnAtTop)) {
      if (api.getDisplayedRowCount() > 0) api.ensureIndexVisible(0, 'top');
      api.refreshInfiniteCache();
    } else {
      // The same source under a new identity: AG Grid starts its cache afresh only for a datasource it has not got.
      api.setGridOption('datasource', { ...source.current });
    }
  };
  useLayoutEffect(() => sorting.onSorted(resort));
  const columnDefs = useMemo(
    () =>
      rememberedWidths(
        gridId,
        columns.map((c, i) => ({
          // Sorted by the grid's own headers, not by AG Grid (see sort-header.ts).
          ...columnDef(c.name, c.type, i, false, true),
          headerComponent: SortHeader,
          headerComponentParams: { sorting },
          ...(i < pinnedLeft ? { pinned: 'left' as const } : {}),
        })),
      ),
    [columns, gridId, pinnedLeft, sorting],
  );
  const keyDown = (event: CellKeyDownEvent<Row>) => {
    if (copyOnCtrlC(event)) return;
    if ((event.event as KeyboardEvent | null)?.key === 'Enter' && event.data) onOpen?.(event.data);
  };
  const gridElement = useRef<HTMLDivElement | null>(null);
  useOwnDomGrid<Row>(gridElement, {
    theme: gridTheme(theme),
    rowModelType: 'infinite',
    columnDefs,
    cacheBlockSize: BLOCK,
    maxConcurrentDatasourceRequests: 2,
    // A block is asked in the task that needs it, not after the frame that draws its empty rows:
    // the engine works while the page paints (sort and scroll: the request leaves ~15 ms sooner).
    blockLoadDebounceMillis: 0,
    maxBlocksInCache: 50,
    // Only the rows in view (and a few around them) are drawn, and of a wide list only the columns in
    // view: drawing is most of what a page costs. A narrow list keeps every column, ready to click.
    rowBuffer: ROW_BUFFER,
    // Rows are drawn in the frame their data arrives in, not spread over the next frames: one paint
    // (the costly part on a machine without a GPU) instead of several.
    suppressAnimationFrame: true,
    // A page's rows replace empty ones in place; nothing moves that an animation would help to follow.
    animateRows: false,
    suppressColumnVirtualisation: columns.length <= 30,
    // A new list (or a sort from deep down the list) drops the grid to one row while its first page is
    // read; a scrollbar that came and went with it made the grid measure and lay out its columns again
    // twice on the way.
    alwaysShowVerticalScroll: true,
    defaultColDef: FILTERED_FLEX_COLUMNS,
    tooltipShowDelay: 400,
    rowSelection: MULTI_ROW_SELECTION,
    onCellKeyDown: keyDown,
    onRowClicked: (e: RowClickedEvent<Row>) => {
      // Ctrl/Cmd/Shift+click builds a selection; a plain click opens the row.
      const mouse = e.event as MouseEvent | null;
      if (mouse && (mouse.ctrlKey || mouse.metaKey || mouse.shiftKey)) return;
      if (e.data) onOpen?.(e.data);
    },
    onColumnResized: rememberWidth(gridId),
    onSelectionChanged: (e: SelectionChangedEvent<Row>) => onSelection?.(e.api.getSelectedRows()),
  }, (api) => {
    gridApi.current = api;
  });
  useEffect(() => {
    const api = gridApi.current;
    if (!focused || !api) return;
    const take = () => {
      const first = api.getAllDisplayedColumns()[0];
      if (!api.getDisplayedRowAtIndex(0)?.data || !first) return false;
      const typing = document.activeElement?.matches('input, textarea, select, [contenteditable="true"]');
      if (!typing) api.setFocusedCell(0, first);
      return true;
    };
    if (take()) return;
    const onModel = () => {
      if (take()) api.removeEventListener('modelUpdated', onModel);
    };
    api.addEventListener('modelUpdated', onModel);
    return () => {
      if (!api.isDestroyed()) api.removeEventListener('modelUpdated', onModel);
    };
  }, [focused]);
  const refreshed = useRef(refreshKey);
  useEffect(() => {
    if (refreshed.current === refreshKey) return;
    refreshed.current = refreshKey;
    source.current?.forget();
    gridApi.current?.refreshInfiniteCache();
  }, [refreshKey]);
  // The list the grid shows: a new one swaps the datasource of the grid in place, which costs a page;
  // building the grid again (headers, filters, cells) costs several times that on a small machine.
  const listed = useRef<string | null>(null);
  const latest = useRef({ fetchPage, onTotal, onError });
  // Before the swap below (effects run in order): a new list must be fetched with its own callbacks.
  useLayoutEffect(() => {
    latest.current = { fetchPage, onTotal, onError };
  });
  // A scroll asks for the rows it lands on as it happens (capture: before the grid handles it), and is
  // kept from the grid until they are in hand (see scroll-hold.ts). 10M rows, a jump to row 1,000: the
  // request left 73–102 ms after the scroll on a 2-core machine; now with it.
  const frame = useRef<HTMLDivElement | null>(null);
  const hold = useRef<ScrollHold | null>(null);
  useEffect(() => {
    const element = frame.current;
    const held = scrollHold({
      api: () => gridApi.current,
      buffer: ROW_BUFFER,
      block: BLOCK,
      blocks: blockStarts,
      onLanding: (first, last) => {
        const api = gridApi.current;
        if (!api || !source.current) return;
        const have = new Set(blockStarts(api, 'loaded', 'loading'));
        source.current.ahead(first, last, (start) => have.has(start));
      },
    });
    hold.current = held;
    element?.addEventListener('scroll', held.onScroll, { capture: true, passive: true });
    return () => {
      element?.removeEventListener('scroll', held.onScroll, { capture: true });
      held.dispose();
    };
  }, []);
  const wanted = active ? resetKey : null;
  const show = (api: GridApi<Row>) => {
    if (listed.current === wanted) return;
    // Out of sight the grid holds no rows (none of the last list may flash up when it is shown again),
    // and with no source the sort and filter resets below ask nothing of the engine.
    api.setGridOption('datasource', NO_ROWS);
    source.current = null;
    listed.current = wanted;
    if (wanted === null) return;
    // A new list starts as a new grid would: at the top, unsorted, unfiltered, nothing selected.
    if (api.isAnyFilterPresent()) api.setFilterModel(null);
    sorting.clear();
    api.ensureIndexVisible(0, 'top');
    const { fetchPage: fetch, onTotal: total, onError: error } = latest.current;
    const loading = () => blockStarts(api, 'loading');
    source.current = blockSource({ fetchPage: fetch, block: BLOCK, onTotal: total, onError: error, loading, onAnswered: () => hold.current?.answered() });
    api.setGridOption('datasource', source.current);
  };
  // Before the frame is painted: a grid shown again must not draw a frame of what it held.
  useLayoutEffect(() => {
    if (gridApi.current) show(gridApi.current);
  });
  return (
    <div className="grid-frame" data-testid={testId} ref={frame}>
      <div className="own-dom-grid" ref={gridElement} />
    </div>
  );
}
