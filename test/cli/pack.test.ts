import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tempFolder, write } from '../helpers/temp.js';
import { parity, parityWith } from '../helpers/cli.js';

describe('parity compare --pack and parity verify', () => {
  const dir = tempFolder();
  const left = write(dir, 'legacy.csv', ['id,amount,region', '1,10.00,EMEA', '2,20.00,EMEA', '3,30.00,APAC'].join('\n'));
  const right = write(dir, 'new.csv', ['id,amount,region', '1,10.00,EMEA', '2,20.01,EMEA', '4,40.00,APAC'].join('\n'));
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  const out = path.join(dir, 'evidence.paritypack');

  it('refuses to sign a pack for nobody, in one sentence', () => {
    const r = parityWith({ PARITY_HOME: path.join(dir, 'nobody') }, 'compare', '--left', left, '--right', right, '--key', 'id', '--pack', out);
    expect(r.code).toBe(2);
    expect(r.last).toBe('parity: Set your name and role first: every change records who made it.');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('writes a signed pack beside the summary, which verifies intact', () => {
    fs.writeFileSync(path.join(home, 'profile.json'), JSON.stringify({ name: 'Night Run', role: 'scheduler' }));
    const r = parityWith({ PARITY_HOME: home }, 'compare', '--left', left, '--right', right, '--key', 'id', '--pack', out, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows.mismatched).toBe(1);
    expect(r.stderr).toMatch(/Pack written: .*evidence\.paritypack \([\d,]+ bytes, 3 exceptions\), signed with key [0-9a-f ]+/);
    const v = parity('verify', out);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^Intact: every file matches the manifest, signed by Night Run \(scheduler\), key [0-9a-f ]+, made \d{4}-/);
  });

  it('exits 1 naming the changed file, and 2 for a file that is not a pack', () => {
    const files = unzipSync(fs.readFileSync(out));
    const csv = files['exceptions/exceptions.csv'].slice();
    csv[csv.length - 2] ^= 0x01;
    const tampered = path.join(dir, 'tampered.paritypack');
    fs.writeFileSync(tampered, zipSync({ ...files, 'exceptions/exceptions.csv': csv }));
    const v = parity('verify', tampered);
    expect(v.code).toBe(1);
    expect(v.stdout).toBe('NOT intact:\n  - exceptions/exceptions.csv was changed: its SHA-256 does not match the manifest.\n');
    const notPack = parity('verify', left);
    expect(notPack.code).toBe(2);
    expect(notPack.last).toBe('parity: This file is not a pack: it is not a zip archive.');
  });

  it('rerun reproduces the pack from the same sources, and names the file and the counts when one row changed', () => {
    const same = parity('rerun', out, '--sources', dir);
    expect(same.code).toBe(0);
    expect(same.stdout).toBe('Reproduces: the same sources give the same counts as the pack.\n');
    const changed = path.join(dir, 'changed');
    fs.mkdirSync(changed);
    fs.copyFileSync(left, path.join(changed, 'legacy.csv'));
    // One row of the new extract changes: order 1's amount moves by a cent.
    fs.writeFileSync(path.join(changed, 'new.csv'), ['id,amount,region', '1,10.01,EMEA', '2,20.01,EMEA', '4,40.00,APAC'].join('\n'));
    const r = parity('rerun', out, '--sources', changed);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'Does NOT reproduce:',
      '  - new.csv is not the file the pack was made from (its SHA-256 differs).',
      '  - rows.equal: pack 1, now 0',
      '  - rows.mismatched: pack 1, now 2',
      '  - match rate: pack 0.333, now 0',
      '  - amount: mismatched: pack 1, now 2',
      '',
    ]);
    const missing = parity('rerun', out, '--sources', path.join(dir, 'home'));
    expect(missing.code).toBe(2);
    expect(missing.last).toMatch(/^parity: The legacy source file "legacy\.csv" is not in ".*home"\.$/);
  });
});
