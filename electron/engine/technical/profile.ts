/** Per-column null rate, distinct count and min/max for one side, in one scan. Min/max come back as exact text. */
import type { ColumnProfile, Side } from '../../../shared/types.js';
import type { JobContext } from '../jobs.js';
import type { Lane } from '../db/lane.js';
import { ident } from '../db/sql.js';
import { sourceTable } from '../workspace.js';

const ORDERABLE = /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL|VARCHAR|DATE|TIME|TIMESTAMP|UUID|INTERVAL)/;

export async function profileSide(
  lane: Lane,
  side: Side,
  columns: readonly { name: string; type: string }[],
  job: JobContext,
  range: [number, number],
  phase: string,
): Promise<{ rows: number; profiles: Map<string, ColumnProfile> }> {
  const selects = ['count(*) AS n'];
  columns.forEach((c, i) => {
    const col = ident(c.name);
    selects.push(`count(${col}) AS v${i}`, `count(DISTINCT ${col}) AS d${i}`);
    if (ORDERABLE.test(c.type)) selects.push(`min(${col})::VARCHAR AS lo${i}`, `max(${col})::VARCHAR AS hi${i}`);
  });
  const sql = `SELECT ${selects.join(', ')} FROM ${sourceTable(side)}`;
  const reader = await lane.use((c) => lane.withProgress(job, phase, range[0], range[1], () => c.runAndReadAll(sql)), job);
  const row = reader.getRowObjectsJS()[0];
  const rows = Number(row.n);
  const profiles = new Map<string, ColumnProfile>();
  columns.forEach((c, i) => {
    const nulls = rows - Number(row[`v${i}`]);
    profiles.set(c.name, {
      nulls,
      nullRate: rows === 0 ? 0 : nulls / rows,
      distinct: Number(row[`d${i}`]),
      min: (row[`lo${i}`] as string | null | undefined) ?? null,
      max: (row[`hi${i}`] as string | null | undefined) ?? null,
    });
  });
  return { rows, profiles };
}
