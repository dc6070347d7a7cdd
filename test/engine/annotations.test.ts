import { describe, expect, it } from 'vitest';
import type { ContractInput } from '../../shared/contract.js';
import { failure } from '../helpers/engine.js';
import { pair, explanationCounts } from '../helpers/compare.js';

const left = `SELECT * FROM (VALUES (1, 'EMEA', 10.00::DECIMAL(18,2), 'C'), (2, 'EMEA', 20.00, 'O'), (3, 'APAC', 30.00, 'C'), (4, 'APAC', 40.00, 'X'),
  (5, 'APAC', 50.00, 'O'), (6, 'AMER', 60.00, 'C')) t(id, region, amount, st)`;
const right = `SELECT * FROM (VALUES (1, 'EMEA', 10.00::DECIMAL(18,2), 'closed'), (2, 'EMEA', 20.50, 'open'), (3, 'APAC', 30.40, 'closed'), (4, 'APAC', 41.00, 'cancelled'),
  (6, 'AMER', 60.00, 'closed'), (7, 'AMER', 70.00, 'open')) t(id, region, amount, status)`;

const contract: Partial<ContractInput> = {
  key: ['id'],
  dimensions: ['region'],
  left: { derived: [{ name: 'status', expression: `CASE st WHEN 'C' THEN 'closed' WHEN 'O' THEN 'open' WHEN 'X' THEN 'cancelled' END` }] },
  columns: ['region', 'amount', 'status'],
};

type Row = Record<string, string | null>;
const byId = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.id, r]));

describe('annotations, their history and sign-off', async () => {
  const p = await pair(left, right);
  const all = async () => byId((await p.exceptions()).rows);

  it('compares a derived legacy column (a value map written as an expression) to the new one', async () => {
    const s = await p.run(contract);
    expect(s.columns.find((c) => c.name === 'status')?.mismatched).toBe(0);
    expect(s.rows).toMatchObject({ mismatched: 3, leftOnly: 1, rightOnly: 1 });
  });

  it('refuses a change from nobody: a profile comes first', async () => {
    const rows = await all();
    const error = await failure(p.engine.call('annotations.set', { target: { ids: [rows['2']['exception id'] as string] }, fields: { note: 'x' } }));
    expect(error.message).toBe('Set your name and role first: every change records who made it.');
    await p.engine.call('profile.set', { profile: { name: 'Ana Steward', role: 'data steward' } });
    expect(await p.engine.call('profile.get', {})).toEqual({ name: 'Ana Steward', role: 'data steward' });
  });

  it('annotates a row, a selection and a drill group, and counts them at every level', async () => {
    const rows = await all();
    const one = await p.engine.call('annotations.set', { target: { ids: [rows['2']['exception id'] as string] }, fields: { category: 'defect', note: 'rounding in the new loader', ref: 'MIG-101' } });
    expect(one).toEqual({ changed: 1, matched: 1 });
    const selection = [rows['3']['exception id'], rows['4']['exception id']] as string[];
    expect(await p.engine.call('annotations.set', { target: { ids: selection }, fields: { status: 'explained', owner: 'Ana Steward' } })).toEqual({ changed: 2, matched: 2 });
    // The APAC group: the two mismatches and the order only legacy has.
    const group = await p.engine.call('annotations.set', { target: { set: { filters: [{ dimension: 'region', value: 'APAC' }] } }, fields: { category: 'under_investigation' } });
    expect(group).toEqual({ changed: 3, matched: 3 });

    const after = await all();
    expect([after['2'].category, after['2'].note, after['2'].ticket, after['2'].status]).toEqual(['defect', 'rounding in the new loader', 'MIG-101', 'open']);
    expect([after['3'].category, after['3'].status, after['3'].owner]).toEqual(['under_investigation', 'explained', 'Ana Steward']);
    expect([after['7'].category, after['7'].explanation]).toEqual([null, 'unexplained']);
    const apac = await explanationCounts(p.engine, { filters: [{ dimension: 'region', value: 'APAC' }] });
    expect(apac.byExplanation).toMatchObject({ under_investigation: 3, unexplained: 0 });
    expect(apac.byStatus).toMatchObject({ explained: 2, open: 1, none: 0 });
    const everything = await explanationCounts(p.engine, {});
    expect(everything.byExplanation).toMatchObject({ defect: 1, under_investigation: 3, unexplained: 1 });
    // The grid filters by annotation too.
    const open = await p.exceptions({ columnFilters: [{ column: 'status', kind: 'text', conditions: [{ op: 'equals', value: 'explained' }] }] });
    expect(open.rows.map((r) => r.id).sort()).toEqual(['3', '4']);
    // Setting what is already set writes nothing.
    expect(await p.engine.call('annotations.set', { target: { ids: selection }, fields: { status: 'explained' } })).toEqual({ changed: 0, matched: 2 });
  });

  it('keeps every change in a hash-chained history; a hand edit is found and named', async () => {
    const rows = await all();
    const { annotation, history } = await p.engine.call('annotations.get', { exceptionId: rows['3']['exception id'] as string });
    expect(annotation).toMatchObject({ category: 'under_investigation', status: 'explained', updatedBy: 'Ana Steward' });
    expect(history.map((h) => [h.action, h.actor, h.role, h.before?.status ?? null, h.after?.category ?? null])).toEqual([
      ['annotate selection', 'Ana Steward', 'data steward', null, null],
      ['annotate group', 'Ana Steward', 'data steward', 'explained', 'under_investigation'],
    ]);
    expect(await p.engine.call('annotations.verify', {})).toMatchObject({ ok: true, entries: 6, brokenAt: null });

    const lane = await p.engine.workspace.db.lane('notes');
    await lane.use((c) => c.run(`UPDATE parity_history SET after_state = replace(after_state, 'rounding', 'nothing') WHERE seq = 1`));
    const broken = await p.engine.call('annotations.verify', {});
    expect(broken).toMatchObject({ ok: false, brokenAt: 1 });
    expect(broken.message).toMatch(/^History entry 1 \(annotate by Ana Steward at .+\) does not match its hash: it was changed after it was written\.$/);
    await lane.use((c) => c.run(`UPDATE parity_history SET after_state = replace(after_state, 'nothing', 'rounding') WHERE seq = 1`));
    await lane.use((c) => c.run(`DELETE FROM parity_history WHERE seq = 4`));
    expect((await p.engine.call('annotations.verify', {})).message).toBe('History entry 4 is missing: the history was cut after it was written.');
  });
});

