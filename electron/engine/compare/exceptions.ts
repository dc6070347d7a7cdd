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
import type { ColumnInfo, SortSpec, TablePage } from '../../../shared/types.js';
import { filterCondition } from '../db/filters.js';
import type { Lane } from '../db/lane.js';
import { preparedArrow, queryArrow } from '../db/arrow.js';
import { ParityError } from '../../../shared/errors.js';
import { nearestName } from '../../../shared/names.js';
import { Params } from '../db/params.js';
import { ident, literal } from '../db/sql.js';
import type { Plan } from './plan.js';
import { RUN_EXCEPTIONS } from './run-tables.js';
import { STATUS } from './classify.js';
import { SortedListings } from './sorted-listings.js';

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
    ...plan.dimensions.map((d, i) => [d.name, exceptionDimSql(plan, i, d.grain)] as [string, string]),
    ['rule', byRuleSql(plan, (r) => r.name) ?? 'NULL::VARCHAR'],
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

/**
 * Exceptions (`base`) with their annotation (a) and their history across runs (s), joined by identity;
 * `onlyOf` narrows both to the ids it holds before the join (a page's).
 */
function withHistory(base: string, onlyOf?: string): string {
  return `${base} LEFT JOIN ${narrowed('parity_annotations', onlyOf)} a ON a.exception_id = _xid LEFT JOIN ${narrowed('parity_seen', onlyOf)} s ON s.exception_id = _xid`;
}

/** A table keyed by exception_id, narrowed to the exceptions `onlyOf` holds when it is given. */
function narrowed(table: string, onlyOf?: string): string {
  return onlyOf ? `(SELECT * FROM ${table} WHERE exception_id IN (SELECT _xid FROM ${onlyOf}))` : table;
}

/**
 * A kept sorted list carries each exception's history across runs (`_first_seen`, `_runs_seen`): the
 * history only changes when a run is recorded, which drops every kept list, and reading it from the list
 * spares a page the look-up in all the history ever kept (10M: ~6–9 ms of a page's 10). The page's rows
 * stand as `s` themselves, so no join is needed for it.
 */
const KEPT_WITH_HISTORY = (page: string) =>
  `(SELECT *, _first_seen AS first_seen, _runs_seen AS runs_seen FROM ${page}) s LEFT JOIN ${narrowed('parity_annotations', page)} a ON a.exception_id = s._xid`;

/** The exceptions with their annotation and their history across runs. */
export const EXCEPTIONS_FROM = withHistory(RUN_EXCEPTIONS);

/** Display columns that read the annotation, and those that read the run history. */
const NOTE_COLUMNS = new Set(['explanation', 'category', 'status', 'note', 'owner', 'ticket']);
const SEEN_COLUMNS = new Set(['first seen', 'runs seen']);

/**
 * The joins a query's filters and sort need: the exceptions alone, with their annotations, or with the
 * run history too. `annotated` asks for the annotations whatever the query (its SELECT reads them).
 */
export function exceptionsFrom(q: Omit<ExceptionQuery, 'offset' | 'limit'>, annotated = false): string {
  const read = [...(q.columnFilters ?? []).map((f) => f.column), ...(q.sort ?? []).map((s) => s.column)];
  if (read.some((c) => SEEN_COLUMNS.has(c))) return EXCEPTIONS_FROM;
  if (annotated || q.explanations?.length || q.statuses?.length || read.some((c) => NOTE_COLUMNS.has(c))) return WITH_ANNOTATIONS;
  return RUN_EXCEPTIONS;
}

/** A value per expected-difference rule, by the rule each exception met (null when there are no rules). */
function byRuleSql(plan: Plan, value: (rule: Plan['explain'][number]) => string): string | null {
  return plan.explain.length ? `CASE _rule ${plan.explain.map((r, i) => `WHEN ${i} THEN ${literal(value(r))}`).join(' ')} END` : null;
}

/**
 * What explains an exception: a person's annotation first, then the first rule it meets, then timing. A row
 * within tolerance is no exception: the contract's tolerance explains it, and it never counts as unexplained.
 */
export function explanationSql(plan: Plan): string {
  return `coalesce(a.category, ${byRuleSql(plan, (r) => r.category) ?? 'NULL'}, CASE class WHEN 'timing' THEN 'timing' WHEN 'within_tolerance' THEN '${WITHIN_TOLERANCE}' END, 'unexplained')`;
}

/** The explanation of a row within tolerance (not one of the explanations an exception can have). */
const WITHIN_TOLERANCE = 'within_tolerance';

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

/** The classes run.exceptions holds: every exception class, and rows within tolerance. */
const LISTED_CLASSES: readonly (ExceptionClass | 'within_tolerance')[] = [...EXCEPTION_CLASSES, 'within_tolerance'];

/**
 * Rows of these classes. All classes but one (every exception, the list's default) is one comparison:
 * DuckDB joins against an IN list of bound values, which was most of a sorted page's top-N (10M: 4.3 → 1.7 ms).
 */
function classCondition(classes: readonly (ExceptionClass | 'within_tolerance')[], params: Params): string {
  const others = LISTED_CLASSES.filter((c) => !classes.includes(c));
  if (others.length === 0) return 'true';
  if (others.length === 1) return `class <> ${params.add(others[0], VARCHAR)}`;
  return `class IN (${classes.map((c) => params.add(c, VARCHAR)).join(', ')})`;
}

