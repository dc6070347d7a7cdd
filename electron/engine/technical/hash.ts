/**
 * Whole-row hash parity over the paired columns: how many rows have an identical twin on the other side.
 * Each pair is cast to one common type first, so INTEGER 3 and BIGINT 3 hash alike. Twins are counted as
 * a multiset: two identical legacy rows need two identical new rows.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnPair } from '../../../shared/column-matching.js';
import type { HashParity } from '../../../shared/types.js';
import type { JobContext } from '../jobs.js';
import type { Lane } from '../db/lane.js';
import { ident, typeName } from '../db/sql.js';
import { sourceTable } from '../workspace.js';

/** DuckDB's own answer to "what type holds both?", or VARCHAR when there is none. */
async function commonType(c: DuckDBConnection, left: string, right: string): Promise<string> {
  if (left === right) return left;
  try {
    const r = await c.runAndReadAll(`SELECT typeof([NULL::${typeName(left)}, NULL::${typeName(right)}][1])`);
    return String(r.getRowsJS()[0][0]);
  } catch {
    return 'VARCHAR';
  }
}

export async function hashParity(
  lane: Lane,
  pairs: readonly ColumnPair[],
  rows: { left: number; right: number },
  job: JobContext,
  range: [number, number],
): Promise<HashParity> {
  const identical = await lane.use(async (c) => {
    const casts: { left: string; right: string }[] = [];
    for (const p of pairs) {
      const t = typeName(await commonType(c, p.left.type, p.right.type));
      casts.push({ left: `CAST(${ident(p.left.name)} AS ${t})`, right: `CAST(${ident(p.right.name)} AS ${t})` });
    }
    const sql = `
      WITH l AS (SELECT hash(${casts.map((x) => x.left).join(', ')}) AS h, count(*) AS n FROM ${sourceTable('left')} GROUP BY 1),
           r AS (SELECT hash(${casts.map((x) => x.right).join(', ')}) AS h, count(*) AS n FROM ${sourceTable('right')} GROUP BY 1)
      SELECT coalesce(sum(least(l.n, r.n)), 0) FROM l JOIN r USING (h)`;
    const reader = await lane.withProgress(job, 'Hashing whole rows', range[0], range[1], () => c.runAndReadAll(sql));
    return Number(reader.getRowsJS()[0][0]);
  }, job);
  return {
    columns: pairs.length,
    identicalRows: identical,
    leftWithoutTwin: rows.left - identical,
    rightWithoutTwin: rows.right - identical,
  };
}
