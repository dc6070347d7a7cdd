import { describe, expect, it } from 'vitest';
import { failure } from '../helpers/engine.js';
import { pair, explanationCounts } from '../helpers/compare.js';

// Enough rows that a page of exceptions is still being read when a rebuilding run starts.
const left = `SELECT i AS id, i % 7 AS region, (i * 1.25)::DECIMAL(18,2) AS amount FROM range(400000) t(i)`;
const right = `SELECT i AS id, i % 7 AS region, (i * 1.25 + CASE WHEN i % 3 = 0 THEN 0.01 ELSE 0 END)::DECIMAL(18,2) AS amount FROM range(400000) t(i)`;
const MISMATCHED = 133334;

describe('reads while a run rebuilds the tables they read', async () => {
  const p = await pair(left, right);
  const contract = { version: 1, name: 'race', key: ['id'], columns: ['amount'], dimensions: ['region'] };
  await p.engine.call('compare.run', { contract });
  const toggle = (round: number) => p.engine.call('compare.run', { contract: { ...contract, columns: [{ left: 'amount', absTol: round % 2 ? '0.001' : '0' }] }, quick: true });

  it('finish on the run they started on or wait for the next, and never start a run of their own', async () => {
    for (let round = 0; round < 3; round++) {
      // A toggle first: the page asked right after it starts its exception list.
      await toggle(round);
      const page = p.engine.call('compare.exceptions', { offset: 0, limit: 100, sort: [{ column: 'amount · diff', direction: 'desc' }] });
      const counts = explanationCounts(p.engine, { by: { dimension: 'region' } });
      const level = p.engine.call('compare.drill', { dimension: 'region', filters: [] });
      const run = p.engine.call('compare.run', { contract, rebuild: true });
      const later = p.engine.call('compare.exceptions', { offset: 0, limit: 100 });
      expect((await run).rows.mismatched).toBe(MISMATCHED);
      expect((await counts).byExplanation.unexplained).toBe(MISMATCHED);
      expect((await page).total).toBe(MISMATCHED);
      expect((await later).total).toBe(MISMATCHED);
      expect((await level).groups).toHaveLength(7);
    }
    // One recorded run per asked full run: no read started a run of its own beside the rebuild.
    expect(await p.engine.call('runs.list', {})).toHaveLength(4);
  });

  it('read the list of a toggle back, even when the listing in between was cancelled half-way', async () => {
    for (let round = 0; round < 5; round++) {
      await toggle(1);
      await p.engine.call('compare.exceptions', { offset: 0, limit: 10 });
      // A page after the toggle away starts its listing; the toggle back cancels it at once.
      await p.engine.call('compare.run', { contract: { ...contract, columns: [{ left: 'amount', absTol: '0.01' }] }, quick: true });
      const away = p.engine.call('compare.exceptions', { offset: 0, limit: 10 });
      await toggle(1);
      // The page asked of the toggle away is answered from the run that replaced it, never "cancelled".
      expect((await away).total).toBe(MISMATCHED);
      expect((await explanationCounts(p.engine, {})).byExplanation.unexplained).toBe(MISMATCHED);
      expect((await p.engine.call('compare.exceptions', { offset: 0, limit: 10 })).total).toBe(MISMATCHED);
    }
  });

  it("gives the Results page's counts for the toggle the analyst stays on", async () => {
    await toggle(1);
    // Toggled to a tolerance that accepts every difference, counts asked, and toggled back at once.
    await p.engine.call('compare.run', { contract: { ...contract, columns: [{ left: 'amount', absTol: '0.01' }] }, quick: true });
    const counts = p.engine.call('annotations.counts', { lazy: true });
    await toggle(1);
    expect((await counts)?.byExplanation.unexplained).toBe(MISMATCHED);
    // Left alone on a toggle, its counts come too.
    await p.engine.call('compare.run', { contract: { ...contract, columns: [{ left: 'amount', absTol: '0.01' }] }, quick: true });
    expect((await p.engine.call('annotations.counts', { lazy: true }))?.byExplanation.unexplained).toBe(0);
  });

  it('after a cancelled rebuild, read the run before it', async () => {
    await toggle(1);
    const controller = new AbortController();
    const run = p.engine.call('compare.run', { contract, rebuild: true }, { signal: controller.signal, onProgress: (x) => x.fraction !== null && x.fraction > 0.1 && controller.abort() });
    const during = explanationCounts(p.engine, {});
    expect((await failure(run)).code).toBe('cancelled');
    expect((await during).byExplanation.unexplained).toBe(MISMATCHED);
    expect((await p.engine.call('compare.exceptions', { offset: 0, limit: 10 })).total).toBe(MISMATCHED);
  });

  it('shows counts lazily: none while no run is open, without opening one', async () => {
    const controller = new AbortController();
    const cancelled = p.engine.call('compare.run', { contract, rebuild: true }, { signal: controller.signal, onProgress: (x) => x.fraction !== null && x.fraction > 0.1 && controller.abort() });
    expect((await failure(cancelled)).code).toBe('cancelled');
    expect(await p.engine.call('annotations.counts', { lazy: true })).toBeNull();
    // Asking lazily did not open the run meanwhile.
    expect(await p.engine.call('annotations.counts', { lazy: true, by: { dimension: 'region' } })).toBeNull();
    // Asked for in earnest, the counts open the run (the saved contract) first.
    expect((await explanationCounts(p.engine)).byExplanation.unexplained).toBe(MISMATCHED);
    expect(await p.engine.call('annotations.counts', { lazy: true })).not.toBeNull();
  });
});
