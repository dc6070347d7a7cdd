import { describe, expect, it } from 'vitest';
import { bigintFromWords, formatDecimal } from '../../shared/decimal.js';
import { Float64, Int32, Int64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { decodePage, formatMicros } from '../../shared/arrow-cells.js';

describe('exact decimal text', () => {
  it('places the point by scale without floats', () => {
    expect(formatDecimal(12345n, 2)).toBe('123.45');
    expect(formatDecimal(-5n, 2)).toBe('-0.05');
    expect(formatDecimal(0n, 2)).toBe('0.00');
    expect(formatDecimal(7n, 0)).toBe('7');
    // 38 digits, scale 10: beyond any float.
    expect(formatDecimal(12345678901234567890123456789012345678n, 10)).toBe('1234567890123456789012345678.9012345678');
  });

  it('reads two-complement 128-bit words', () => {
    const words = new Uint32Array([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]);
    expect(bigintFromWords(words, 0, 4)).toBe(-1n);
    const big = new Uint32Array([1, 2, 0, 0]);
    expect(bigintFromWords(big, 0, 4)).toBe((2n << 32n) | 1n);
  });
});

describe('timestamps from integer microseconds', () => {
  it('formats naive and zoned instants, before and after 1970', () => {
    expect(formatMicros(0n, false)).toBe('1970-01-01 00:00:00');
    expect(formatMicros(1_700_000_000_123_456n, true)).toBe('2023-11-14 22:13:20.123456+00');
    expect(formatMicros(-1n, false)).toBe('1969-12-31 23:59:59.999999');
    expect(formatMicros(-86_400_000_000n, false)).toBe('1969-12-31 00:00:00');
  });
});

describe('page cells from Arrow buffers', () => {
  it('reads text (ASCII or not, with nulls) and plain numbers exactly as written', () => {
    const table = new Table({
      code: vectorFromArray(['AB-1', null, '', 'x"y'], new Utf8()),
      name: vectorFromArray(['Zürich', 'plain', null, '東京 🗼'], new Utf8()),
      qty: vectorFromArray([1, -2, null, 2147483647], new Int32()),
      id: vectorFromArray([9007199254740993n, null, -1n, 0n], new Int64()),
      rate: vectorFromArray([0.1, 1e21, null, -2.5], new Float64()),
    });
    expect(decodePage(tableToIPC(table, 'stream')).rows).toEqual([
      ['AB-1', 'Zürich', '1', '9007199254740993', '0.1'],
      [null, 'plain', '-2', null, '1e+21'],
      ['', null, null, '-1', null],
      ['x"y', '東京 🗼', '2147483647', '0', '-2.5'],
    ]);
  });
});
