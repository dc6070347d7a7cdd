/**
 * Pages of exception rows, sorted and filtered inside DuckDB over run.exceptions. Each row shows its
 * class, key, differing columns, dimensions, and each compared column's legacy value, new value and
 * difference, under readable names.
 */
import { BIGINT, VARCHAR } from '@duckdb/node-api';
import type { AnnotationStatus, Explanation } from '../../../shared/annotations.js';
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
  /** Only exceptions explained this way (a rule's or an annotation's category, timing, unexplained). */
  explanations?: Explanation[];
  /** Only exceptions whose annotation has this status ('none': not annotated). */
  statuses?: (AnnotationStatus | 'none')[];
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
  // What explains a row comes right after what it is, so an analyst sees both without scrolling.
  const cols: [string, string][] = [
    ['class', 'class'],
    ...plan.key.map((k, i) => [k.left.column, `k${i}`] as [string, string]),
    ['differing columns', `array_to_string(columns, ', ')`],
    ['explanation', explanationSql(plan)],
    ['status', 'a.status'],
    ['category', 'a.category'],
    ['ticket', 'a.ref'],
    ['owner', 'a.owner'],
    // Dates at the dimension's own grain (a month shows as its first day), as the drill-down groups them.
    ...plan.dimensions.map((d, i) => [d.name, d.temporal && d.grain && d.grain !== 'day' ? `date_trunc('${d.grain}', dim${i})::DATE` : `dim${i}`] as [string, string]),
    ['rule', ruleNameSql(plan)],
  ];
  plan.columns.forEach((c, i) => {
    cols.push([`${c.name}${LEGACY}`, c.l.name], [`${c.name}${NEW}`, c.r.name]);
    if (c.kind === 'number' || c.kind === 'date') cols.push([`${c.name}${DIFF}`, `d${i}`]);
    // Timestamp differences in seconds, exactly (µs × 0.000001 stays DECIMAL).
    if (c.kind === 'timestamp') cols.push([`${c.name}${DIFF} (s)`, `(d${i}::DECIMAL(38,0) * 0.000001::DECIMAL(7,6))`]);
  });
  cols.push(['note', 'a.note'], ['first seen', 's.first_seen'], ['runs seen', 's.runs_seen']);
  return cols;
}

const WITH_ANNOTATIONS = `${RUN_EXCEPTIONS} LEFT JOIN parity_annotations a ON a.exception_id = _xid`;

/** The exceptions with their annotation and their history across runs, joined by identity. */
export const EXCEPTIONS_FROM = `${WITH_ANNOTATIONS} LEFT JOIN parity_seen s ON s.exception_id = _xid`;

/** The joins a set of exceptions needs: the run history only when a header filter reads it. */
export function exceptionsFrom(q: Pick<ExceptionQuery, 'columnFilters'>): string {
  return q.columnFilters?.some((f) => f.column === 'first seen' || f.column === 'runs seen') ? EXCEPTIONS_FROM : WITH_ANNOTATIONS;
}

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

/** A dimension over run.exceptions at a grain, as the drill-down groups it. */
export function exceptionDimSql(plan: Plan, i: number, grain: Grain | null | undefined): string {
  const d = plan.dimensions[i];
  const g: Grain = grain ?? d.grain ?? 'day';
  return d.temporal && g !== 'day' ? `date_trunc('${g}', dim${i})::DATE` : `dim${i}`;
}

function dimFilter(plan: Plan, f: DrillFilter, params: Params): string {
  const i = plan.dimensions.findIndex((d) => d.name === f.dimension);
  if (i < 0) return 'false';
  const e = exceptionDimSql(plan, i, f.grain);
  if (f.value === null) return `${e} IS NULL`;
  return plan.dimensions[i].temporal ? `${e} = CAST(${params.add(f.value, VARCHAR)} AS DATE)` : `${e} = ${params.add(f.value, VARCHAR)}`;
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
  if (q.explanations?.length) parts.push(`${explanationSql(plan)} IN (${q.explanations.map((e) => params.add(e, VARCHAR)).join(', ')})`);
  if (q.statuses?.length) parts.push(`coalesce(a.status, 'none') IN (${q.statuses.map((e) => params.add(e, VARCHAR)).join(', ')})`);
  if (q.search) {
    const like = params.add(`%${q.search.toLowerCase()}%`, VARCHAR);
    parts.push(`(${plan.key.map((_, i) => `lower(k${i}::VARCHAR) LIKE ${like}`).join(' OR ') || 'false'})`);
  }
  const shown = exceptionColumns(plan);
  const filter = filterCondition(q.columnFilters, new Map(shown), params, (name) => unknownExceptionColumn(name, shown));
  if (filter) parts.push(filter);
  return parts.join(' AND ');
}

/** Display columns that read the annotation or run history, and so need the joins. */
const NOTE_COLUMNS = new Set(['explanation', 'category', 'status', 'note', 'owner', 'ticket', 'first seen', 'runs seen']);

/** Whether a query filters or sorts by what people said: only then must every exception be joined to its annotation. */
function readsNotes(q: Omit<ExceptionQuery, 'offset' | 'limit'>): boolean {
  return Boolean(q.explanations?.length || q.statuses?.length || q.columnFilters?.some((f) => NOTE_COLUMNS.has(f.column)) || q.sort?.some((s) => NOTE_COLUMNS.has(s.column)));
}

export async function exceptionsPage(lane: Lane, plan: Plan, q: ExceptionQuery): Promise<TablePage> {
  const shown = exceptionColumns(plan);
  const sqlOf = new Map(shown);
  for (const s of q.sort ?? []) {
    if (!sqlOf.has(s.column)) throw new ParityError('unknown_column', unknownExceptionColumn(s.column, shown));
  }
  const joined = readsNotes(q);
  const from = joined ? EXCEPTIONS_FROM : RUN_EXCEPTIONS;
  const countParams = new Params();
  const total = Number(
    (await lane.use((c) => c.runAndReadAll(`SELECT count(*) FROM ${from} WHERE ${exceptionWhere(plan, q, countParams)}`, countParams.values, countParams.typeList))).getRowsJS()[0][0],
  );
  const params = new Params();
  const where = exceptionWhere(plan, q, params);
  const order = [...(q.sort ?? []).map((s) => `(${sqlOf.get(s.column)}) ${s.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`), '_row'].join(', ');
  const window = `LIMIT ${params.add(q.limit, BIGINT)} OFFSET ${params.add(q.offset, BIGINT)}`;
  const select = `SELECT ${shown.map(([name, sql]) => `${sql} AS ${ident(name)}`).join(', ')}, _xid AS ${ident(EXCEPTION_ID)}`;
  // Unless the query reads annotations, the page's row ids are sorted and sliced from the exceptions
  // alone (narrow rows), and only those rows are widened and joined to their annotations.
  const sql = joined
    ? `${select} FROM ${EXCEPTIONS_FROM} WHERE ${where} ORDER BY ${order} ${window}`
    : `${select} FROM ${EXCEPTIONS_FROM} WHERE _row IN (SELECT _row FROM ${RUN_EXCEPTIONS} WHERE ${where} ORDER BY ${order} ${window}) ORDER BY ${order}`;
  const reader = await lane.use((c) => c.runAndReadAll(sql, params.values, params.typeList));
  return { arrow: readerToArrow(reader), total, offset: q.offset };
}
