import { describe, expect, it } from 'vitest';
import { decodePage } from '../../shared/arrow-cells.js';
import { column, pair } from '../helpers/compare.js';

describe('text', () => {
  it('trims and ignores case per column when asked, and maps legacy codes to new values', async () => {
    const p = await pair(
      `SELECT * FROM (VALUES (1, ' Closed ', 'C'), (2, 'OPEN', 'O'), (3, 'x', 'Z')) t(id, label, status)`,
      `SELECT * FROM (VALUES (1, 'closed', 'closed'), (2, 'open', 'open'), (3, 'x', 'Z')) t(id, label, status)`,
    );
    const strict = await p.run({ key: ['id'] });
    expect(column(strict, 'label')?.mismatched).toBe(2);
    expect(column(strict, 'status')?.mismatched).toBe(2);
    const loose = await p.run({
      key: ['id'],
      columns: [{ left: 'label', trim: true, ignoreCase: true }, { left: 'status', valueMap: { C: 'closed', O: 'open' } }],
    });
    expect(loose.rebuilt).toBe(false);
    expect(column(loose, 'label')?.mismatched).toBe(0);
    expect(column(loose, 'status')?.mismatched).toBe(0);
    expect(loose.rows.equal).toBe(3);
  });
});

describe('time zones', () => {
  // New York, 2026-03-08: 02:00–03:00 does not exist. 2025-11-02: 01:00–02:00 happens twice.
  const legacy = `SELECT * FROM (VALUES
      (1, TIMESTAMP '2026-01-15 09:00:00'),
      (2, TIMESTAMP '2026-03-08 02:30:00'),
      (3, TIMESTAMP '2025-11-02 01:30:00'),
      (4, TIMESTAMP '2026-07-01 12:00:00')) t(id, ts)`;
  const fresh = `SELECT * FROM (VALUES
      (1, TIMESTAMPTZ '2026-01-15 14:00:00+00'),
      (2, TIMESTAMPTZ '2026-03-08 07:30:00+00'),
      (3, TIMESTAMPTZ '2025-11-02 05:30:00+00'),
      (4, TIMESTAMPTZ '2026-07-01 16:00:10+00')) t(id, ts)`;

  it('reads naive legacy times as New York local time, counting the DST gap and the fall-back overlap', async () => {
    const p = await pair(legacy, fresh);
    const s = await p.run({ key: ['id'], left: { timezone: { kind: 'local', zone: 'America/New_York' } } });
    // 1: EST 09:00 = 14:00Z equal. 2: the gap, read with the offset before (EST) = 07:30Z, equal.
    // 3: ambiguous, read as the later EST occurrence = 06:30Z ≠ 05:30Z (the new side chose EDT). 4: 10 s off.
    expect(column(s, 'ts')).toMatchObject({ mismatched: 2, maxAbsDiff: '3600' });
    expect(s.dst.left).toEqual([{ column: 'ts', zoneRule: 'America/New_York', nonexistent: 1, ambiguous: 1, unmapped: 0 }]);
    const gap = decodePage((await p.engine.call('compare.dst', { side: 'left', column: 'ts', edge: 'nonexistent', offset: 0, limit: 10 })).arrow);
    expect(gap.rows).toEqual([['2', '2026-03-08 02:30:00', 'America/New_York', '2026-03-08 07:30:00+00']]);
    const overlap = decodePage((await p.engine.call('compare.dst', { side: 'left', column: 'ts', edge: 'ambiguous', offset: 0, limit: 10 })).arrow);
    expect(overlap.rows.map((r) => r[0])).toEqual(['3']);
  });

  it('accepts a difference within the tolerance in seconds, and without a zone rule compares as written', async () => {
    const p = await pair(legacy, fresh);
    const tolerant = await p.run({ key: ['id'], left: { timezone: { kind: 'local', zone: 'America/New_York' } }, columns: [{ left: 'ts', toleranceSeconds: 10 }] });
    expect(column(tolerant, 'ts')).toMatchObject({ mismatched: 1, withinTolerance: 1 });
    const asWritten = await p.run({ key: ['id'] });
    expect(column(asWritten, 'ts')?.mismatched).toBe(4);
    expect(asWritten.rebuilt).toBe(false);
  });

  it('chooses the zone per row through a column and a mapping, and counts values the mapping does not name', async () => {
    const p = await pair(
      `SELECT * FROM (VALUES (1, 'LAX', TIMESTAMP '2001-04-01 02:10:00'), (2, 'IND', TIMESTAMP '2001-06-01 12:00:00'), (3, 'JFK', TIMESTAMP '2001-06-01 12:00:00'), (4, 'XXX', TIMESTAMP '2001-06-01 12:00:00')) t(id, origin, dep)`,
      `SELECT * FROM (VALUES (1, 'LAX', TIMESTAMPTZ '2001-04-01 10:10:00+00'), (2, 'IND', TIMESTAMPTZ '2001-06-01 17:00:00+00'), (3, 'JFK', TIMESTAMPTZ '2001-06-01 16:00:00+00'), (4, 'XXX', TIMESTAMPTZ '2001-06-01 12:00:00+00')) t(id, origin, dep)`,
    );
    const s = await p.run({
      key: ['id'],
      left: { timezone: { kind: 'perRow', column: 'origin', zones: { LAX: 'America/Los_Angeles', IND: 'America/Indiana/Indianapolis', JFK: 'America/New_York' } } },
    });
    // Indianapolis kept standard time all year in 2001: 12:00 local = 17:00Z. LAX 02:10 on 2001-04-01 did not exist.
    expect(column(s, 'dep')).toMatchObject({ mismatched: 0, nullDifferences: 1 });
    expect(s.dst.left[0]).toMatchObject({ nonexistent: 1, ambiguous: 0, unmapped: 1 });
    // Row detail names the zone each row was read in (its own, by the row's zone code), and the gap.
    const zoneOf = async (id: string) => (await p.engine.call('compare.row', { key: [id] })).cells.find((c) => c.column === 'dep')?.zone;
    expect(await zoneOf('1')).toEqual({ left: 'America/Los_Angeles', right: null, leftEdge: 'nonexistent', rightEdge: null });
    expect(await zoneOf('2')).toEqual({ left: 'America/Indiana/Indianapolis', right: null, leftEdge: null, rightEdge: null });
    expect(await zoneOf('4')).toEqual({ left: 'unmapped', right: null, leftEdge: null, rightEdge: null });
    const mapped = await p.run({
      key: ['id'],
      left: { timezone: { kind: 'perRow', column: 'origin', zones: { LAX: 'America/Los_Angeles', IND: 'America/Indiana/Indianapolis', JFK: 'America/New_York' }, fallback: 'UTC' } },
    });
    expect(column(mapped, 'dep')).toMatchObject({ mismatched: 0, nullDifferences: 0 });
    expect(mapped.rebuilt).toBe(false);
  });

  it('buckets dates in the reporting zone', async () => {
    const p = await pair(
      `SELECT * FROM (VALUES (1, TIMESTAMPTZ '2026-01-31 20:00:00+00', 10.00::DECIMAL(18,2))) t(id, "at", amount)`,
      `SELECT * FROM (VALUES (1, TIMESTAMPTZ '2026-01-31 20:00:00+00', 10.00::DECIMAL(18,2))) t(id, "at", amount)`,
    );
    const contract = { key: ['id'], dimensions: [{ name: 'month', left: 'at', grain: 'month' as const }], measures: [{ fn: 'sum' as const, left: 'amount' }] };
    await p.run({ ...contract, reportingZone: 'UTC' });
    expect((await p.engine.call('compare.drill', { dimension: 'month' })).groups.map((g) => g.value)).toEqual(['2026-01-01']);
    await p.run({ ...contract, reportingZone: 'Asia/Tokyo' });
    expect((await p.engine.call('compare.drill', { dimension: 'month' })).groups.map((g) => g.value)).toEqual(['2026-02-01']);
  });
});

