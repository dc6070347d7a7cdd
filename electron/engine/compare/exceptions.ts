/**
 * Pages of exception rows, sorted and filtered inside DuckDB over run.exceptions. Each row shows its
 * class, key, differing columns, dimensions, and each compared column's legacy value, new value and
 * difference, under readable names.
 */
import { BIGINT, VARCHAR } from '@duckdb/node-api';
import type { DrillFilter, ExceptionClass } from '../../../shared/compare.js';
import { EXCEPTION_CLASSES, EXCEPTION_ID } from '../../../shared/compare.js';
import type { Grain } from '../../../shared/contract.js';
import type { ColumnFilter } from '../../../shared/filters.js';
import type { SortSpec, TablePage } from '../../../shared/types.js';
import { filterCondition } from '../db/filters.js';
import type { Lane } from '../db/lane.js';
import { readerToArrow } from '../db/arrow.js';
import { ParityError } from '../../../shared/errors.js';
import { nearestName } from '../../../shared/names.js';
import { Params } from '../db/params.js';
import { ident, literal } from '../db/sql.js';
import type { Plan } from './plan.js';
import { RUN_EXCEPTIONS } from './run-tables.js';
import { STATUS } from './classify.js';

export interface ExceptionQuery {
  classes?: (ExceptionClass | 'within_tolerance')[];
  filters?: DrillFilter[];
  /** Only rows where this compared column differs (mismatch or null difference). */
  column?: string;
  /** Text to find in the key. */
  search?: string;
  /** Filters set in the grid's column headers, by display name. */
  columnFilters?: ColumnFilter[];
  sort?: SortSpec[];
  offset: number;
  limit: number;
}

export const LEGACY = ' · legacy';
export const NEW = ' · new';
export const DIFF = ' · diff';

/** Display name → SQL over run.exceptions. */
export function exceptionColumns(plan: Plan): [string, string][] {
  const cols: [string, string][] = [
    ['class', 'class'],
    ...plan.key.map((k, i) => [k.left.column, `k${i}`] as [string, string]),
    ['differing columns', `array_to_string(columns, ', ')`],
    // Dates at the dimension's own grain (a month shows as its first day), as the drill-down groups them.
    ...plan.dimensions.map((d, i) => [d.name, d.temporal && d.grain && d.grain !== 'day' ? `date_trunc('${d.grain}', dim${i})::DATE` : `dim${i}`] as [string, string]),
  ];
  cols.push(['explanation', explanationSql(plan)], ['rule', ruleNameSql(plan)]);
  plan.columns.forEach((c, i) => {
    cols.push([`${c.name}${LEGACY}`, c.l.name], [`${c.name}${NEW}`, c.r.name]);
    if (c.kind === 'number' || c.kind === 'date') cols.push([`${c.name}${DIFF}`, `d${i}`]);
    // Timestamp differences in seconds, exactly (µs × 0.000001 stays DECIMAL).
    if (c.kind === 'timestamp') cols.push([`${c.name}${DIFF} (s)`, `(d${i}::DECIMAL(38,0) * 0.000001::DECIMAL(7,6))`]);
  });
  cols.push(
    ['category', 'a.category'],
    ['status', 'a.status'],
    ['note', 'a.note'],
    ['owner', 'a.owner'],
    ['ticket', 'a.ref'],
    ['first seen', 's.first_seen'],
    ['runs seen', 's.runs_seen'],
  );
  return cols;
}

/** The exceptions with their annotation and their history across runs, joined by identity. */
export const EXCEPTIONS_FROM = `${RUN_EXCEPTIONS} LEFT JOIN parity_annotations a ON a.exception_id = _xid LEFT JOIN parity_seen s ON s.exception_id = _xid`;

/** What explains an exception: a person's annotation first, then the first rule it meets, then timing. */
export function explanationSql(plan: Plan): string {
  const byRule = plan.explain.length ? `CASE _rule ${plan.explain.map((r, i) => `WHEN ${i} THEN ${literal(r.category)}`).join(' ')} END` : 'NULL';
  return `coalesce(a.category, ${byRule}, CASE WHEN class = 'timing' THEN 'timing' END, 'unexplained')`;
}

