import path from 'node:path';
import type { ExplanationCounts } from '../../shared/annotations.js';
import type { ArgsOf } from '../../shared/api.js';
import type { CompareSummary } from '../../shared/compare.js';
import { decodePage } from '../../shared/arrow-cells.js';
import type { ContractInput } from '../../shared/contract.js';
import type { EngineService } from '../../electron/engine/service.js';
import { duck } from './sql.js';
import { openEngine } from './engine.js';

let counter = 0;

/** A side written by DuckDB from a SELECT (types exactly as given), as Parquet. */
export async function parquet(dir: string, select: string): Promise<string> {
  const file = path.join(dir, `side${++counter}.parquet`);
  await duck(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
  return file;
}

export interface Pair {
  engine: EngineService;
  dir: string;
  run(contract: Partial<ContractInput>): Promise<CompareSummary>;
  exceptions(args?: Record<string, unknown>): Promise<{ total: number; rows: Record<string, string | null>[] }>;
}

/** Two sources from SELECTs, and a runner that fills in a contract's version and name. */
export async function pair(leftSelect: string, rightSelect: string): Promise<Pair> {
  const { engine, dir } = await openEngine();
  await engine.call('sources.import', { side: 'left', inputs: [await parquet(dir, leftSelect)] });
  await engine.call('sources.import', { side: 'right', inputs: [await parquet(dir, rightSelect)] });
  return {
    engine,
    dir,
    run: (contract) => engine.call('compare.run', { contract: { version: 1, name: 'test', ...contract } }),
    async exceptions(args = {}) {
      const page = await engine.call('compare.exceptions', { offset: 0, limit: 1000, ...args });
      const decoded = decodePage(page.arrow);
      return { total: page.total, rows: decoded.rows.map((r) => Object.fromEntries(decoded.columns.map((c, i) => [c.name, r[i]]))) };
    },
  };
}

export const column = (s: CompareSummary, name: string) => s.columns.find((c) => c.name === name);

/** Explanation counts of an open run (never the lazy null). */
export async function explanationCounts(engine: EngineService, args: ArgsOf<'annotations.counts'> = {}): Promise<ExplanationCounts> {
  const counts = await engine.call('annotations.counts', args);
  if (!counts) throw new Error('No run is open.');
  return counts;
}
