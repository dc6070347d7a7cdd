/** Column widths an analyst set, per grid, kept in the browser profile of this workbench. */
import type { ColDef, ColumnResizedEvent } from 'ag-grid-community';

const key = (gridId: string) => `parity.widths.${gridId}`;

export function rememberedWidths<T>(gridId: string | undefined, defs: ColDef<T>[]): ColDef<T>[] {
  if (!gridId) return defs;
  let saved: Record<string, number> = {};
  try {
    saved = JSON.parse(localStorage.getItem(key(gridId)) ?? '{}');
  } catch {
    saved = {};
  }
  return defs.map((d) => (d.colId && saved[d.colId] ? { ...d, width: saved[d.colId], flex: undefined } : d));
}

export function rememberWidth(gridId: string | undefined) {
  return (event: ColumnResizedEvent) => {
    if (!gridId || !event.finished || !event.column) return;
    let saved: Record<string, number> = {};
    try {
      saved = JSON.parse(localStorage.getItem(key(gridId)) ?? '{}');
    } catch {
      saved = {};
    }
    saved[event.column.getColId()] = event.column.getActualWidth();
    localStorage.setItem(key(gridId), JSON.stringify(saved));
  };
}
