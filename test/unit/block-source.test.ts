/**
 * The grid's block source: blocks AG Grid asks for together are fetched as one range and handed back
 * whole, each to its own request, with the grid told where the rows end; blocks a scroll fetched ahead
 * are taken by the grid's own request instead of being fetched again.
 */
import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { IGetRowsParams } from 'ag-grid-community';
import { blockSource, contiguousRuns } from '../../renderer/grid/block-source';
import type { TablePage } from '../../shared/types';

const TOTAL = 250;

function source(loading?: () => number[], total = TOTAL, onAnswered?: () => void, fail = false) {
  const fetched: [number, number, string][] = [];
  const fetchPage = async (offset: number, limit: number, sort: { column: string }[], filters: { column: string }[]): Promise<TablePage> => {
    fetched.push([offset, limit, [...sort.map((s) => s.column), ...filters.map((f) => `filter ${f.column}`)].join()]);
    if (fail) throw new Error('The engine stopped.');
    const ids = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => `row ${offset + i}`);
    return { arrow: tableToIPC(tableFromArrays({ id: ids })), total, offset };
  };
  return { fetched, datasource: blockSource({ fetchPage, block: 100, loading, onAnswered }) };
}

/** Asks for a block in a timer task of its own, as AG Grid does, and resolves with what it was given. */
function ask(datasource: ReturnType<typeof blockSource>, startRow: number, endRow: number, filtered: string[] = []) {
  return new Promise<{ rows: string[]; lastRow: number | undefined }>((resolve, reject) => {
    const params = {
      startRow,
      endRow,
      // The grid's own sort is the source's (see resort); AG Grid's is never set.
      sortModel: [],
      filterModel: Object.fromEntries(filtered.map((column) => [column, { filterType: 'text', type: 'contains', filter: 'row' }])),
      successCallback: (rows: string[][], lastRow?: number) => resolve({ rows: rows.map((r) => r[0]), lastRow }),
      failCallback: () => reject(new Error('failed')),
      context: undefined,
    } as unknown as IGetRowsParams;
    setTimeout(() => datasource.getRows(params), 0);
  });
}

