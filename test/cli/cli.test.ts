import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { duck } from '../helpers/sql.js';
import { tempFolder, write } from '../helpers/temp.js';
import { parity } from '../helpers/cli.js';


describe('the parity command', async () => {
  const dir = tempFolder();
  const left = write(dir, 'legacy.csv', 'ID,Amount\n1,10.00\n2,20.00\n2,20.00\n3,30.50\n');
  const right = path.join(dir, 'new.parquet');
  await duck(`COPY (SELECT * FROM (VALUES (1, 10.00::DECIMAL(18,2)), (2, 20.00), (4, 40.00)) t(id, amount)) TO '${right}' (FORMAT parquet)`);

  it('runs technical parity headless and prints JSON', () => {
    const r = parity('technical', '--left', left, '--right', right, '--key', 'ID', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.left.rows).toBe(4);
    expect(report.right.rows).toBe(3);
    expect(report.key.duplicateKeysLeft).toBe(2);
    expect(report.hash.identicalRows).toBe(2);
  });

  it('profiles a file', () => {
    const r = parity('profile', left, '--json');
    expect(r.code).toBe(0);
    const profile = JSON.parse(r.stdout);
    expect(profile.rows).toBe(4);
    expect(profile.columns.find((c: { name: string }) => c.name === 'Amount')).toMatchObject({ type: 'DECIMAL(18,2)', min: '10.00', max: '30.50', distinct: 3 });
  });

  it('exits 2 with one sentence for a missing file, an unknown key or an unknown option', () => {
    const missing = parity('technical', '--left', path.join(dir, 'nope.csv'), '--right', right);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n').pop()).toBe(`parity: "${path.join(dir, 'nope.csv')}" does not exist.`);
    const key = parity('technical', '--left', left, '--right', right, '--key', 'IDD');
    expect(key.code).toBe(2);
    expect(key.stderr.trim().split('\n').pop()).toBe('parity: Column "IDD" does not exist on the legacy side; the nearest is "ID".');
    const option = parity('technical', '--left', left, '--rigth', right);
    expect(option.code).toBe(2);
    expect(option.stderr.trim()).toBe('parity: Unknown option --rigth; did you mean --right?');
  });
});
