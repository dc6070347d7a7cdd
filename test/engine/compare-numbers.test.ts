import { describe, expect, it } from 'vitest';
import { column, explanationCounts, pair } from '../helpers/compare.js';

const rows = (values: [number, string | null][], type: string) =>
  `SELECT * FROM (VALUES ${values.map(([k, v]) => `(${k}, ${v === null ? 'NULL' : v}::${type})`).join(', ')}) t(id, amount)`;

describe('numeric tolerance: |L − R| ≤ absTol + relTol·|L|, L the legacy value', () => {
  it('is inclusive at the absolute boundary, and exactly equal is "equal", not "within"', async () => {
    const p = await pair(
      rows([[1, '100.00'], [2, '100.00'], [3, '100.00'], [4, '-5.00']], 'DECIMAL(18,2)'),
      rows([[1, '100.00'], [2, '100.01'], [3, '100.02'], [4, '-5.01']], 'DECIMAL(18,2)'),
    );
    const s = await p.run({ key: ['id'], columns: [{ left: 'amount', absTol: '0.01' }] });
    expect(s.rows).toMatchObject({ matched: 4, equal: 1, withinTolerance: 2, mismatched: 1 });
    expect(column(s, 'amount')).toMatchObject({ mismatched: 1, withinTolerance: 2, nullDifferences: 0, maxAbsDiff: '0.02' });
    // The exception list holds the mismatch alone; rows within tolerance are listed when asked for.
    const ids = async (classes?: string[]) => (await p.exceptions({ classes, sort: [{ column: 'id', direction: 'asc' }] })).rows.map((r) => r.id);
    expect(await ids()).toEqual(['3']);
    expect(await ids(['within_tolerance', 'mismatch'])).toEqual(['2', '3', '4']);
    expect(await ids(['left_only', 'right_only', 'mismatch', 'duplicate_key', 'null_key', 'timing', 'within_tolerance'])).toEqual(['2', '3', '4']);
    // The tolerance explains the rows within it: they are never counted or listed as unexplained.
    const listed = await p.exceptions({ classes: ['within_tolerance', 'mismatch'], sort: [{ column: 'id', direction: 'asc' }] });
    expect(listed.rows.map((r) => r.explanation)).toEqual(['within_tolerance', 'unexplained', 'within_tolerance']);
    const counts = await explanationCounts(p.engine, { classes: ['within_tolerance', 'mismatch'] });
    expect(counts.byExplanation.unexplained).toBe(1);
    const unexplained = await p.exceptions({ classes: ['within_tolerance', 'mismatch'], explanations: ['unexplained'] });
    expect(unexplained.rows.map((r) => r.id)).toEqual(['3']);
  });

  it('measures relTol against the legacy value, so the test is not symmetric', async () => {
    const p = await pair(rows([[1, '100'], [2, '90'], [3, '100']], 'DECIMAL(18,2)'), rows([[1, '90'], [2, '100'], [3, '110.01']], 'DECIMAL(18,2)'));
    const s = await p.run({ key: ['id'], columns: [{ left: 'amount', relTol: '0.1' }] });
    // |100−90| = 10 ≤ 0.1·100 (within); |90−100| = 10 > 0.1·90 = 9 (mismatch); |100−110.01| > 10 (mismatch).
    expect(column(s, 'amount')).toMatchObject({ withinTolerance: 1, mismatched: 2 });
    const within = await p.exceptions({ classes: ['within_tolerance'] });
    expect(within.rows.map((r) => r.id)).toEqual(['1']);
  });

  it('adds absTol and relTol·|L| exactly at the combined boundary', async () => {
    const p = await pair(rows([[1, '200.00'], [2, '200.00']], 'DECIMAL(18,2)'), rows([[1, '202.01'], [2, '202.02']], 'DECIMAL(18,2)'));
    const s = await p.run({ key: ['id'], columns: [{ left: 'amount', absTol: '0.01', relTol: '0.01' }] });
    expect(column(s, 'amount')).toMatchObject({ withinTolerance: 1, mismatched: 1 });
  });

  it('keeps DECIMAL(38,10) exact, beyond any float', async () => {
    const big = '1234567890123456789012345678.0000000001';
    const p = await pair(
      rows([[1, big], [2, big], [3, big]], 'DECIMAL(38,10)'),
      rows([[1, big], [2, '1234567890123456789012345678.0000000002'], [3, '1234567890123456789012345678.0000000003']], 'DECIMAL(38,10)'),
    );
    const s = await p.run({ key: ['id'], columns: [{ left: 'amount', absTol: '0.0000000001' }] });
    expect(s.rows).toMatchObject({ equal: 1, withinTolerance: 1, mismatched: 1 });
    expect(column(s, 'amount')?.maxAbsDiff).toBe('0.0000000002');
    const page = await p.exceptions({ classes: ['mismatch'] });
    expect(page.rows[0]['amount · legacy']).toBe(big);
    expect(page.rows[0]['amount · new']).toBe('1234567890123456789012345678.0000000003');
    expect(page.rows[0]['amount · diff']).toBe('0.0000000002');
  });

  it('finds 0.1 + 0.2 equal to 0.3 as DECIMAL, and 5.55e-17 apart as DOUBLE', async () => {
    const dec = await pair(`SELECT 1 AS id, 0.1::DECIMAL(18,2) + 0.2::DECIMAL(18,2) AS amount`, `SELECT 1 AS id, 0.3::DECIMAL(18,2) AS amount`);
    expect((await dec.run({ key: ['id'] })).rows).toMatchObject({ equal: 1, mismatched: 0 });
    const dbl = await pair(`SELECT 1 AS id, 0.1::DOUBLE + 0.2::DOUBLE AS amount`, `SELECT 1 AS id, 0.3::DOUBLE AS amount`);
    const exact = await dbl.run({ key: ['id'] });
    expect(exact.rows).toMatchObject({ equal: 0, mismatched: 1 });
    expect(column(exact, 'amount')?.maxAbsDiff).toBe('5.551115123125783e-17');
    const tolerant = await dbl.run({ key: ['id'], columns: [{ left: 'amount', absTol: '0.000000001' }] });
    expect(tolerant.rows).toMatchObject({ withinTolerance: 1, mismatched: 0 });
  });

  it('treats null = null as equal and null vs a value as a null difference', async () => {
    const p = await pair(rows([[1, null], [2, null], [3, '1.00']], 'DECIMAL(18,2)'), rows([[1, null], [2, '1.00'], [3, null]], 'DECIMAL(18,2)'));
    const s = await p.run({ key: ['id'], columns: [{ left: 'amount', absTol: '100' }] });
    expect(s.rows).toMatchObject({ equal: 1, mismatched: 2 });
    expect(column(s, 'amount')).toMatchObject({ nullDifferences: 2, mismatched: 0, withinTolerance: 0 });
  });

  it('compares an integer column with a DECIMAL one exactly, and reports the type change', async () => {
    const p = await pair(`SELECT 1 AS id, 3::INTEGER AS qty UNION ALL SELECT 2, 4`, `SELECT 1 AS id, 3.000::DECIMAL(12,3) AS qty UNION ALL SELECT 2, 4.001`);
    const s = await p.run({ key: ['id'] });
    expect(s.schema.typeChanges).toEqual([{ column: 'qty', left: 'INTEGER', right: 'DECIMAL(12,3)' }]);
    expect(column(s, 'qty')).toMatchObject({ mismatched: 1, maxAbsDiff: '0.001' });
  });
});
