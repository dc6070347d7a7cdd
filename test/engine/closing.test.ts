/**
 * Closing the workspace's database ends whatever it was doing: the window closing, the CLI after an
 * error, a test's engine. Each case runs in a process of its own, as only its exit shows a hang.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/temp.js';

/** Runs `body` after a database is opened as `db` (two threads) in a process of its own; what it printed and how it ended. */
function runClosing(body: string): { stdout: string; status: number | null } {
  const dir = tempFolder();
  const script = path.join(dir, 'close.mts');
  const database = pathToFileURL(path.resolve('electron/engine/db/database.ts')).href;
  fs.writeFileSync(
    script,
    `import { Database } from ${JSON.stringify(database)};
const db = await Database.open(${JSON.stringify(path.join(dir, 'closing.parity'))}, { memoryLimit: '1GB', threads: 2 });
${body}
console.log('closed');`,
  );
  const ended = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
  return { stdout: ended.stdout, status: ended.status };
}

describe('closing the database', () => {
  it('lets the process end when it closes under a thread setting', () => {
    // The end of an import sets the threads back to one; closing the database while that setting ran
    // kept the process alive for ever (the CLI, after a contract error).
    const ended = runClosing(`await (await db.lane('import')).use((c) => c.run('SELECT 1'));
await db.close();`);
    expect(ended.stdout).toContain('closed');
    expect(ended.status).toBe(0);
  });

  it('stops a query still running, refuses work asked after, and lets the process end', () => {
    // A sorted list being kept in the background when the engine closed kept the process alive for ever.
    const ended = runClosing(`const lane = await db.lane('listing');
const long = lane.use((c) => c.run('SELECT sum(a.range * b.range) FROM range(100000) a, range(100000) b'));
const queued = lane.use((c) => c.run('SELECT 1'));
await new Promise((resolve) => setTimeout(resolve, 300));
await db.close();
for (const work of [long, queued, db.lane('page')]) console.log(await work.then(() => 'ran', (e) => 'refused: ' + e.message));`);
    expect(ended.stdout.split('\n').slice(0, 4)).toEqual([
      'refused: INTERRUPT Error: Interrupted!',
      'refused: The workspace was closed before this could run.',
      'refused: The workspace was closed before this could run.',
      'closed',
    ]);
    expect(ended.status).toBe(0);
  });
});
