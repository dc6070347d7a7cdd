/**
 * Pages are read from DuckDB's vectors as bytes (see db/arrow.ts). Every type a page can hold, across
 * several chunks and with nulls at odd positions, must show on screen as DuckDB itself writes the value.
 */
import { VARCHAR } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../electron/engine/db/database.js';
import { queryArrow } from '../../electron/engine/db/arrow.js';
import type { Lane } from '../../electron/engine/db/lane.js';
import { decodePage } from '../../shared/arrow-cells.js';
import { openDatabase } from '../helpers/engine.js';

/** Column → SQL over i (0 … ROWS-1); every third row of a column is null somewhere. */
const COLUMNS: Record<string, string> = {
  bool: 'i % 3 = 0',
  tiny: '(i % 200 - 100)::TINYINT',
  small: '(i * 7 - 20000)::SMALLINT',
  int: '(i * 104729 - 300000000)::INTEGER',
  big: '(9007199254740993 + i * 1000003) * (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END)',
  utiny: '(i % 256)::UTINYINT',
  usmall: '(i * 13 % 65536)::USMALLINT',
  uint: '(4294967295 - i)::UINTEGER',
  ubig: '(18446744073709551615 - i)::UBIGINT',
  float: '(i / 4)::FLOAT',
  double: '(i - 2500) / 8.0::DOUBLE',
  dec4: '(((i % 1999) - 999) / 100)::DECIMAL(4,2)',
  dec9: '(((i * 7919) % 1999999 - 999999) / 1000)::DECIMAL(9,3)',
  dec18: '((i * 1000003 - 2000000000) / 100)::DECIMAL(18,2)',
  dec38: "('12345678901234567890123456.' || lpad(i::VARCHAR, 10, '0'))::DECIMAL(38,10) * (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END)",
  date: "DATE '1969-12-25' + (i * 3)::INTEGER",
  ts: "TIMESTAMP '1969-12-31 23:59:58' + to_microseconds(i * 1000003)",
  tstz: "TIMESTAMPTZ '2024-03-31 00:30:00+00' + to_microseconds(i * 600000007)",
  time: "TIME '00:00:00' + to_microseconds(i * 17000001)",
  // Short (inline in DuckDB's entry), long (behind a pointer), empty and non-ASCII text.
  text: "CASE i % 4 WHEN 0 THEN 'APAC-' || i WHEN 1 THEN 'a product name longer than twelve bytes #' || i WHEN 2 THEN '' ELSE 'Zürich 東京 🗼 ' || i END",
  // Read through DuckDB's own values and written as text.
  huge: '170141183460469231731687303715884105727::HUGEINT - i',
  list: '[i, i + 1]',
};

const ROWS = 5000;

describe('pages read from DuckDB vectors', () => {
  let db: Database;
  let lane: Lane;
  beforeAll(async () => {
    db = await openDatabase();
    lane = await db.lane('page');
  });

  it('shows every type exactly as DuckDB writes it, across chunks, with nulls where they are', async () => {
    const names = Object.keys(COLUMNS);
    // A null in each column at rows whose position in a byte or a chunk is odd (i % 3 = column's turn).
    const values = names.map((name, c) => `CASE WHEN (i + ${c}) % 3 = 1 THEN NULL ELSE ${COLUMNS[name]} END AS ${name}`);
    const sql = `WITH v AS (SELECT ${values.join(', ')} FROM range(${ROWS}) t(i)) SELECT *, ${names.map((n) => `${n}::VARCHAR AS ${n}_text`).join(', ')} FROM v`;
    const arrow = await lane.use((c) => queryArrow(c, sql));
    const page = decodePage(arrow);
    expect(page.rows).toHaveLength(ROWS);
    expect(page.columns.slice(0, 4).map((c) => c.type)).toEqual(['BOOLEAN', 'TINYINT', 'SMALLINT', 'INTEGER']);
    expect(page.columns.find((c) => c.name === 'dec38')?.type).toBe('DECIMAL(38,10)');
    const width = names.length;
    let nulls = 0;
    for (const row of page.rows) {
      names.forEach((name, c) => {
        const cell = row[c];
        const text = row[width + c];
        if (text === null) nulls++;
        // Floats are compared as numbers: JS and DuckDB write some of them differently (3 and 3.0).
        if (name === 'float' || name === 'double') expect(cell === null ? null : Number(cell)).toBe(text === null ? null : Number(text));
        else expect(cell).toBe(text);
      });
    }
    expect(nulls).toBe(names.reduce((n, _name, c) => n + Array.from({ length: ROWS }, (_, i) => i).filter((i) => (i + c) % 3 === 1).length, 0));
    // Spot checks in the terms an analyst reads.
    expect(page.rows[1][names.indexOf('big')]).toBe('-9007199255740996');
    expect(page.rows[0][names.indexOf('dec38')]).toBe('12345678901234567890123456.0000000000');
    expect(page.rows[7][names.indexOf('text')]).toBe('Zürich 東京 🗼 7');
    expect(page.rows[1][names.indexOf('ts')]).toBe('1969-12-31 23:59:59.000003');
  });

  it('repeats a value that is the same on every row (a constant column) on every row', async () => {
    const sql = `SELECT 'the same text on every row' AS long, 'short' AS short, 42::BIGINT AS n, -1.5::DECIMAL(18,2) AS amount, NULL::VARCHAR AS none, i FROM range(3000) t(i)`;
    const page = decodePage(await lane.use((c) => queryArrow(c, sql)));
    expect(page.rows).toHaveLength(3000);
    expect(new Set(page.rows.map((r) => JSON.stringify(r.slice(0, 5))))).toEqual(new Set([JSON.stringify(['the same text on every row', 'short', '42', '-1.50', null])]));
    expect(page.rows[2999][5]).toBe('2999');
  });

  it('reads an empty result and a result of one chunk the same way', async () => {
    const empty = decodePage(await lane.use((c) => queryArrow(c, 'SELECT 1::DECIMAL(18,2) AS amount, NULL::VARCHAR AS note WHERE false')));
    expect(empty.columns.map((c) => c.type)).toEqual(['DECIMAL(18,2)', 'VARCHAR']);
    expect(empty.rows).toEqual([]);
    const one = decodePage(await lane.use((c) => queryArrow(c, 'SELECT $1::DECIMAL(18,2) AS amount, $2 AS note', ['-0.05', null], [VARCHAR, VARCHAR])));
    expect(one.rows).toEqual([['-0.05', null]]);
  });
});
