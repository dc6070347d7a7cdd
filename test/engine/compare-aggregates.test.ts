import { describe, expect, it } from 'vitest';
import { pair } from '../helpers/compare.js';

describe('aggregate parity', () => {
  const left = `SELECT * FROM (VALUES
    ('EMEA', 'Laptop', DATE '2026-01-10', 100.00::DECIMAL(18,2)), ('EMEA', 'Laptop', DATE '2026-02-10', 50.00),
    ('APAC', 'Mouse', DATE '2026-01-05', 10.00), ('APAC', 'Mouse', DATE '2026-01-06', 10.00)) t(region, product, day, amount)`;
  const right = `SELECT * FROM (VALUES
    ('EMEA', 'Laptop', DATE '2026-01-10', 100.00::DECIMAL(18,2)), ('EMEA', 'Laptop', DATE '2026-02-10', 50.01),
    ('APAC', 'Mouse', DATE '2026-01-05', 10.00), ('APAC', 'Mouse', DATE '2026-01-06', 12.00), ('APAC', 'Mouse', DATE '2026-01-07', 1.00)) t(region, product, day, amount)`;
  const contract = {
    dimensions: ['region', 'product', { name: 'month', left: 'day', grain: 'month' as const }],
    measures: [{ name: 'rows', fn: 'count' as const }, { name: 'revenue', fn: 'sum' as const, left: 'amount', absTol: '0.01' }, { name: 'avg', fn: 'avg' as const, left: 'amount', absTol: '0.01' }],
  };

  it('works without a key: legacy vs new vs difference by dimension, with per-measure tolerance', async () => {
    const p = await pair(left, right);
    const s = await p.run(contract);
    expect(s.keyed).toBe(false);
    expect(s.matchRate).toBe(1);
    expect(s.aggregates.totals).toEqual([
      { name: 'rows', fn: 'count', left: '4', right: '5', diff: '1', withinTolerance: false },
      { name: 'revenue', fn: 'sum', left: '170.00', right: '173.01', diff: '3.01', withinTolerance: false },
      { name: 'avg', fn: 'avg', left: '42.500000', right: '34.602000', diff: '-7.898000', withinTolerance: false },
    ]);
    // Groups at the contract's grains: EMEA/Laptop/Jan, EMEA/Laptop/Feb, APAC/Mouse/Jan.
    expect(s.aggregates.groups).toBe(3);
    expect(s.aggregates.beyondTolerance).toBe(1);

    const regions = await p.engine.call('compare.drill', { dimension: 'region' });
    expect(regions.groups.map((g) => [g.value, g.leftRows, g.rightRows, g.beyondTolerance])).toEqual([
      ['APAC', 2, 3, true],
      ['EMEA', 2, 2, false],
    ]);
    const emea = regions.groups[1].measures.find((m) => m.name === 'revenue');
    expect(emea).toMatchObject({ left: '150.00', right: '150.01', diff: '0.01', withinTolerance: true });
    const apacMonths = await p.engine.call('compare.drill', { dimension: 'month', filters: [{ dimension: 'region', value: 'APAC' }] });
    expect(apacMonths.groups.map((g) => g.value)).toEqual(['2026-01-01']);
    const apacDays = await p.engine.call('compare.drill', { dimension: 'month', grain: 'day', filters: [{ dimension: 'region', value: 'APAC' }] });
    expect(apacDays.groups.map((g) => [g.value, g.measures[1].left, g.measures[1].right])).toEqual([
      ['2026-01-06', '10.00', '12.00'],
      ['2026-01-07', null, '1.00'],
      ['2026-01-05', '10.00', '10.00'],
    ]);
  });

  it('counts exceptions per group when there is a key', async () => {
    const p = await pair(
      `SELECT row_number() OVER () AS id, * FROM (${left})`,
      `SELECT row_number() OVER () AS id, * FROM (${right})`,
    );
    await p.run({ key: ['id'], ...contract, columns: [{ left: 'amount' }] });
    const regions = await p.engine.call('compare.drill', { dimension: 'region' });
    const apac = regions.groups.find((g) => g.value === 'APAC');
    expect(apac?.exceptions).toMatchObject({ mismatch: 1, right_only: 1, total: 2 });
    const emea = regions.groups.find((g) => g.value === 'EMEA');
    expect(emea?.exceptions).toMatchObject({ mismatch: 1, total: 1 });
  });
});
