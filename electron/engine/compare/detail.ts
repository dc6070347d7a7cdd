/**
 * Row detail: both full source rows for a key, side by side, and for each compared column the values as
 * written, as compared (after maps, trims and zone reading), the status, the difference and the tolerance.
 */
import { BIGINT, VARCHAR } from '@duckdb/node-api';
import type { CellDetail, ExceptionClass, RowDetail } from '../../../shared/compare.js';
import { ParityError } from '../../../shared/errors.js';
import type { Side } from '../../../shared/types.js';
import type { Lane } from '../db/lane.js';
import { Params } from '../db/params.js';
import { sideRelation } from './build.js';
import { ident } from '../db/sql.js';
import { columnReading, STATUS } from './classify.js';
import type { Plan } from './plan.js';
import { edgeSql, ruleZones, runRowAt, zoneIndexSql, type ReadingContext } from './readings.js';
import { RUN_EXCEPTIONS, RUN_ROWS } from './run-tables.js';

const STATUS_NAME = ['equal', 'within_tolerance', 'mismatch', 'null_difference'] as const;

function keyMatch(plan: Plan, key: (string | null)[], params: Params, column: (i: number) => string): string {
  if (key.length !== plan.key.length) throw new ParityError('invalid_args', `This contract's key has ${plan.key.length} column(s); ${key.length} value(s) were given.`);
  return plan.key
    .map((k, i) => (key[i] === null ? `${column(i)} IS NULL` : `${column(i)} = CAST(${params.add(key[i], VARCHAR)} AS ${k.type})`))
    .join(' AND ');
}

async function sourceRows(lane: Lane, plan: Plan, side: Side, key: (string | null)[]): Promise<Record<string, string | null>[]> {
  const params = new Params();
  const where = keyMatch(plan, key, params, (i) => `CAST(${ident((side === 'left' ? plan.key[i].left : plan.key[i].right).column)} AS ${plan.key[i].type})`);
  const sql = `SELECT COLUMNS(*)::VARCHAR FROM ${sideRelation(plan, side)} WHERE ${where} LIMIT 50`;
  const rows = (await lane.use((c) => c.runAndReadAll(sql, params.values, params.typeList))).getRowObjectsJS();
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)])));
}

function toleranceText(plan: Plan, i: number): string | null {
  const c = plan.columns[i];
  if (c.kind === 'number') {
    const parts = [c.absTol && Number(c.absTol) ? c.absTol : null, c.relTol && Number(c.relTol) ? `${c.relTol} × |legacy|` : null].filter(Boolean);
    return parts.length ? `± ${parts.join(' + ')}` : 'exact';
  }
  if (c.kind === 'timestamp') return c.toleranceSeconds ? `± ${c.toleranceSeconds} s` : 'exact instant';
  if (c.kind === 'text') return [c.trim ? 'trimmed' : null, c.ignoreCase ? 'case-insensitive' : null, c.valueMap.length ? `${c.valueMap.length} mapped value(s)` : null].filter(Boolean).join(', ') || 'exact text';
  return 'exact';
}

/** Whether each side's wall time falls in a DST gap or overlap: asked of timestamps only, the one kind read in a zone. */
function edges(ctx: ReadingContext, col: Plan['columns'][number], i: number): string[] {
  const edge = (side: Side, kind: 'gap' | 'overlap') => (col.kind === 'timestamp' ? edgeSql(ctx, side, side === 'left' ? col.l : col.r, kind) : 'false');
  return [`${edge('left', 'gap')} AS lg${i}`, `${edge('left', 'overlap')} AS lo${i}`, `${edge('right', 'gap')} AS rg${i}`, `${edge('right', 'overlap')} AS ro${i}`];
}

/**
 * `lane` reads the run, `sourceLane` the two source rows at the same time (a filtered scan of each source,
 * about half of the detail's time when read after the rest).
 */
