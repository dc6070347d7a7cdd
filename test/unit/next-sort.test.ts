/** The sort a header click will give, as AG Grid's default cycle gives it (checked in the demo end-to-end test too). */
import { describe, expect, it } from 'vitest';
import { nextSort } from '../../renderer/grid/next-sort';

const asc = (column: string) => ({ column, direction: 'asc' });
const desc = (column: string) => ({ column, direction: 'desc' });

describe('next sort', () => {
  it('cycles a column ascending, descending, then unsorted, and a plain click sorts by that column alone', () => {
    expect(nextSort([{ colId: 'a' }, { colId: 'b' }], 'a', false)).toEqual([asc('a')]);
    expect(nextSort([{ colId: 'a', sort: 'asc', sortIndex: 0 }], 'a', false)).toEqual([desc('a')]);
    expect(nextSort([{ colId: 'a', sort: 'desc', sortIndex: 0 }], 'a', false)).toEqual([]);
    expect(nextSort([{ colId: 'a', sort: 'desc', sortIndex: 0 }, { colId: 'b' }], 'b', false)).toEqual([asc('b')]);
  });

  it('adds a column with Shift, last, and changes or drops a sorted one where it stands', () => {
    const two = [{ colId: 'b', sort: 'desc' as const, sortIndex: 1 }, { colId: 'a', sort: 'asc' as const, sortIndex: 0 }, { colId: 'c' }];
    expect(nextSort(two, 'c', true)).toEqual([asc('a'), desc('b'), asc('c')]);
    expect(nextSort(two, 'a', true)).toEqual([desc('a'), desc('b')]);
    expect(nextSort(two, 'b', true)).toEqual([asc('a')]);
  });
});
