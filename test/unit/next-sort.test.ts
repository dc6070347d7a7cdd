/** The sort a header click gives: AG Grid's default cycle, and Shift+click to sort by more than one column. */
import { describe, expect, it } from 'vitest';
import { nextSort } from '../../renderer/grid/next-sort';
import type { SortSpec } from '../../shared/types';

const asc = (column: string): SortSpec => ({ column, direction: 'asc' });
const desc = (column: string): SortSpec => ({ column, direction: 'desc' });

describe('next sort', () => {
  it('cycles a column ascending, descending, then unsorted, and a plain click sorts by that column alone', () => {
    expect(nextSort([], 'a', false)).toEqual([asc('a')]);
    expect(nextSort([asc('a')], 'a', false)).toEqual([desc('a')]);
    expect(nextSort([desc('a')], 'a', false)).toEqual([]);
    expect(nextSort([desc('a')], 'b', false)).toEqual([asc('b')]);
    expect(nextSort([asc('a'), desc('b')], 'b', false)).toEqual([]);
  });

  it('adds a column with Shift, last, and changes or drops a sorted one where it stands', () => {
    const two = [asc('a'), desc('b')];
    expect(nextSort(two, 'c', true)).toEqual([asc('a'), desc('b'), asc('c')]);
    expect(nextSort(two, 'a', true)).toEqual([desc('a'), desc('b')]);
    expect(nextSort(two, 'b', true)).toEqual([asc('a')]);
  });
});
