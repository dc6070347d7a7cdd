/**
 * The confirm-import screen's data: DuckDB's sniffed dialect and types, Parity's exact-type proposals,
 * and a preview parsed with exactly those options. User overrides are applied before sniffing.
 */
import { INTEGER } from '@duckdb/node-api';
import type { CsvInspection, CsvOptions, DetectedColumn, FileInfo } from '../../../shared/types.js';
import type { JobContext } from '../jobs.js';
import type { Lane } from '../db/lane.js';
import { Params } from '../db/params.js';
import { queryArrow } from '../db/arrow.js';
import { toParityError } from '../db/errors.js';
import { ParityError } from '../../../shared/errors.js';
import { readCsvCall, sniffCsvCall } from './csv-read.js';
import { decimalFor, scanNumbers } from './csv-numbers.js';
import path from 'node:path';

const PREVIEW_ROWS = 50;

function fromSniff(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s === '(empty)' ? '' : s;
}

type SniffRow = Record<string, unknown>;

async function sniffOnce(lane: Lane, file: string, dialect: Partial<CsvOptions>, tolerant: boolean, job: JobContext): Promise<SniffRow> {
  const params = new Params();
  const sql = `SELECT Delimiter, Quote, Escape, HasHeader, SkipRows, DateFormat, TimestampFormat, Columns FROM ${sniffCsvCall(file, dialect, params, tolerant)}`;
  const reader = await lane.use((c) => c.runAndReadAll(sql, params.values, params.typeList), job);
  return reader.getRowObjectsJS()[0];
}

/**
 * DuckDB's sniffer wants every sampled line to agree; one malformed line early in a file makes it
 * fall back to "one text column". When that happens, sniff again letting it skip bad lines: the
 * import keeps those lines as rejects anyway.
 */
async function sniffRow(lane: Lane, file: string, dialect: Partial<CsvOptions>, job: JobContext): Promise<SniffRow> {
  let strict: SniffRow | null = null;
  let strictError: unknown = null;
  try {
    strict = await sniffOnce(lane, file, dialect, false, job);
    if ((strict.Columns as unknown[]).length > 1) return strict;
  } catch (error) {
    if (toParityError(error).code === 'cancelled') throw error;
    strictError = error;
  }
  try {
    const tolerant = await sniffOnce(lane, file, dialect, true, job);
    if (!strict || (tolerant.Columns as unknown[]).length > (strict.Columns as unknown[]).length) return tolerant;
  } catch (error) {
    if (toParityError(error).code === 'cancelled' || !strict) throw strictError ?? error;
  }
  return strict;
}

async function sniff(lane: Lane, file: string, overrides: Partial<CsvOptions>, job: JobContext): Promise<{ options: CsvOptions; sniffed: { name: string; type: string }[] }> {
  const { columns: _ignored, ...dialect } = overrides;
  void _ignored;
  let row: SniffRow;
  try {
    row = await sniffRow(lane, file, dialect, job);
  } catch (error) {
    const e = toParityError(error);
    if (e.code === 'cancelled') throw e;
    throw new ParityError('bad_csv', `"${path.basename(file)}" could not be read as CSV: ${e.message}`);
  }
  const sniffed = (row.Columns as { name: string; type: string }[]).map((c) => ({ name: String(c.name), type: String(c.type) }));
  const options: CsvOptions = {
    delimiter: overrides.delimiter ?? fromSniff(row.Delimiter),
    quote: overrides.quote ?? fromSniff(row.Quote),
    escape: overrides.escape ?? fromSniff(row.Escape),
    header: overrides.header ?? Boolean(row.HasHeader),
    skip: overrides.skip ?? Number(row.SkipRows ?? 0),
    decimalSeparator: overrides.decimalSeparator ?? '.',
    encoding: overrides.encoding ?? 'utf-8',
    dateFormat: overrides.dateFormat ?? (fromSniff(row.DateFormat) || null),
    timestampFormat: overrides.timestampFormat ?? (fromSniff(row.TimestampFormat) || null),
    nullString: overrides.nullString ?? null,
    columns: sniffed,
  };
  return { options, sniffed };
}

export async function inspectCsv(
  lane: Lane,
  files: FileInfo[],
  overrides: Partial<CsvOptions>,
  job: JobContext,
): Promise<CsvInspection> {
  const paths = files.map((f) => f.path);
  job.progress({ phase: 'Detecting the CSV dialect', fraction: 0.05 });
  const { options, sniffed } = await sniff(lane, paths[0], overrides, job);

  // Numbers are checked as text across every file, so a proposal holds for the last row, not just the sample.
  const numeric = sniffed.filter((c) => c.type === 'DOUBLE' || c.type === 'BIGINT').map((c) => c.name);
  const facts = await scanNumbers(lane, paths, options, numeric, job, [0.1, 0.85]);

  const userTypes = new Map((overrides.columns ?? []).map((c) => [c.name, c.type]));
  const detected: DetectedColumn[] = sniffed.map((c) => {
    const f = facts.get(c.name);
    let proposedType = c.type;
    let note: string | null = null;
    if (f && c.type === 'DOUBLE') {
      const decimal = decimalFor(f);
      if (decimal) {
        proposedType = decimal;
        note = `Fixed-point values (up to ${f.maxScale} decimals): ${decimal} keeps them exact.`;
      }
    } else if (f && c.type === 'BIGINT' && f.leadingZeros) {
      proposedType = 'VARCHAR';
      note = 'Some values have leading zeros (codes, not numbers): kept as text.';
    }
    return { name: c.name, detectedType: c.type, proposedType, note };
  });
  options.columns = detected.map((d) => ({ name: d.name, type: userTypes.get(d.name) ?? d.proposedType }));

  job.progress({ phase: 'Reading a preview', fraction: 0.9 });
  const params = new Params();
  const sql = `SELECT * FROM ${readCsvCall(paths, options, params, { ignoreErrors: true })} LIMIT ${params.add(PREVIEW_ROWS, INTEGER)}`;
  let arrow: Uint8Array;
  try {
    arrow = await lane.use((c) => queryArrow(c, sql, params.values, params.typeList), job);
  } catch (error) {
    const e = toParityError(error);
    if (e.code === 'cancelled') throw e;
    throw new ParityError('bad_csv', `The CSV could not be read with these options: ${e.message}`);
  }
  return { format: 'csv', files, options, detected, preview: { arrow, total: PREVIEW_ROWS, offset: 0 } };
}
