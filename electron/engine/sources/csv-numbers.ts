/**
 * Reads numeric-looking CSV columns as raw text over the whole file, to propose exact types:
 * fixed-point values (money) become DECIMAL instead of DOUBLE, and codes with leading zeros stay text.
 * The same facts guard the import: a DECIMAL too narrow for the file's decimals would round silently.
 */
import { VARCHAR } from '@duckdb/node-api';
import type { CsvOptions } from '../../../shared/types.js';
import type { JobContext } from '../jobs.js';
import type { Lane } from '../db/lane.js';
import { Params } from '../db/params.js';
import { ident } from '../db/sql.js';
import { readCsvCall } from './csv-read.js';

export interface NumberFacts {
  /** Every value that reads as a number is plain fixed-point text (no exponent notation). */
  plain: boolean;
  maxScale: number;
  maxIntegerDigits: number;
  leadingZeros: boolean;
  /** A value with the most decimals, to quote back to the analyst. */
  widest: string | null;
}

export async function scanNumbers(
  lane: Lane,
  files: readonly string[],
  options: CsvOptions,
  columns: readonly string[],
  job?: JobContext,
  progress: [number, number] = [0, 1],
): Promise<Map<string, NumberFacts>> {
  const facts = new Map<string, NumberFacts>();
  if (columns.length === 0) return facts;
  const params = new Params();
  const sep = options.decimalSeparator === ',' ? ',' : '\\.';
  const plainRe = params.add(`[+-]?([0-9]+(${sep}[0-9]*)?|${sep}[0-9]+)`, VARCHAR);
  const sepText = params.add(options.decimalSeparator, VARCHAR);
  const selects = columns.map((name, i) => {
    const v = `trim(${ident(name)})`;
    const present = `${v} IS NOT NULL AND ${v} <> ''`;
    const isPlain = `regexp_full_match(${v}, ${plainRe})`;
    const scale = `length(split_part(${v}, ${sepText}, 2))`;
    // Text that is no number at all will be a rejected line on import; only numbers written in another
    // notation (1e3) argue against DECIMAL.
    const numberElse = `TRY_CAST(replace(${v}, ${sepText}, '.') AS DOUBLE) IS NOT NULL`;
    return [
      `count(*) FILTER (WHERE ${present} AND NOT ${isPlain} AND ${numberElse}) AS bad${i}`,
      `coalesce(max(${scale}) FILTER (WHERE ${isPlain}), 0) AS scale${i}`,
      `arg_max(${v}, ${scale}) FILTER (WHERE ${isPlain}) AS widest${i}`,
      `coalesce(max(length(ltrim(split_part(ltrim(${v}, '+-'), ${sepText}, 1), '0'))) FILTER (WHERE ${isPlain}), 0) AS int${i}`,
      `coalesce(bool_or(regexp_full_match(${v}, '[+-]?0[0-9]+')), false) AS lead${i}`,
    ].join(', ');
  });
  const source = readCsvCall(files, options, params, { allText: true, ignoreErrors: true });
  const sql = `SELECT ${selects.join(', ')} FROM ${source}`;
  const reader = await lane.use(
    (c) => lane.withProgress(job, 'Checking number formats', progress[0], progress[1], () => c.runAndReadAll(sql, params.values, params.typeList)),
    job,
  );
  const row = reader.getRowObjectsJS()[0] ?? {};
  columns.forEach((name, i) => {
    facts.set(name, {
      plain: Number(row[`bad${i}`] ?? 0) === 0,
      maxScale: Number(row[`scale${i}`] ?? 0),
      maxIntegerDigits: Number(row[`int${i}`] ?? 0),
      leadingZeros: Boolean(row[`lead${i}`]),
      widest: (row[`widest${i}`] as string | null) ?? null,
    });
  });
  return facts;
}

/** DECIMAL(p,s) wide enough for the facts, or null when the values are not plain fixed-point. */
export function decimalFor(facts: NumberFacts): string | null {
  if (!facts.plain || facts.maxScale === 0 || facts.maxScale > 18) return null;
  const digits = facts.maxIntegerDigits + facts.maxScale;
  if (digits > 38) return null;
  return `DECIMAL(${digits <= 18 ? 18 : 38},${facts.maxScale})`;
}

const DECIMAL_TYPE = /^DECIMAL\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$/i;

export function decimalScale(type: string): number | null {
  const m = DECIMAL_TYPE.exec(type.trim());
  return m ? Number(m[2]) : /^DECIMAL$/i.test(type.trim()) ? 3 : null;
}