describe('block source', () => {
  it('fetches adjacent blocks asked together as one range and gives each block its own rows', async () => {
    const { fetched, datasource } = source();
    const [first, second] = await Promise.all([ask(datasource, 100, 200), ask(datasource, 0, 100)]);
    expect(fetched).toEqual([[0, 200, '']]);
    expect(second.rows[0]).toBe('row 0');
    expect(second.rows).toHaveLength(100);
    expect(first.rows[0]).toBe('row 100');
    expect(first.rows[99]).toBe('row 199');
    // More rows follow: the grid is told the total.
    expect(first.lastRow).toBe(TOTAL);
  });

  it('keeps blocks apart when they are not adjacent or not filtered alike, and ends the list where the rows end', async () => {
    const { fetched, datasource } = source();
    const [a, b, c] = await Promise.all([ask(datasource, 0, 100), ask(datasource, 200, 300), ask(datasource, 100, 200, ['id'])]);
    expect(fetched).toHaveLength(3);
    expect(fetched).toContainEqual([0, 100, '']);
    expect(fetched).toContainEqual([200, 100, '']);
    expect(fetched).toContainEqual([100, 100, 'filter id']);
    expect(a.rows).toHaveLength(100);
    expect(b.rows).toEqual(Array.from({ length: 50 }, (_, i) => `row ${200 + i}`));
    expect(b.lastRow).toBe(TOTAL);
    expect(c.rows[0]).toBe('row 100');
  });

  it('sends a request at once when the grid has no other block still to ask for', async () => {
    const { fetched, datasource } = source(() => [0]);
    const params = { startRow: 0, endRow: 100, sortModel: [], filterModel: {}, successCallback: () => undefined, failCallback: () => undefined } as unknown as IGetRowsParams;
    datasource.getRows(params);
    // Asked in the same task: no timer in between.
    expect(fetched).toEqual([[0, 100, '']]);
  });

  it('waits for a block the grid is loading but has not asked for yet, and fetches both as one range', async () => {
    const { fetched, datasource } = source(() => [0, 100]);
    const both = Promise.all([ask(datasource, 0, 100), ask(datasource, 100, 200)]);
    await both;
    expect(fetched).toEqual([[0, 200, '']]);
  });

  it('hands a block fetched ahead by a scroll to the request that follows, in the same view only', async () => {
    const { fetched, datasource } = source(() => [], 5000);
    await ask(datasource, 0, 100);
    // Rows 990–1,020 come into view: blocks 900 and 1,000 are fetched now, as one range; block 0 is held.
    datasource.ahead(990, 1020, (start) => start === 0);
    expect(fetched).toEqual([
      [0, 100, ''],
      [900, 200, ''],
    ]);
    const [a, b] = await Promise.all([ask(datasource, 900, 1000), ask(datasource, 1000, 1100)]);
    expect(fetched).toHaveLength(2);
    expect(a.rows[0]).toBe('row 900');
    expect(a.rows).toHaveLength(100);
    expect(b.rows[0]).toBe('row 1000');
    // Asked again (a refresh, or after the grid dropped it), a block is fetched afresh.
    await ask(datasource, 900, 1000);
    expect(fetched).toHaveLength(3);
    // Fetched ahead in one view, asked in another: not used.
    datasource.ahead(2000, 2010, () => false);
    await ask(datasource, 2000, 2100, ['id']);
    expect(fetched.slice(3)).toEqual([
      [2000, 100, ''],
      [2000, 100, 'filter id'],
    ]);
  });

  it("fetches the first block of a new order at once, hands it to the grid's request, and asks every block after in that order", async () => {
    const { fetched, datasource } = source(() => []);
    await ask(datasource, 0, 100);
    datasource.resort([{ column: 'id', direction: 'asc' }]);
    expect(fetched).toEqual([
      [0, 100, ''],
      [0, 100, 'id'],
    ]);
    const sorted = await ask(datasource, 0, 100);
    expect(sorted.rows[0]).toBe('row 0');
    await ask(datasource, 100, 200);
    datasource.resort([]);
    await ask(datasource, 200, 300);
    expect(fetched.slice(2)).toEqual([
      [100, 100, 'id'],
      [0, 100, ''],
      [200, 100, ''],
    ]);
  });

  it('forgets what it fetched ahead when the rows change', async () => {
    const { fetched, datasource } = source(() => []);
    await ask(datasource, 0, 100);
    datasource.ahead(500, 510, () => false);
    datasource.forget();
    await ask(datasource, 500, 600);
    expect(fetched).toEqual([
      [0, 100, ''],
      [500, 100, ''],
      [500, 100, ''],
    ]);
  });

  it('tells its owner once the grid has taken a block, or learnt that it failed', async () => {
    let taken = 0;
    const seen: number[] = [];
    const ok = source(() => [], TOTAL, () => seen.push(taken));
    const params = { startRow: 0, endRow: 100, sortModel: [], filterModel: {}, successCallback: () => taken++, failCallback: () => undefined };
    ok.datasource.getRows(params as unknown as IGetRowsParams);
    await new Promise((r) => setTimeout(r, 0));
    // Told once, and only after the rows were handed over.
    expect(seen).toEqual([1]);
    const failed: string[] = [];
    const failing = source(() => [], TOTAL, () => failed.push('answered'), true);
    await expect(ask(failing.datasource, 0, 100)).rejects.toThrow('failed');
    await new Promise((r) => setTimeout(r, 0));
    expect(failed).toEqual(['answered']);
  });

  it('groups runs by view and adjacency', () => {
    const runs = contiguousRuns([
      { start: 200, end: 300, view: 'a' },
      { start: 0, end: 100, view: 'a' },
      { start: 100, end: 200, view: 'a' },
      { start: 100, end: 200, view: 'b' },
    ]);
    expect(runs.map((r) => r.map((x) => `${x.view}${x.start}`))).toEqual([['a0', 'a100', 'a200'], ['b100']]);
  });
});
