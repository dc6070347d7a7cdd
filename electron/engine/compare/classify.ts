/**
 * Classification: the cheap half of a run, redone on every toggle.
 *  - run.cand lists the candidate rows (row id + a bit per column whose readings differ under the
 *    current rules): one-sided and duplicate rows, and paired rows with a column differing as written
 *    (the build's bit mask) or as read (zones, value maps, trims). One narrow pass; rebuilt only when
 *    those rules change.
 *  - The count pass reads only the candidates (DuckDB pushes the row-id join into the scan) and gives
 *    the summary counts: this is what a tolerance toggle waits for.
 *  - run.exceptions (the rows that are not exactly equal, with statuses, differences and dimensions) is
 *    listed lazily, when the drill-down, a page or a pack first needs it.
 */
import { VARCHAR } from '@duckdb/node-api';
import type { Side } from '../../../shared/types.js';
import { exactText, parseExact } from '../../../shared/decimal.js';
import type { Lane } from '../db/lane.js';
import { Params } from '../db/params.js';
import { ident } from '../db/sql.js';
import type { JobContext } from '../jobs.js';
import { MASKED_COLUMNS, rawDistinctSql } from './build.js';
import type { Plan, PlannedColumn, Slot } from './plan.js';
import { instantSql, listedRows, reportingDaySql, runRows, textSql, wallMicrosSql, type ReadingContext } from './readings.js';
import { RUN_ONESIDE, RUN_SSTAT, RUN_SVALS, RUN_TIMING, dynamicStatus } from './run-tables.js';
import { RUN_EXCEPTION_STATUSES, RUN_EXCEPTIONS, RUN_ROWS, SRC } from './run-tables.js';

/** Column status codes in run.exceptions. */
export const STATUS = { equal: 0, within: 1, mismatch: 2, nullDifference: 3 } as const;

function decimalLiteral(params: Params, text: string, type: string): string {
  if (type === 'DOUBLE') return `CAST(${params.add(text, VARCHAR)} AS DOUBLE)`;
  const scale = text.includes('.') ? text.split('.')[1].length : 0;
  return `CAST(${params.add(text, VARCHAR)} AS DECIMAL(38,${scale}))`;
}

export interface ColumnReading {
  /** Values as compared. */
  lv: string;
  rv: string;
  /** Within tolerance (only evaluated when the values differ and neither is null). */
  tolerance: string;
  /** Absolute difference (numbers exact, timestamps in µs, dates in days); NULL where not meaningful. */
  diff: string;
}

export function columnReading(ctx: ReadingContext, col: PlannedColumn): ColumnReading {
  const p = ctx.params;
  switch (col.kind) {
    case 'number': {
      const t = col.numericType as string;
      const cast = (slot: Slot) => (/^(VARCHAR)$/.test(slot.type) ? `TRY_CAST(${slot.name} AS ${t})` : `CAST(${slot.name} AS ${t})`);
      const lv = cast(col.l);
      const rv = cast(col.r);
      const terms = [
        col.absTol && Number(col.absTol) !== 0 ? decimalLiteral(p, col.absTol, t) : null,
        col.relTol && Number(col.relTol) !== 0 ? `${decimalLiteral(p, col.relTol, t)} * abs(${lv})` : null,
      ].filter(Boolean);
      return { lv, rv, tolerance: terms.length ? `abs(${lv} - ${rv}) <= ${terms.join(' + ')}` : 'false', diff: `abs(${lv} - ${rv})` };
    }
    case 'timestamp': {
      const lv = instantSql(ctx, 'left', col.l);
      const rv = instantSql(ctx, 'right', col.r);
      const tolUs = BigInt(Math.round(col.toleranceSeconds * 1_000_000));
      return { lv, rv, tolerance: tolUs > 0n ? `abs(${lv} - ${rv}) <= ${tolUs}::BIGINT` : 'false', diff: `abs(${lv} - ${rv})` };
    }
    case 'date': {
      const lv = `TRY_CAST(${col.l.name} AS DATE)`;
      const rv = `TRY_CAST(${col.r.name} AS DATE)`;
      return { lv, rv, tolerance: 'false', diff: `abs(date_diff('day', ${lv}, ${rv}))` };
    }
    case 'boolean': {
      const lv = col.valueMap.length || col.l.type !== 'BOOLEAN' ? `TRY_CAST(${textSql(ctx, col, 'left')} AS BOOLEAN)` : col.l.name;
      const rv = col.r.type !== 'BOOLEAN' ? `TRY_CAST(${textSql(ctx, col, 'right')} AS BOOLEAN)` : col.r.name;
      return { lv, rv, tolerance: 'false', diff: 'NULL' };
    }
    default:
      return { lv: textSql(ctx, col, 'left'), rv: textSql(ctx, col, 'right'), tolerance: 'false', diff: 'NULL' };
  }
}



