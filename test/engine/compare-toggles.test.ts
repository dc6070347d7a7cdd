import { describe, expect, it } from 'vitest';
import type { CompareSummary } from '../../shared/compare.js';
import type { ContractInput } from '../../shared/contract.js';
import { pair } from '../helpers/compare.js';

// Local wall-clock times in three zones on the legacy side, UTC instants on the new side; some amounts off by a cent.
const rows = `SELECT range AS id, ['LAX', 'JFK', 'LHR'][range % 3 + 1] AS origin,
  TIMESTAMP '2026-03-01 00:00:00' + to_minutes(range * 37) AS local_ts,
  (range * 1.25)::DECIMAL(18,2) AS amount FROM range(3000)`;
const zones = { LAX: 'America/Los_Angeles', JFK: 'America/New_York', LHR: 'Europe/London' };
const right = `SELECT id, origin, timezone(CASE origin WHEN 'LAX' THEN 'America/Los_Angeles' WHEN 'JFK' THEN 'America/New_York' ELSE 'Europe/London' END, local_ts) AS local_ts,
  CASE WHEN id % 7 = 0 THEN amount + 0.01 ELSE amount END AS amount FROM (${rows})`;

// A date dimension read through the zone rule: the cube side must follow each toggle too.
const shape: Partial<ContractInput> = { key: ['id'], dimensions: ['origin', { left: 'local_ts', grain: 'day' }], measures: [{ fn: 'sum', left: 'amount' }] };
const perRow: Partial<ContractInput> = { ...shape, left: { timezone: { kind: 'perRow', column: 'origin', zones } } };
const instant: Partial<ContractInput> = { ...shape, left: { timezone: { kind: 'instant' } } };
const cents = (c: Partial<ContractInput>): Partial<ContractInput> => ({ ...c, columns: ['origin', 'local_ts', { left: 'amount', absTol: '0.01' }] });
const perRowCents = cents(perRow);
const instantCents = cents(instant);

const counts = (s: CompareSummary) => ({ rows: s.rows, columns: s.columns.map((c) => [c.name, c.mismatched, c.withinTolerance, c.nullDifferences, c.maxAbsDiff]) });

describe('quick toggles give exactly what a full run gives', async () => {
  const p = await pair(rows, right);
  const full = async (c: Partial<ContractInput>) => counts(await p.engine.call('compare.run', { contract: { version: 1, name: 'test', ...c }, rebuild: true }));
  const quick = async (c: Partial<ContractInput>) => counts(await p.engine.call('compare.run', { contract: { version: 1, name: 'test', ...c }, quick: true }));

  it('back and forth between zone rules and tolerances, and the exception list follows', async () => {
    const expected = new Map<Partial<ContractInput>, ReturnType<typeof counts>>();
    for (const c of [perRow, instant, perRowCents, instantCents]) expected.set(c, await full(c));
    // Sanity: the per-row rule explains every timestamp difference; read as written, all but London's winter differ.
    expect(expected.get(perRow)?.columns.find(([n]) => n === 'local_ts')?.[1]).toBe(0);
    expect(expected.get(instant)?.columns.find(([n]) => n === 'local_ts')?.[1]).toBeGreaterThan(2000);

    await full(perRow);
    for (const c of [instant, perRow, instant, perRow, perRowCents, instantCents, instant, perRow]) {
      expect(await quick(c)).toEqual(expected.get(c));
      // The same question of each toggle's list (its count is remembered per list, never across lists).
      expect((await p.exceptions({ classes: ['mismatch'], limit: 1 })).total).toBe(expected.get(c)?.rows.mismatched);
    }
    // Each quick toggle cancelled the previous one's background listing; what is left is the last rule's.
    const byDay = () => p.engine.call('compare.drill', { dimension: 'local_ts', grain: 'day', filters: [{ dimension: 'origin', value: 'LAX' }] });
    const afterToggles = await byDay();
    await full(perRow);
    expect(afterToggles).toEqual(await byDay());
    expect(afterToggles.groups.length).toBeGreaterThan(10);
    const mismatches = await p.exceptions({ classes: ['mismatch'], limit: 5000 });
    expect(mismatches.total).toBe(expected.get(perRow)?.rows.mismatched);
    expect(new Set(mismatches.rows.map((r) => r['differing columns']))).toEqual(new Set(['amount']));
  });
});
