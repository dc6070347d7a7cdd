import { describe, expect, it } from 'vitest';
import type { ContractInput } from '../../shared/contract.js';
import { column, pair } from '../helpers/compare.js';
import { duckRow } from '../helpers/sql.js';

// Rows that differ in several columns at once, each column's statuses kept in a different table:
// amount (tolerance, static), note (trimmed text, read through a rule) and ts (a zone rule).
const left = `SELECT range AS id, (range * 1.25)::DECIMAL(18,2) AS amount,
  CASE WHEN range % 4 = 0 THEN ' n' || range ELSE 'n' || range END AS note,
  TIMESTAMP '2026-03-20 00:00:00' + to_minutes(range * 53) AS ts FROM range(4000)`;
const right = `SELECT id,
  CASE WHEN id % 5 = 0 THEN amount + 0.01 WHEN id % 11 = 0 THEN amount + 1 ELSE amount END AS amount,
  CASE WHEN id % 13 = 0 THEN 'N' || id ELSE trim(note) END AS note,
  timezone('Europe/London', ts) AS ts FROM (${left}) WHERE id % 17 <> 0`;

/** The same classification written by hand over the two SELECTs. */
function oracle(zoned: boolean): string {
  const lts = zoned ? `timezone('Europe/London', l.ts)` : `l.ts::TIMESTAMPTZ`;
  return `WITH l AS (${left}), r AS (${right}),
    j AS (SELECT l.amount <> r.amount AND abs(l.amount - r.amount) > 0.01 AS amount_mm,
                 l.amount <> r.amount AND abs(l.amount - r.amount) <= 0.01 AS amount_wt,
                 trim(l.note) <> trim(r.note) AS note_mm, ${lts} <> r.ts AS ts_mm
          FROM l JOIN r USING (id))
    SELECT count(*) FILTER (WHERE amount_mm OR note_mm OR ts_mm) AS mismatched,
      count(*) FILTER (WHERE amount_wt AND NOT (note_mm OR ts_mm)) AS within,
      count(*) FILTER (WHERE amount_mm) AS amount, count(*) FILTER (WHERE amount_wt) AS amount_within,
      count(*) FILTER (WHERE note_mm) AS note, count(*) FILTER (WHERE ts_mm) AS ts FROM j`;
}

const zoned: Partial<ContractInput> = {
  key: ['id'],
  left: { timezone: { kind: 'local', zone: 'Europe/London' } },
  columns: [{ left: 'amount', absTol: '0.01' }, { left: 'note', trim: true }, 'ts'],
};
const asWritten: Partial<ContractInput> = { ...zoned, left: { timezone: { kind: 'instant' } } };

describe('summary counts when a row differs in columns kept in different tables', async () => {
  const p = await pair(left, right);

  for (const [name, contract, z] of [['read in London time', zoned, true], ['read as written', asWritten, false]] as const) {
    it(`match a hand-written classification, ${name}, in a full run and after a toggle`, async () => {
      const want = await duckRow(oracle(z));
      // A fresh run, then the same contract reached by toggling from the other rule.
      const runs = [await p.run({ ...contract }), await p.engine.call('compare.run', { contract: { version: 1, name: 'test', ...(z ? asWritten : zoned) }, quick: true }), await p.engine.call('compare.run', { contract: { version: 1, name: 'test', ...contract }, quick: true })];
      for (const s of [runs[0], runs[2]]) {
        expect(s.rows.mismatched).toBe(Number(want.mismatched));
        expect(s.rows.withinTolerance).toBe(Number(want.within));
        expect(s.rows.equal + s.rows.withinTolerance + s.rows.mismatched).toBe(s.rows.matched);
        expect([column(s, 'amount')?.mismatched, column(s, 'amount')?.withinTolerance]).toEqual([Number(want.amount), Number(want.amount_within)]);
        expect(column(s, 'note')?.mismatched).toBe(Number(want.note));
        expect(column(s, 'ts')?.mismatched).toBe(Number(want.ts));
        expect(s.rows.rightOnly).toBe(0);
        expect(s.rows.leftOnly).toBe(Math.ceil(4000 / 17));
      }
      // Rows overlap between the tables (the case the count corrects for): some rows differ in ts and amount.
      expect(Number(want.mismatched)).toBeLessThan(Number(want.amount) + Number(want.note) + Number(want.ts));
      const listed = await p.exceptions({ classes: ['mismatch'], limit: 1 });
      expect(listed.total).toBe(Number(want.mismatched));
    });
  }
});
