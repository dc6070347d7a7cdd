/**
 * `npm run bench -- compare`: the reconciliation on a generated 10M × 10M Orders pair (both Parquet,
 * ~10 compared columns, tolerances, a per-row zone rule, a value map, timing), timed beside a
 * hand-written DuckDB query producing the same summary, in the same run. Then toggles, pages, drill levels.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { existingDemo, generateDemo } from '../electron/engine/demo/generate.js';
import { demoContract } from '../electron/engine/demo/contract.js';
import { EngineService } from '../electron/engine/service.js';
import { literal } from '../electron/engine/db/sql.js';
import { Stopwatch } from './stopwatch.js';

const argRows = process.argv.indexOf('--rows');
const ROWS = argRows >= 0 ? Number(process.argv[argRows + 1]) : 10_000_000;
const dataDir = path.join(import.meta.dirname, '.data', `orders-${ROWS}`);

/** The same summary a DuckDB user would write by hand: unique keys joined, classified, grouped by region × product × month. */
function handWritten(legacy: string, fresh: string): string {
  return `
    WITH L AS (SELECT * FROM read_parquet(${literal(legacy)})), R AS (SELECT * FROM read_parquet(${literal(fresh)})),
    LD AS (SELECT ORDER_ID FROM L WHERE ORDER_ID IS NOT NULL GROUP BY 1 HAVING count(*) > 1),
    RD AS (SELECT order_id FROM R GROUP BY 1 HAVING count(*) > 1),
    D AS (SELECT ORDER_ID AS k FROM LD UNION SELECT order_id FROM RD),
    LU AS (SELECT * FROM L WHERE ORDER_ID IS NOT NULL AND ORDER_ID NOT IN (SELECT k FROM D)),
    RU AS (SELECT * FROM R WHERE order_id NOT IN (SELECT k FROM D)),
    J AS (
      SELECT LU.*, RU.*,
        timezone(CASE LU.REGION WHEN 'AMER' THEN 'America/New_York' WHEN 'EMEA' THEN 'Europe/London' ELSE 'Asia/Tokyo' END, LU.ORDER_TS) AS l_instant
      FROM LU FULL JOIN RU ON LU.ORDER_ID = RU.order_id),
    C AS (
      SELECT coalesce(REGION, region) AS reg, coalesce(PRODUCT, product) AS prod, date_trunc('month', coalesce(l_instant, order_ts)) AS mon,
        CASE WHEN ORDER_ID IS NULL THEN (CASE WHEN order_ts > TIMESTAMPTZ '2026-03-31 18:00:00+00' THEN 'timing' ELSE 'right_only' END)
             WHEN order_id IS NULL THEN 'left_only'
             WHEN AMOUNT IS DISTINCT FROM amount OR l_instant IS DISTINCT FROM order_ts OR QTY IS DISTINCT FROM quantity
               OR REGION IS DISTINCT FROM region OR COUNTRY IS DISTINCT FROM country OR PRODUCT IS DISTINCT FROM product
               OR CATEGORY IS DISTINCT FROM category OR CURRENCY IS DISTINCT FROM currency
               OR (CASE STATUS WHEN 'C' THEN 'closed' WHEN 'O' THEN 'open' WHEN 'X' THEN 'cancelled' ELSE STATUS END) IS DISTINCT FROM status
             THEN 'mismatch' ELSE 'equal' END AS class, AMOUNT, amount AS r_amount
      FROM J)
    SELECT reg, prod, mon, count(*) FILTER (WHERE class = 'mismatch') AS mismatched, count(*) FILTER (WHERE class = 'left_only') AS lo,
      count(*) FILTER (WHERE class = 'right_only') AS ro, count(*) FILTER (WHERE class = 'timing') AS ti, sum(AMOUNT) AS l_rev, sum(r_amount) AS r_rev
    FROM C GROUP BY ALL`;
}

