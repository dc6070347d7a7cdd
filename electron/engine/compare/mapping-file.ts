/**
 * Value maps kept as a mapping table (legacy code → new code) in a CSV file, read by DuckDB's CSV
 * reader: the first column is the legacy value, the second the new one, a header line first.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ParityError } from '../../../shared/errors.js';
import { literal } from '../db/sql.js';

export async function readValueMapFile(c: DuckDBConnection, file: string, field: string): Promise<[string, string][]> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ParityError('not_found', `Contract field "${field}": "${file}" does not exist.`);
  let rows: unknown[][];
  try {
    // The path is a literal because read_csv takes no bound path; every cell is read as text.
    const reader = await c.runAndReadAll(`SELECT * FROM read_csv(${literal(file)}, header = true, all_varchar = true)`);
    if (reader.columnCount < 2) throw new ParityError('invalid_contract', `Contract field "${field}": "${path.basename(file)}" needs two columns, the legacy value and the new one.`);
    rows = reader.getRowsJS();
  } catch (error) {
    if (error instanceof ParityError) throw error;
    throw new ParityError('invalid_contract', `Contract field "${field}": "${path.basename(file)}" is not a readable CSV mapping table.`, String(error));
  }
  const map = new Map<string, string>();
  rows.forEach((row, i) => {
    const [from, to] = [row[0], row[1]];
    if (from === null || to === null) return;
    const previous = map.get(String(from));
    // Line numbers count the header as line 1.
    if (previous !== undefined && previous !== String(to)) {
      throw new ParityError('invalid_contract', `Contract field "${field}": "${path.basename(file)}" maps "${String(from)}" twice, to "${previous}" and, on line ${i + 2}, to "${String(to)}".`);
    }
    map.set(String(from), String(to));
  });
  return [...map];
}
