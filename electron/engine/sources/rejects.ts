/** The lines a CSV import refused, one entry per line (DuckDB may report several errors on one line). */
import { BIGINT } from '@duckdb/node-api';
import type { RejectsPage, Side } from '../../../shared/types.js';
import type { Workspace } from '../workspace.js';
import { rejectsTable } from '../workspace.js';

/** DuckDB's messages, said the way an analyst reads them; unknown kinds keep DuckDB's wording. */
export function reasonFor(errorType: string, message: string): string {
  const count = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (count && (errorType === 'TOO MANY COLUMNS' || errorType === 'MISSING COLUMNS')) {
    return `Expected ${count[1]} fields, found ${count[2]}.`;
  }
  const cast = /converting column "(.*)"\. Could not convert string "(.*)" to '(.*)'/s.exec(message);
  if (errorType === 'CAST' && cast) return `"${cast[2]}" in column ${cast[1]} is not a valid ${cast[3]}.`;
  const text = message.split('\n')[0].trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export async function readRejects(ws: Workspace, side: Side, offset: number, limit: number): Promise<RejectsPage> {
  const source = ws.source(side);
  if (source.rejectedLines === 0) return { total: 0, lines: [] };
  const lane = await ws.db.lane('page');
  const sql = `
    WITH per_type AS (
      SELECT file, line, error_type, arg_min(error_message, column_idx) AS message,
             list(column_name ORDER BY column_idx) FILTER (WHERE column_name IS NOT NULL) AS columns,
             any_value(csv_line) AS raw
      FROM ${rejectsTable(side)} GROUP BY file, line, error_type)
    SELECT file, line, flatten(list(coalesce(columns, []))) AS columns, list(error_type ORDER BY error_type) AS types,
           list(message ORDER BY error_type) AS messages, any_value(raw) AS raw
    FROM per_type GROUP BY file, line ORDER BY file, line LIMIT $1 OFFSET $2`;
  const reader = await lane.use((c) => c.runAndReadAll(sql, [limit, offset], [BIGINT, BIGINT]));
  const lines = reader.getRowObjectsJS().map((r) => ({
    file: String(r.file),
    line: Number(r.line),
    columns: [...new Set((r.columns as string[]) ?? [])],
    errorTypes: (r.types as string[]) ?? [],
    reason: ((r.types as string[]) ?? []).map((t, i) => reasonFor(t, (r.messages as string[])[i] ?? '')).join(' '),
    raw: String(r.raw ?? ''),
  }));
  return { total: source.rejectedLines, lines };
}
