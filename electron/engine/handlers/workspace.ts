/** Engine identity, workspace state, and the demo workspace's first start. */
import path from 'node:path';
import { version as duckdbVersion } from '@duckdb/node-api';
import { ParityError } from '../../../shared/errors.js';
import type { JobContext } from '../jobs.js';
import { existingDemo, generateDemo } from '../demo/generate.js';
import { importSource } from '../sources/import.js';
import { runTechnical } from '../technical/run.js';
import { parseContract } from '../../../shared/contract.js';
import type { CompareSession } from '../compare/session.js';
import { demoContract } from '../demo/contract.js';
import { PARITY_VERSION } from '../version.js';
import type { Workspace } from '../workspace.js';
import type { HandlerGroup } from './types.js';

/** Where the demo's extracts live: beside the workspace file, so deleting both starts afresh. */
export function demoFolder(ws: Workspace): string {
  return path.join(path.dirname(ws.path), `${path.basename(ws.path).replace(/\.[^.]+$/, '')}-data`);
}

function scaled(job: JobContext, from: number, to: number): JobContext {
  return {
    signal: job.signal,
    progress: (p) => job.progress({ phase: p.phase, fraction: p.fraction === null ? null : from + (to - from) * p.fraction }),
  };
}

export async function prepareDemo(ws: Workspace, session: CompareSession, rows: number | undefined, job: JobContext) {
  if (!ws.isDemo) throw new ParityError('invalid_args', 'Only the demo workspace can be filled with demo data.');
  if (ws.hasSource('left') && ws.hasSource('right') && ws.report && ws.summary) return ws.state();
  const folder = demoFolder(ws);
  const manifest = existingDemo(folder, { rows }) ?? (await generateDemo(folder, { rows }, scaled(job, 0, 0.3)));
  if (job.signal.aborted) throw new ParityError('cancelled', 'Cancelled; nothing was changed.');
  if (!ws.hasSource('left')) {
    await importSource(ws, { side: 'left', inputs: [manifest.files.legacy], label: 'Legacy ERP · nightly CSV' }, scaled(job, 0.3, 0.7));
  }
  if (!ws.hasSource('right')) {
    await importSource(ws, { side: 'right', inputs: [manifest.files.new], label: 'Lakehouse · CDC Parquet' }, scaled(job, 0.7, 0.75));
  }
  // The analyst's first decisions, already made: the business key, the renamed quantity column, a contract.
  if (!ws.report) await runTechnical(ws, { key: ['ORDER_ID'], mapping: [{ left: 'QTY', right: 'quantity' }] }, scaled(job, 0.75, 0.8));
  await session.run(parseContract(ws.contract ?? demoContract()), process.cwd(), scaled(job, 0.8, 1));
  return ws.state();
}

export function workspaceHandlers(ws: Workspace, session: CompareSession): HandlerGroup<'engine.hello' | 'workspace.state' | 'workspace.saveView' | 'demo.prepare'> {
  return {
    'engine.hello': async () => ({
      version: PARITY_VERSION,
      duckdb: duckdbVersion(),
      pid: process.pid,
      workspace: ws.path,
      memoryLimit: ws.db.memoryLimit,
    }),
    'workspace.state': async () => ws.state(),
    'workspace.saveView': async (args) => {
      await ws.saveView(args.view ?? null);
      return null;
    },
    'demo.prepare': (args, job) => prepareDemo(ws, session, args.rows, job),
  };
}
