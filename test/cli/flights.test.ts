import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompareSummary } from '../../shared/compare.js';
import { AIRPORT_ZONES, writeFlightsPair, type FlightsPair } from '../helpers/flights.js';
import { tempFolder } from '../helpers/temp.js';
import { parity } from '../helpers/cli.js';

function compare(contract: object, dir: string, name: string): { code: number | null; summary: CompareSummary; stderr: string } {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(contract, null, 2));
  const r = parity('compare', '--contract', file, '--json');
  return { code: r.code, summary: r.code === 2 ? (null as never) : JSON.parse(r.stdout), stderr: r.stderr };
}

describe('3M real US flights: local departure times against a UTC extract', () => {
  const dir = tempFolder();
  let pair: FlightsPair;
  const contract = (timezone: object) => ({
    version: 1,
    name: 'Flights 2001 H1',
    left: { source: 'flights_legacy.parquet', timezone },
    right: { source: 'flights_new_utc.parquet', timezone: { kind: 'instant' } },
    key: ['flight_id'],
    columns: ['date', 'delay', 'distance', 'origin', 'destination'],
    slo: { minMatchRate: 0.99 },
  });

  beforeAll(async () => {
    pair = await writeFlightsPair(dir);
  });

  it('reports exactly the seeded differences with the per-origin zone rule', () => {
    const { code, summary } = compare(contract({ kind: 'perRow', column: 'origin', zonesFile: AIRPORT_ZONES }), dir, 'per-origin.json');
    expect(code).toBe(0);
    const { seeds } = pair;
    expect(summary.left.rows).toBe(pair.rows);
    expect(summary.right.rows).toBe(pair.rows - seeds.dropped);
    expect(summary.rows).toMatchObject({
      matched: pair.rows - seeds.dropped,
      leftOnly: seeds.dropped,
      rightOnly: 0,
      mismatched: seeds.delayChanged + seeds.distanceRounded,
      duplicateKeysLeft: 0,
      nullKeysLeft: 0,
    });
    const col = (n: string) => summary.columns.find((c) => c.name === n);
    expect(col('date')).toMatchObject({ mismatched: 0, nullDifferences: 0 });
    expect(col('delay')).toMatchObject({ mismatched: seeds.delayChanged, maxAbsDiff: '5' });
    expect(col('distance')?.mismatched).toBe(seeds.distanceRounded);
    // The LAX departure at 02:10 on 2001-04-01 did not exist in Los Angeles: counted, not dropped.
    expect(seeds.nonexistentLocalTimes).toBeGreaterThanOrEqual(1);
    expect(summary.dst.left).toEqual([{ column: 'date', zoneRule: 'per row by origin', nonexistent: seeds.nonexistentLocalTimes, ambiguous: 0, unmapped: 0 }]);
  });

  it('shows every time-zone-shifted departure as a timestamp mismatch without the rule, and exits 1 (outside the SLO)', () => {
    const { code, summary } = compare(contract({ kind: 'instant' }), dir, 'no-rule.json');
    expect(code).toBe(1);
    const matched = pair.rows - pair.seeds.dropped;
    const date = summary.columns.find((c) => c.name === 'date');
    // No US airport keeps UTC: every matched departure is off by its zone's offset (Hawaii: 10 h at most).
    expect(date?.mismatched).toBe(matched);
    expect(Number(date?.maxAbsDiff)).toBe(36000);
    expect(summary.rows.mismatched).toBe(matched);
    expect(summary.slo.met).toBe(false);
  });
});