export async function rowDetail(lane: Lane, sourceLane: Lane, ctx: ReadingContext, key: (string | null)[]): Promise<RowDetail> {
  const sources = Promise.all([sourceRows(sourceLane, ctx.plan, 'left', key), sourceRows(sourceLane, ctx.plan, 'right', key)]);
  // Read, so that a failure on the run's side does not leave it unhandled; it is awaited below.
  sources.catch(() => undefined);
  const { plan } = ctx;
  const params = ctx.params;
  // The run row's id is found by its key alone (one filtered scan); its zone codes are read by that id:
  // filtering after the positional join with the zone codes read every run row (10M rows: 0.9 s).
  const keyParams = new Params();
  const findSql = `SELECT rowid FROM ${RUN_ROWS} WHERE ${keyMatch(plan, key, keyParams, (i) => `k${i}`)} AND _l AND _r LIMIT 1`;
  const found = (await lane.use((c) => c.runAndReadAll(findSql, keyParams.values, keyParams.typeList))).getRows()[0]?.[0] as bigint | undefined;
  const cells = plan.columns.map((col, i) => {
    const r = columnReading(ctx, col);
    const shown = (e: string) => (col.kind === 'timestamp' ? `make_timestamptz(${e})::VARCHAR` : `(${e})::VARCHAR`);
    return [
      `${col.l.name}::VARCHAR AS a${i}`, `${col.r.name}::VARCHAR AS b${i}`,
      `${shown(r.lv)} AS lv${i}`, `${shown(r.rv)} AS rv${i}`,
      `(CASE WHEN ${r.lv} IS NOT DISTINCT FROM ${r.rv} THEN ${STATUS.equal} WHEN ${r.lv} IS NULL OR ${r.rv} IS NULL THEN ${STATUS.nullDifference} WHEN ${r.tolerance} THEN ${STATUS.within} ELSE ${STATUS.mismatch} END) AS st${i}`,
      `(${col.kind === 'timestamp' ? `(${r.diff})::DECIMAL(38,0) * 0.000001::DECIMAL(7,6)` : r.diff})::VARCHAR AS d${i}`,
      ...edges(ctx, col, i),
    ].join(', ');
  });
  const zones = [`${zoneIndexSql(ctx, 'left')} AS _zl`, `${zoneIndexSql(ctx, 'right')} AS _zr`];
  const at = found === undefined ? null : runRowAt(ctx, `${keyMatch(plan, key, params, (i) => `k${i}`)} AND _l AND _r`, params.add(found, BIGINT));
  const sql = at && `SELECT k._row AS _row, _l, _r, ${[...cells, ...zones].join(', ')} FROM ${at}`;
  const row = sql ? (await lane.use((c) => c.runAndReadAll(sql, params.values, params.typeList))).getRowObjectsJS()[0] : undefined;
  const classParams = new Params();
  const classes = (
    await lane.use((c) =>
      c.runAndReadAll(`SELECT DISTINCT class FROM ${RUN_EXCEPTIONS} WHERE ${keyMatch(plan, key, classParams, (i) => `k${i}`)}`, classParams.values, classParams.typeList),
    )
  ).getRowsJS().map((r) => String(r[0]) as ExceptionClass);
  const [leftRows, rightRows] = await sources;
  if (leftRows.length === 0 && rightRows.length === 0) throw new ParityError('not_found', 'No row on either side has this key.');
  const zoneName = (side: Side, idx: unknown) => {
    const rule = plan.rules[side];
    if (rule.kind === 'instant') return null;
    if (rule.kind === 'local') return rule.zone;
    return idx === null || idx === undefined ? 'unmapped' : ruleZones(ctx, side)[Number(idx)];
  };
  const details: CellDetail[] = row
    ? plan.columns.map((col, i) => {
        const str = (k: string) => (row[k] === null || row[k] === undefined ? null : String(row[k]));
        const edge = (g: string, o: string) => (row[g] ? 'nonexistent' : row[o] ? 'ambiguous' : null) as CellDetail['zone']['leftEdge'];
        const naive = (t: string) => col.kind === 'timestamp' && t !== 'TIMESTAMP WITH TIME ZONE';
        return {
          column: col.name,
          rightColumn: col.right,
          kind: col.kind,
          left: str(`a${i}`),
          right: str(`b${i}`),
          leftCompared: str(`lv${i}`),
          rightCompared: str(`rv${i}`),
          status: STATUS_NAME[Number(row[`st${i}`])],
          diff: Number(row[`st${i}`]) === STATUS.equal ? null : str(`d${i}`),
          tolerance: toleranceText(plan, i),
          zone: {
            left: naive(col.l.type) ? zoneName('left', row._zl) : null,
            right: naive(col.r.type) ? zoneName('right', row._zr) : null,
            leftEdge: edge(`lg${i}`, `lo${i}`),
            rightEdge: edge(`rg${i}`, `ro${i}`),
          },
        };
      })
    : [];
  return { key, classes, leftRows, rightRows, cells: details };
}
