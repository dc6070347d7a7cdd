/**
 * The exceptions as an Excel workbook: a summary sheet, then the rows in sheets of at most Excel's
 * 1,048,575 data rows, streamed from DuckDB to the file chunk by chunk. Past a number of sheets the list
 * is cut; the summary sheet says so plainly (the Parquet and CSV files hold every row).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { ParityError } from '../../../shared/errors.js';

/** Excel's rows per sheet, less the header row. */
export const EXCEL_DATA_ROWS = 1_048_575;
const MAX_SHEETS = 16;

export interface XlsxResult {
  sheets: number;
  /** Set when the rows were split over sheets or cut. */
  note: string | null;
}

/** Numbers go in as numbers when a double holds them exactly (15 significant digits); otherwise as text. */
function cell(text: string | null, numeric: boolean): string | number | null {
  if (text === null || !numeric) return text;
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  return digits.length <= 15 && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

export async function writeExceptionsXlsx(
  c: DuckDBConnection,
  select: string,
  file: string,
  summary: [string, string | number][],
  signal: AbortSignal,
  rowsPerSheet = EXCEL_DATA_ROWS,
): Promise<XlsxResult> {
  const described = (await c.runAndReadAll(`DESCRIBE ${select}`)).getRowsJS();
  const names = described.map((r) => String(r[0]));
  const numeric = described.map((r) => /^(DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|DOUBLE|FLOAT|REAL)/.test(String(r[1])));
  const total = Number((await c.runAndReadAll(`SELECT count(*) FROM (${select})`)).getRowsJS()[0][0]);
  const needed = Math.max(1, Math.ceil(total / rowsPerSheet));
  const sheets = Math.min(needed, MAX_SHEETS);
  const kept = Math.min(total, sheets * rowsPerSheet);
  const note =
    needed > MAX_SHEETS
      ? `Cut: Excel holds ${rowsPerSheet.toLocaleString('en-US')} rows a sheet; the first ${kept.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} exceptions are in ${sheets} sheets. Every row is in exceptions.parquet and exceptions.csv.`
      : needed > 1
        ? `Split: Excel holds ${rowsPerSheet.toLocaleString('en-US')} rows a sheet; the ${total.toLocaleString('en-US')} exceptions are in ${sheets} sheets, in order.`
        : null;

  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const info = book.addWorksheet('Summary');
  for (const row of [...summary, ['Exceptions', total] as [string, number], ...(note ? [['Note', note] as [string, string]] : [])]) info.addRow(row).commit();
  info.commit();

  const text = `SELECT ${names.map((n) => `"${n.replaceAll('"', '""')}"::VARCHAR`).join(', ')} FROM (${select}) LIMIT ${kept}`;
  const result = await c.stream(text);
  let sheet: ExcelJS.Worksheet | null = null;
  let written = 0;
  for (;;) {
    if (signal.aborted) throw new ParityError('cancelled', 'Cancelled; no pack was written.');
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const row of chunk.getRows()) {
      if (written % rowsPerSheet === 0) {
        sheet?.commit();
        sheet = book.addWorksheet(sheets > 1 ? `Exceptions ${written / rowsPerSheet + 1}` : 'Exceptions');
        sheet.addRow(names).commit();
      }
      sheet?.addRow(row.map((v, i) => cell(v === null ? null : String(v), numeric[i]))).commit();
      written++;
    }
  }
  sheet?.commit();
  await book.commit();
  return { sheets, note };
}