describe('timing', () => {
  const asOf = '2026-04-01T00:00:00Z';
  it('calls a one-sided row younger than the window timing, and one exactly at the window edge a defect', async () => {
    const p = await pair(
      `SELECT * FROM (VALUES (1, TIMESTAMPTZ '2026-03-30 00:00:00+00')) t(id, "at")`,
      `SELECT * FROM (VALUES (1, TIMESTAMPTZ '2026-03-30 00:00:00+00'), (2, TIMESTAMPTZ '2026-03-31 18:00:00+00'), (3, TIMESTAMPTZ '2026-03-31 18:00:01+00'), (4, TIMESTAMPTZ '2026-03-31 23:59:59+00'), (5, TIMESTAMPTZ '2026-02-01 00:00:00+00')) t(id, "at")`,
    );
    const s = await p.run({ key: ['id'], timing: { left: 'at', right: 'at', asOf, window: '6h' } });
    expect(s.rows).toMatchObject({ matched: 1, timing: 2, rightOnly: 2, leftOnly: 0 });
    const timing = await p.exceptions({ classes: ['timing'] });
    expect(timing.rows.map((r) => r.id).sort()).toEqual(['3', '4']);
    const wider = await p.run({ key: ['id'], timing: { left: 'at', right: 'at', asOf, window: '7h' } });
    expect(wider.rows).toMatchObject({ timing: 3, rightOnly: 1 });
    expect(wider.rebuilt).toBe(false);
  });
});

describe('dates, booleans and calendar grains', () => {
  it('compares dates by day and booleans through a value map', async () => {
    const p = await pair(
      `SELECT * FROM (VALUES (1, DATE '2026-01-01', 'Y'), (2, DATE '2026-01-02', 'N'), (3, DATE '2026-01-03', 'Y')) t(id, d, active)`,
      `SELECT * FROM (VALUES (1, DATE '2026-01-01', true), (2, DATE '2026-01-05', false), (3, DATE '2026-01-03', false)) t(id, d, active)`,
    );
    const s = await p.run({ key: ['id'], columns: ['d', { left: 'active', kind: 'boolean', valueMap: { Y: 'true', N: 'false' } }] });
    expect(column(s, 'd')).toMatchObject({ kind: 'date', mismatched: 1, maxAbsDiff: '3' });
    expect(column(s, 'active')).toMatchObject({ kind: 'boolean', mismatched: 1 });
  });

  it('rolls days up into ISO weeks and quarters', async () => {
    const rows = `SELECT * FROM (VALUES (1, DATE '2026-03-29', 1), (2, DATE '2026-03-30', 1), (3, DATE '2026-04-01', 1)) t(id, d, n)`;
    const p = await pair(rows, rows);
    await p.run({ key: ['id'], dimensions: [{ name: 'when', left: 'd', grain: 'week' }] });
    const weeks = await p.engine.call('compare.drill', { dimension: 'when' });
    expect(weeks.groups.map((g) => [g.value, g.leftRows]).sort()).toEqual([['2026-03-23', 1], ['2026-03-30', 2]]);
    const quarters = await p.engine.call('compare.drill', { dimension: 'when', grain: 'quarter' });
    expect(quarters.groups.map((g) => [g.value, g.leftRows]).sort()).toEqual([['2026-01-01', 2], ['2026-04-01', 1]]);
  });
});
