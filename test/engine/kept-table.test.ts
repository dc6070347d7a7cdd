import { describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { KeptTable } from '../../electron/engine/compare/kept.js';
import type { Lane } from '../../electron/engine/db/lane.js';
import { RUN_DB } from '../../electron/engine/compare/run-tables.js';
import { openEngine } from '../helpers/engine.js';

describe('a run table with its previous version kept for a toggle back', async () => {
  const { engine } = await openEngine();
  const lane = await engine.workspace.db.lane('compare');
  const table = new KeptTable<string>('kept_probe');
  const make = async (version: string, rows = 1) => {
    await lane.use((c) => c.run(`CREATE OR REPLACE TABLE ${RUN_DB}.kept_probe AS SELECT '${version}' AS v FROM range(${rows})`));
    table.made(version, `payload ${version}`);
  };
  const inPlace = async () => String((await lane.use((c) => c.runAndReadAll(`SELECT any_value(v) FROM ${RUN_DB}.kept_probe`))).getRowsJS()[0][0]);

  it('swaps back to the kept version, and keeps it through a build that never finished', async () => {
    expect(await table.take(lane, 'exact')).toBeNull();
    await make('exact');
    expect(await table.take(lane, 'cents')).toBeNull();
    await make('cents');
    expect(await table.take(lane, 'exact')).toEqual({ payload: 'payload exact' });
    expect([await inPlace(), table.key]).toEqual(['exact', 'exact']);
    expect(await table.take(lane, 'cents')).toEqual({ payload: 'payload cents' });
    expect(await inPlace()).toBe('cents');
    // A build for "instant" starts ("cents" is set aside, "exact" dropped) and is cancelled: nothing is
    // current, asking for "exact" finds nothing, and "cents" can still come back.
    expect(await table.take(lane, 'instant')).toBeNull();
    expect(table.key).toBeNull();
    expect(await table.take(lane, 'exact')).toBeNull();
    expect(await table.take(lane, 'cents')).toEqual({ payload: 'payload cents' });
    expect(await inPlace()).toBe('cents');
  });

  it('never takes a table that a cancel left half renamed', async () => {
    // The same lane, but its connection is interrupted at the n-th statement, as a cancel would.
    const cutAt = (n: number): Lane => {
      let statements = 0;
      const interrupting = (c: DuckDBConnection) =>
        new Proxy(c, {
          get(target, prop, receiver) {
            const value = Reflect.get(target, prop, receiver) as unknown;
            if (typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              if (++statements === n) throw new Error('INTERRUPT Error: Interrupted!');
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          },
        });
      return { use: (work: (c: DuckDBConnection) => Promise<unknown>) => lane.use((c) => work(interrupting(c))) } as unknown as Lane;
    };
    // Each statement of a swap back (four) and of a set-aside (three), cut in turn.
    const cuts: [string, number][] = [...[1, 2, 3, 4].map((n): [string, number] => ['exact', n]), ...[1, 2, 3].map((n): [string, number] => ['instant', n])];
    for (const [wanted, n] of cuts) {
      {
        await table.forget(lane);
        expect(await table.take(lane, 'exact')).toBeNull();
        await make('exact');
        expect(await table.take(lane, 'cents')).toBeNull();
        await make('cents');
        await expect(table.take(cutAt(n), wanted)).rejects.toThrow(/Interrupted/);
        for (const asked of ['exact', 'cents', 'exact']) {
          const taken = await table.take(lane, asked);
          if (!taken) await make(asked);
          expect(await inPlace()).toBe(asked);
        }
      }
    }
  });

  it('does not keep a previous version of millions of rows', async () => {
    await table.forget(lane);
    expect(await table.take(lane, 'wide')).toBeNull();
    await make('wide', 2_500_000);
    expect(await table.take(lane, 'narrow')).toBeNull();
    await make('narrow');
    expect(await table.take(lane, 'wide')).toBeNull();
  });

  it('keeps an index on the table in place only, so the two still swap names', async () => {
    const indexed = new KeptTable<string>('kept_indexed', { column: 'n', maxRows: 1_000 });
    const build = async (version: string, rows: number) => {
      await lane.use((c) => c.run(`CREATE OR REPLACE TABLE ${RUN_DB}.kept_indexed AS SELECT '${version}' AS v, range AS n FROM range(${rows})`));
      indexed.made(version, version);
      await indexed.indexed(lane);
    };
    const indexes = async () =>
      (await lane.use((c) => c.runAndReadAll(`SELECT table_name FROM duckdb_indexes() WHERE database_name = '${RUN_DB}' AND index_name = 'kept_indexed_by_n'`))).getRowsJS().map((r) => r[0]);
    expect(await indexed.take(lane, 'exact')).toBeNull();
    await build('exact', 100);
    expect(await indexes()).toEqual(['kept_indexed']);
    // Set aside (renamed) and swapped back: each rename finds the table without its index.
    expect(await indexed.take(lane, 'cents')).toBeNull();
    expect(await indexes()).toEqual([]);
    await build('cents', 100);
    expect(await indexed.take(lane, 'exact')).toEqual({ payload: 'exact' });
    await indexed.indexed(lane);
    expect(await indexes()).toEqual(['kept_indexed']);
    expect(await indexed.take(lane, 'cents')).toEqual({ payload: 'cents' });
    // Too long to be worth an index.
    expect(await indexed.take(lane, 'wide')).toBeNull();
    await build('wide', 5_000);
    expect(await indexes()).toEqual([]);
  });
});
