/**
 * The sort a click on a column header gives: each column cycles ascending, descending, none, and
 * Shift+click adds a column to the sort (or changes or drops one where it stands), as spreadsheets and
 * AG Grid's own sorting do.
 */
import type { SortSpec } from '../../shared/types';

const CYCLE: Record<string, SortSpec['direction'] | null> = { none: 'asc', asc: 'desc', desc: null };

export function nextSort(sorted: readonly SortSpec[], clicked: string, multi: boolean): SortSpec[] {
  const now = sorted.find((s) => s.column === clicked)?.direction ?? 'none';
  const next = CYCLE[now];
  const others = multi ? sorted.filter((s) => s.column !== clicked) : [];
  if (!next) return others;
  // Shift+click on a column already sorted changes its direction where it stands; a new one goes last.
  if (multi && now !== 'none') return sorted.map((s) => (s.column === clicked ? { column: clicked, direction: next } : s));
  return [...others, { column: clicked, direction: next }];
}
