import { describe, expect, it } from 'vitest';
import { decimalText, toColumnFilters } from '../../renderer/grid/filter-model';

describe('grid header filters in the engine’s terms', () => {
  it('translates text, number and date filters, single and combined', () => {
    expect(
      toColumnFilters({
        'Prix "€"': { filterType: 'number', type: 'inRange', filter: 0.1, filterTo: 10 },
        region: { filterType: 'text', operator: 'OR', conditions: [{ filterType: 'text', type: 'startsWith', filter: 'AM' }, { filterType: 'text', type: 'blank' }] },
        when: { filterType: 'date', type: 'equals', dateFrom: '2026-03-08 00:00:00', dateTo: null },
      }),
    ).toEqual([
      { column: 'Prix "€"', kind: 'number', join: 'and', conditions: [{ op: 'inRange', value: '0.1', to: '10' }] },
      { column: 'region', kind: 'text', join: 'or', conditions: [{ op: 'startsWith', value: 'AM', to: null }, { op: 'blank', value: null, to: null }] },
      { column: 'when', kind: 'date', join: 'and', conditions: [{ op: 'equals', value: '2026-03-08', to: null }] },
    ]);
  });

  it('drops what the engine does not know instead of sending it', () => {
    expect(toColumnFilters({ a: { filterType: 'set', type: 'equals', filter: 'x' }, b: { filterType: 'text', type: 'empty' } })).toEqual([]);
    expect(toColumnFilters(null)).toEqual([]);
  });

  it('writes numbers as plain decimals, never in exponent form', () => {
    expect(decimalText(1e-7)).toBe('0.0000001');
    expect(decimalText(1e21)).toBe('1000000000000000000000');
    expect(decimalText(0.1)).toBe('0.1');
    expect(decimalText(null)).toBeNull();
  });
});
