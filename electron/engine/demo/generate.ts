/**
 * Generates the demo Orders pair deterministically: the legacy ERP's nightly CSV (regional local time,
 * upper-case headers, status codes, quantities with three decimals) and the lakehouse's Parquet (UTC
 * instants, status words), with seeded, counted differences. docs/demo.md explains each one.
 *
 * "Random" values come from multiplicative hashing of the row number modulo a prime, not random(),
 * so the same row count always gives the same files and the same counts on any machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { JobContext } from '../jobs.js';
import { literal } from '../db/sql.js';
import { COUNTRIES, PRODUCTS, REGION_ZONES, STATUS_MAP } from './catalog.js';

export const DEMO_DEFAULT_ROWS = 1_000_000;
export const DEMO_PERIOD = { start: '2025-10-01 00:00:00+00', end: '2026-04-01 00:00:00+00', lateFrom: '2026-03-31 18:00:00+00' };
const PERIOD_SECONDS = 182 * 86_400;

export interface DemoOptions {
  rows?: number;
  /** The benchmark wants both sides as Parquet; the demo keeps the legacy side as the ERP's CSV. */
  legacyFormat?: 'csv' | 'parquet';
}

export interface DemoManifest {
  version: 1;
  rows: number;
  legacyFormat: 'csv' | 'parquet';
  files: { legacy: string; new: string };
  counts: {
    legacyRows: number;
    newRows: number;
    onlyLegacyKeys: number;
    onlyNewKeys: number;
    lateKeys: number;
    roundedAmounts: number;
    duplicateKeysLegacy: number;
    duplicateRowsLegacy: number;
    duplicateKeysNew: number;
    duplicateRowsNew: number;
    nullKeysLegacy: number;
  };
}

const values = (rows: readonly (readonly (string | number)[])[]) =>
  rows.map((r) => `(${r.map((v) => (typeof v === 'number' ? String(v) : literal(v))).join(', ')})`).join(', ');

function rnd(multiplier: number, salt: number): string {
  return `((i * ${multiplier} + ${salt}) % 4294967291)`;
}

async function buildOrders(c: DuckDBConnection, rows: number): Promise<void> {
  await c.run(`CREATE TABLE zones (region VARCHAR, zone VARCHAR); INSERT INTO zones VALUES ${values(REGION_ZONES)}`);
  await c.run(
    `CREATE TABLE countries AS SELECT row_number() OVER () - 1 AS ci, * FROM (VALUES ${values(COUNTRIES)}) t(country, region, currency)`,
  );
  await c.run(
    `CREATE TABLE products AS SELECT row_number() OVER () - 1 AS pi, * FROM (VALUES ${values(PRODUCTS)}) t(product, category, price_cents)`,
  );
  await c.run(`CREATE TABLE statuses (code VARCHAR, word VARCHAR); INSERT INTO statuses VALUES ${values(STATUS_MAP)}`);
  await c.run(`
    CREATE TABLE u AS SELECT i,
      ${rnd(2654435761, 7)} AS r1, ${rnd(2246822519, 11)} AS r2, ${rnd(3266489917, 13)} AS r3,
      ${rnd(668265263, 17)} AS r4, ${rnd(374761393, 19)} AS r5, ${rnd(1103515245, 23)} AS r6
    FROM range(${Math.floor(rows)}) t(i)`);
  await c.run(`
    CREATE TABLE orders AS
    SELECT u.i, 10000000 + u.i AS order_id, c.region, c.country, p.product, p.category,
      TIMESTAMPTZ ${literal(DEMO_PERIOD.start)} + to_seconds(u.r3 % ${PERIOD_SECONDS}) AS order_ts,
      z.zone, c.currency,
      1 + ((u.r4 % 100) * (u.r4 % 100)) // 500 AS quantity,
      CASE WHEN u.r5 % 100 < 70 THEN 'C' WHEN u.r5 % 100 < 95 THEN 'O' ELSE 'X' END AS status_code,
      (u.r6 % 4) * 5 AS discount_pct,
      'R' || lpad(((u.r6 // 7) % 250)::VARCHAR, 3, '0') AS sales_rep,
      30 + (u.r6 // 13) % 3600 AS ingest_lag_s,
      p.price_cents
    FROM u
    JOIN countries c ON c.ci = u.r1 % ${COUNTRIES.length}
    JOIN zones z ON z.region = c.region
    JOIN products p ON p.pi = u.r2 % ${PRODUCTS.length}`);
  await c.run(`
    CREATE TABLE seeded AS
    SELECT *,
      (price_cents * quantity * (100 - discount_pct) // 100 * 0.01)::DECIMAL(18,2) AS amount,
      order_ts > TIMESTAMPTZ ${literal(DEMO_PERIOD.lateFrom)} AS late,
      i % 1000 AS b
    FROM orders`);
  await c.run(`
    CREATE TABLE flags AS
    SELECT *,
      NOT late AND b = 1 AS legacy_only,
      NOT late AND b = 2 AS new_only,
      NOT late AND b BETWEEN 3 AND 7 AS rounded,
      NOT late AND i % 40000 = 8 AS dup_legacy,
      NOT late AND i % 100000 = 9 AS dup_new
    FROM seeded`);
}