/** Status from two readings and a tolerance test. */
export function statusSql(lv: string, rv: string, tolerance: string): string {
  return `(CASE WHEN ${lv} IS NOT DISTINCT FROM ${rv} THEN ${STATUS.equal}
    WHEN ${lv} IS NULL OR ${rv} IS NULL THEN ${STATUS.nullDifference}
    WHEN ${tolerance} THEN ${STATUS.within} ELSE ${STATUS.mismatch} END)::UTINYINT`;
}

function timingSql(ctx: ReadingContext, side: Side): string {
  const t = ctx.plan.timing;
  const slot = t ? (side === 'left' ? t.l : t.r) : null;
  if (!t || !slot) return 'false';
  // Younger than the window: the event happened after (as-of − window). Exactly at the edge is not younger.
  return `coalesce(${instantSql(ctx, side, slot)} > ${t.asOfUs - t.windowUs}::BIGINT, false)`;
}

export function dimensionSql(ctx: ReadingContext, i: number, side: Side): string {
  const d = ctx.plan.dimensions[i];
  const slot = side === 'left' ? d.l : d.r;
  return d.temporal ? reportingDaySql(ctx, side, slot) : `CAST(${slot.name} AS VARCHAR)`;
}

/** Columns whose equality depends on rules a toggle can change (zones, value maps, trims, case). */
export function isDynamic(col: PlannedColumn, i: number): boolean {
  if (i >= MASKED_COLUMNS || rawDistinctSql(col, 'l', 'r') === null) return true;
  return col.valueMap.length > 0 || (col.kind === 'text' && (col.trim || col.ignoreCase));
}

export const indexes = (plan: Plan, dynamic: boolean) => plan.columns.map((c, i) => (isDynamic(c, i) === dynamic ? i : -1)).filter((i) => i >= 0);
const bit = (i: number) => `${1n << BigInt(i)}::UBIGINT`;

/**
 * Done once per build: the static columns' values for the rows where one differs as written (run.svals),
 * and the one-sided, duplicate- and null-key rows (run.oneside). Tolerance toggles read only these.
 */
export async function buildStaticValues(lane: Lane, plan: Plan, job: JobContext): Promise<void> {
  const cols = indexes(plan, false);
  const mask = cols.reduce((m, i) => m | (1n << BigInt(i)), 0n);
  const slots = [...new Set(cols.flatMap((i) => [plan.columns[i].l.name, plan.columns[i].r.name]))];
  await lane.use(async (c) => {
    await lane.withProgress(job, 'Noting what differs as written', 0.05, 0.8, () =>
      c.run(`CREATE OR REPLACE TABLE ${RUN_SVALS} AS SELECT rowid AS _row, ${['_neq', ...slots].join(', ')}
        FROM ${RUN_ROWS} WHERE _src = ${SRC.keyed} AND _l AND _r AND (_neq & ${mask}::UBIGINT) <> 0`),
    );
    await c.run(`CREATE OR REPLACE TABLE ${RUN_ONESIDE} AS SELECT rowid AS _row, _src, _l, _r
      FROM ${RUN_ROWS} WHERE _src IN (${SRC.keyed}, ${SRC.duplicate}, ${SRC.nullKey}) AND (_src <> ${SRC.keyed} OR NOT (_l AND _r))`);
  }, job);
}

/** Which columns are static: when a toggle moves one (a value map added or dropped), run.svals is made again. */
export function staticColumnsKey(plan: Plan): string {
  return JSON.stringify(indexes(plan, false));
}

/**
 * A tolerance as the statuses depend on it: "0.00", "0" and none classify alike (nothing is within a
 * zero tolerance that is not equal), and "0.010" is "0.01"; so toggling back to "Exact" finds the run's
 * own tables again instead of classifying millions of rows anew.
 */
export function toleranceKey(value: string | null | undefined): string | null {
  const exact = parseExact(value ?? null);
  if (!exact) return value ?? null;
  if (exact.unscaled === 0n) return null;
  let { unscaled, scale } = exact;
  while (scale > 0 && unscaled % 10n === 0n) {
    unscaled /= 10n;
    scale--;
  }
  return exactText({ unscaled, scale });
}

