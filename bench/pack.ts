/**
 * `npm run bench -- pack [--exceptions N]`: exporting a signed pack of N exceptions (default 1M) —
 * Parquet, CSV, Excel, notes, report, hashes, signature, zip — beside a hand-written DuckDB export of
 * the same rows to Parquet and CSV, in the same run; peak memory of the export phase.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { EngineService } from '../electron/engine/service.js';
import { Stopwatch } from './stopwatch.js';

const arg = process.argv.indexOf('--exceptions');
const N = arg >= 0 ? Number(process.argv[arg + 1]) : 1_000_000;
const dataDir = path.join(import.meta.dirname, '.data', `pack-${N}`);

/** Every row differs by a cent: N exceptions. */
const side = (shift: string) => `SELECT i AS order_id, ['AMER','EMEA','APAC'][i % 3 + 1] AS region, 'P' || (i % 97) AS product,
  TIMESTAMPTZ '2026-03-01 00:00:00+00' + to_seconds(i % 2592000) AS order_ts, (i % 100000 * 0.37 ${shift})::DECIMAL(18,2) AS amount,
  i % 20 + 1 AS quantity, 'EUR' AS currency, CASE WHEN i % 5 = 0 THEN 'closed' ELSE 'open' END AS status FROM range(${N}) t(i)`;

async function main(): Promise<void> {
  const sw = new Stopwatch();
  console.log(`Parity pack bench — ${N.toLocaleString('en-US')} exceptions, ${os.cpus().length} cores\n`);
  const legacy = path.join(dataDir, 'legacy.parquet');
  const fresh = path.join(dataDir, 'new.parquet');
  if (!fs.existsSync(fresh)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`COPY (${side('')}) TO '${legacy}' (FORMAT parquet)`);
    await c.run(`COPY (${side('+ 0.01')}) TO '${fresh}' (FORMAT parquet)`);
    c.closeSync();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-pack-bench-'));
  try {
    const db = await DuckDBInstance.create(':memory:', { memory_limit: '4GB' });
    const c = await db.connect();
    await sw.time('baseline: hand-written DuckDB export of the differing rows (Parquet + CSV)', async () => {
      const diff = `SELECT l.*, r.amount AS new_amount, r.amount - l.amount AS diff FROM read_parquet('${legacy}') l JOIN read_parquet('${fresh}') r USING (order_id) WHERE l.amount IS DISTINCT FROM r.amount`;
      await c.run(`COPY (${diff}) TO '${path.join(dir, 'base.parquet')}' (FORMAT parquet)`);
      await c.run(`COPY (${diff}) TO '${path.join(dir, 'base.csv')}' (FORMAT csv, HEADER true)`);
    });
    c.closeSync();

    const engine = await EngineService.open(path.join(dir, 'bench.parity'), { home: dir, memoryLimit: '4GB' });
    try {
      await engine.call('profile.set', { profile: { name: 'Bench Steward', role: 'data steward' } });
      await engine.call('sources.import', { side: 'left', inputs: [legacy] });
      await engine.call('sources.import', { side: 'right', inputs: [fresh] });
      const summary = await sw.time('Parity: full run', () => engine.call('compare.run', { contract: { version: 1, name: 'pack bench', key: ['order_id'] } }));
      console.log(`   exceptions ${summary.rows.mismatched.toLocaleString('en-US')}`);
      sw.resetPeak();
      const pack = await sw.time('Parity: export the signed pack (Parquet, CSV, XLSX, notes, report, zip)', () =>
        engine.call('pack.export', { out: path.join(dir, 'bench.paritypack') }));
      console.log(`   pack ${(pack.bytes / 2 ** 20).toFixed(1)} MB, ${pack.exceptions.toLocaleString('en-US')} exceptions`);
    } finally {
      await engine.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  sw.report(path.join(import.meta.dirname, 'results', `pack-${N}.json`), { exceptions: N });
}

void main();
