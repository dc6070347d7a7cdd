/** Builds the one `read_csv(...)` call every CSV step uses (sniff, scan, preview, import), all values bound. */
import { BOOLEAN, INTEGER, LIST, VARCHAR, listValue, structValue } from '@duckdb/node-api';
import type { CsvOptions } from '../../../shared/types.js';
import type { Params } from '../db/params.js';

export interface ReadCsvExtras {
  /** Read every column as text (the numeric scan needs the raw characters). */
  allText?: boolean;
  /** Skip malformed lines instead of failing (used where rejects are not being kept). */
  ignoreErrors?: boolean;
  /** Keep malformed lines in these temporary tables. */
  rejects?: { table: string; scan: string };
}

type Dialect = Omit<CsvOptions, 'columns'>;

function dialectArgs(options: Partial<Dialect>, params: Params): string[] {
  const args: string[] = [];
  if (options.delimiter !== undefined) args.push(`delim = ${params.add(options.delimiter, VARCHAR)}`);
  if (options.quote !== undefined) args.push(`quote = ${params.add(options.quote, VARCHAR)}`);
  if (options.escape !== undefined) args.push(`escape = ${params.add(options.escape, VARCHAR)}`);
  if (options.header !== undefined) args.push(`header = ${params.add(options.header, BOOLEAN)}`);
  if (options.skip !== undefined) args.push(`skip = ${params.add(options.skip, INTEGER)}`);
  if (options.decimalSeparator !== undefined) {
    args.push(`decimal_separator = ${params.add(options.decimalSeparator, VARCHAR)}`);
  }
  if (options.encoding !== undefined) args.push(`encoding = ${params.add(options.encoding, VARCHAR)}`);
  if (options.dateFormat) args.push(`dateformat = ${params.add(options.dateFormat, VARCHAR)}`);
  if (options.timestampFormat) args.push(`timestampformat = ${params.add(options.timestampFormat, VARCHAR)}`);
  if (options.nullString !== null && options.nullString !== undefined) {
    args.push(`nullstr = ${params.add(options.nullString, VARCHAR)}`);
  }
  return args;
}

/** `tolerant` lets the sniffer skip malformed lines in its sample instead of giving up on the dialect. */
export function sniffCsvCall(file: string, options: Partial<Dialect>, params: Params, tolerant = false): string {
  const args = [params.add(file, VARCHAR), ...dialectArgs(options, params)];
  if (tolerant) args.push('ignore_errors = true');
  return `sniff_csv(${args.join(', ')})`;
}

export function readCsvCall(files: readonly string[], options: Partial<CsvOptions>, params: Params, extras: ReadCsvExtras = {}): string {
  const args = [params.add(listValue([...files]), LIST(VARCHAR)), ...dialectArgs(options, params)];
  if (options.columns && options.columns.length > 0) {
    const columns: Record<string, string> = {};
    for (const c of options.columns) columns[c.name] = extras.allText ? 'VARCHAR' : c.type;
    args.push(`columns = ${params.add(structValue(columns))}`);
    args.push('auto_detect = false');
  } else if (extras.allText) {
    args.push('all_varchar = true');
  }
  if (extras.ignoreErrors) args.push('ignore_errors = true');
  if (extras.rejects) {
    args.push('store_rejects = true');
    args.push(`rejects_table = ${params.add(extras.rejects.table, VARCHAR)}`);
    args.push(`rejects_scan = ${params.add(extras.rejects.scan, VARCHAR)}`);
  }
  return `read_csv(${args.join(', ')})`;
}