function ruleNameSql(plan: Plan): string {
  return plan.explain.length ? `CASE _rule ${plan.explain.map((r, i) => `WHEN ${i} THEN ${literal(r.name)}`).join(' ')} END` : 'NULL::VARCHAR';
}

function unknownExceptionColumn(name: string, shown: [string, string][]): string {
  return `The exception list has no column "${name}"; the nearest is "${nearestName(name, shown.map(([n]) => n))}".`;
}

function dimFilter(plan: Plan, f: DrillFilter, params: Params): string {
  const i = plan.dimensions.findIndex((d) => d.name === f.dimension);
  if (i < 0) return 'false';
  const d = plan.dimensions[i];
  const g: Grain = f.grain ?? d.grain ?? 'day';
  const e = d.temporal && g !== 'day' ? `date_trunc('${g}', dim${i})::DATE` : `dim${i}`;
  if (f.value === null) return `${e} IS NULL`;
  return d.temporal ? `${e} = CAST(${params.add(f.value, VARCHAR)} AS DATE)` : `${e} = ${params.add(f.value, VARCHAR)}`;
}

export function exceptionWhere(plan: Plan, q: Omit<ExceptionQuery, 'offset' | 'limit' | 'sort'>, params: Params): string {
  const parts: string[] = [];
  const classes = q.classes?.length ? q.classes : EXCEPTION_CLASSES;
  parts.push(`class IN (${classes.map((c) => params.add(c, VARCHAR)).join(', ')})`);
  for (const f of q.filters ?? []) parts.push(dimFilter(plan, f, params));
  if (q.column) {
    const i = plan.columns.findIndex((c) => c.name === q.column);
    parts.push(i < 0 ? 'false' : `st${i} >= ${STATUS.mismatch} AND class = 'mismatch'`);
  }
  if (q.search) {
    const like = params.add(`%${q.search.toLowerCase()}%`, VARCHAR);
    parts.push(`(${plan.key.map((_, i) => `lower(k${i}::VARCHAR) LIKE ${like}`).join(' OR ') || 'false'})`);
  }
  const shown = exceptionColumns(plan);
  const filter = filterCondition(q.columnFilters, new Map(shown), params, (name) => unknownExceptionColumn(name, shown));
  if (filter) parts.push(filter);
  return parts.join(' AND ');
}

export async function exceptionsPage(lane: Lane, plan: Plan, q: ExceptionQuery): Promise<TablePage> {
  const countParams = new Params();
  const total = Number(
    (await lane.use((c) => c.runAndReadAll(`SELECT count(*) FROM ${EXCEPTIONS_FROM} WHERE ${exceptionWhere(plan, q, countParams)}`, countParams.values, countParams.typeList))).getRowsJS()[0][0],
  );
  const params = new Params();
  const shown = exceptionColumns(plan);
  const where = exceptionWhere(plan, q, params);
  const names = shown.map(([n]) => n);
  for (const s of q.sort ?? []) {
    if (!names.includes(s.column)) throw new ParityError('unknown_column', unknownExceptionColumn(s.column, shown));
  }
  const order = [...(q.sort ?? []).map((s) => `${ident(s.column)} ${s.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`), '_row'].join(', ');
  // Sort and slice first; the identity (an md5) is computed for the page's rows only.
  const sql = `SELECT ${shown.map(([name, sql]) => `${sql} AS ${ident(name)}`).join(', ')}, _xid AS ${ident(EXCEPTION_ID)}
    FROM ${EXCEPTIONS_FROM} WHERE ${where} ORDER BY ${order} LIMIT ${params.add(q.limit, BIGINT)} OFFSET ${params.add(q.offset, BIGINT)}`;
  const reader = await lane.use((c) => c.runAndReadAll(sql, params.values, params.typeList));
  return { arrow: readerToArrow(reader), total, offset: q.offset };
}
