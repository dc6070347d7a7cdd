import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePage, pageColumns } from '../../shared/arrow-cells.js';
import type { ParquetInspection } from '../../shared/types.js';
import { openEngine } from '../helpers/engine.js';
import { duck } from '../helpers/sql.js';

describe('Parquet sources and exact pages', async () => {
  const { engine, dir } = await openEngine();
  const file = path.join(dir, 'exact.parquet');
  await duck(`
    COPY (
      SELECT * FROM (VALUES
        (9007199254740993::BIGINT, 1234567890123456789012345678.9012345678::DECIMAL(38,10), 0.10::DECIMAL(18,2), 0.1::DOUBLE,
         TIMESTAMP '2026-03-08 02:30:00.123456', TIMESTAMPTZ '2026-03-08 07:30:00+00', DATE '1969-12-31', 'zoë ✓', true),
        (-1, -0.0000000001::DECIMAL(38,10), 0.20, 0.2, TIMESTAMP '1960-01-01 00:00:00', NULL, NULL, NULL, false),
        (3, 0, 0.30, 0.30000000000000004, NULL, NULL, DATE '2026-01-01', '', NULL)
      ) t(id, big, money, float, local_ts, instant, day, name, flag)
    ) TO '${file}' (FORMAT parquet)`);

  it('inspects Parquet: columns, rows and a preview', async () => {
    const inspection = (await engine.call('sources.inspect', { inputs: [file] })) as ParquetInspection;
    expect(inspection.format).toBe('parquet');
    expect(inspection.rows).toBe(3);
    expect(inspection.columns.map((c) => c.type)).toEqual([
      'BIGINT', 'DECIMAL(38,10)', 'DECIMAL(18,2)', 'DOUBLE', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'DATE', 'VARCHAR', 'BOOLEAN',
    ]);
  });

  it('keeps BIGINT beyond 2^53, DECIMAL(38,10), micro-second timestamps and unicode exact on screen', async () => {
    const info = await engine.call('sources.import', { side: 'right', inputs: [file] });
    expect(info.format).toBe('parquet');
    expect(info.rows).toBe(3);
    const bytes = (await engine.call('sources.page', { side: 'right', offset: 0, limit: 10 })).arrow;
    const page = decodePage(bytes);
    // The columns read from the schema alone are those of the whole page, engine types included.
    expect(pageColumns(bytes)).toEqual(page.columns);
    expect(page.columns.map((c) => c.type)).toContain('DECIMAL(38,10)');
    expect(page.rows[0]).toEqual([
      '9007199254740993', '1234567890123456789012345678.9012345678', '0.10', '0.1',
      '2026-03-08 02:30:00.123456', '2026-03-08 07:30:00+00', '1969-12-31', 'zoë ✓', 'true',
    ]);
    expect(page.rows[1]).toEqual(['-1', '-0.0000000001', '0.20', '0.2', '1960-01-01 00:00:00', null, null, null, 'false']);
    expect(page.rows[2][3]).toBe('0.30000000000000004');
    expect(page.rows[2][7]).toBe('');
  });

  it('sorts in DuckDB with nulls last and pages without overlaps', async () => {
    const sortedDesc = decodePage((await engine.call('sources.page', { side: 'right', offset: 0, limit: 10, sort: [{ column: 'big', direction: 'desc' }] })).arrow);
    expect(sortedDesc.rows.map((r) => r[0])).toEqual(['9007199254740993', '3', '-1']);
    const byTs = decodePage((await engine.call('sources.page', { side: 'right', offset: 0, limit: 10, sort: [{ column: 'local_ts', direction: 'asc' }] })).arrow);
    expect(byTs.rows.map((r) => r[0])).toEqual(['-1', '9007199254740993', '3']);
    const pages = [];
    for (let offset = 0; offset < 3; offset++) {
      pages.push(decodePage((await engine.call('sources.page', { side: 'right', offset, limit: 1, sort: [{ column: 'flag', direction: 'asc' }] })).arrow).rows[0][0]);
    }
    expect(new Set(pages).size).toBe(3);
  });

  it('replaces a source in one step: the old data is gone, the new one complete', async () => {
    const other = path.join(dir, 'other.parquet');
    await duck(`COPY (SELECT range AS id FROM range(10)) TO '${other}' (FORMAT parquet)`);
    const info = await engine.call('sources.import', { side: 'right', inputs: [other] });
    expect(info.rows).toBe(10);
    expect(info.columns).toEqual([{ name: 'id', type: 'BIGINT' }]);
    const state = await engine.call('workspace.state', {});
    expect(state.right?.files.map((f) => path.basename(f.path))).toEqual(['other.parquet']);
  });
});
