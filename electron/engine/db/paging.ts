/** One page of any relation, sorted and sliced inside DuckDB, returned as Arrow. */
import { BIGINT } from '@duckdb/node-api';
import { ParityError } from '../../../shared/errors.js';
import { unknownColumnMessage } from '../../../shared/names.js';
import type { SortSpec, TablePage } from '../../../shared/types.js';
import type { Lane } from './lane.js';
import { Params } from './params.js';
import { readerToArrow } from './arrow.js';
import { ident } from './sql.js';

export interface PageRequest {
  offset: number;
  limit: number;
  sort?: SortSpec[];
}

export async function readPage(
  lane: Lane,
  relation: string,
  columns: readonly string[],
  request: PageRequest,
  total: number,
  sideLabel: string,
  params = new Params(),
): Promise<TablePage> {
  const sort = request.sort ?? [];
  for (const s of sort) {
    if (!columns.includes(s.column)) throw new ParityError('unknown_column', unknownColumnMessage(s.column, sideLabel, columns));
  }
  let order = '';
  if (sort.length > 0) {
    // The remaining columns break ties, so a row never shows on two pages or on none.
    const rest = columns.filter((c) => !sort.some((s) => s.column === c)).map((c) => `${ident(c)} ASC NULLS LAST`);
    const keys = sort.map((s) => `${ident(s.column)} ${s.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`);
    order = `ORDER BY ${[...keys, ...rest].join(', ')}`;
  }
  const sql = `SELECT * FROM ${relation} ${order} LIMIT ${params.add(request.limit, BIGINT)} OFFSET ${params.add(request.offset, BIGINT)}`;
  const reader = await lane.use((c) => c.runAndReadAll(sql, params.values, params.typeList));
  return { arrow: readerToArrow(reader), total, offset: request.offset };
}