/** What the static statuses depend on (tolerances of numeric columns). */
export function staticKey(plan: Plan): string {
  return JSON.stringify(indexes(plan, false).map((i) => [i, toleranceKey(plan.columns[i].absTol), toleranceKey(plan.columns[i].relTol), plan.columns[i].numericType]));
}

/** What each dynamic table depends on: one per dynamic column (its rules and options), and timing. */
export function dynamicKeys(plan: Plan): Record<string, string> {
  const c = plan.contract;
  const keys: Record<string, string> = { timing: JSON.stringify([c.left.timezone, c.right.timezone, c.timing ?? null]) };
  for (const i of indexes(plan, true)) {
    const col = plan.columns[i];
    const rules = col.kind === 'timestamp' ? [c.left.timezone, c.right.timezone] : null;
    keys[`column:${i}`] = JSON.stringify([col.kind, col.valueMap, col.trim, col.ignoreCase, col.toleranceSeconds, toleranceKey(col.absTol), toleranceKey(col.relTol), rules]);
  }
  return keys;
}

function statusColumns(ctx: ReadingContext, cols: number[], guard: (i: number) => string | null): string[] {
  return cols.flatMap((i) => {
    const r = columnReading(ctx, ctx.plan.columns[i]);
    const status = statusSql(r.lv, r.rv, r.tolerance);
    const g = guard(i);
    return [
      `${g ? `(CASE WHEN ${g} THEN ${status} ELSE ${STATUS.equal}::UTINYINT END)` : status} AS st${i}`,
      `CASE WHEN ${r.lv} IS DISTINCT FROM ${r.rv}${g ? ` AND ${g}` : ''} THEN ${r.diff} END AS d${i}`,
    ];
  });
}

/** run.sstat: statuses of the static columns, from run.svals alone. */
export async function buildStaticStatus(lane: Lane, ctx: ReadingContext, job: JobContext): Promise<void> {
  const cols = indexes(ctx.plan, false);
  const select = ['_row', ...statusColumns(ctx, cols, (i) => `(_neq & ${bit(i)}) <> 0`)];
  const sql = `CREATE OR REPLACE TABLE ${RUN_SSTAT} AS SELECT ${select.join(', ')} FROM ${RUN_SVALS}`;
  await lane.use((c) => lane.withProgress(job, 'Applying tolerances', 0.1, 0.9, () => c.run(sql, ctx.params.values, ctx.params.typeList)), job);
}

/** The rows of run.dstat_i as a query: a toggle counts them straight from it and the listing writes them later. */
export function dynamicStatusSelect(ctx: ReadingContext, i: number): string {
  const r = columnReading(ctx, ctx.plan.columns[i]);
  const select = ['_rid AS _row', ...statusColumns(ctx, [i], () => null)];
  // The reading repeats in the projection, but only for the rows the filter keeps.
  return `SELECT ${select.join(', ')} FROM ${runRows(ctx)} WHERE _src = ${SRC.keyed} AND _l AND _r AND ${r.lv} IS DISTINCT FROM ${r.rv}`;
}

/** run.dstat_i: one dynamic column's status where its readings differ (one narrow pass over run.rows). */
export async function buildDynamicColumn(lane: Lane, ctx: ReadingContext, i: number, job: JobContext): Promise<void> {
  const sql = `CREATE OR REPLACE TABLE ${dynamicStatus(i)} AS ${dynamicStatusSelect(ctx, i)}`;
  await lane.use((c) => lane.withProgress(job, `Reading ${ctx.plan.columns[i].name} through the rules`, 0.05, 0.95, () => c.run(sql, ctx.params.values, ctx.params.typeList)), job);
}

/** run.timing: whether each one-sided row is younger than the late-arrival window. */
export async function buildTiming(lane: Lane, ctx: ReadingContext, job: JobContext): Promise<void> {
  const sql = `CREATE OR REPLACE TABLE ${RUN_TIMING} AS SELECT _rid AS _row, ${timingSql(ctx, 'left')} AS _tl, ${timingSql(ctx, 'right')} AS _tr
    FROM ${runRows(ctx)} WHERE _src = ${SRC.keyed} AND NOT (_l AND _r)`;
  await lane.use((c) => lane.withProgress(job, 'Checking late arrivals', 0.05, 0.95, () => c.run(sql, ctx.params.values, ctx.params.typeList)), job);
}

