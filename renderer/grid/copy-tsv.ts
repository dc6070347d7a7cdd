/** Ctrl/Cmd+C in a grid copies the selected rows (or the focused one) as TSV, ready to paste into Excel. */
import type { CellKeyDownEvent } from 'ag-grid-community';

function tsvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[\t\n"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function copyOnCtrlC<T>(event: CellKeyDownEvent<T>): boolean {
  const e = event.event as KeyboardEvent | null;
  if (!e || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'c') return false;
  const selected = event.api.getSelectedNodes();
  const nodes = selected.length > 0 ? selected : event.node ? [event.node] : [];
  const columns = event.api.getAllDisplayedColumns();
  const header = columns.map((c) => tsvCell(event.api.getDisplayNameForColumn(c, 'header'))).join('\t');
  const lines = nodes.map((n) => columns.map((c) => tsvCell(event.api.getCellValue({ rowNode: n, colKey: c, useFormatter: true }))).join('\t'));
  void navigator.clipboard?.writeText([header, ...lines].join('\n'));
  e.preventDefault();
  return true;
}
