import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo } from '../../../shared/types.js';

/** The columns of a table, view or query, with DuckDB's type names. */
export async function describeColumns(c: DuckDBConnection, relation: string): Promise<ColumnInfo[]> {
  const r = await c.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
  return r.getRowObjectsJS().map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
}
