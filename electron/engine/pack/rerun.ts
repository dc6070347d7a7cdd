/**
 * Re-runs a pack's embedded contract on the source files in a folder, and says whether the result
 * reproduces the pack: which source files are not the ones the pack was made from, and which counts
 * differ. The pack is verified first; nothing in it is trusted otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CompareSummary } from '../../../shared/compare.js';
import { parseContract } from '../../../shared/contract.js';
import { ParityError } from '../../../shared/errors.js';
import type { JobContext } from '../jobs.js';
import type { EngineService } from '../service.js';
import { hashFile } from './export.js';
import { verifyPack } from './verify.js';

export interface RerunResult {
  reproduces: boolean;
  /** Source files that are missing or not byte-identical to the pack's. */
  sources: string[];
  /** "rows.mismatched: pack 5,151, now 5,152" */
  differences: string[];
  summary: CompareSummary;
}

const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v));

/** The counts a reproduction must match, by a readable path. */
function figures(s: CompareSummary): Map<string, unknown> {
  const out = new Map<string, unknown>([
    ['legacy rows', s.left.rows],
    ['new rows', s.right.rows],
    ...Object.entries(s.rows).map(([k, v]) => [`rows.${k}`, v] as [string, unknown]),
    ['match rate', s.matchRate],
  ]);
  for (const c of s.columns) {
    out.set(`${c.name}: mismatched`, c.mismatched);
    out.set(`${c.name}: within tolerance`, c.withinTolerance);
    out.set(`${c.name}: null differences`, c.nullDifferences);
    out.set(`${c.name}: max |diff|`, c.maxAbsDiff);
  }
  for (const m of s.aggregates.totals) out.set(`${m.name}: difference`, m.diff);
  return out;
}

export async function rerunPack(engine: EngineService, packFile: string, sourcesDir: string, job: JobContext): Promise<RerunResult> {
  const check = verifyPack(packFile);
  if (!check.ok || !check.manifest) throw new ParityError('invalid_pack', `The pack is not intact, so it cannot be re-run: ${check.problems[0] ?? 'it has no manifest'}`);
  const manifest = check.manifest;
  if (!fs.existsSync(sourcesDir)) throw new ParityError('not_found', `The folder "${sourcesDir}" does not exist.`);
  const sources: string[] = [];
  const inputs: Record<'left' | 'right', string[]> = { left: [], right: [] };
  for (const src of manifest.sources) {
    for (const f of src.files) {
      const file = path.join(sourcesDir, f.name);
      if (!fs.existsSync(file)) throw new ParityError('not_found', `The ${src.side === 'left' ? 'legacy' : 'new'} source file "${f.name}" is not in "${sourcesDir}".`);
      const now = await hashFile(file);
      if (now.sha256 !== f.sha256) sources.push(`${f.name} is not the file the pack was made from (its SHA-256 differs).`);
      inputs[src.side].push(file);
    }
  }
  const onProgress = (p: Parameters<JobContext['progress']>[0]) => job.progress(p);
  await engine.call('sources.import', { side: 'left', inputs: inputs.left }, { onProgress });
  await engine.call('sources.import', { side: 'right', inputs: inputs.right }, { onProgress });
  const summary = await engine.compare.run(parseContract(manifest.contract), sourcesDir, job);
  const before = figures(manifest.summary as unknown as CompareSummary);
  const after = figures(summary);
  const differences: string[] = [];
  for (const [key, was] of before) {
    const now = after.get(key);
    if (JSON.stringify(was) !== JSON.stringify(now)) differences.push(`${key}: pack ${n(was)}, now ${n(now)}`);
  }
  return { reproduces: sources.length === 0 && differences.length === 0, sources, differences, summary };
}