const LEGACY_SELECT = `
  SELECT order_id AS ORDER_ID, region AS REGION, country AS COUNTRY, product AS PRODUCT, category AS CATEGORY,
    strftime(timezone(zone, order_ts), '%Y-%m-%d %H:%M:%S') AS ORDER_TS,
    amount AS AMOUNT, printf('%d.000', quantity) AS QTY, currency AS CURRENCY, status_code AS STATUS, sales_rep AS SALES_REP`;

async function writeLegacy(c: DuckDBConnection, file: string, format: 'csv' | 'parquet'): Promise<void> {
  // Rows come out in order-id order, the double-loaded batch right after its originals, the manual
  // adjustments (no order id) at the end, as an ERP extract would list them.
  await c.run(`
    CREATE TABLE legacy AS
    SELECT * FROM (
      SELECT 0 AS part, i, * EXCLUDE (i) FROM (${LEGACY_SELECT}, i FROM flags WHERE NOT late AND NOT new_only)
      UNION ALL
      SELECT 1 AS part, i, * EXCLUDE (i) FROM (${LEGACY_SELECT}, i FROM flags WHERE dup_legacy)
      UNION ALL
      SELECT 2, n, NULL, 'EMEA', 'GB', 'Manual adjustment', 'Adjustment', '2026-01-15 09:30:00',
        (-125.50 * n)::DECIMAL(18,2), '0.000', 'GBP', 'C', 'R000'
      FROM range(1, 4) t(n)
    ) ORDER BY part = 2, i, part`);
  const columns = 'ORDER_ID, REGION, COUNTRY, PRODUCT, CATEGORY, ORDER_TS, AMOUNT, QTY, CURRENCY, STATUS, SALES_REP';
  if (format === 'csv') {
    await c.run(`COPY (SELECT ${columns} FROM legacy) TO ${literal(file)} (FORMAT csv, HEADER true, DELIMITER ',')`);
  } else {
    await c.run(`
      COPY (SELECT ORDER_ID, REGION, COUNTRY, PRODUCT, CATEGORY, ORDER_TS::TIMESTAMP AS ORDER_TS, AMOUNT,
                   QTY::DECIMAL(12,3) AS QTY, CURRENCY, STATUS, SALES_REP FROM legacy)
      TO ${literal(file)} (FORMAT parquet, COMPRESSION zstd)`);
  }
}

async function writeNew(c: DuckDBConnection, file: string): Promise<void> {
  const select = `
    SELECT order_id, region, country, product, category, order_ts,
      (amount + CASE WHEN rounded THEN (CASE WHEN i % 2 = 0 THEN 0.01 ELSE -0.01 END) ELSE 0 END)::DECIMAL(18,2) AS amount,
      quantity::INTEGER AS quantity, currency, s.word AS status,
      order_ts + to_seconds(ingest_lag_s) AS ingested_at, i
    FROM flags JOIN statuses s ON s.code = flags.status_code`;
  await c.run(`
    COPY (
      SELECT * EXCLUDE (i, part) FROM (
        SELECT 0 AS part, * FROM (${select} WHERE NOT legacy_only)
        UNION ALL
        SELECT 1 AS part, * REPLACE (ingested_at + INTERVAL 2 HOUR AS ingested_at) FROM (${select} WHERE dup_new)
      ) ORDER BY i, part
    ) TO ${literal(file)} (FORMAT parquet, COMPRESSION zstd)`);
}

