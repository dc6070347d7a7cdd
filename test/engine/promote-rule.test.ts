import { describe, expect, it } from 'vitest';
import type { ContractInput } from '../../shared/contract.js';
import { groupName, groupPredicate } from '../../shared/rules.js';
import { failure } from '../helpers/engine.js';
import { pair, explanationCounts } from '../helpers/compare.js';

// March and April in New York (the reporting zone): order 3 is 01:30 UTC on 1 April, which is still March there.
const left = `SELECT * FROM (VALUES
  (1, 'APAC', TIMESTAMPTZ '2026-03-05 10:00:00+00', 10.00::DECIMAL(18,2)),
  (2, 'APAC', TIMESTAMPTZ '2026-03-20 10:00:00+00', 20.00),
  (3, 'APAC', TIMESTAMPTZ '2026-04-01 01:30:00+00', 30.00),
  (4, 'APAC', TIMESTAMPTZ '2026-04-10 10:00:00+00', 40.00),
  (5, 'EMEA', TIMESTAMPTZ '2026-03-05 10:00:00+00', 50.00),
  (6, 'O''Hare "x"', TIMESTAMPTZ '2026-03-05 10:00:00+00', 60.00)) t(id, region, ts, amount)`;
const right = `SELECT id, region, ts, amount + 1 AS amount FROM (${left})`;

const contract: Partial<ContractInput> = {
  key: ['id'],
  columns: ['amount'],
  dimensions: ['region', { left: 'ts', name: 'order date', grain: 'month' }],
  reportingZone: 'America/New_York',
};
const temporal = new Set(['order date']);

describe('a drill group promoted into a rule', async () => {
  const p = await pair(left, right);
  await p.run(contract);
  await p.engine.call('profile.set', { profile: { name: 'Ana Steward', role: 'data steward' } });
  const apacMarch = [
    { dimension: 'region', value: 'APAC' },
    { dimension: 'order date', value: '2026-03-01', grain: 'month' as const },
  ];

  it('counts the groups of a drill level by how many are still unexplained', async () => {
    await p.engine.call('annotations.set', { target: { set: { filters: [{ dimension: 'region', value: 'EMEA' }] } }, fields: { category: 'defect' } });
    const byMonth = await explanationCounts(p.engine, { filters: [{ dimension: 'region', value: 'APAC' }], by: { dimension: 'order date', grain: 'month' } });
    expect(byMonth.groups.sort((a, b) => String(a.value).localeCompare(String(b.value)))).toEqual([
      { value: '2026-03-01', total: 3, unexplained: 3 },
      { value: '2026-04-01', total: 1, unexplained: 1 },
    ]);
    const byRegion = await explanationCounts(p.engine, { by: { dimension: 'region' } });
    expect(byRegion.groups.find((g) => g.value === 'EMEA')).toEqual({ value: 'EMEA', total: 1, unexplained: 0 });
    const error = await failure(explanationCounts(p.engine, { by: { dimension: 'regoin' } }));
    expect(error.message).toBe('The contract has no dimension "regoin"; the nearest is "region".');
  });

  it('explains exactly the group, month boundaries taken in the reporting zone, with odd names quoted', async () => {
    const predicate = groupPredicate(apacMarch, temporal);
    expect(predicate).toBe(`d."region" = 'APAC' AND date_trunc('month', d."order date") = DATE '2026-03-01'`);
    expect(groupName(apacMarch)).toBe('region APAC · order date (month) 2026-03-01');
    const odd = groupPredicate([{ dimension: 'region', value: `O'Hare "x"` }], temporal);
    await p.run({
      ...contract,
      rules: [
        { name: 'APAC March', predicate, category: 'approved_difference', reason: 'new FX rates from March', column: 'amount' },
        { name: 'odd', predicate: odd, category: 'timing', reason: 'quoted names survive' },
      ],
    });
    const { rows } = await p.exceptions();
    const rule = Object.fromEntries(rows.map((r) => [r.id, r.rule]));
    expect(rule).toEqual({ '1': 'APAC March', '2': 'APAC March', '3': 'APAC March', '4': null, '5': null, '6': 'odd' });
    const counts = await explanationCounts(p.engine, {});
    expect(counts.rules.map((r) => r.explained)).toEqual([3, 1]);
    // The EMEA annotation carried over the re-run; the person's word comes before a rule's.
    expect(counts.byExplanation).toMatchObject({ approved_difference: 3, timing: 1, defect: 1, unexplained: 1 });
  });

  it('filters the exception list by explanation and by annotation status', async () => {
    expect((await p.exceptions({ explanations: ['unexplained'] })).rows.map((r) => r.id)).toEqual(['4']);
    expect((await p.exceptions({ statuses: ['open'] })).rows.map((r) => r.id)).toEqual(['5']);
    expect((await p.exceptions({ statuses: ['none'], explanations: ['timing'] })).rows.map((r) => r.id)).toEqual(['6']);
  });

  it('refuses a dimension the contract does not have, naming the nearest', async () => {
    const error = await failure(p.run({ ...contract, rules: [{ predicate: `d.regoin = 'APAC'`, category: 'defect', reason: 'x' }] }));
    expect(error.message).toBe('Contract field "rules[0].predicate" uses column "d.regoin", which does not exist; the nearest is "d.region".');
  });

  it('refuses to annotate identities that are not exceptions of the current run', async () => {
    const { rows } = await p.exceptions();
    const error = await failure(p.engine.call('annotations.set', { target: { ids: [rows[0]['exception id'] as string, 'f'.repeat(32)] }, fields: { note: 'x' } }));
    expect(error.message).toBe('1 of the 2 exceptions named are not in the current run; run the comparison again and pick them afresh.');
    expect((await p.engine.call('annotations.get', { exceptionId: rows[0]['exception id'] as string })).annotation?.note ?? '').toBe('');
  });
});
