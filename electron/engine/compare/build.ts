/**
 * The expensive half of a run, done once per build signature: read both sources, count keys, and
 * join the uniquely-keyed rows into one in-memory table (run.rows) that also keeps the duplicate- and
 * null-key rows. Every later step (classification, aggregates, drill-down, toggles) reads only this table.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Side } from '../../../shared/types.js';
import type { JobContext } from '../jobs.js';
import type { Lane } from '../db/lane.js';
import { ident } from '../db/sql.js';
import { sourceTable } from '../workspace.js';
import type { Plan, Slot } from './plan.js';
import { RUN_ROWS, SRC } from './run-tables.js';

export interface BuildTotals {
  leftRows: number;
  rightRows: number;
  matched: number;
  leftOnly: number;
  rightOnly: number;
  duplicateKeysLeft: number;
  duplicateKeysRight: number;
  nullKeysLeft: number;
  nullKeysRight: number;
  /** Range (µs as written) of each side's timestamps and dates, for the zone transitions. */
  timeRange: Record<Side, { min: bigint; max: bigint } | null>;
}

function keyExpr(plan: Plan, slot: Slot, type: string): string {
  let e = `CAST(s.${ident(slot.column)} AS ${type})`;
  if (type === 'VARCHAR') {
    if (plan.contract.keyOptions.trim) e = `trim(${e})`;
    if (plan.contract.keyOptions.ignoreCase) e = `lower(${e})`;
  }
  return e;
}

/** A side's rows as the run needs them: the key and the slots. */
function sideSelect(plan: Plan, side: Side): string {
  const keys = plan.key.map((k, i) => `${keyExpr(plan, side === 'left' ? k.left : k.right, k.type)} AS k${i}`);
  const values = plan.slots[side].map((s) => `s.${ident(s.column)} AS ${s.name}`);
  const filter = plan.filters[side];
  return `SELECT ${[...keys, ...values].join(', ')} FROM ${sideRelation(plan, side)} s${filter ? ` WHERE ${filter}` : ''}`;
}

/** A side's source with its derived columns (checked expressions over its own columns) beside the rest. */
export function sideRelation(plan: Plan, side: Side): string {
  const derived = plan.derived[side];
  if (!derived.length) return sourceTable(side);
  return `(SELECT *, ${derived.map((d) => `${d.sql} AS ${ident(d.name)}`).join(', ')} FROM ${sourceTable(side)})`;
}

function sideColumns(plan: Plan, side: Side): string[] {
  return plan.slots[side].map((s) => s.name);
}

const ALL_BITS = '18446744073709551615::UBIGINT';

/**
 * Bit i is set when compared column i differs as written (after the cast both sides share). Toggles never
 * make such values equal-as-written, so re-classification only looks closer at rows with a bit set —
 * except for columns read through rules (timestamps, value maps), which are always evaluated.
 */
export const MASKED_COLUMNS = 64;

export function rawDistinctSql(col: Plan['columns'][number], l: string, r: string): string | null {
  if (col.kind === 'timestamp') return null;
  if (col.kind === 'number') {
    const t = col.numericType as string;
    return `TRY_CAST(${l} AS ${t}) IS DISTINCT FROM TRY_CAST(${r} AS ${t})`;
  }
  if (col.kind === 'date') return `TRY_CAST(${l} AS DATE) IS DISTINCT FROM TRY_CAST(${r} AS DATE)`;
  return `CAST(${l} AS VARCHAR) IS DISTINCT FROM CAST(${r} AS VARCHAR)`;
}

function rawDifferenceMask(plan: Plan, lt: string, rt: string): string {
  const bits = plan.columns.slice(0, MASKED_COLUMNS).map((col, i) => {
    const d = rawDistinctSql(col, `${lt}.${col.l.name}`, `${rt}.${col.r.name}`);
    return d === null ? `${1n << BigInt(i)}::UBIGINT` : `(CASE WHEN ${d} THEN ${1n << BigInt(i)}::UBIGINT ELSE 0::UBIGINT END)`;
  });
  return bits.length ? `(${bits.join(' + ')})` : '0::UBIGINT';
}

