/**
 * `npm run bench`: technical parity of two 10M-row Parquet files, timed beside plain DuckDB queries over
 * the same files in the same run. Not a test: it prints figures for the notes. `--rows N` to resize.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { existingDemo, generateDemo } from '../electron/engine/demo/generate.js';
import { EngineService } from '../electron/engine/service.js';
import { literal } from '../electron/engine/db/sql.js';

const argRows = process.argv.indexOf('--rows');
const ROWS = argRows >= 0 ? Number(process.argv[argRows + 1]) : 10_000_000;
const dataDir = path.join(import.meta.dirname, '.data', `orders-${ROWS}`);
export {};

async function timed<T>(label: string, work: () => Promise<T>, results: [string, number][]): Promise<T> {
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  results.push([label, ms]);
  console.log(`${label.padEnd(58)} ${(ms / 1000).toFixed(2).padStart(8)} s`);
  return value;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

async function main(): Promise<void> {
  const results: [string, number][] = [];
  console.log(`Parity bench — ${ROWS.toLocaleString('en-US')} orders a side, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM\n`);
  const manifest =
    existingDemo(dataDir, { rows: ROWS, legacyFormat: 'parquet' }) ??
    (await timed('generate the pair (once, cached in bench/.data)', () => generateDemo(dataDir, { rows: ROWS, legacyFormat: 'parquet' }), results));
  const { legacy, new: fresh } = manifest.files;

  // Baselines: plain DuckDB on the same files, same process, same settings.
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '4GB' });
  const c = await instance.connect();
  await c.run(`SET TimeZone = 'UTC'`);
  await timed('baseline: SELECT count(*) on both files', async () => {
    await c.run(`SELECT count(*) FROM read_parquet(${literal(legacy)})`);
    await c.run(`SELECT count(*) FROM read_parquet(${literal(fresh)})`);
  }, results);
  await timed('baseline: hand-written profile query (same stats, both files)', async () => {
    for (const file of [legacy, fresh]) {
      const cols = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${literal(file)})`)).getRowObjectsJS().map((r) => `"${r.column_name}"`);
      const aggs = cols.flatMap((x) => [`count(${x})`, `count(DISTINCT ${x})`, `min(${x})::VARCHAR`, `max(${x})::VARCHAR`]);
      await c.run(`SELECT count(*), ${aggs.join(', ')} FROM read_parquet(${literal(file)})`);
    }
  }, results);
  c.closeSync();
  instance.closeSync();

  const baselinePeak = peakRss;
  peakRss = process.memoryUsage().rss;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-bench-'));
  const engine = await EngineService.open(path.join(dir, 'bench.parity'), { memoryLimit: '4GB' });
  try {
    await timed('Parity: add both Parquet sources', async () => {
      await engine.call('sources.import', { side: 'left', inputs: [legacy] });
      await engine.call('sources.import', { side: 'right', inputs: [fresh] });
    }, results);
    const report = await timed('Parity: technical parity (profiles, key, row hashes)', () =>
      engine.call('technical.run', { key: ['ORDER_ID'], mapping: [{ left: 'QTY', right: 'quantity' }] }), results);
    await timed('Parity: first 100-row page sorted by AMOUNT desc', () =>
      engine.call('sources.page', { side: 'left', offset: 0, limit: 100, sort: [{ column: 'AMOUNT', direction: 'desc' }] }), results);
    await timed('Parity: a 100-row page sorted by AMOUNT desc at row 5,000,000', () =>
      engine.call('sources.page', { side: 'left', offset: 5_000_000, limit: 100, sort: [{ column: 'AMOUNT', direction: 'desc' }] }), results);
    await timed('Parity: a 100-row page, unsorted, deep offset', () =>
      engine.call('sources.page', { side: 'right', offset: 9_000_000, limit: 100 }), results);
    console.log(`\nrows ${report.left.rows} / ${report.right.rows}; duplicate-key rows ${report.key?.duplicateKeysLeft} / ${report.key?.duplicateKeysRight}; identical rows ${report.hash.identicalRows}`);
  } finally {
    await engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  clearInterval(sampler);
  console.log(`peak RSS: baselines ${(baselinePeak / 2 ** 20).toFixed(0)} MB, Parity steps ${(peakRss / 2 ** 20).toFixed(0)} MB`);
  const out = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `technical-${ROWS}.json`), `${JSON.stringify({ rows: ROWS, date: new Date().toISOString(), peakRssMb: { baselines: Math.round(baselinePeak / 2 ** 20), parity: Math.round(peakRss / 2 ** 20) }, results: Object.fromEntries(results.map(([k, v]) => [k, Math.round(v)])) }, null, 2)}\n`);
}

void main();
