/**
 * DuckDB runs on one thread while the analyst browses, and on every thread while a lane that reads whole
 * sources or runs has work (see thread-budget.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../electron/engine/db/database.js';
import { openDatabase } from '../helpers/engine.js';

describe('thread budget', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ threads: 2 });
  });

  it('browses on one thread and runs on all of them, back to one when no parallel work is left', async () => {
    expect(db.threads.most).toBe(2);
    expect(await db.threads.threads()).toBe(1);
    // A page lane's query leaves the count alone.
    const page = await db.lane('page');
    const during = { page: 0, run: 0, overlap: 0 };
    await page.use(async () => {
      during.page = await db.threads.threads();
    });
    expect(during.page).toBe(1);

    const compare = await db.lane('compare');
    const imports = await db.lane('import');
    let releaseRun!: () => void;
    const runHeld = new Promise<void>((resolve) => (releaseRun = resolve));
    const run = compare.use(async (c) => {
      during.run = await db.threads.threads();
      await c.run('SELECT sum(range) FROM range(1000000)');
      await runHeld;
    });
    // An import that ends while the run goes on leaves the run its threads.
    await imports.use(async () => undefined);
    during.overlap = await db.threads.threads();
    releaseRun();
    await run;
    expect(during).toEqual({ page: 1, run: 2, overlap: 2 });
    expect(await db.threads.threads()).toBe(1);
  });

  it('gives every thread back after parallel work that failed', async () => {
    const compare = await db.lane('compare');
    await expect(compare.use((c) => c.run('SELECT * FROM no_such_table'))).rejects.toThrow(/no_such_table/);
    expect(await db.threads.threads()).toBe(1);
  });
});
