import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { generateDemo, type DemoManifest } from '../../electron/engine/demo/generate.js';
import { demoFolder } from '../../electron/engine/handlers/workspace.js';
import { openEngine } from '../helpers/engine.js';
import { tempFolder } from '../helpers/temp.js';

const ROWS = 100_000;

async function query(sql: string): Promise<Record<string, unknown>> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await c.run(`SET TimeZone = 'UTC'`);
    return (await c.runAndReadAll(sql)).getRowObjectsJS()[0];
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('the demo workspace', async () => {
  const { engine } = await openEngine({ demo: true });
  const state = await engine.call('demo.prepare', { rows: ROWS });
  const manifest = JSON.parse(fs.readFileSync(path.join(demoFolder(engine.workspace), 'manifest.json'), 'utf8')) as DemoManifest;
  const { counts } = manifest;

  it('opens on a legacy CSV and a new Parquet extract with a technical report ready', () => {
    expect(state.isDemo).toBe(true);
    expect(state.left?.format).toBe('csv');
    expect(state.right?.format).toBe('parquet');
    expect(state.left?.rows).toBe(counts.legacyRows);
    expect(state.right?.rows).toBe(counts.newRows);
    expect(state.left?.rejectedLines).toBe(0);
    expect(state.report).not.toBeNull();
  });

  it('reads money as DECIMAL and shows the seeded schema differences', () => {
    const cols = Object.fromEntries(state.left!.columns.map((c) => [c.name, c.type]));
    expect(cols.AMOUNT).toBe('DECIMAL(18,2)');
    expect(cols.ORDER_TS).toBe('TIMESTAMP');
    const schema = state.report!.schema;
    expect(schema.leftOnly).toEqual(['SALES_REP']);
    expect(schema.rightOnly).toEqual(['ingested_at']);
    expect(schema.pairs.find((p) => p.left === 'QTY')).toMatchObject({ right: 'quantity', origin: 'manual' });
    expect(schema.typeChanges).toEqual([
      { column: 'ORDER_TS', rightColumn: 'order_ts', left: 'TIMESTAMP', right: 'TIMESTAMP WITH TIME ZONE' },
      { column: 'QTY', rightColumn: 'quantity', left: 'DECIMAL(18,3)', right: 'INTEGER' },
    ]);
  });

  it('reports exactly the seeded duplicate and null keys', () => {
    expect(state.report!.key).toEqual({
      columns: [{ left: 'ORDER_ID', right: 'order_id' }],
      duplicateKeysLeft: counts.duplicateRowsLegacy,
      duplicateKeysRight: counts.duplicateRowsNew,
      duplicateValuesLeft: counts.duplicateKeysLegacy,
      duplicateValuesRight: counts.duplicateKeysNew,
      nullKeysLeft: 3,
      nullKeysRight: 0,
    });
    expect(counts.duplicateKeysLegacy).toBeGreaterThan(0);
    expect(counts.duplicateKeysNew).toBeGreaterThan(0);
  });

  it('seeds what docs/demo.md says, checked straight from the files', async () => {
    const { legacy, new: fresh } = manifest.files;
    const r = await query(`
      WITH l AS (SELECT DISTINCT ORDER_ID AS id, AMOUNT, ORDER_TS, REGION, STATUS FROM read_csv('${legacy}', types={'AMOUNT': 'DECIMAL(18,2)'}) WHERE ORDER_ID IS NOT NULL),
           n AS (SELECT DISTINCT ON (order_id) order_id AS id, amount, order_ts, region, status FROM read_parquet('${fresh}') ORDER BY order_id)
      SELECT
        (SELECT count(*) FROM l ANTI JOIN n USING (id)) AS only_legacy,
        (SELECT count(*) FROM n ANTI JOIN l USING (id)) AS only_new,
        (SELECT count(*) FROM n ANTI JOIN l USING (id) WHERE order_ts >= TIMESTAMPTZ '2026-03-31 18:00:00+00') AS late,
        (SELECT count(*) FROM l JOIN n USING (id) WHERE abs(l.AMOUNT - n.amount) = 0.01) AS rounded,
        (SELECT count(*) FROM l JOIN n USING (id) WHERE l.AMOUNT <> n.amount) AS amount_differs,
        (SELECT count(*) FROM l JOIN n USING (id) WHERE timezone(CASE l.REGION WHEN 'AMER' THEN 'America/New_York' WHEN 'EMEA' THEN 'Europe/London' ELSE 'Asia/Tokyo' END, n.order_ts) <> l.ORDER_TS) AS ts_off,
        (SELECT count(*) FROM l JOIN n USING (id) WHERE NOT ((l.STATUS, n.status) IN (('C', 'closed'), ('O', 'open'), ('X', 'cancelled')))) AS status_off`);
    expect(Number(r.only_legacy)).toBe(counts.onlyLegacyKeys);
    expect(Number(r.only_new)).toBe(counts.onlyNewKeys + counts.lateKeys);
    expect(Number(r.late)).toBe(counts.lateKeys);
    expect(Number(r.rounded)).toBe(counts.roundedAmounts);
    expect(Number(r.amount_differs)).toBe(counts.roundedAmounts);
    expect(Number(r.ts_off)).toBe(0);
    expect(Number(r.status_off)).toBe(0);
  });

  it('is deterministic: the same size gives byte-identical files', async () => {
    const again = await generateDemo(tempFolder(), { rows: ROWS });
    expect(sha(again.files.legacy)).toBe(sha(manifest.files.legacy));
    expect(sha(again.files.new)).toBe(sha(manifest.files.new));
    expect(again.counts).toEqual(counts);
  });

  it('does not redo work on the next start', async () => {
    const before = fs.statSync(manifest.files.legacy).mtimeMs;
    const again = await engine.call('demo.prepare', { rows: ROWS });
    expect(again.report?.computedAt).toBe(state.report?.computedAt);
    expect(fs.statSync(manifest.files.legacy).mtimeMs).toBe(before);
  });
});

describe('the demo contract on the demo workspace', async () => {
  const { engine } = await openEngine({ demo: true });
  const state = await engine.call('demo.prepare', { rows: 50_000 });
  const manifest = JSON.parse(fs.readFileSync(path.join(demoFolder(engine.workspace), 'manifest.json'), 'utf8')) as DemoManifest;

  it('reconciles to exactly the seeded differences', () => {
    const s = state.summary!;
    const c = manifest.counts;
    expect(s.rows).toMatchObject({
      leftOnly: c.onlyLegacyKeys,
      rightOnly: c.onlyNewKeys,
      timing: c.lateKeys,
      duplicateKeysLeft: c.duplicateRowsLegacy,
      duplicateKeysRight: c.duplicateRowsNew,
      nullKeysLeft: c.nullKeysLegacy,
    });
    expect(s.columns.find((x) => x.name === 'AMOUNT')).toMatchObject({ mismatched: c.roundedAmounts, maxAbsDiff: '0.01' });
    expect(s.columns.find((x) => x.name === 'STATUS')?.mismatched).toBe(0);
    // Orders placed in the repeated fall-back hour cannot be told apart: read as the later hour, half are an hour off.
    const ts = s.columns.find((x) => x.name === 'ORDER_TS');
    expect(ts?.mismatched).toBeLessThanOrEqual(s.dst.left[0].ambiguous);
    expect(ts?.maxAbsDiff === null || ts?.maxAbsDiff === '3600').toBe(true);
  });
});