export function exceptionWhere(plan: Plan, q: Omit<ExceptionQuery, 'offset' | 'limit' | 'sort'>, params: Params): string {
  const parts: string[] = [];
  parts.push(classCondition(q.classes?.length ? q.classes : EXCEPTION_CLASSES, params));
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

/**
 * Row counts of exception queries over one listing of run.exceptions, by their SQL and values. Scrolling
 * and sorting a list ask for the same count with every page. Only counts of the listing alone belong here
 * (annotations change while a list is open); the owner makes a new one whenever the listing changes.
 */
export class ExceptionTotals {
  private readonly totals = new Map<string, number>();

  async of(sql: string, params: Params, count: () => Promise<number>): Promise<number> {
    const key = JSON.stringify([sql, params.values.map(String)]);
    const known = this.totals.get(key);
    if (known !== undefined) return known;
    const total = await count();
    if (this.totals.size >= 256) this.totals.clear();
    this.totals.set(key, total);
    return total;
  }
}

function selectShown(shown: [string, string][]): string {
  return `SELECT ${shown.map(([name, sql]) => `${sql} AS ${ident(name)}`).join(', ')}, _xid AS ${ident(EXCEPTION_ID)}`;
}

/** The columns a page of exceptions has, as its Arrow schema names them; DuckDB only plans the query. */
export async function exceptionListColumns(lane: Lane, plan: Plan): Promise<ColumnInfo[]> {
  const reader = await lane.use((c) => c.runAndReadAll(`${selectShown(exceptionColumns(plan))} FROM ${EXCEPTIONS_FROM} LIMIT 0`));
  const types = reader.columnTypes();
  return reader.deduplicatedColumnNames().map((name, i) => ({ name, type: types[i].toString() }));
}

/** A page read by position from a kept sorted list. */
function pageOfKept(table: string, q: ExceptionQuery, select: string): { sql: string; values: Params } {
  const values = new Params();
  const sql = `WITH page AS (SELECT * FROM ${table} WHERE _pos >= ${values.add(q.offset, BIGINT)} AND _pos < ${values.add(q.offset + q.limit, BIGINT)})
       ${select} FROM ${KEPT_WITH_HISTORY('page')} ORDER BY _pos`;
  return { sql, values };
}

/** A page sorted and sliced out of the exceptions (`params` holds the filter's values). */
function pageOfExceptions(joined: boolean, select: string, where: string, order: string, params: Params, q: ExceptionQuery): { sql: string; values: Params } {
  const window = `LIMIT ${params.add(q.limit, BIGINT)} OFFSET ${params.add(q.offset, BIGINT)}`;
  // Unless the query reads annotations, the page's row ids are sorted and sliced from the exceptions
  // alone (narrow rows), and only those rows are widened and joined to their annotations and history —
  // each narrowed to the page's ids first, as the history holds every exception ever seen and hashing
  // all of it for 100 rows was most of a page's time (10M rows: 56 → 24 ms).
  const sql = joined
    ? `${select} FROM ${EXCEPTIONS_FROM} WHERE ${where} ORDER BY ${order} ${window}`
    : `WITH page AS (SELECT * FROM ${RUN_EXCEPTIONS} WHERE _row IN (SELECT _row FROM ${RUN_EXCEPTIONS} WHERE ${where} ORDER BY ${order} ${window}))
       ${select} FROM ${withHistory('page', 'page')} ORDER BY ${order}`;
  return { sql, values: params };
}

/** The sorted lists kept for the current listing of exceptions, and that listing's identity. */
export interface KeptListings {
  sorted: SortedListings;
  listing: string;
}

export async function exceptionsPage(lane: Lane, plan: Plan, q: ExceptionQuery, totals = new ExceptionTotals(), kept?: KeptListings): Promise<TablePage> {
  const shown = exceptionColumns(plan);
  const sqlOf = new Map(shown);
  for (const s of q.sort ?? []) {
    if (!sqlOf.has(s.column)) throw new ParityError('unknown_column', unknownExceptionColumn(s.column, shown));
  }
  const from = exceptionsFrom(q);
  const joined = from !== RUN_EXCEPTIONS;
  const countParams = new Params();
  const countSql = `SELECT count(*) FROM ${from} WHERE ${exceptionWhere(plan, q, countParams)}`;
  const count = async () => Number((await lane.use((c) => c.runAndReadAll(countSql, countParams.values, countParams.typeList))).getRowsJS()[0][0]);
  const total = joined ? await count() : await totals.of(countSql, countParams, count);
  const params = new Params();
  const where = exceptionWhere(plan, q, params);
  const order = [...(q.sort ?? []).map((s) => `(${sqlOf.get(s.column)}) ${s.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`), '_row'].join(', ');
  const select = selectShown(shown);
  // A list that reads annotations or history is paged from the joined tables (they change under it).
  const keptAs = !joined && kept ? JSON.stringify([kept.listing, where, params.values.map(String), order]) : null;
  const sorted = keptAs ? kept!.sorted.find(keptAs) : null;
  if (keptAs && !sorted && SortedListings.worth({ offset: q.offset, limit: q.limit, sorted: Boolean(q.sort?.length) }, total)) {
    const numbered = `SELECT row_number() OVER (ORDER BY ${order}) - 1 AS _pos, e.*, h.first_seen AS _first_seen, h.runs_seen AS _runs_seen`;
    kept!.sorted.keep(keptAs, `${numbered} FROM ${RUN_EXCEPTIONS} e LEFT JOIN parity_seen h ON h.exception_id = e._xid WHERE ${where}`, params.clone());
  }
  const { sql, values } = sorted ? pageOfKept(sorted, q, select) : pageOfExceptions(joined, select, where, order, params, q);
  // A kept list's pages differ only by position: its query is planned once.
  const arrow = await lane.use(async (c) => (sorted ? preparedArrow(await lane.prepared(sql), values.values, values.typeList) : queryArrow(c, sql, values.values, values.typeList)));
  return { arrow, total, offset: q.offset };
}
