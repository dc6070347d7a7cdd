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

/** One row of a query on a scratch in-memory DuckDB, as JS values: a test's hand-written oracle. */
export async function duckRow(sql: string): Promise<Record<string, unknown>> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await c.run(`SET TimeZone = 'UTC'`);
    return (await c.runAndReadAll(sql)).getRowObjectsJS()[0];
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
