/**
 * The exceptions as an Excel workbook: a summary sheet, then the rows in sheets of at most Excel's
 * 1,048,575 data rows, up to a row budget; a cut or a split is said plainly on the summary sheet (the
 * Parquet and CSV files hold every row).
 *
 * Why not exceljs here: its streaming writer manages ~17,000 rows a second on these machines (a pack of
 * 1M exceptions would take a minute). DuckDB writes each sheet's rows as SpreadsheetML itself, streamed to
 * disk, and fflate zips the parts; the workbook is read back by exceljs in the tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ParityError } from '../../../shared/errors.js';
import { ident, literal } from '../db/sql.js';
import { writeZip } from './zip-write.js';

/** Excel's rows per sheet, less the header row. */
export const EXCEL_DATA_ROWS = 1_048_575;
/**
 * Rows the workbook holds at most. A workbook is for reading in Excel; past this it is slow to write
 * (its XML is some 2 KB a row) and slower to open, and every row is in the Parquet and CSV files anyway.
 */
export const XLSX_MAX_ROWS = 50_000;
const MAX_SHEETS = 16;
const NUMERIC = /^(DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|DOUBLE|FLOAT|REAL)/;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface XlsxResult {
  /** Every exception the select named (the workbook may hold fewer). */
  rows: number;
  sheets: number;
  /** Set when the rows were split over sheets or cut. */
  note: string | null;
}

function xmlText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** A, B, … Z, AA, AB, …: a column's letters in a cell reference. */
function columnLetters(i: number): string {
  let n = i + 1;
  let out = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
const textCell = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(s)}</t></is></c>`;
/** A row in JS (the summary, the header), with its row and cell references, as Excel's readers expect. */
const xmlRow = (r: number, cells: (string | number)[]) =>
  `<row r="${r}">${cells.map((v, i) => (typeof v === 'number' ? `<c r="${columnLetters(i)}${r}"><v>${v}</v></c>` : textCell(`${columnLetters(i)}${r}`, v))).join('')}</row>`;
const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`;
const sheetFoot = '</sheetData></worksheet>';

/** Characters XML 1.0 does not allow, dropped from text cells (translate is a plain character map, unlike a regex). */
const CONTROL = [...Array(32).keys()].filter((c) => c !== 0 && c !== 9 && c !== 10 && c !== 13).map((c) => `chr(${c})`).join(' || ');

/** The same cell in SQL: text escaped for XML; numbers as numbers only when a double holds them exactly. */
function cellSql(name: string, numeric: boolean, column: number, rowRef: string): string {
  const v = `${ident(name)}::VARCHAR`;
  const ref = `'${columnLetters(column)}' || ${rowRef}`;
  const text = `'<c r="' || ${ref} || '" t="inlineStr"><is><t xml:space="preserve">' || replace(replace(replace(translate(${v}, ${CONTROL}, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</t></is></c>'`;
  // A missing value is no cell at all: the references keep every other cell in its column.
  if (!numeric) return `CASE WHEN ${ident(name)} IS NULL THEN '' ELSE ${text} END`;
  const exact = `regexp_full_match(${v}, '-?[0-9]+([.][0-9]+)?') AND length(ltrim(regexp_replace(${v}, '[-.]', '', 'g'), '0')) <= 15`;
  return `CASE WHEN ${ident(name)} IS NULL THEN '' WHEN ${exact} THEN '<c r="' || ${ref} || '"><v>' || ${v} || '</v></c>' ELSE ${text} END`;
}

function parts(sheetNames: string[]): Record<string, string> {
  const sheets = sheetNames.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetNames.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetNames.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
  };
}