describe('expected-difference rules', async () => {
  const p = await pair(left, right);

  it('label the exceptions their predicate holds for, and say how many each explains', async () => {
    await p.run({
      ...contract,
      rules: [
        { name: 'cents rounding', predicate: 'abs(l.amount - r.amount) < 0.5', category: 'approved_difference', reason: 'the new platform rounds per line', column: 'amount', approvedBy: 'CFO office', approvedOn: '2026-03-01' },
        { name: 'late AMER orders', predicate: `class = 'right_only' AND r.region = 'AMER'`, category: 'timing', reason: 'loaded after the cut-off' },
      ],
    });
    const rows = byId((await p.exceptions()).rows);
    expect([rows['3'].explanation, rows['3'].rule]).toEqual(['approved_difference', 'cents rounding']);
    expect([rows['2'].explanation, rows['4'].explanation, rows['7'].explanation, rows['5'].explanation]).toEqual(['unexplained', 'unexplained', 'timing', 'unexplained']);
    const counts = await explanationCounts(p.engine, {});
    expect(counts.rules).toEqual([
      { name: 'cents rounding', category: 'approved_difference', explained: 1 },
      { name: 'late AMER orders', category: 'timing', explained: 1 },
    ]);
  });

  const refused: [string, RegExp][] = [
    [`read_csv('/etc/passwd') IS NOT NULL`, /may not call read_csv\(\)\.$/],
    [`(SELECT 1) = 1`, /may use columns, constants, operators and functions, but not subquery\.$/],
    [`1; DROP TABLE x`, /must be one expression over the columns, not a query\.$|is not a valid expression/],
    [`getenv('HOME') = 'x'`, /may not call getenv\(\)\.$/],
    [`current_setting('threads') = 1`, /may not call current_setting\(\)\.$/],
    [`l.amount > (SELECT max(amount) FROM src_left)`, /but not subquery\.$/],
    [`l.nope = 1`, /uses column "l\.nope", which does not exist; the nearest is "l\.\w+"\.$/],
  ];
  for (const [predicate, message] of refused) {
    it(`refuses the predicate ${predicate} with one sentence, and nothing runs`, async () => {
      const before = await p.engine.call('compare.summary', {});
      const rule = { predicate, category: 'defect' as const, reason: 'probe' };
      const error = await failure(p.run({ ...contract, rules: [rule] }));
      expect(error.message).toMatch(/^Contract field "rules\[0\]\.predicate" /);
      expect(error.message).toMatch(message);
      const derivedError = await failure(p.run({ ...contract, left: { derived: [{ name: 'x', expression: predicate.replaceAll('l.', '').replaceAll('r.', '') }] } }));
      expect(derivedError.message).toMatch(/^Contract field "left\.derived\[0\]\.expression" /);
      expect(await p.engine.call('compare.summary', {})).toEqual(before);
    });
  }
});
