/**
 * The sort a click on a column header will give, worked out before the grid applies it, so the first page
 * of the new order can be asked of the engine while the grid still takes down the rows of the old one.
 * It follows AG Grid's default cycle (ascending, descending, none) and Shift+click adding to the sort;
 * a wrong guess costs only a page asked for nothing.
 */
import type { SortSpec } from '../../shared/types';

export interface SortedColumn {
  colId: string;
  sort?: 'asc' | 'desc' | null;
  sortIndex?: number | null;
}

const CYCLE: Record<string, 'asc' | 'desc' | null> = { none: 'asc', asc: 'desc', desc: null };

export function nextSort(columns: readonly SortedColumn[], clicked: string, multi: boolean): SortSpec[] {
  const sorted = columns.filter((c) => c.sort).sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0));
  const now = sorted.find((c) => c.colId === clicked)?.sort ?? 'none';
  const next = CYCLE[now];
  const others = multi ? sorted.filter((c) => c.colId !== clicked).map((c) => ({ column: c.colId, direction: c.sort! })) : [];
  if (!next) return others;
  // Shift+click on a column already sorted changes its direction where it stands; a new one goes last.
  if (multi && now !== 'none') return sorted.map((c) => ({ column: c.colId, direction: c.colId === clicked ? next : c.sort! }));
  return [...others, { column: clicked, direction: next }];
}

