import { describe, expect, it } from 'vitest';
import { decodePage } from '../../shared/arrow-cells.js';
import { pair } from '../helpers/compare.js';

// Names an analyst's extracts really have: spaces, quotes, SQL keywords, unicode.
const cols = `t("order id", "select", "Prix ""€""", "日付", "group", "from")`;

describe('odd column names work everywhere', async () => {
  const p = await pair(
    `SELECT * FROM (VALUES (1, 'a''b', 10.00::DECIMAL(18,2), TIMESTAMP '2026-03-08 02:30:00', 'Nord', 'x'), (2, 'C', 20.00, TIMESTAMP '2026-03-09 10:00:00', 'Süd', 'y'), (3, 'zz', 30.00, TIMESTAMP '2026-03-09 11:00:00', 'Süd', 'z')) ${cols}`,
    `SELECT * FROM (VALUES (1, 'a''b', 10.00::DECIMAL(18,2), TIMESTAMPTZ '2026-03-08 07:30:00+00', 'Nord', 'x'), (2, 'closed', 20.50, TIMESTAMPTZ '2026-03-09 14:00:00+00', 'Süd', 'y'), (4, 'q', 1.00, TIMESTAMPTZ '2026-03-09 14:00:00+00', 'Süd', 'w')) ${cols}`,
  );

  it('in technical parity, paging and sorting', async () => {
    const report = await p.engine.call('technical.run', { key: ['order id'] });
    expect(report.schema.pairs.filter((x) => x.left && x.right).map((x) => x.left)).toEqual(['order id', 'select', 'Prix "€"', '日付', 'group', 'from']);
    const page = decodePage((await p.engine.call('sources.page', { side: 'left', offset: 0, limit: 10, sort: [{ column: 'Prix "€"', direction: 'desc' }] })).arrow);
    expect(page.rows.map((r) => r[0])).toEqual(['3', '2', '1']);
    const dup = await p.engine.call('technical.keyValues', { side: 'left', kind: 'duplicate', offset: 0, limit: 10 });
    expect(dup.total).toBe(0);
  });

  it('in a contract: key, maps, tolerances, zones per row, filters, dimensions, measures, drill, pages, row detail, DST', async () => {
    const s = await p.run({
      key: ['order id'],
      left: { timezone: { kind: 'perRow', column: 'group', zones: { Nord: 'America/New_York', Süd: 'America/New_York' } }, filter: `"from" <> 'never'` },
      columns: [{ left: 'select', valueMap: { C: 'closed' } }, { left: 'Prix "€"', absTol: '0.50' }, '日付', 'from'],
      dimensions: ['group', { name: 'day', left: '日付', grain: 'day' }],
      measures: [{ name: 'sum €', fn: 'sum', left: 'Prix "€"' }],
    });
    expect(s.rows).toMatchObject({ matched: 2, equal: 1, withinTolerance: 1, mismatched: 0, leftOnly: 1, rightOnly: 1 });
    expect(s.dst.left[0]).toMatchObject({ column: '日付', nonexistent: 1 });
    const groups = await p.engine.call('compare.drill', { dimension: 'group' });
    expect(groups.groups.map((g) => g.value).sort()).toEqual(['Nord', 'Süd']);
    const days = await p.engine.call('compare.drill', { dimension: 'day', filters: [{ dimension: 'group', value: 'Süd' }] });
    expect(days.groups.map((g) => g.value)).toEqual(['2026-03-09']);
    const rows = await p.exceptions({ sort: [{ column: 'Prix "€" · diff', direction: 'desc' }], filters: [{ dimension: 'group', value: 'Süd' }] });
    // Key 2 is within tolerance (not an exception); 3 and 4 are one-sided.
    expect(rows.rows.map((r) => r['order id'])).toEqual(['3', '4']);
    const detail = await p.engine.call('compare.row', { key: ['2'] });
    expect(detail.cells.find((c) => c.column === 'select')).toMatchObject({ left: 'C', right: 'closed', status: 'equal' });
    expect(detail.leftRows[0]['Prix "€"']).toBe('20.00');
    const gap = await p.engine.call('compare.dst', { side: 'left', column: '日付', edge: 'nonexistent', offset: 0, limit: 5 });
    expect(gap.total).toBe(1);
  });
});
