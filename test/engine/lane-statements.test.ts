/**
 * A lane keeps the statements it is asked to prepare (kept lists' pages): the same text gives the same
 * statement, with the data as it is when it runs, and only the last few are kept.
 */
import { BIGINT } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../electron/engine/db/database.js';
import { preparedArrow } from '../../electron/engine/db/arrow.js';
import { decodePage } from '../../shared/arrow-cells.js';
import { openDatabase } from '../helpers/engine.js';

describe('prepared statements on a lane', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ threads: 1 });
  });

  it('prepares a query once and runs it with new values on the data as it is then', async () => {
    const lane = await db.lane('page');
    await lane.use((c) => c.run('CREATE TABLE listed AS SELECT range AS pos, (range * 1.25)::DECIMAL(18,2) AS amount FROM range(100)'));
    const sql = 'SELECT pos, amount FROM listed WHERE pos >= $1 AND pos < $2 ORDER BY pos';
    const page = (from: number, to: number) =>
      lane.use(async () => decodePage(await preparedArrow(await lane.prepared(sql), [BigInt(from), BigInt(to)], [BIGINT, BIGINT])).rows);
    expect(await page(10, 12)).toEqual([
      ['10', '12.50'],
      ['11', '13.75'],
    ]);
    const statement = await lane.use(() => lane.prepared(sql));
    expect(await lane.use(() => lane.prepared(sql))).toBe(statement);
    await lane.use((c) => c.run('UPDATE listed SET amount = 0 WHERE pos = 40'));
    expect(await page(40, 41)).toEqual([['40', '0.00']]);
    // A table of the same name made anew (a kept list after a run) is read as it is now.
    await lane.use((c) => c.run('CREATE OR REPLACE TABLE listed AS SELECT range AS pos, -range::DECIMAL(18,2) AS amount FROM range(50)'));
    expect(await page(40, 41)).toEqual([['40', '-40.00']]);
  });

  it('keeps only the last eight statements', async () => {
    const lane = await db.lane('page');
    const first = await lane.use(() => lane.prepared('SELECT 0'));
    for (let i = 1; i <= 8; i++) await lane.use(() => lane.prepared(`SELECT ${i}`));
    // The first was dropped for the ninth: asked again, it is prepared anew, and runs.
    const again = await lane.use(() => lane.prepared('SELECT 0'));
    expect(again).not.toBe(first);
    expect(decodePage(await lane.use(() => preparedArrow(again, []))).rows).toEqual([['0']]);
    // The most recently used stay.
    const eighth = await lane.use(() => lane.prepared('SELECT 8'));
    expect(await lane.use(() => lane.prepared('SELECT 8'))).toBe(eighth);
  });
});
