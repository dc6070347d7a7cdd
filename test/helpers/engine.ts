import path from 'node:path';
import { afterAll } from 'vitest';
import { Database, type DatabaseOptions } from '../../electron/engine/db/database.js';
import { EngineService } from '../../electron/engine/service.js';
import type { WorkspaceOptions } from '../../electron/engine/workspace.js';
import { ParityError } from '../../shared/errors.js';
import { tempFolder } from './temp.js';

let counter = 0;
const open: (EngineService | Database)[] = [];
// At file level, and after temp.ts's hook in this file, so engines close before their folders go (hooks run last-registered first).
afterAll(async () => {
  for (const opened of open.splice(0)) await opened.close();
});

/** A real engine on a real DuckDB file in a temporary folder; closed after the file's tests. */
export async function openEngine(options: WorkspaceOptions = {}): Promise<{ engine: EngineService; dir: string }> {
  const dir = tempFolder();
  const engine = await EngineService.open(path.join(dir, `ws${++counter}.parity`), { memoryLimit: '1GB', home: dir, ...options });
  open.push(engine);
  return { engine, dir };
}

/** A bare DuckDB database (lanes, threads, no workspace) on a file in a temporary folder; closed after the file's tests. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const db = await Database.open(path.join(tempFolder(), `db${++counter}.parity`), { memoryLimit: '1GB', ...options });
  open.push(db);
  return db;
}

/** The ParityError a promise rejects with (fails the test if it resolves). */
export async function failure(promise: Promise<unknown>): Promise<ParityError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ParityError) return error;
    throw error;
  }
  throw new Error('Expected a failure, but the call succeeded.');
}
