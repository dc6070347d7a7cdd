import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { duck } from '../helpers/sql.js';
import { tempFolder, write } from '../helpers/temp.js';
import { parity } from '../helpers/cli.js';


describe('parity compare', async () => {
  const dir = tempFolder();
  const left = write(dir, 'legacy.csv', [
    'ID,AMOUNT,Region,Booked_At',
    '1,10.00,EMEA,2026-03-08 01:30:00',
    '2,20.00,EMEA,2026-03-08 03:30:00',
    '3,30.00,APAC,2026-03-09 10:00:00',
    '4,40.00,APAC,2026-03-09 11:00:00',
  ].join('\n'));
  const right = path.join(dir, 'new.parquet');
  await duck(`COPY (SELECT * FROM (VALUES
    (1, 10.00::DECIMAL(18,2), 'EMEA', TIMESTAMPTZ '2026-03-08 06:30:00+00'),
    (2, 20.01, 'EMEA', TIMESTAMPTZ '2026-03-08 08:30:00+00'),
    (3, 30.00, 'APAC', TIMESTAMPTZ '2026-03-09 14:00:00+00'),
    (5, 50.00, 'APAC', TIMESTAMPTZ '2026-03-09 12:00:00+00')) t(id, amount, region, booked_at)) TO '${right}' (FORMAT parquet)`);

  it('quick form: pairs columns by name, applies tolerances and a zone, prints the JSON summary', () => {
    const r = parity('compare', '--left', left, '--right', right, '--key', 'ID', '--abs-tol', '0.01', '--left-tz', 'America/New_York', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.left).toEqual({ rows: 4, columns: 4 });
    expect(s.right).toEqual({ rows: 4, columns: 4 });
    expect(s.schema).toEqual({ leftOnly: [], rightOnly: [], typeChanges: [{ column: 'ID', left: 'BIGINT', right: 'INTEGER' }, { column: 'Booked_At', left: 'TIMESTAMP', right: 'TIMESTAMP WITH TIME ZONE' }] });
    expect(s.rows).toEqual({
      matched: 3, leftOnly: 1, rightOnly: 1, equal: 2, withinTolerance: 0, mismatched: 1,
      duplicateKeysLeft: 0, duplicateKeysRight: 0, nullKeysLeft: 0, nullKeysRight: 0, timing: 0,
    });
    // New York sprang forward at 02:00 on 2026-03-08: 01:30 is EST (06:30Z), 03:30 is EDT (07:30Z, not 08:30Z).
    expect(s.columns).toEqual([
      { name: 'AMOUNT', right: 'amount', kind: 'number', mismatched: 0, withinTolerance: 1, nullDifferences: 0, maxAbsDiff: '0.01' },
      { name: 'Region', right: 'region', kind: 'text', mismatched: 0, withinTolerance: 0, nullDifferences: 0, maxAbsDiff: null },
      { name: 'Booked_At', right: 'booked_at', kind: 'timestamp', mismatched: 1, withinTolerance: 0, nullDifferences: 0, maxAbsDiff: '3600' },
    ]);
    expect(s.matchRate).toBe(0.5);
  });

  it('contract form: reads the file, resolves paths beside it, and exits 1 outside the SLO', () => {
    const contract = {
      version: 1, name: 'Bookings', left: { source: 'legacy.csv', timezone: { kind: 'local', zone: 'America/New_York' } }, right: { source: 'new.parquet' },
      key: ['ID'], columns: [{ left: 'AMOUNT', absTol: '0.01' }, 'Region'], slo: { minMatchRate: 0.9 },
    };
    write(dir, 'bookings.contract.json', JSON.stringify(contract));
    const r = parity('compare', '--contract', path.join(dir, 'bookings.contract.json'), '--json');
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s.slo).toEqual({ minMatchRate: 0.9, met: false });
    expect(s.rows).toMatchObject({ withinTolerance: 1, mismatched: 0 });
    const text = parity('compare', '--contract', path.join(dir, 'bookings.contract.json'));
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/match rate\s+75\.00%\s+\(SLO 90\.00%: NOT met\)/);
  });

  it('exits 2 with one sentence for a bad contract, a missing file, an unknown column', () => {
    const bad = write(dir, 'bad.json', JSON.stringify({ version: 1, name: 'x', left: { source: 'legacy.csv' }, right: { source: 'new.parquet' }, key: ['ID'], colums: [] }));
    expect(parity('compare', '--contract', bad)).toMatchObject({ code: 2, last: 'parity: Contract field "colums" is not known; did you mean "columns"?' });
    const notJson = write(dir, 'broken.json', '{ "version": 1, ');
    expect(parity('compare', '--contract', notJson).last).toMatch(/^parity: The contract "broken\.json" is not valid JSON: /);
    expect(parity('compare', '--contract', path.join(dir, 'nope.json'))).toMatchObject({ code: 2, last: `parity: The contract "${path.join(dir, 'nope.json')}" does not exist.` });
    const missing = parity('compare', '--left', path.join(dir, 'gone.csv'), '--right', right, '--key', 'ID');
    expect(missing).toMatchObject({ code: 2, last: `parity: "${path.join(dir, 'gone.csv')}" does not exist.` });
    const unknown = write(dir, 'unknown.json', JSON.stringify({ version: 1, name: 'x', left: { source: 'legacy.csv' }, right: { source: 'new.parquet' }, key: ['ID'], columns: ['AMOUNTS'] }));
    expect(parity('compare', '--contract', unknown)).toMatchObject({
      code: 2,
      last: 'parity: Contract field "columns[0].left": column "AMOUNTS" does not exist on the legacy side; the nearest is "AMOUNT".',
    });
    expect(parity('compare', '--left', left, '--right', right, '--key', 'IDX').last).toBe('parity: Column "IDX" does not exist on the legacy side; the nearest is "ID".');
    expect(fs.existsSync(path.join(dir, 'cli.parity'))).toBe(false);
  });
});
