import { describe, expect, it } from 'vitest';
import { decodePage } from '../../shared/arrow-cells.js';
import type { ColumnFilter } from '../../shared/filters.js';
import { failure } from '../helpers/engine.js';
import { pair } from '../helpers/compare.js';

const side = `SELECT * FROM (VALUES
  (1, 'Nord'::VARCHAR, 10.10::DECIMAL(18,2), TIMESTAMP '2026-03-08 23:30:00'),
  (2, 'Süd', 0.10, TIMESTAMP '2026-03-09 00:10:00'),
  (3, 'nordost', 0.30, TIMESTAMP '2026-03-10 12:00:00'),
  (4, NULL, NULL, NULL),
  (5, '', 99999999999999.99, TIMESTAMP '2026-03-31 23:59:59')
) t("order id", "Région", amount, ts)`;

describe('grid column filters run in DuckDB', async () => {
  const p = await pair(side, side.replace("0.30, TIMESTAMP '2026-03-10", "0.31, TIMESTAMP '2026-03-10"));
  const ids = async (columnFilters: ColumnFilter[]) => {
    const page = await p.engine.call('sources.page', { side: 'left', offset: 0, limit: 100, columnFilters, sort: [{ column: 'order id', direction: 'asc' }] });
    return { total: page.total, ids: decodePage(page.arrow).rows.map((r) => r[0]) };
  };

  it('text: case-insensitive contains, starts and ends with, equals; negatives keep empty cells', async () => {
    expect(await ids([{ column: 'Région', kind: 'text', conditions: [{ op: 'contains', value: 'NORD' }] }])).toEqual({ total: 2, ids: ['1', '3'] });
    expect((await ids([{ column: 'Région', kind: 'text', conditions: [{ op: 'startsWith', value: 'sü' }] }])).ids).toEqual(['2']);
    expect((await ids([{ column: 'Région', kind: 'text', conditions: [{ op: 'endsWith', value: 'OST' }] }])).ids).toEqual(['3']);
    expect((await ids([{ column: 'Région', kind: 'text', conditions: [{ op: 'equals', value: 'nord' }] }])).ids).toEqual(['1']);
    expect((await ids([{ column: 'Région', kind: 'text', conditions: [{ op: 'notContains', value: 'nord' }] }])).ids).toEqual(['2', '4', '5']);
    expect((await ids([{ column: 'Région', kind: 'text', conditions: [{ op: 'blank' }] }])).ids).toEqual(['4', '5']);
    // A value that looks like SQL is only a value.
    expect((await ids([{ column: 'Région', kind: 'text', conditions: [{ op: 'contains', value: "'; DROP TABLE x; --" }] }])).total).toBe(0);
  });

  it('numbers compare as exact decimals, with ranges inclusive and two conditions joined', async () => {
    expect((await ids([{ column: 'amount', kind: 'number', conditions: [{ op: 'equals', value: '0.1' }] }])).ids).toEqual(['2']);
    expect((await ids([{ column: 'amount', kind: 'number', conditions: [{ op: 'greaterThan', value: '99999999999999.98' }] }])).ids).toEqual(['5']);
    expect((await ids([{ column: 'amount', kind: 'number', conditions: [{ op: 'inRange', value: '0.10', to: '10.10' }] }])).ids).toEqual(['1', '2', '3']);
    expect(
      (await ids([{ column: 'amount', kind: 'number', join: 'or', conditions: [{ op: 'lessThan', value: '0.2' }, { op: 'greaterThanOrEqual', value: '10.1' }] }])).ids,
    ).toEqual(['1', '2', '5']);
    expect((await ids([{ column: 'amount', kind: 'number', conditions: [{ op: 'notEqual', value: '0.30' }] }])).ids).toEqual(['1', '2', '4', '5']);
  });

  it('dates compare by calendar day, and several columns filter together', async () => {
    expect((await ids([{ column: 'ts', kind: 'date', conditions: [{ op: 'equals', value: '2026-03-08' }] }])).ids).toEqual(['1']);
    expect((await ids([{ column: 'ts', kind: 'date', conditions: [{ op: 'inRange', value: '2026-03-09', to: '2026-03-10' }] }])).ids).toEqual(['2', '3']);
    expect(
      await ids([
        { column: 'ts', kind: 'date', conditions: [{ op: 'greaterThanOrEqual', value: '2026-03-09' }] },
        { column: 'Région', kind: 'text', conditions: [{ op: 'notBlank' }] },
      ]),
    ).toEqual({ total: 2, ids: ['2', '3'] });
  });

  it('filters the exception rows by their display names, and counts what is left', async () => {
    await p.run({ key: [{ left: 'order id' }], columns: [{ left: 'amount', kind: 'number' }, { left: 'ts', kind: 'timestamp' }] });
    const all = await p.exceptions();
    expect(all.total).toBe(1);
    const none = await p.exceptions({ columnFilters: [{ column: 'amount · diff', kind: 'number', conditions: [{ op: 'greaterThan', value: '0.01' }] }] });
    expect(none.total).toBe(0);
    const one = await p.exceptions({ columnFilters: [{ column: 'amount · new', kind: 'number', conditions: [{ op: 'equals', value: '0.31' }] }] });
    expect(one.rows.map((r) => r['order id'])).toEqual(['3']);
  });

  it('a wrong column, a word for a number or an impossible date is one sentence', async () => {
    expect((await failure(ids([{ column: 'Region', kind: 'text', conditions: [{ op: 'contains', value: 'x' }] }]))).message).toBe(
      'Column "Region" does not exist on the legacy side; the nearest is "Région".',
    );
    expect((await failure(ids([{ column: 'amount', kind: 'number', conditions: [{ op: 'equals', value: 'ten' }] }]))).message).toBe(
      'The filter on "amount" needs a number; "ten" is not one.',
    );
    expect((await failure(ids([{ column: 'ts', kind: 'date', conditions: [{ op: 'equals', value: '2026-02-30' }] }]))).message).toBe(
      'The filter on "ts" needs a date as YYYY-MM-DD; "2026-02-30" is not one.',
    );
    expect((await failure(p.exceptions({ columnFilters: [{ column: 'amount diff', kind: 'number', conditions: [{ op: 'blank' }] }] }))).message).toBe(
      'The exception list has no column "amount diff"; the nearest is "amount · diff".',
    );
  });
});
