/** Inspect, import, page and list the rejects of a side's source. */
import { ParityError } from '../../../shared/errors.js';
import { readPage } from '../db/paging.js';
import { queryArrow } from '../db/arrow.js';
import { inspectCsv } from '../sources/csv-inspect.js';
import { importSource } from '../sources/import.js';
import { readRejects } from '../sources/rejects.js';
import { resolveInputs } from '../sources/resolve.js';
import { literalList } from '../db/sql.js';
import { describeColumns } from '../sources/describe.js';
import { toParityError } from '../db/errors.js';
import { SIDE_LABEL, sourceTable, type Workspace } from '../workspace.js';
import type { HandlerGroup } from './types.js';

const PARQUET_PREVIEW_ROWS = 50;

export function sourceHandlers(ws: Workspace): HandlerGroup<'sources.inspect' | 'sources.import' | 'sources.page' | 'sources.rejects'> {
  return {
    'sources.inspect': async (args, job) => {
      const lane = await ws.db.lane('import');
      const { format, files } = await resolveInputs(args.inputs, lane);
      if (format === 'csv') return inspectCsv(lane, files, args.csv ?? {}, job);
      const relation = `read_parquet(${literalList(files.map((f) => f.path))}, union_by_name = true)`;
      try {
        return await lane.use(async (c) => {
          const columns = await describeColumns(c, relation);
          const rows = Number((await c.runAndReadAll(`SELECT count(*) FROM ${relation}`)).getRowsJS()[0][0]);
          const preview = await queryArrow(c, `SELECT * FROM ${relation} LIMIT ${PARQUET_PREVIEW_ROWS}`);
          return { format: 'parquet' as const, files, columns, rows, preview: { arrow: preview, total: rows, offset: 0 } };
        }, job);
      } catch (error) {
        const e = toParityError(error);
        if (e.code === 'cancelled') throw e;
        throw new ParityError('unsupported_format', `These files could not be read as Parquet: ${e.message}`);
      }
    },
    'sources.import': (args, job) => importSource(ws, args, job),
    'sources.page': async (args) => {
      const source = ws.source(args.side);
      const lane = await ws.db.lane('browse');
      const columns = source.columns.map((c) => c.name);
      return readPage(lane, sourceTable(args.side), columns, args, { total: source.rows, owner: SIDE_LABEL[args.side] });
    },
    'sources.rejects': (args) => readRejects(ws, args.side, args.offset, args.limit),
  };
}
