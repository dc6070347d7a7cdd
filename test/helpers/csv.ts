import fs from 'node:fs';

export const MALFORMED = {
  tooManyColumns: 1_234,
  badNumber: 500_000,
  missingColumns: 999_999,
} as const;

/**
 * A CSV of `rows` data lines (header on line 1) where three lines are malformed: one with an extra
 * field, one with a non-number in the amount column, one cut short. Line numbers count the header.
 */
export function writeCsvWithMalformedLines(file: string, rows = 1_000_000): void {
  const fd = fs.openSync(file, 'w');
  const chunk: string[] = ['order_id,region,amount,ordered_at'];
  const regions = ['AMER', 'EMEA', 'APAC'];
  const flush = () => {
    fs.writeSync(fd, chunk.join('\n') + '\n');
    chunk.length = 0;
  };
  for (let i = 1; i <= rows; i++) {
    const line = i + 1;
    const id = 100_000 + i;
    const amount = `${(i * 37) % 100_000}.${String(i % 100).padStart(2, '0')}`;
    const ts = `2026-01-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:15:00`;
    if (line === MALFORMED.tooManyColumns) chunk.push(`${id},${regions[i % 3]},${amount},${ts},surplus`);
    else if (line === MALFORMED.badNumber) chunk.push(`${id},${regions[i % 3]},twelve,${ts}`);
    else if (line === MALFORMED.missingColumns) chunk.push(`${id},${regions[i % 3]}`);
    else chunk.push(`${id},${regions[i % 3]},${amount},${ts}`);
    if (chunk.length >= 50_000) flush();
  }
  flush();
  fs.closeSync(fd);
}