function keyedSql(plan: Plan): string {
  const ks = plan.key.map((_, i) => `k${i}`);
  const all = (t: string, op: string, join: string) => ks.map((k) => `${t}.${k} ${op}`).join(join);
  const lCols = sideColumns(plan, 'left');
  const rCols = sideColumns(plan, 'right');
  const using = ks.join(', ');
  // A key repeated on either side is never paired: all its rows, on both sides, are duplicate_key rows.
  // _own says whether the key repeats on the row's own side (what duplicateKeysLeft/Right count).
  const unpaired = (t: 'L' | 'R', isLeft: boolean) => {
    const cols = [...lCols.map((c) => (isLeft ? `x.${c}` : `NULL AS ${c}`)), ...rCols.map((c) => (isLeft ? `NULL AS ${c}` : `x.${c}`))];
    return `
    SELECT CASE WHEN ${all('x', 'IS NULL', ' OR ')} THEN ${SRC.nullKey} ELSE ${SRC.duplicate} END::UTINYINT AS _src,
      ${ks.map((k) => `x.${k}`).join(', ')}, ${cols.join(', ')}, ${isLeft} AS _l, ${!isLeft} AS _r, x._own, ${ALL_BITS} AS _neq
    FROM (SELECT ${t}.*, false AS _own FROM ${t} WHERE ${all(t, 'IS NULL', ' OR ')}
          UNION ALL SELECT ${t}.*, D._own FROM ${t} JOIN D USING (${using})) x`;
  };
  return `
    WITH L AS (${sideSelect(plan, 'left')}),
         R AS (${sideSelect(plan, 'right')}),
         LD AS (SELECT ${using} FROM L WHERE ${all('L', 'IS NOT NULL', ' AND ')} GROUP BY ALL HAVING count(*) > 1),
         RD AS (SELECT ${using} FROM R WHERE ${all('R', 'IS NOT NULL', ' AND ')} GROUP BY ALL HAVING count(*) > 1),
         D AS (SELECT ${using}, bool_or(own) AS _own, bool_or(other) AS _other FROM (
                 SELECT ${using}, true AS own, false AS other FROM LD UNION ALL SELECT ${using}, false, true FROM RD) GROUP BY ALL),
         DL AS (SELECT ${using}, _own FROM D), DR AS (SELECT ${using}, _other AS _own FROM D),
         LU AS (SELECT L.* FROM L ANTI JOIN D USING (${using}) WHERE ${all('L', 'IS NOT NULL', ' AND ')}),
         RU AS (SELECT R.* FROM R ANTI JOIN D USING (${using}) WHERE ${all('R', 'IS NOT NULL', ' AND ')})
    SELECT ${SRC.keyed}::UTINYINT AS _src, ${ks.map((k) => `coalesce(LU.${k}, RU.${k}) AS ${k}`).join(', ')},
      ${[...lCols.map((c) => `LU.${c}`), ...rCols.map((c) => `RU.${c}`)].join(', ')},
      LU.k0 IS NOT NULL AS _l, RU.k0 IS NOT NULL AS _r, false AS _own, ${rawDifferenceMask(plan, 'LU', 'RU')} AS _neq
    FROM LU FULL JOIN RU ON ${ks.map((k) => `LU.${k} = RU.${k}`).join(' AND ')}
    UNION ALL ${unpaired('L', true).replace('JOIN D USING', 'JOIN DL D USING')}
    UNION ALL ${unpaired('R', false).replace('JOIN D USING', 'JOIN DR D USING')}`;
}

