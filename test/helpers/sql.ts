import { DuckDBInstance } from '@duckdb/node-api';

/** Runs statements on a scratch in-memory DuckDB: how tests write Parquet fixtures. */
export async function duck(...statements: string[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await c.run(`SET TimeZone = 'UTC'`);
    for (const s of statements) await c.run(s);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
