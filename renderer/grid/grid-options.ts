/**
 * Grid options that are objects, made once. AG Grid takes a new object on a re-render as a changed
 * option, and a changed `defaultColDef` rebuilds every column (headers, filters, cells): passing a
 * literal would rebuild the grid each time its page re-renders (a count arriving, a selection).
 */
import type { ColDef, RowSelectionOptions } from 'ag-grid-community';

export const MULTI_ROW_SELECTION: RowSelectionOptions = { mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true };

/** Columns share the width; header filters under each (lists over DuckDB). */
export const FILTERED_FLEX_COLUMNS: ColDef = { flex: 1, floatingFilter: true };

/** Columns share the width (small, fully loaded grids). */
export const FLEX_COLUMNS: ColDef = { flex: 1 };

/** Sorted and resized by the analyst (drill levels). */
export const SORTABLE_COLUMNS: ColDef = { sortable: true, resizable: true };
