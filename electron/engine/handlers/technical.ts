/** Technical parity and the listing of offending key values. */
import { ParityError } from '../../../shared/errors.js';
import { keyValuesPage } from '../technical/keys.js';
import { runTechnical } from '../technical/run.js';
import type { Workspace } from '../workspace.js';
import type { HandlerGroup } from './types.js';

export function technicalHandlers(ws: Workspace): HandlerGroup<'technical.run' | 'technical.keyValues'> {
  return {
    'technical.run': (args, job) => runTechnical(ws, args, job),
    'technical.keyValues': async (args) => {
      const report = ws.report?.key;
      if (!report) throw new ParityError('no_source', 'Choose a key and run technical parity first.');
      const lane = await ws.db.lane('browse');
      const columns = ws.source(args.side).columns.map((c) => c.name);
      return keyValuesPage(lane, args.side, args.kind, report.columns, columns, report, args);
    },
  };
}
