/**
 * Duplicate and null keys per side. A key that occurs more than once is never paired later; here we
 * count the rows that carry such keys (duplicateKeys*) and how many distinct key values repeat.
 */
import type { KeyReport, Side, TablePage } from '../../../shared/types.js';
import type { JobContext } from '../jobs.js';
import type { Lane } from '../db/lane.js';
import { readPage, type PageRequest } from '../db/paging.js';
import { ident } from '../db/sql.js';
import { SIDE_LABEL, sourceTable } from '../workspace.js';
import type { KeyPair } from './schema.js';

function keyColumns(key: readonly KeyPair[], side: Side): string[] {
  return key.map((k) => (side === 'left' ? k.left : k.right));
}

const notNull = (cols: string[]) => cols.map((c) => `${ident(c)} IS NOT NULL`).join(' AND ');
const anyNull = (cols: string[]) => cols.map((c) => `${ident(c)} IS NULL`).join(' OR ');

async function sideKeys(lane: Lane, side: Side, cols: string[], job: JobContext) {
  const list = cols.map(ident).join(', ');
  const sql = `
    WITH k AS (SELECT ${list}, count(*) AS n FROM ${sourceTable(side)} WHERE ${notNull(cols)} GROUP BY ALL)
    SELECT coalesce(sum(n) FILTER (WHERE n > 1), 0) AS dup_rows, count(*) FILTER (WHERE n > 1) AS dup_values,
           (SELECT count(*) FROM ${sourceTable(side)} WHERE ${anyNull(cols)}) AS null_rows
    FROM k`;
  const r = await lane.use((c) => c.runAndReadAll(sql), job);
  const row = r.getRowObjectsJS()[0];
  return { dupRows: Number(row.dup_rows), dupValues: Number(row.dup_values), nullRows: Number(row.null_rows) };
}

export async function keyReport(lane: Lane, key: readonly KeyPair[], job: JobContext): Promise<KeyReport> {
  job.progress({ phase: 'Checking keys', fraction: null });
  const left = await sideKeys(lane, 'left', keyColumns(key, 'left'), job);
  const right = await sideKeys(lane, 'right', keyColumns(key, 'right'), job);
  return {
    columns: key.map((k) => ({ ...k })),
    duplicateKeysLeft: left.dupRows,
    duplicateKeysRight: right.dupRows,
    duplicateValuesLeft: left.dupValues,
    duplicateValuesRight: right.dupValues,
    nullKeysLeft: left.nullRows,
    nullKeysRight: right.nullRows,
  };
}

/** The offending values: repeated keys with their row counts, or the whole rows whose key has a null. */
export async function keyValuesPage(
  lane: Lane,
  side: Side,
  kind: 'duplicate' | 'null',
  key: readonly KeyPair[],
  sourceColumns: readonly string[],
  report: KeyReport,
  request: PageRequest,
): Promise<TablePage> {
  const cols = keyColumns(key, side);
  const list = cols.map(ident).join(', ');
  if (kind === 'duplicate') {
    const total = side === 'left' ? report.duplicateValuesLeft : report.duplicateValuesRight;
    const relation = `(SELECT ${list}, count(*) AS "rows" FROM ${sourceTable(side)} WHERE ${notNull(cols)} GROUP BY ALL HAVING count(*) > 1)`;
    const sort = request.sort?.length ? request.sort : [{ column: 'rows', direction: 'desc' as const }];
    return readPage(lane, relation, [...cols, 'rows'], { ...request, sort }, { total, owner: SIDE_LABEL[side] });
  }
  const total = side === 'left' ? report.nullKeysLeft : report.nullKeysRight;
  const relation = `(SELECT * FROM ${sourceTable(side)} WHERE ${anyNull(cols)})`;
  return readPage(lane, relation, sourceColumns, request, { total, owner: SIDE_LABEL[side] });
}
