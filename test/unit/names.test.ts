import { describe, expect, it } from 'vitest';
import { editDistance, matchKey, nearestName, unknownColumnMessage } from '../../shared/names.js';
import { matchColumns } from '../../shared/column-matching.js';

describe('column names', () => {
  it('ignores case, spaces, underscores and hyphens when matching', () => {
    expect(matchKey('Order_ID')).toBe('orderid');
    expect(matchKey('order id')).toBe('orderid');
    expect(matchKey('ORDER-ID')).toBe('orderid');
    expect(matchKey('orderid2')).not.toBe(matchKey('orderid'));
  });

  it('measures edits', () => {
    expect(editDistance('amount', 'amout')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests the nearest column', () => {
    expect(nearestName('amout', ['order_id', 'amount', 'region'])).toBe('amount');
    expect(nearestName('ORDERID', ['order_id', 'amount'])).toBe('order_id');
    expect(nearestName('x', [])).toBeNull();
    expect(unknownColumnMessage('amout', 'legacy', ['amount', 'region'])).toBe(
      'Column "amout" does not exist on the legacy side; the nearest is "amount".',
    );
  });
});

describe('automatic column matching', () => {
  const col = (name: string, type = 'VARCHAR') => ({ name, type });

  it('pairs names equal up to case and separators, keeps the rest one-sided', () => {
    const m = matchColumns([col('ORDER_ID'), col('Region'), col('SALES_REP')], [col('order id'), col('region'), col('ingested_at')]);
    expect(m.pairs.map((p) => [p.left.name, p.right.name, p.origin])).toEqual([
      ['ORDER_ID', 'order id', 'auto'],
      ['Region', 'region', 'auto'],
    ]);
    expect(m.leftOnly.map((c) => c.name)).toEqual(['SALES_REP']);
    expect(m.rightOnly.map((c) => c.name)).toEqual(['ingested_at']);
  });

  it('prefers exact names over looser matches', () => {
    const m = matchColumns([col('amount'), col('Amount')], [col('Amount'), col('amount')]);
    expect(m.pairs.map((p) => [p.left.name, p.right.name])).toEqual([
      ['amount', 'amount'],
      ['Amount', 'Amount'],
    ]);
  });

  it('applies manual pairs first and honours an explicit unpairing', () => {
    const m = matchColumns([col('QTY'), col('region')], [col('quantity'), col('region')], [
      { left: 'QTY', right: 'quantity' },
      { left: 'region', right: null },
    ]);
    expect(m.pairs.map((p) => [p.left.name, p.right.name, p.origin])).toEqual([['QTY', 'quantity', 'manual']]);
    expect(m.leftOnly.map((c) => c.name)).toEqual(['region']);
    expect(m.rightOnly.map((c) => c.name)).toEqual(['region']);
  });
});
