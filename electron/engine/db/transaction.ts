import type { DuckDBConnection } from '@duckdb/node-api';

/** Runs `work` in a transaction on `c`; any failure (a cancel included) rolls everything back. */
export async function inTransaction<T>(c: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await c.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await c.run('COMMIT');
    return result;
  } catch (error) {
    try {
      await c.run('ROLLBACK');
    } catch {
      // An interrupted transaction may already be rolled back by DuckDB.
    }
    throw error;
  }
}
