import { describe, expect, it } from 'vitest';
import type { ContractInput } from '../../shared/contract.js';
import { failure, openEngine } from '../helpers/engine.js';
import { parquet } from '../helpers/compare.js';
import { decodePage } from '../../shared/arrow-cells.js';

// Three nightly extracts of the same pair. Night 1: orders 2 and 3 differ, 5 only in legacy.
// Night 2: 3 is fixed, 5 arrived, 8 now differs. Night 3: 2 is fixed too.
const nights = [
  { left: [[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]], right: [[1, 10], [2, 21], [3, 31], [4, 40]] },
  { left: [[1, 10], [2, 20], [3, 30], [4, 40], [5, 50], [8, 80]], right: [[1, 10], [2, 21], [3, 30], [4, 40], [5, 50], [8, 81]] },
  { left: [[1, 10], [2, 20], [3, 30], [4, 40], [5, 50], [8, 80]], right: [[1, 10], [2, 20], [3, 30], [4, 40], [5, 50], [8, 81]] },
];
const values = (rows: number[][]) => `SELECT * FROM (VALUES ${rows.map(([k, v]) => `(${k}, ${v}.00::DECIMAL(18,2))`).join(', ')}) t(id, amount)`;
const contract: ContractInput = { version: 1, name: 'Nightly orders', key: ['id'], columns: ['amount'] };

describe('annotations carry over from run to run', async () => {
  const { engine, dir } = await openEngine();
  await engine.call('profile.set', { profile: { name: 'Bo Analyst', role: 'finance analyst' } });
  const night = async (n: number) => {
    await engine.call('sources.import', { side: 'left', inputs: [await parquet(dir, values(nights[n].left))] });
    await engine.call('sources.import', { side: 'right', inputs: [await parquet(dir, values(nights[n].right))] });
    await engine.call('compare.run', { contract });
  };
  const rows = async () => {
    const page = await engine.call('compare.exceptions', { offset: 0, limit: 100 });
    const d = decodePage(page.arrow);
    return Object.fromEntries(d.rows.map((r) => [r[1], Object.fromEntries(d.columns.map((c, i) => [c.name, r[i]]))])) as Record<string, Record<string, string | null>>;
  };

  it('by exception identity, resolving what disappeared and ageing what stays open, across three runs', async () => {
    await night(0);
    const first = await rows();
    expect(Object.keys(first).sort()).toEqual(['2', '3', '5']);
    await engine.call('annotations.set', { target: { ids: [first['2']['exception id'], first['3']['exception id']] as string[] }, fields: { category: 'defect', ref: 'MIG-7' } });
    await engine.call('annotations.set', { target: { ids: [first['5']['exception id'] as string] }, fields: { category: 'timing', status: 'explained' } });

    await night(1);
    const second = await rows();
    expect(Object.keys(second).sort()).toEqual(['2', '8']);
    // Same exception, same identity: the note is still there and it has been seen twice, since run 1.
    expect(second['2']['exception id']).toBe(first['2']['exception id']);
    expect([second['2'].category, second['2'].ticket, second['2']['runs seen']]).toEqual(['defect', 'MIG-7', '2']);
    expect(second['8'].category).toBeNull();
    expect(second['8']['runs seen']).toBe('1');
    // 3 and 5 are gone: their annotations say resolved, with Parity's own history entry.
    for (const gone of ['3', '5']) {
      const { annotation, history } = await engine.call('annotations.get', { exceptionId: first[gone]['exception id'] as string });
      expect(annotation?.status).toBe('resolved');
      expect(history.at(-1)).toMatchObject({ action: 'resolved: not seen in run 2', actor: 'Parity', before: { status: gone === '3' ? 'open' : 'explained' }, after: { status: 'resolved' } });
    }

    await night(2);
    const third = await rows();
    expect(Object.keys(third)).toEqual(['8']);
    expect(third['8']['runs seen']).toBe('2');
    expect(third['8']['first seen']).toBe(second['8']['first seen']);
    const runs = await engine.call('runs.list', {});
    expect(runs.map((r) => [r.id, r.exceptions, r.resolved])).toEqual([[1, 3, 0], [2, 2, 2], [3, 1, 1]]);
    expect((await engine.call('annotations.get', { exceptionId: first['2']['exception id'] as string })).annotation?.status).toBe('resolved');
    expect((await engine.call('annotations.verify', {})).ok).toBe(true);
  });

  it('signs off only when every exception is explained, or with a recorded override; a signed-off run is frozen', async () => {
    const open = await rows();
    // A toggle's counts are a what-if, not the recorded run: nothing is signed off on them.
    await engine.call('compare.run', { contract: { ...contract, columns: [{ left: 'amount', absTol: '1' }] }, quick: true });
    expect((await failure(engine.call('runs.signOff', { statement: 'March close is reconciled.' }))).message).toBe(
      'The counts on screen come from toggles not yet recorded as a run; run the comparison again to record them, then sign off.',
    );
    // Toggled back to exactly the recorded run's contract, the counts are that run's again.
    expect((await engine.call('compare.run', { contract, quick: true })).recorded).toBe(true);
    // A tolerance of zero is none: toggled to it, the counts are still the recorded run's.
    expect((await engine.call('compare.run', { contract: { ...contract, columns: [{ left: 'amount', absTol: '0.00' }] }, quick: true })).recorded).toBe(true);
    const refused = await failure(engine.call('runs.signOff', { statement: 'March close is reconciled.' }));
    expect(refused.message).toBe('1 exception is still unexplained; explain them, or sign off with an override and its reason.');
    const signed = await engine.call('runs.signOff', { statement: 'March close is reconciled.', override: 'Order 8 is a test order, removed in April.' });
    expect(signed.signOff).toMatchObject({ name: 'Bo Analyst', role: 'finance analyst', unexplained: 1, override: 'Order 8 is a test order, removed in April.' });
    const frozen = await failure(engine.call('annotations.set', { target: { ids: [open['8']['exception id'] as string] }, fields: { note: 'late edit' } }));
    expect(frozen.message).toMatch(/^Run 3 was signed off by Bo Analyst on \d{4}-\d\d-\d\d and is frozen; run the contract again to change its annotations\.$/);
    expect((await failure(engine.call('runs.signOff', { statement: 'again' }))).message).toMatch(/^Run 3 is already signed off by Bo Analyst/);
    // The next run is open again; the sign-off stays in the chained history.
    await engine.call('compare.run', { contract });
    expect(await engine.call('annotations.set', { target: { ids: [open['8']['exception id'] as string] }, fields: { category: 'data_quality' } })).toEqual({ changed: 1, matched: 1 });
    const check = await engine.call('annotations.verify', {});
    expect(check.ok).toBe(true);
  });
});
