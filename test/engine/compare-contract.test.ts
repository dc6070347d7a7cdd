import { describe, expect, it } from 'vitest';
import { parseContract } from '../../shared/contract.js';
import { decodePage } from '../../shared/arrow-cells.js';
import { failure } from '../helpers/engine.js';
import { pair } from '../helpers/compare.js';

describe('a bad contract fails with one sentence naming the field', () => {
  it('checks the shape', () => {
    const bad = (input: unknown) => {
      try {
        parseContract(input);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(bad({ version: 2, name: 'x' })).toBe('Contract field "version" must be 1 (this file says 2).');
    expect(bad({ version: 1, name: 'x', stewart: 'me' })).toBe('Contract field "stewart" is not known; did you mean "steward"?');
    expect(bad({ version: 1, name: 'x', columns: [{ left: 'a', absTol: '-1' }] })).toBe(
      'Contract field "columns[0].absTol" must be a non-negative decimal number such as 0.01.',
    );
    expect(bad({ version: 1, name: 'x', left: { timezone: { kind: 'local' } } })).toBe('Contract field "left.timezone.zone" is required.');
    expect(bad({ version: 1, name: 'x', left: { timezone: { kind: 'perRow', column: 'r', zone: {} } } })).toBe(
      'Contract field "left.timezone.zone" is not known; did you mean "zones"?',
    );
    expect(bad({ version: 1, name: 'x', timing: { asOf: '2026-04-01', window: '6h' } })).toBe(
      'Contract field "timing.asOf" must be an ISO instant with a zone, e.g. 2026-04-01T00:00:00Z.',
    );
    expect(bad([])).toBe('A contract is a JSON object with at least "version" and "name".');
  });

  it('checks columns, zones and expressions against the sources', async () => {
    const p = await pair(`SELECT 1 AS ORDER_ID, 2.5 AS AMOUNT, 'EMEA' AS REGION`, `SELECT 1 AS order_id, 2.5 AS amount, 'EMEA' AS region`);
    const cases: [object, string][] = [
      [{ key: ['ORDER_ID'], columns: [{ left: 'AMOUT' }] }, 'Contract field "columns[0].left": column "AMOUT" does not exist on the legacy side; the nearest is "AMOUNT".'],
      [{ key: [{ left: 'ORDER_ID', right: 'orderid' }] }, 'Contract field "key[0].right": column "orderid" does not exist on the new side; the nearest is "order_id".'],
      [{ key: ['ORDER_ID'], left: { timezone: { kind: 'local', zone: 'Europe/Londn' } } }, 'Contract field "left.timezone.zone": "Europe/Londn" is not an IANA time zone; did you mean "Europe/London"?'],
      [{ key: ['ORDER_ID'], left: { filter: 'AMOUNT > 1; DROP TABLE x' } }, 'Contract field "left.filter" is not a valid expression: syntax error at or near ";".'],
      [{ key: ['ORDER_ID'], left: { filter: `REGION IN (SELECT 'x')` } }, 'Contract field "left.filter" may use columns, constants, operators and functions, but not subquery.'],
      [{ key: ['ORDER_ID'], left: { filter: `read_csv('/etc/passwd') IS NULL` } }, 'Contract field "left.filter" may not call read_csv().'],
      [{ key: ['ORDER_ID'], dimensions: ['REGION'], measures: [{ fn: 'sum', left: 'REGION' }] }, 'Contract field "measures[0].left": sum needs a number column; "REGION" is VARCHAR.'],
    ];
    for (const [contract, message] of cases) {
      const error = await failure(p.run(contract));
      expect(error.message).toBe(message);
    }
  });

  it('applies a checked filter', async () => {
    const p = await pair(`SELECT * FROM (VALUES (1, 'X'), (2, 'C')) t(id, status)`, `SELECT * FROM (VALUES (2, 'C')) t(id, status)`);
    const all = await p.run({ key: ['id'] });
    expect(all.rows.leftOnly).toBe(1);
    const filtered = await p.run({ key: ['id'], left: { filter: `status <> 'X'` } });
    expect(filtered.left.rows).toBe(1);
    expect(filtered.rows).toMatchObject({ leftOnly: 0, equal: 1 });
  });
});

describe('toggles re-classify without re-reading or re-joining', () => {
  it('reuses the run for tolerances, maps, zone rules and the reporting zone; rebuilds for a new key', async () => {
    const p = await pair(
      `SELECT * FROM (VALUES (1, 10.00::DECIMAL(18,2), 'C', TIMESTAMP '2026-01-01 10:00:00', 'EMEA'), (2, 20.00, 'O', TIMESTAMP '2026-01-01 11:00:00', 'AMER')) t(id, amount, status, ts, region)`,
      `SELECT * FROM (VALUES (1, 10.01::DECIMAL(18,2), 'closed', TIMESTAMPTZ '2026-01-01 10:00:00+00', 'EMEA'), (2, 20.00, 'open', TIMESTAMPTZ '2026-01-01 16:00:00+00', 'AMER')) t(id, amount, status, ts, region)`,
    );
    const first = await p.run({ key: ['id'], dimensions: ['region'] });
    expect(first.rebuilt).toBe(true);
    expect(first.rows.mismatched).toBe(2);
    const zones = { kind: 'perRow' as const, column: 'region', zones: { EMEA: 'Europe/London', AMER: 'America/New_York' } };
    const toggled = await p.run({
      key: ['id'],
      dimensions: ['region'],
      reportingZone: 'Asia/Tokyo',
      left: { timezone: zones },
      columns: [{ left: 'amount', absTol: '0.01' }, { left: 'status', valueMap: { C: 'closed', O: 'open' } }, 'ts', 'region'],
    });
    expect(toggled.rebuilt).toBe(false);
    expect(toggled.rows).toMatchObject({ equal: 1, withinTolerance: 1, mismatched: 0 });
    const rekeyed = await p.run({ key: ['id', 'region'] });
    expect(rekeyed.rebuilt).toBe(true);
  });

  it('keeps the previous run when a new one is cancelled', async () => {
    const p = await pair(`SELECT range AS id, range * 2 AS v FROM range(200000)`, `SELECT range AS id, range * 2 + (range % 7 = 0)::INTEGER AS v FROM range(200000)`);
    const before = await p.run({ key: ['id'] });
    const controller = new AbortController();
    controller.abort();
    const error = await failure(p.engine.call('compare.run', { contract: { version: 1, name: 'test', key: ['id'], columns: [{ left: 'v', absTol: '1' }] } }, { signal: controller.signal }));
    expect(error.code).toBe('cancelled');
    const state = await p.engine.call('workspace.state', {});
    expect(state.summary?.rows.mismatched).toBe(before.rows.mismatched);
  });
});

describe('drill-down, exception pages and row detail', () => {
  it('pages exceptions with sort and filter in DuckDB, and shows a row side by side with differing cells marked', async () => {
    const p = await pair(
      `SELECT * FROM (VALUES (1, 'EMEA', 10.00::DECIMAL(18,2), 'a'), (2, 'EMEA', 20.00, 'b'), (3, 'APAC', 30.00, 'c'), (4, 'APAC', 40.00, 'd')) t(id, region, amount, note)`,
      `SELECT * FROM (VALUES (1, 'EMEA', 10.05::DECIMAL(18,2), 'a'), (2, 'EMEA', 20.50, 'B'), (3, 'APAC', 31.00, 'c'), (5, 'APAC', 1.00, 'e')) t(id, region, amount, note)`,
    );
    await p.run({ key: ['id'], dimensions: ['region'] });
    const byDiff = await p.exceptions({ classes: ['mismatch'], sort: [{ column: 'amount · diff', direction: 'desc' }] });
    expect(byDiff.rows.map((r) => [r.id, r['amount · diff'], r['differing columns']])).toEqual([
      ['3', '1.00', 'amount'],
      ['2', '0.50', 'amount, note'],
      ['1', '0.05', 'amount'],
    ]);
    const emea = await p.exceptions({ filters: [{ dimension: 'region', value: 'EMEA' }] });
    expect(emea.rows.map((r) => r.id).sort()).toEqual(['1', '2']);
    const noteOnly = await p.exceptions({ column: 'note' });
    expect(noteOnly.rows.map((r) => r.id)).toEqual(['2']);
    const oneSided = await p.exceptions({ classes: ['left_only', 'right_only'], sort: [{ column: 'id', direction: 'asc' }] });
    expect(oneSided.rows.map((r) => [r.id, r.class])).toEqual([['4', 'left_only'], ['5', 'right_only']]);
    // The list's columns, asked without reading a row, are exactly those of its pages (the grid is built from them).
    const page = decodePage((await p.engine.call('compare.exceptions', { offset: 0, limit: 1 })).arrow);
    expect(await p.engine.call('compare.exceptionColumns', {})).toEqual(page.columns.map((c) => ({ name: c.name, type: c.type })));
    expect(page.columns.map((c) => c.name)).toContain('amount · diff');

    const detail = await p.engine.call('compare.row', { key: ['2'] });
    expect(detail.classes).toEqual(['mismatch']);
    expect(detail.leftRows).toEqual([{ id: '2', region: 'EMEA', amount: '20.00', note: 'b' }]);
    expect(detail.rightRows).toEqual([{ id: '2', region: 'EMEA', amount: '20.50', note: 'B' }]);
    expect(detail.cells.map((c) => [c.column, c.status, c.diff])).toEqual([
      ['region', 'equal', null],
      ['amount', 'mismatch', '0.50'],
      ['note', 'mismatch', null],
    ]);
    const gone = await failure(p.engine.call('compare.row', { key: ['99'] }));
    expect(gone.message).toBe('No row on either side has this key.');
  });

  it('gives exceptions an identity that is stable across runs', async () => {
    const p = await pair(`SELECT 1 AS id, 1 AS v`, `SELECT 1 AS id, 2 AS v`);
    await p.run({ key: ['id'] });
    const first = (await p.exceptions()).rows;
    await p.run({ key: ['id'], columns: [{ left: 'v', absTol: '0' }] });
    const again = (await p.exceptions()).rows;
    // A key column named "id" keeps its name; the identity has its own.
    expect(first.map((r) => r.id)).toEqual(['1']);
    expect(first[0]['exception id']).toMatch(/^[0-9a-f]{32}$/);
    expect(again.map((r) => r['exception id'])).toEqual(first.map((r) => r['exception id']));
  });
});