async function countSeeds(c: DuckDBConnection): Promise<DemoManifest['counts']> {
  const r = await c.runAndReadAll(`
    SELECT
      (SELECT count(*) FROM legacy) AS legacyRows,
      count(*) FILTER (WHERE NOT legacy_only) + count(*) FILTER (WHERE dup_new) AS newRows,
      count(*) FILTER (WHERE legacy_only) AS onlyLegacyKeys,
      count(*) FILTER (WHERE new_only) AS onlyNewKeys,
      count(*) FILTER (WHERE late) AS lateKeys,
      count(*) FILTER (WHERE rounded) AS roundedAmounts,
      count(*) FILTER (WHERE dup_legacy) AS duplicateKeysLegacy,
      count(*) FILTER (WHERE dup_new) AS duplicateKeysNew
    FROM flags`);
  const row = r.getRowObjectsJS()[0];
  const n = (k: string) => Number(row[k]);
  return {
    legacyRows: n('legacyRows'),
    newRows: n('newRows'),
    onlyLegacyKeys: n('onlyLegacyKeys'),
    onlyNewKeys: n('onlyNewKeys'),
    lateKeys: n('lateKeys'),
    roundedAmounts: n('roundedAmounts'),
    duplicateKeysLegacy: n('duplicateKeysLegacy'),
    duplicateRowsLegacy: 2 * n('duplicateKeysLegacy'),
    duplicateKeysNew: n('duplicateKeysNew'),
    duplicateRowsNew: 2 * n('duplicateKeysNew'),
    nullKeysLegacy: 3,
  };
}

function manifestPath(folder: string): string {
  return path.join(folder, 'manifest.json');
}

/** The manifest of an already generated pair of the same shape, if both files are still there. */
export function existingDemo(folder: string, options: DemoOptions = {}): DemoManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(manifestPath(folder), 'utf8')) as DemoManifest;
    const rows = options.rows ?? DEMO_DEFAULT_ROWS;
    const sameShape = m.version === 1 && m.rows === rows && m.legacyFormat === (options.legacyFormat ?? 'csv');
    return sameShape && fs.existsSync(m.files.legacy) && fs.existsSync(m.files.new) ? m : null;
  } catch {
    return null;
  }
}

export async function generateDemo(folder: string, options: DemoOptions = {}, job?: JobContext): Promise<DemoManifest> {
  const rows = options.rows ?? DEMO_DEFAULT_ROWS;
  const legacyFormat = options.legacyFormat ?? 'csv';
  fs.mkdirSync(folder, { recursive: true });
  const files = {
    legacy: path.join(folder, `legacy_orders.${legacyFormat}`),
    new: path.join(folder, 'new_orders.parquet'),
  };
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: path.join(folder, '.tmp') });
  const c = await instance.connect();
  try {
    await c.run(`SET TimeZone = 'UTC'`);
    job?.progress({ phase: 'Generating demo orders', fraction: 0.02 });
    await buildOrders(c, rows);
    job?.progress({ phase: 'Writing the legacy extract', fraction: 0.1 });
    await writeLegacy(c, files.legacy, legacyFormat);
    job?.progress({ phase: 'Writing the new extract', fraction: 0.2 });
    await writeNew(c, files.new);
    const manifest: DemoManifest = { version: 1, rows, legacyFormat, files, counts: await countSeeds(c) };
    fs.writeFileSync(manifestPath(folder), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    c.closeSync();
    instance.closeSync();
    fs.rmSync(path.join(folder, '.tmp'), { recursive: true, force: true });
  }
}
