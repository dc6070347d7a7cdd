/**
 * Adds or replaces one side's source in a single transaction: the data (a table for CSV, a view over
 * Parquet), its rejected lines and its record commit together; a failure or a cancel changes nothing.
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ParityError } from '../../../shared/errors.js';
import type { CsvOptions, FileInfo, Side, SourceInfo } from '../../../shared/types.js';
import type { JobContext } from '../jobs.js';
import type { Lane } from '../db/lane.js';
import { Params } from '../db/params.js';
import { ident, literalList } from '../db/sql.js';
import { toParityError } from '../db/errors.js';
import { inTransaction } from '../db/transaction.js';
import { rejectsTable, sourceTable, type Workspace } from '../workspace.js';
import { readCsvCall } from './csv-read.js';
import { decimalScale, scanNumbers } from './csv-numbers.js';
import { inspectCsv } from './csv-inspect.js';
import { resolveInputs } from './resolve.js';
import { describeColumns } from './describe.js';

export interface ImportRequest {
  side: Side;
  inputs: string[];
  label?: string;
  csv?: CsvOptions;
}

const DEFAULT_LABEL: Record<Side, string> = { left: 'Legacy', right: 'New' };
const REJECTS_COLUMNS =
  'file VARCHAR, line BIGINT, column_idx BIGINT, column_name VARCHAR, error_type VARCHAR, error_message VARCHAR, csv_line VARCHAR';

async function dropSource(c: DuckDBConnection, side: Side): Promise<void> {
  const name = `src_${side}`;
  const found = await c.runAndReadAll(
    `SELECT 'view' FROM duckdb_views() WHERE view_name = $1 AND NOT internal
     UNION ALL SELECT 'table' FROM duckdb_tables() WHERE table_name = $1`,
    [name],
  );
  for (const [kind] of found.getRowsJS()) await c.run(`DROP ${kind === 'view' ? 'VIEW' : 'TABLE'} ${ident(name)}`);
}

async function countRows(c: DuckDBConnection, table: string): Promise<number> {
  const r = await c.runAndReadAll(`SELECT count(*) FROM ${table}`);
  return Number(r.getRowsJS()[0][0]);
}

/** Counts the new source's rows and records it, inside the import's transaction. */
async function recordSource(
  ws: Workspace,
  c: DuckDBConnection,
  request: ImportRequest,
  files: FileInfo[],
  facts: Pick<SourceInfo, 'format' | 'csv' | 'columns' | 'rejectedLines'>,
): Promise<SourceInfo> {
  const info: SourceInfo = {
    side: request.side,
    label: request.label ?? DEFAULT_LABEL[request.side],
    inputs: request.inputs,
    files,
    rows: await countRows(c, sourceTable(request.side)),
    importedAt: new Date().toISOString(),
    ...facts,
  };
  await ws.writeSource(c, info);
  return info;
}

/** A DECIMAL narrower than the file's decimals would round on import; refuse it in one sentence. */
async function guardDecimals(lane: Lane, files: string[], options: CsvOptions, job: JobContext): Promise<void> {
  const decimals = options.columns.filter((c) => decimalScale(c.type) !== null);
  const facts = await scanNumbers(lane, files, options, decimals.map((c) => c.name), job, [0.02, 0.3]);
  for (const c of decimals) {
    const f = facts.get(c.name);
    const scale = decimalScale(c.type) ?? 0;
    if (f && f.plain && f.maxScale > scale) {
      throw new ParityError(
        'bad_csv',
        `Column "${c.name}" has values with ${f.maxScale} decimals (e.g. ${f.widest}), which ${c.type} would round; choose a DECIMAL with scale ${f.maxScale} or more.`,
      );
    }
  }
}

async function importCsv(ws: Workspace, lane: Lane, request: ImportRequest, files: FileInfo[], job: JobContext): Promise<SourceInfo> {
  const paths = files.map((f) => f.path);
  let options = request.csv;
  if (options) await guardDecimals(lane, paths, options, job);
  else options = (await inspectCsv(lane, files, {}, job)).options;
  const csv = options;

  const { side } = request;
  const rejectTemp = `parity_reject_errors_${side}`;
  const scanTemp = `parity_reject_scans_${side}`;
  return lane.use(async (c) => {
    await c.run(`DROP TABLE IF EXISTS temp.${ident(rejectTemp)}`);
    await c.run(`DROP TABLE IF EXISTS temp.${ident(scanTemp)}`);
    return inTransaction(c, async () => {
      await dropSource(c, side);
      const params = new Params();
      const read = readCsvCall(paths, csv, params, { rejects: { table: rejectTemp, scan: scanTemp } });
      await lane.withProgress(job, 'Importing rows', 0.3, 0.95, () =>
        c.run(`CREATE TABLE ${sourceTable(side)} AS SELECT * FROM ${read}`, params.values, params.typeList),
      );
      job.progress({ phase: 'Keeping rejected lines', fraction: 0.96 });
      await c.run(`CREATE OR REPLACE TABLE ${rejectsTable(side)} (${REJECTS_COLUMNS})`);
      await c.run(
        `INSERT INTO ${rejectsTable(side)}
         SELECT s.file_path, e.line, e.column_idx, e.column_name, e.error_type, e.error_message, e.csv_line
         FROM temp.${ident(rejectTemp)} e JOIN temp.${ident(scanTemp)} s USING (scan_id, file_id)`,
      );
      const rejected = await c.runAndReadAll(`SELECT count(DISTINCT (file, line)) FROM ${rejectsTable(side)}`);
      const columns = await describeColumns(c, sourceTable(side));
      return recordSource(ws, c, request, files, { format: 'csv', csv, columns, rejectedLines: Number(rejected.getRowsJS()[0][0]) });
    });
  }, job);
}

async function importParquet(ws: Workspace, lane: Lane, request: ImportRequest, files: FileInfo[], job: JobContext): Promise<SourceInfo> {
  const { side } = request;
  return lane.use(
    (c) =>
      inTransaction(c, async () => {
        await dropSource(c, side);
        // A view keeps the Parquet files as the source of truth; DuckDB reads only the columns a query needs.
        const files_ = literalList(files.map((f) => f.path));
        await c.run(`CREATE VIEW ${sourceTable(side)} AS SELECT * FROM read_parquet(${files_}, union_by_name = true)`);
        let columns;
        try {
          columns = await describeColumns(c, sourceTable(side));
        } catch (error) {
          const e = toParityError(error);
          throw new ParityError('unsupported_format', `"${path.basename(files[0].path)}" could not be read as Parquet: ${e.message}`);
        }
        job.progress({ phase: 'Counting rows', fraction: 0.6 });
        await c.run(`CREATE OR REPLACE TABLE ${rejectsTable(side)} (${REJECTS_COLUMNS})`);
        return recordSource(ws, c, request, files, { format: 'parquet', csv: null, columns, rejectedLines: 0 });
      }),
    job,
  );
}

export async function importSource(ws: Workspace, request: ImportRequest, job: JobContext): Promise<SourceInfo> {
  const lane = await ws.db.lane('import');
  job.progress({ phase: 'Finding files', fraction: 0 });
  const { format, files } = await resolveInputs(request.inputs, lane);
  if (request.csv && format !== 'csv') {
    throw new ParityError('unsupported_format', 'CSV options were given, but the files are Parquet.');
  }
  try {
    const info = format === 'csv' ? await importCsv(ws, lane, request, files, job) : await importParquet(ws, lane, request, files, job);
    ws.sourceCommitted(info);
    job.progress({ phase: 'Done', fraction: 1 });
    return info;
  } catch (error) {
    throw toParityError(error);
  }
}