export async function writeExceptionsXlsx(
  c: DuckDBConnection,
  select: string,
  file: string,
  summary: [string, string | number][],
  signal: AbortSignal,
  rowsPerSheet = EXCEL_DATA_ROWS,
  maxRows = XLSX_MAX_ROWS,
): Promise<XlsxResult> {
  const described = (await c.runAndReadAll(`DESCRIBE ${select}`)).getRowsJS();
  const names = described.map((r) => String(r[0]));
  const numeric = described.map((r) => NUMERIC.test(String(r[1])));
  const total = Number((await c.runAndReadAll(`SELECT count(*) FROM (${select})`)).getRowsJS()[0][0]);
  const budget = Math.min(total, maxRows);
  const needed = Math.max(1, Math.ceil(budget / rowsPerSheet));
  const sheets = Math.min(needed, MAX_SHEETS);
  const kept = Math.min(budget, sheets * rowsPerSheet);
  const every = 'Every row is in exceptions.parquet and exceptions.csv.';
  const note =
    needed > MAX_SHEETS
      ? `Cut: Excel holds ${rowsPerSheet.toLocaleString('en-US')} rows a sheet; the first ${kept.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} exceptions are in ${sheets} sheets. ${every}`
      : kept < total
        ? `Cut: this workbook holds the first ${kept.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} exceptions${sheets > 1 ? `, in ${sheets} sheets` : ''}. ${every}`
        : needed > 1
          ? `Split: Excel holds ${rowsPerSheet.toLocaleString('en-US')} rows a sheet; the ${total.toLocaleString('en-US')} exceptions are in ${sheets} sheets, in order.`
          : null;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-xlsx-'));
  try {
    const sheetNames = ['Summary', ...Array.from({ length: sheets }, (_, i) => (sheets > 1 ? `Exceptions ${i + 1}` : 'Exceptions'))];
    const files: { name: string; path: string; level: 1 | 6 }[] = [];
    for (const [name, text] of Object.entries(parts(sheetNames))) {
      const p = path.join(dir, name.replace(/[/[\]]/g, '_'));
      fs.writeFileSync(p, text);
      files.push({ name, path: p, level: 6 });
    }
    const summarySheet = path.join(dir, 'sheet1.xml');
    const info = [...summary, ['Exceptions', total] as [string, number], ...(note ? [['Note', note] as [string, string]] : [])];
    fs.writeFileSync(summarySheet, `${sheetHead}${info.map((r, i) => xmlRow(i + 1, r)).join('')}${sheetFoot}`);
    files.push({ name: 'xl/worksheets/sheet1.xml', path: summarySheet, level: 6 });

    // Row 1 is the header, so data row n is sheet row n + 1.
    const rowRef = '(parity_n + 1)::VARCHAR';
    const rowXml = `'<row r="' || ${rowRef} || '">' || ${names.map((n, i) => cellSql(n, numeric[i], i, rowRef)).join(' || ')} || '</row>'`;
    for (let s = 0; s < sheets; s++) {
      if (signal.aborted) throw new ParityError('cancelled', 'Cancelled; no pack was written.');
      const out = path.join(dir, `sheet${s + 2}.xml`);
      const head = `${sheetHead}${xmlRow(1, names)}`;
      const take = Math.min(rowsPerSheet, kept - s * rowsPerSheet);
      const rows = `SELECT ${rowXml} AS x, parity_n AS n FROM (SELECT row_number() OVER () AS parity_n, * FROM (SELECT * FROM (${select}) LIMIT ${take} OFFSET ${s * rowsPerSheet}))`;
      // One text column, written raw (no quoting): the sheet's XML, head and foot around its rows.
      await c.run(`COPY (SELECT x FROM (SELECT ${literal(head)} AS x, 0 AS k, 0 AS n UNION ALL SELECT x, 1, n FROM (${rows}) UNION ALL SELECT ${literal(sheetFoot)}, 2, 0) ORDER BY k, n)
        TO ${literal(out)} (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x1f')`);
      files.push({ name: `xl/worksheets/sheet${s + 2}.xml`, path: out, level: 1 });
    }
    await writeZip(file, files, signal);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { rows: total, sheets, note };
}
