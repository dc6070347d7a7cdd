/**
 * Auditor mode on a real pack, opened by an engine that never saw the sources: the verification, the
 * summary, the drill-down over the pack's exceptions, its notes; a tampered pack opened with exactly
 * what failed; and nothing in the pack changed by reading it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodePage } from '../../shared/arrow-cells.js';
import { failure, openEngine } from '../helpers/engine.js';
import { pair } from '../helpers/compare.js';

const left = `SELECT i AS id, ['EMEA','APAC','AMER'][i % 3 + 1] AS region, (i * 1.25)::DECIMAL(18,2) AS amount FROM range(3000) t(i)`;
const right = `SELECT i AS id, ['EMEA','APAC','AMER'][i % 3 + 1] AS region, (i * 1.25 + CASE WHEN i % 10 = 0 THEN 0.01 ELSE 0 END)::DECIMAL(18,2) AS amount FROM range(1, 3001) t(i)`;
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('auditor mode', async () => {
  const p = await pair(left, right);
  await p.engine.call('profile.set', { profile: { name: 'Ana Steward', role: 'data steward' } });
  await p.run({ key: ['id'], columns: ['region', 'amount'], dimensions: ['region'], measures: [{ name: 'revenue', fn: 'sum', left: 'amount' }] });
  const first = (await p.exceptions({ classes: ['mismatch'], filters: [{ dimension: 'region', value: 'EMEA' }] })).rows[0]['exception id'] as string;
  await p.engine.call('annotations.set', { target: { ids: [first] }, fields: { category: 'defect', note: 'rounding', ref: 'MIG-7' } });
  await p.engine.call('runs.signOff', { statement: 'Reviewed.', override: 'The rest is in MIG-200.' });
  const pack = path.join(p.dir, 'evidence.paritypack');
  const made = await p.engine.call('pack.export', { out: pack });
  // The auditor's machine: another engine and another home, without the sources.
  const { engine: auditor, dir: auditorHome } = await openEngine();
  const before = sha(pack);
  const overview = await auditor.call('audit.open', { path: pack });

  it('verifies the pack and shows who signed it, with the summary as packed', () => {
    expect(overview.check).toEqual({ ok: true, problems: [], signer: { name: 'Ana Steward', role: 'data steward', fingerprint: made.fingerprint } });
    expect(overview.title).toBe('test');
    expect(overview.summary.rows.mismatched).toBeGreaterThan(0);
    expect(overview.exceptions.rows).toBe(made.exceptions);
    expect(overview.dimensions).toEqual([{ name: 'region', grain: null }]);
    expect(overview.columns.slice(0, 2).map((c) => c.name)).toEqual(['class', 'id']);
    expect(overview.keyCount).toBe(1);
    expect(path.relative(path.join(auditorHome, 'audits'), overview.folder)).not.toMatch(/^\.\./);
  });

  it('drills over the exceptions in the pack, with sums of the measures kept exact', async () => {
    const level = await auditor.call('audit.drill', { dimension: 'region', filters: [] });
    expect(level.groups.map((g) => g.value)).toEqual(['AMER', 'APAC', 'EMEA']);
    expect(level.groups.reduce((a, g) => a + g.exceptions.total, 0)).toBe(made.exceptions);
    const emea = level.groups.find((g) => g.value === 'EMEA')!;
    // EMEA holds ids 0, 3, 6 …; every tenth id is 0.01 higher on the new side: ids 30, 60 … 2970 differ.
    // Id 0 (0.00) is only on the left, id 3000 (3,750.01) only on the right.
    expect(emea.exceptions).toMatchObject({ mismatch: 99, left_only: 1, right_only: 1 });
    expect(emea.measures[0]).toMatchObject({ name: 'amount in exceptions', diff: '3751.00' });
    const rows = await auditor.call('audit.exceptions', { filters: [{ dimension: 'region', value: 'EMEA' }], classes: ['mismatch'], offset: 0, limit: 500, sort: [{ column: 'id', direction: 'asc' }] });
    expect(rows.total).toBe(99);
    const page = decodePage(rows.arrow);
    const id = page.columns.findIndex((c) => c.name === 'id');
    expect(page.rows.slice(0, 3).map((r) => r[id])).toEqual(['30', '60', '90']);
    const counts = await auditor.call('audit.counts', { filters: [], by: { dimension: 'region' } });
    expect(counts.byExplanation).toMatchObject({ defect: 1, unexplained: made.exceptions - 1 });
    expect(counts.byStatus.open + counts.byStatus.none).toBe(made.exceptions);
    expect(counts.groups.find((g) => g.value === 'EMEA')).toEqual({ value: 'EMEA', total: 101, unexplained: 100 });
    const unknown = await failure(auditor.call('audit.drill', { dimension: 'regoin', filters: [] }));
    expect(unknown.message).toMatch(/regoin.*region/);
  });

  it('shows the annotations, the sign-off and the history, its chain verified', async () => {
    const notes = await auditor.call('audit.notes', {});
    expect(notes.annotations).toMatchObject([{ exceptionId: first, category: 'defect', note: 'rounding', ref: 'MIG-7', updatedBy: 'Ana Steward' }]);
    expect(notes.runs[0].signOff).toMatchObject({ name: 'Ana Steward', statement: 'Reviewed.', override: 'The rest is in MIG-200.' });
    expect(notes.history.find((h) => h.exceptionId === first)).toMatchObject({ actor: 'Ana Steward', role: 'data steward', after: { category: 'defect', ref: 'MIG-7' } });
    expect(notes.chain).toMatchObject({ ok: true, entries: notes.history.length });
  });

  it('changes nothing: the pack is as it was, and what was unpacked is read-only', () => {
    expect(sha(pack)).toBe(before);
    for (const name of ['manifest.json', 'exceptions/exceptions.parquet', 'notes/annotations.json']) {
      expect(fs.statSync(path.join(overview.folder, name)).mode & 0o222).toBe(0);
    }
    expect(fs.readdirSync(path.join(auditorHome, 'audits')).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('leaves nothing unpacked and no pack open when an open is cancelled half-way', async () => {
    const controller = new AbortController();
    const error = await failure(auditor.call('audit.open', { path: pack }, { signal: controller.signal, onProgress: (x) => x.phase === 'Unpacking it read-only' && controller.abort() }));
    expect(error.code).toBe('cancelled');
    expect(fs.readdirSync(path.join(auditorHome, 'audits')).filter((f) => !f.startsWith('.'))).toEqual([]);
    expect((await failure(auditor.call('audit.notes', {}))).message).toBe('Open a pack first.');
    expect(sha(pack)).toBe(before);
  });

  it('opens a tampered pack saying exactly what failed', async () => {
    const files = unzipSync(fs.readFileSync(pack));
    const history = JSON.parse(new TextDecoder().decode(files['notes/history.json']));
    history[0].actor = 'Someone Else';
    const csv = files['exceptions/exceptions.csv'].slice();
    csv[csv.length - 2] ^= 1;
    const tampered = path.join(p.dir, 'tampered.paritypack');
    fs.writeFileSync(tampered, zipSync({ ...files, 'notes/history.json': new TextEncoder().encode(JSON.stringify(history)), 'exceptions/exceptions.csv': csv }));
    const opened = await auditor.call('audit.open', { path: tampered });
    expect(opened.check.ok).toBe(false);
    expect(opened.check.problems.sort()).toEqual(['exceptions/exceptions.csv was changed: its SHA-256 does not match the manifest.', 'notes/history.json was changed: its SHA-256 does not match the manifest.']);
    const notes = await auditor.call('audit.notes', {});
    expect(notes.chain).toMatchObject({ ok: false, brokenAt: 1 });
    expect(notes.chain.message).toMatch(/^History entry 1 \(annotate by Someone Else at .*\) does not match its hash/);
  });
});
