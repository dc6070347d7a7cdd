import { describe, expect, it } from 'vitest';
import { toleranceKey } from '../../electron/engine/compare/classify.js';

describe('tolerance keys', () => {
  it('read a zero tolerance as none, so "Exact" after "0.00" reuses the run\'s tables', () => {
    for (const zero of ['0', '0.00', '-0.0', null, undefined]) expect(toleranceKey(zero)).toBeNull();
  });
  it('ignore trailing zeros but keep every other digit', () => {
    expect(toleranceKey('0.010')).toBe('0.01');
    expect(toleranceKey('1.50')).toBe('1.5');
    expect(toleranceKey('100')).toBe('100');
    expect(toleranceKey('0.0000000001')).toBe('0.0000000001');
    expect(toleranceKey('0.01')).not.toBe(toleranceKey('0.001'));
  });
});