function classSql(plan: Plan): string {
  const worst = plan.columns.length ? `greatest(${plan.columns.map((_, i) => `st${i}`).join(', ')})` : '0';
  return `CASE
    WHEN _src = ${SRC.duplicate} THEN 'duplicate_key'
    WHEN _src = ${SRC.nullKey} THEN 'null_key'
    WHEN _l AND NOT _r THEN CASE WHEN _tl THEN 'timing' ELSE 'left_only' END
    WHEN _r AND NOT _l THEN CASE WHEN _tr THEN 'timing' ELSE 'right_only' END
    WHEN ${worst} >= ${STATUS.mismatch} THEN 'mismatch'
    WHEN ${worst} = ${STATUS.within} THEN 'within_tolerance'
    ELSE 'equal' END`;
}

/**
 * Every row that is not exactly equal, with its statuses and class: the static status table, one table
 * per dynamic column, and the one-sided rows, joined by row id — small tables, joined on the smaller side.
 */
function statusesSql(plan: Plan): string {
  const dyn = indexes(plan, true);
  const tables = [{ alias: 's', table: RUN_SSTAT }, ...dyn.map((i) => ({ alias: `d${i}t`, table: dynamicStatus(i) }))];
  const rowOf = (upTo: number) => (upTo === 1 ? 's._row' : `coalesce(${tables.slice(0, upTo).map((t) => `${t.alias}._row`).join(', ')})`);
  const joins = tables.slice(1).map((t, k) => `FULL JOIN ${t.table} ${t.alias} ON ${t.alias}._row = ${rowOf(k + 1)}`).join(' ');
  const owner = (i: number) => (isDynamic(plan.columns[i], i) ? `d${i}t` : 's');
  const cols = plan.columns.flatMap((_, i) => [`coalesce(${owner(i)}.st${i}, ${STATUS.equal}) AS st${i}`, `${owner(i)}.d${i} AS d${i}`]);
  return `
    WITH p AS (SELECT ${[`${rowOf(tables.length)} AS _row`, ...cols].join(', ')} FROM ${RUN_SSTAT} s ${joins}),
    j AS (
      SELECT coalesce(p._row, o._row) AS _row, coalesce(o._src, ${SRC.keyed}) AS _src, coalesce(o._l, true) AS _l, coalesce(o._r, true) AS _r,
        ${[...plan.columns.flatMap((_, i) => [`coalesce(p.st${i}, ${STATUS.equal}) AS st${i}`, `p.d${i} AS d${i}`])].join(', ')}${plan.columns.length ? ',' : ''}
        coalesce(tm._tl, false) AS _tl, coalesce(tm._tr, false) AS _tr
      FROM p FULL JOIN ${RUN_ONESIDE} o ON p._row = o._row LEFT JOIN ${RUN_TIMING} tm ON tm._row = o._row),
    k AS (SELECT *, ${classSql(plan)} AS class FROM j)`;
}

/** run.exceptions: every row that is not exactly equal, with what drill-down, pages and packs need. */
export async function materializeExceptions(lane: Lane, ctx: ReadingContext, job: JobContext): Promise<void> {
  const { plan } = ctx;
  const keys = plan.key.map((_, i) => `t.k${i}`);
  const slots = [...plan.slots.left.map((x) => x.name), ...plan.slots.right.map((x) => x.name)].map((x) => `t.${x}`);
  const dims = plan.dimensions.map((_, i) => `CASE WHEN k._l THEN ${dimensionSql(ctx, i, 'left')} ELSE ${dimensionSql(ctx, i, 'right')} END AS dim${i}`);
  const names = plan.columns.map((c) => ctx.params.add(c.name, VARCHAR));
  const differing = plan.columns.length
    ? `list_filter([${plan.columns.map((_, i) => `CASE WHEN st${i} >= ${STATUS.mismatch} THEN ${names[i]} END`).join(', ')}], x -> x IS NOT NULL)`
    : '[]::VARCHAR[]';
  const xid = exceptionIdSql(plan, ctx.params.add(plan.contract.name, VARCHAR), { class: 'k.class', key: (i) => `t.k${i}`, src: 'k._src', left: 'k._l', row: 'k._row' });
  // Two statements: the exceptions' statuses first (narrow), then their wide values from run.rows for
  // those rows only. Known to be few, the listed rows are the side DuckDB hashes; in one statement it
  // guessed them many and hashed all ten million zone codes instead — twice the time, and a stretch
  // of it deaf to a cancel (a toggle waited most of a second for it).
  const narrow = `CREATE OR REPLACE TABLE ${RUN_EXCEPTION_STATUSES} AS ${statusesSql(plan)} SELECT * FROM k WHERE class <> 'equal'`;
  const listed = `SELECT class, CASE WHEN class = 'mismatch' THEN ${differing} ELSE []::VARCHAR[] END AS columns, ${xid} AS _xid,
      ${['k._row', 'k._src', 'k._l', 'k._r', ...keys, ...slots, ...plan.columns.map((_, i) => `st${i}`), ...plan.columns.map((_, i) => `d${i}`), ...dims].join(', ')}
    FROM ${listedRows(ctx, RUN_EXCEPTION_STATUSES)}`;
  const sql = `CREATE OR REPLACE TABLE ${RUN_EXCEPTIONS} AS ${withRules(ctx, listed)}`;
  await lane.use(async (c) => {
    await lane.withProgress(job, 'Listing exceptions', 0.05, 0.3, () => c.run(narrow));
    await lane.withProgress(job, 'Listing exceptions', 0.3, 0.95, () => c.run(sql, ctx.params.values, ctx.params.typeList));
    // A cancelled listing leaves it for the next one to replace.
    await c.run(`DROP TABLE ${RUN_EXCEPTION_STATUSES}`);
  }, job);
}

