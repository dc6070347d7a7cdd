/**
 * DuckDB runs on one thread while the analyst browses, and on every thread while a lane that reads whole
 * sources or runs has work (see thread-budget.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../electron/engine/db/database.js';
import { tempFolder } from '../helpers/temp.js';

describe('thread budget', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open(path.join(tempFolder(), 'threads.parity'), { memoryLimit: '1GB', threads: 2 });
  });
  afterAll(() => db.close());

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

  it('lets the process end when the database closes under a thread setting', () => {
    // The end of an import sets the threads back to one; closing the database while that setting ran
    // kept the process alive for ever (the CLI, after a contract error). A process of its own: only its
    // exit shows it.
    const dir = tempFolder();
    const script = path.join(dir, 'close.mts');
    const database = pathToFileURL(path.resolve('electron/engine/db/database.ts')).href;
    fs.writeFileSync(
      script,
      `import { Database } from ${JSON.stringify(database)};
const db = await Database.open(${JSON.stringify(path.join(dir, 'closing.parity'))}, { memoryLimit: '1GB', threads: 2 });
await (await db.lane('import')).use((c) => c.run('SELECT 1'));
await db.close();
console.log('closed');`,
    );
    const ended = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    expect(ended.stdout).toContain('closed');
    expect(ended.status).toBe(0);
  });
});