function unkeyedSql(plan: Plan): string {
  const lCols = sideColumns(plan, 'left');
  const rCols = sideColumns(plan, 'right');
  return `
    SELECT ${SRC.unkeyed}::UTINYINT AS _src, ${[...lCols, ...rCols.map((c) => `NULL AS ${c}`)].join(', ')}, true AS _l, false AS _r, false AS _own, ${ALL_BITS} AS _neq FROM (${sideSelect(plan, 'left')})
    UNION ALL
    SELECT ${SRC.unkeyed}::UTINYINT AS _src, ${[...lCols.map((c) => `NULL AS ${c}`), ...rCols].join(', ')}, false AS _l, true AS _r, false AS _own, ${ALL_BITS} AS _neq FROM (${sideSelect(plan, 'right')})`;
}

export async function buildRun(lane: Lane, plan: Plan, job: JobContext): Promise<BuildTotals> {
  return lane.use(async (c) => {
    const body = plan.key.length > 0 ? keyedSql(plan) : unkeyedSql(plan);
    await lane.withProgress(job, 'Reading and joining both sides', 0.02, 0.85, () => c.run(`CREATE OR REPLACE TABLE ${RUN_ROWS} AS ${body}`));
    job.progress({ phase: 'Counting', fraction: 0.86 });
    return totals(c, plan);
  }, job);
}

async function totals(c: DuckDBConnection, plan: Plan): Promise<BuildTotals> {
  // Every temporal slot, whatever the current rule: a later toggle may read any of them through a zone.
  const temporal = (side: Side) =>
    plan.slots[side].filter((s) => s.type.startsWith('TIMESTAMP') || s.type === 'DATE').map((s) => (s.type === 'DATE' ? `${s.name}::TIMESTAMP` : s.name));
  const range = (cols: string[], tag: string) =>
    cols.length === 0 ? [`NULL AS ${tag}_min`, `NULL AS ${tag}_max`] : [`least(${cols.map((s) => `min(epoch_us(${s}))`).join(', ')}) AS ${tag}_min`, `greatest(${cols.map((s) => `max(epoch_us(${s}))`).join(', ')}) AS ${tag}_max`];
  const r = await c.runAndReadAll(`
    SELECT count(*) FILTER (WHERE _l) AS left_rows, count(*) FILTER (WHERE _r) AS right_rows,
      count(*) FILTER (WHERE _src = ${SRC.keyed} AND _l AND _r) AS matched,
      count(*) FILTER (WHERE _src = ${SRC.keyed} AND _l AND NOT _r) AS left_only,
      count(*) FILTER (WHERE _src = ${SRC.keyed} AND _r AND NOT _l) AS right_only,
      count(*) FILTER (WHERE _src = ${SRC.duplicate} AND _l AND _own) AS dup_left, count(*) FILTER (WHERE _src = ${SRC.duplicate} AND _r AND _own) AS dup_right,
      count(*) FILTER (WHERE _src = ${SRC.nullKey} AND _l) AS null_left, count(*) FILTER (WHERE _src = ${SRC.nullKey} AND _r) AS null_right,
      ${[...range(temporal('left'), 'ln'), ...range(temporal('right'), 'rn')].join(', ')}
    FROM ${RUN_ROWS}`);
  const row = r.getRowObjectsJS()[0];
  const n = (k: string) => Number(row[k] ?? 0);
  const rng = (tag: string) => (row[`${tag}_min`] === null || row[`${tag}_min`] === undefined ? null : { min: BigInt(row[`${tag}_min`] as bigint), max: BigInt(row[`${tag}_max`] as bigint) });
  return {
    leftRows: n('left_rows'),
    rightRows: n('right_rows'),
    matched: n('matched'),
    leftOnly: n('left_only'),
    rightOnly: n('right_only'),
    duplicateKeysLeft: n('dup_left'),
    duplicateKeysRight: n('dup_right'),
    nullKeysLeft: n('null_left'),
    nullKeysRight: n('null_right'),
    timeRange: { left: rng('ln'), right: rng('rn') },
  };
}