async function main(): Promise<void> {
  const sw = new Stopwatch();
  console.log(`Parity compare bench — ${ROWS.toLocaleString('en-US')} orders a side, ${os.cpus().length} cores\n`);
  const manifest =
    existingDemo(dataDir, { rows: ROWS, legacyFormat: 'parquet' }) ??
    (await sw.time('generate the pair (once, cached)', () => generateDemo(dataDir, { rows: ROWS, legacyFormat: 'parquet' })));
  const { legacy, new: fresh } = manifest.files;

  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '4GB' });
  const c = await instance.connect();
  await c.run(`SET TimeZone = 'UTC'`);
  const baseline = await sw.time('baseline: hand-written DuckDB query (same summary)', async () => (await c.runAndReadAll(handWritten(legacy, fresh))).currentRowCount);
  c.closeSync();
  instance.closeSync();
  sw.resetPeak();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-bench-'));
  const engine = await EngineService.open(path.join(dir, 'bench.parity'), { memoryLimit: '4GB' });
  try {
    const contract = demoContract();
    const summary = await sw.time('Parity: full run (sources, join, classify, region × product × month)', async () => {
      await engine.call('sources.import', { side: 'left', inputs: [legacy] });
      await engine.call('sources.import', { side: 'right', inputs: [fresh] });
      return engine.call('compare.run', { contract });
    });
    console.log(`   groups ${summary.aggregates.groups} (baseline ${baseline}); mismatched ${summary.rows.mismatched}, left-only ${summary.rows.leftOnly}, right-only ${summary.rows.rightOnly}, timing ${summary.rows.timing}`);
    const amount = (absTol: string) => ({ ...contract, columns: (contract.columns ?? []).map((x) => (typeof x === 'object' && x.left === 'AMOUNT' ? { ...x, absTol } : x)) });
    const t1 = await sw.time('Parity: toggle AMOUNT tolerance to 0.01 → new counts', () => engine.call('compare.run', { contract: amount('0.01'), quick: true }));
    console.log(`   within tolerance ${t1.rows.withinTolerance}, mismatched ${t1.rows.mismatched}, rebuilt ${t1.rebuilt}`);
    const t2 = await sw.time('Parity: toggle legacy zone rule to "instant" → new counts', () =>
      engine.call('compare.run', { contract: { ...contract, left: { ...contract.left, timezone: { kind: 'instant' } } }, quick: true }));
    console.log(`   mismatched ${t2.rows.mismatched}, rebuilt ${t2.rebuilt}`);
    await sw.time('Parity: toggle back to the per-region zone rule', () => engine.call('compare.run', { contract, quick: true }));
    await sw.time('Parity: first drill-down after the toggles (aggregates, exception list)', () => engine.call('compare.drill', { dimension: 'REGION', filters: [] }));
    await sw.time('Parity: 100 exception rows sorted by AMOUNT difference', () =>
      engine.call('compare.exceptions', { offset: 0, limit: 100, sort: [{ column: 'AMOUNT · diff', direction: 'desc' }] }));
    await sw.time('Parity: 100 exception rows, page 50, sorted by key', () =>
      engine.call('compare.exceptions', { offset: 5000, limit: 100, sort: [{ column: 'ORDER_ID', direction: 'asc' }] }));
    await sw.time('Parity: drill all → region', () => engine.call('compare.drill', { dimension: 'REGION', filters: [] }));
    await sw.time('Parity: drill region → product', () => engine.call('compare.drill', { dimension: 'PRODUCT', filters: [{ dimension: 'REGION', value: 'APAC' }] }));
    await sw.time('Parity: drill product → month', () =>
      engine.call('compare.drill', { dimension: 'month', filters: [{ dimension: 'REGION', value: 'APAC' }, { dimension: 'PRODUCT', value: 'Laptop Pro 14' }] }));
  } finally {
    await engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  sw.report(path.join(import.meta.dirname, 'results', `compare-${ROWS}.json`), { rows: ROWS });
}

void main();
