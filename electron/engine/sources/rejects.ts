/** The lines a CSV import refused, one entry per line (DuckDB may report several errors on one line). */
import { BIGINT } from '@duckdb/node-api';
import type { RejectsPage, Side } from '../../../shared/types.js';
import type { Workspace } from '../workspace.js';
import { rejectsTable } from '../workspace.js';

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
           string_agg(message, '; ' ORDER BY error_type) AS reason, any_value(raw) AS raw
    FROM per_type GROUP BY file, line ORDER BY file, line LIMIT $1 OFFSET $2`;
  const reader = await lane.use((c) => c.runAndReadAll(sql, [limit, offset], [BIGINT, BIGINT]));
  const lines = reader.getRowObjectsJS().map((r) => ({
    file: String(r.file),
    line: Number(r.line),
    columns: [...new Set((r.columns as string[]) ?? [])],
    errorTypes: (r.types as string[]) ?? [],
    reason: String(r.reason ?? ''),
    raw: String(r.raw ?? ''),
  }));
  return { total: source.rejectedLines, lines };
}
