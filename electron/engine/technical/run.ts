/** Technical parity for the pair: counts, schema, per-column profiles, keys and whole-row hash parity. */
import type { ColumnPairReport, ManualPair, TechnicalReport, TechnicalSettings } from '../../../shared/types.js';
import type { JobContext } from '../jobs.js';
import type { Workspace } from '../workspace.js';
import { hashParity } from './hash.js';
import { keyReport } from './keys.js';
import { profileSide } from './profile.js';
import { planSchema, resolveKey } from './schema.js';

export interface TechnicalRequest {
  key?: string[];
  mapping?: ManualPair[];
}

export async function runTechnical(ws: Workspace, request: TechnicalRequest, job: JobContext): Promise<TechnicalReport> {
  const started = Date.now();
  const left = ws.source('left');
  const right = ws.source('right');
  const settings: TechnicalSettings = {
    key: request.key ?? ws.settings.key,
    mapping: request.mapping ?? ws.settings.mapping,
  };
  const matching = planSchema(left, right, settings.mapping);
  const key = resolveKey(settings.key, left, matching);
  const lane = await ws.db.lane('compare');

  const l = await profileSide(lane, 'left', left.columns, job, [0, 0.35], 'Profiling legacy columns');
  const r = await profileSide(lane, 'right', right.columns, job, [0.35, 0.7], 'Profiling new columns');
  const keys = key.length > 0 ? await keyReport(lane, key, job) : null;
  const hash = await hashParity(lane, matching.pairs, { left: l.rows, right: r.rows }, job, [0.8, 1]);

  const pairs: ColumnPairReport[] = [
    ...matching.pairs.map((p) => ({
      left: p.left.name,
      right: p.right.name,
      origin: p.origin,
      leftType: p.left.type,
      rightType: p.right.type,
      typeChange: p.left.type !== p.right.type,
      leftProfile: l.profiles.get(p.left.name) ?? null,
      rightProfile: r.profiles.get(p.right.name) ?? null,
    })),
    ...matching.leftOnly.map((c) => ({
      left: c.name, right: null, origin: null, leftType: c.type, rightType: null, typeChange: false,
      leftProfile: l.profiles.get(c.name) ?? null, rightProfile: null,
    })),
    ...matching.rightOnly.map((c) => ({
      left: null, right: c.name, origin: null, leftType: null, rightType: c.type, typeChange: false,
      leftProfile: null, rightProfile: r.profiles.get(c.name) ?? null,
    })),
  ];
  const report: TechnicalReport = {
    left: { rows: l.rows, columns: left.columns.length },
    right: { rows: r.rows, columns: right.columns.length },
    schema: {
      pairs,
      leftOnly: matching.leftOnly.map((c) => c.name),
      rightOnly: matching.rightOnly.map((c) => c.name),
      typeChanges: matching.pairs
        .filter((p) => p.left.type !== p.right.type)
        .map((p) => ({ column: p.left.name, rightColumn: p.right.name, left: p.left.type, right: p.right.type })),
    },
    key: keys,
    hash,
    computedAt: new Date().toISOString(),
    elapsedMs: Date.now() - started,
  };
  await ws.saveTechnical(settings, report);
  job.progress({ phase: 'Done', fraction: 1 });
  return report;
}
