import { describe, expect, it } from 'vitest';
import { KeptTable } from '../../electron/engine/compare/kept.js';
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

  it('does not keep a previous version of millions of rows', async () => {
    await table.forget(lane);
    expect(await table.take(lane, 'wide')).toBeNull();
    await make('wide', 2_500_000);
    expect(await table.take(lane, 'narrow')).toBeNull();
    await make('narrow');
    expect(await table.take(lane, 'wide')).toBeNull();
  });
});
