import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localEdgeSql, localOffsetSql, utcOffsetSql, zoneHistories, type ZoneHistory } from '../../electron/engine/compare/zones.js';

// Parity reads local time through integer transition tables instead of ICU per row; this pins it to ICU.
describe('zone transitions agree with DuckDB’s ICU at every 5 minutes for 11 years', () => {
  let instance: DuckDBInstance;
  let c: Awaited<ReturnType<DuckDBInstance['connect']>>;
  let histories: Map<string, ZoneHistory>;
  const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kolkata', 'America/Indiana/Indianapolis', 'Pacific/Apia'];

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    c = await instance.connect();
    await c.run(`SET TimeZone = 'UTC'`);
    // A range that does not start on a day or minute boundary, as real data does not.
    histories = await zoneHistories(c, zones, BigInt(Date.parse('2001-01-01T07:13:45Z')) * 1000n, BigInt(Date.parse('2012-06-01T00:00:00Z')) * 1000n);
  });
  afterAll(() => {
    c.closeSync();
    instance.closeSync();
  });

  for (const zone of zones) {
    it(zone, async () => {
      const h = histories.get(zone) as ZoneHistory;
      expect(h.transitions.every((t) => t.at % 60_000_000n === 0n)).toBe(true);
      const local = 'epoch_us(ts)';
      const r = await c.runAndReadAll(`
        SELECT
          count(*) FILTER (WHERE epoch_us(timezone('${zone}', ts)) <> ${local} - ${localOffsetSql(local, h)}) AS local_wrong,
          count(*) FILTER (WHERE epoch_us(timezone('${zone}', ts::TIMESTAMPTZ)) <> epoch_us(ts) + ${utcOffsetSql('epoch_us(ts)', h)}) AS utc_wrong,
          count(*) FILTER (WHERE ${localEdgeSql(local, h, 'gap')}) AS gaps,
          count(*) FILTER (WHERE ${localEdgeSql(local, h, 'gap')} AND timezone('${zone}', timezone('${zone}', ts)) = ts) AS gap_exists
        FROM range(TIMESTAMP '2001-01-02', TIMESTAMP '2012-05-30', INTERVAL 5 MINUTE) r(ts)`);
      const row = r.getRowObjectsJS()[0];
      expect(Number(row.local_wrong)).toBe(0);
      expect(Number(row.utc_wrong)).toBe(0);
      // A wall time flagged as a gap never reads back as itself: it does not exist.
      expect(Number(row.gap_exists)).toBe(0);
      if (zone === 'Asia/Kolkata') expect(Number(row.gaps)).toBe(0);
      else expect(Number(row.gaps)).toBeGreaterThan(0);
    });
  }

  it('knows Indianapolis kept standard time until 2006', () => {
    const h = histories.get('America/Indiana/Indianapolis') as ZoneHistory;
    expect(new Date(Number(h.transitions[0].at / 1000n)).toISOString()).toBe('2006-04-02T07:00:00.000Z');
  });
});
