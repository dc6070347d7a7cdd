import { describe, expect, it } from 'vitest';
import { ident, literal, typeName } from '../../electron/engine/db/sql.js';

describe('the SQL helpers', () => {
  it('quotes identifiers so any name stays one identifier', () => {
    expect(ident('amount')).toBe('"amount"');
    expect(ident('a"; DROP TABLE x; --')).toBe('"a""; DROP TABLE x; --"');
  });

  it('quotes literals for view definitions', () => {
    expect(literal("/data/o'brien.parquet")).toBe("'/data/o''brien.parquet'");
    expect(() => literal('a\u0000b')).toThrow();
  });

  it('accepts only plain type names', () => {
    expect(typeName('decimal(18, 2)')).toBe('DECIMAL(18, 2)');
    expect(typeName('TIMESTAMP WITH TIME ZONE')).toBe('TIMESTAMP WITH TIME ZONE');
    expect(typeName('VARCHAR[]')).toBe('VARCHAR[]');
    expect(() => typeName('INTEGER); DROP TABLE x; --')).toThrow();
    expect(() => typeName("VARCHAR'")).toThrow();
  });
});
