/** The sort a click on a grid's header will give (see next-sort.ts), read off the click and the grid. */
import type { GridApi } from 'ag-grid-community';
import type { SortSpec } from '../../shared/types';
import { nextSort } from './next-sort';

/** Where a click sorts nothing: the filter row, a header's menu or filter button, a resize handle. */
const NOT_SORTING = '.ag-floating-filter, .ag-header-cell-resize, .ag-header-cell-menu-button, .ag-header-cell-filter-button';

/** The sort a click in a grid will give, or null when the click does not sort (see nextSort). */
export function sortOfClick(api: GridApi, event: MouseEvent): SortSpec[] | null {
  const target = event.target instanceof Element ? event.target : null;
  const cell = target?.closest('.ag-header-cell');
  const colId = cell?.getAttribute('col-id');
  if (!cell || !colId || target!.closest(NOT_SORTING) || !api.getColumn(colId)?.isSortable()) return null;
  return nextSort(api.getColumnState(), colId, event.shiftKey);
}
