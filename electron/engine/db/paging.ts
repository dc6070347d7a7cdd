/** One page of any relation, sorted and sliced inside DuckDB, returned as Arrow. */
import { BIGINT } from '@duckdb/node-api';
import { ParityError } from '../../../shared/errors.js';
import { unknownColumnMessage } from '../../../shared/names.js';
import type { ColumnFilter } from '../../../shared/filters.js';
import type { SortSpec, TablePage } from '../../../shared/types.js';
import { filterCondition } from './filters.js';
import type { Lane } from './lane.js';
import { Params } from './params.js';
import { queryArrow } from './arrow.js';
import { ident } from './sql.js';

export interface PageRequest {
  offset: number;
  limit: number;
  sort?: SortSpec[];
  columnFilters?: ColumnFilter[];
}

export interface PageOptions {
  total: number;
  /** Whose columns these are, for the unknown-column sentence ("legacy", "new", "exceptions"). */
  owner: string;
  params?: Params;
  /** A unique column that ends every sort (then no other tie-breakers are needed); hidden from the page. */
  rowId?: string;
}

export async function readPage(lane: Lane, relation: string, columns: readonly string[], request: PageRequest, options: PageOptions): Promise<TablePage> {
  const base = options.params ?? new Params();
  const sort = request.sort ?? [];
  for (const s of sort) {
    if (!columns.includes(s.column)) throw new ParityError('unknown_column', unknownColumnMessage(s.column, options.owner, columns));
  }
  const keys = sort.map((s) => `${ident(s.column)} ${s.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`);
  if (options.rowId) keys.push(`${ident(options.rowId)} ASC`);
  // Without a row id, the remaining columns break ties, so a row never shows on two pages or on none.
  else if (sort.length > 0) keys.push(...columns.filter((c) => !sort.some((s) => s.column === c)).map((c) => `${ident(c)} ASC NULLS LAST`));
  const order = keys.length ? `ORDER BY ${keys.join(', ')}` : '';
  const projection = options.rowId ? `* EXCLUDE (${ident(options.rowId)})` : '*';
  const expressions = new Map(columns.map((c) => [c, ident(c)]));
  const where = (params: Params) => {
    const filter = filterCondition(request.columnFilters, expressions, params, (name) => unknownColumnMessage(name, options.owner, columns));
    return filter ? `WHERE ${filter}` : '';
  };
  const params = base.clone();
  const sql = `SELECT ${projection} FROM ${relation} ${where(params)} ${order} LIMIT ${params.add(request.limit, BIGINT)} OFFSET ${params.add(request.offset, BIGINT)}`;
  const arrow = await lane.use((c) => queryArrow(c, sql, params.values, params.typeList));
  let total = options.total;
  if (request.columnFilters?.length) {
    // A filtered grid counts its own rows.
    const countParams = base.clone();
    const counted = await lane.use((c) => c.runAndReadAll(`SELECT count(*) FROM ${relation} ${where(countParams)}`, countParams.values, countParams.typeList));
    total = Number(counted.getRowsJS()[0][0]);
  }
  return { arrow, total, offset: request.offset };
}