/**
 * The first expected-difference rule each exception satisfies (its index), as `_rule`. A predicate
 * reads l.<column> and r.<column> (structs of each side's stored values by their own names) and
 * d.<dimension> (the exception's drill-down values).
 */
function withRules(ctx: ReadingContext, listed: string): string {
  const rules = ctx.plan.explain;
  if (!rules.length) return `SELECT *, NULL::INTEGER AS _rule FROM (${listed})`;
  const struct = (slots: Slot[]) => (slots.length ? `struct_pack(${[...new Map(slots.map((x) => [x.name, x])).values()].map((x) => `${ident(x.column)} := ${x.name}`).join(', ')})` : 'NULL');
  const cases = rules.map((r, i) => {
    const only = r.column === null ? '' : ` AND class = 'mismatch' AND columns = [${ctx.params.add(r.column, VARCHAR)}]`;
    return `WHEN coalesce(${r.sql}, false)${only} THEN ${i}`;
  });
  const l = struct(rules.flatMap((r) => r.l));
  const rr = struct(rules.flatMap((r) => r.r));
  // Dimensions as the drill-down shows them at day grain (dates in the reporting zone).
  const dimIndexes = [...new Set(rules.flatMap((r) => r.d))];
  const d = dimIndexes.length ? `struct_pack(${dimIndexes.map((i) => `${ident(ctx.plan.dimensions[i].name)} := dim${i}`).join(', ')})` : 'NULL';
  return `SELECT * EXCLUDE (l, r, d), CASE WHEN class = 'within_tolerance' THEN NULL ${cases.join(' ')} END::INTEGER AS _rule
    FROM (SELECT *, ${l} AS l, ${rr} AS r, ${d} AS d FROM (${listed}))`;
}

/** Stable identity of an exception: contract, class, key (and side and row for duplicate/null keys). */
export function exceptionIdSql(plan: Plan, contractParam: string, names: { class: string; key: (i: number) => string; src: string; left: string; row: string }): string {
  const keys = plan.key.map((_, i) => `${names.key(i)}::VARCHAR`);
  const keyJson = keys.length ? `to_json([${keys.join(', ')}])::VARCHAR` : `'[]'`;
  return `md5(concat_ws(chr(31), ${contractParam}, ${names.class}, CASE WHEN ${names.src} IN (${SRC.duplicate}, ${SRC.nullKey}) THEN (CASE WHEN ${names.left} THEN 'legacy' ELSE 'new' END) || chr(31) || ${names.row}::VARCHAR END, ${keyJson}))`;
}

/** The naive timestamp slots each side reads through a zone rule, with the column they come from. */
export function zonedSlots(plan: Plan, side: Side): Slot[] {
  const rule = plan.rules[side];
  if (rule.kind === 'instant') return [];
  const used = new Set<string>([
    ...plan.columns.filter((c) => c.kind === 'timestamp').map((c) => (side === 'left' ? c.l.name : c.r.name)),
    ...plan.dimensions.filter((d) => d.temporal).map((d) => (side === 'left' ? d.l.name : d.r.name)),
    ...(plan.timing ? [side === 'left' ? plan.timing.l?.name : plan.timing.r?.name].filter((x): x is string => Boolean(x)) : []),
  ]);
  return plan.slots[side].filter((s) => used.has(s.name) && s.type.startsWith('TIMESTAMP') && s.type !== 'TIMESTAMP WITH TIME ZONE');
}

export { wallMicrosSql };
