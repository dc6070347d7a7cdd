/**
 * Which drill path's exception rows have shown their first page. The explanation counts of that path
 * (the Drill page's "Annotate this group" size, the rows' explanation bar) wait for it: on a small
 * machine a count over millions of exceptions asked beside the first page slows that page down by half.
 */
import { create } from 'zustand';
import type { DrillFilter } from '../../shared/compare';

export const rowsKey = (path: DrillFilter[], column: string | null | undefined, version: number) => JSON.stringify([path, column ?? null, version]);

export const useRowsIn = create<{ key: string | null; shown: (key: string) => void }>((set) => ({
  key: null,
  shown: (key) => set({ key }),
}));
