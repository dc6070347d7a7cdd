/**
 * An exception list the analyst sorts or pages through is kept in its order (sorted-listings.ts): its
 * pages then come from the kept list, and must be exactly the pages sorted out of the exceptions each time,
 * at every offset, sort and header filter; a run that changes the exceptions leaves no kept list behind.
 */
import { describe, expect, it } from 'vitest';
import type { ContractInput } from '../../shared/contract.js';
import { pair } from '../helpers/compare.js';

// 3,000 orders; a third of the amounts differ (by amounts that tie, so the tie-breaker matters), some regions too.
const left = `SELECT range AS id, ['EU', 'US', 'APAC'][range % 3 + 1] AS region, (range * 1.25)::DECIMAL(18,2) AS amount FROM range(3000)`;
const right = `SELECT id, CASE WHEN id % 11 = 0 THEN 'LATAM' ELSE region END AS region,
  CASE WHEN id % 3 = 0 THEN amount + ((id % 7) * 0.01)::DECIMAL(18,2) ELSE amount END AS amount FROM (${left})`;
const exact: Partial<ContractInput> = { key: ['id'], columns: ['region', { left: 'amount', absTol: '0' }], dimensions: ['region'] };
const cents: Partial<ContractInput> = { ...exact, columns: ['region', { left: 'amount', absTol: '0.03' }] };

const views = [
  { sort: [{ column: 'amount · diff', direction: 'desc' }] },
  { sort: [{ column: 'id', direction: 'asc' }] },
  { sort: [{ column: 'region · new', direction: 'asc' }, { column: 'amount · diff', direction: 'asc' }], columnFilters: [{ column: 'region · legacy', kind: 'text', conditions: [{ op: 'equals', value: 'EU' }] }] },
  { classes: ['mismatch'] },
];

describe('kept sorted lists', async () => {
  const p = await pair(left, right);
  await p.run(exact);
  const lane = await p.engine.workspace.db.lane('meta');
  const keptTables = async () => (await lane.use((c) => c.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'sorted_listing_%' ORDER BY table_name`))).getRowsJS().map((r) => String(r[0]));
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await check()).toBe(true);
  };
  const pageOf = (view: Record<string, unknown>, offset: number) => p.exceptions({ ...view, offset, limit: 100 });

  it('pages a sorted list from its kept copy exactly as from the exceptions', async () => {
    for (const view of views) {
      const before = await keptTables();
      // Paging past the first block (or sorting) has the list kept; until it is, pages are sorted out each time.
      const expected = [];
      for (const offset of [0, 100, 450, 900]) expected.push(await pageOf(view, offset));
      await until(async () => (await keptTables()).length > before.length || before.length >= 3);
      for (const [i, offset] of [0, 100, 450, 900].entries()) expect(await pageOf(view, offset)).toEqual(expected[i]);
      expect(expected[0].rows.length).toBeGreaterThan(0);
      // The history across runs is on every row (the kept list carries it).
      expect(expected[0].rows[0]['runs seen']).toBe('1');
    }
  });

  it('reads the kept copy once it is made', async () => {
    const view = views[0];
    const first = (await pageOf(view, 0)).rows[0];
    // Marking the kept copies shows through: the page came from one, not from the exceptions.
    for (const table of await keptTables()) await lane.use((c) => c.run(`UPDATE parity_run.${table} SET k0 = -1 WHERE _pos = 0 AND k0 = ${Number(first.id)}`));
    const marked = (await pageOf(view, 0)).rows[0];
    expect(marked.id).toBe('-1');
    expect({ ...marked, id: first.id }).toEqual(first);
  });

  it('drops the kept lists when a run changes the exceptions, and pages the new ones', async () => {
    expect((await keptTables()).length).toBeGreaterThan(0);
    const summary = await p.engine.call('compare.run', { contract: { version: 1, name: 'test', ...cents }, quick: true });
    const page = await pageOf(views[3], 0);
    expect(page.total).toBe(summary.rows.mismatched);
    await until(async () => (await keptTables()).length === 0);
    // The new list is kept in turn, and its pages still match what the exceptions give.
    const deep = await pageOf(views[0], 300);
    await until(async () => (await keptTables()).length === 1);
    expect(await pageOf(views[0], 300)).toEqual(deep);
  });

  it('shows an annotation made after the list was kept on its row', async () => {
    const before = await keptTables();
    await pageOf(views[1], 300);
    // A list kept anew shows as a table of a new name (the oldest may be dropped for it).
    await until(async () => (await keptTables()).some((t) => !before.includes(t)));
    const row = (await pageOf(views[1], 300)).rows[7];
    expect(row.note).toBeNull();
    await p.engine.call('profile.set', { profile: { name: 'Ana Steward', role: 'data steward' } });
    await p.engine.call('annotations.set', { target: { ids: [row['exception id'] as string] }, fields: { note: 'loader rounding', status: 'explained' } });
    const after = (await pageOf(views[1], 300)).rows;
    expect(after[7]).toMatchObject({ id: row.id, note: 'loader rounding', status: 'explained' });
    expect(after.filter((r) => r.note !== null)).toHaveLength(1);
  });

  it('shows the history of a run recorded after the list was kept', async () => {
    await p.run(exact);
    await pageOf(views[1], 200);
    await until(async () => (await keptTables()).length === 1);
    expect((await pageOf(views[1], 200)).rows.map((r) => r['runs seen'])).toEqual(Array(100).fill('2'));
    await p.run(exact);
    await pageOf(views[1], 200);
    await until(async () => (await keptTables()).length === 1);
    expect((await pageOf(views[1], 200)).rows.map((r) => r['runs seen'])).toEqual(Array(100).fill('3'));
  });
});
