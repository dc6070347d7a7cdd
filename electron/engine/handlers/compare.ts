/** The reconciliation itself: check a contract, run or re-classify, drill down, page exceptions, open a row. */
import { parseContract } from '../../../shared/contract.js';
import { ParityError } from '../../../shared/errors.js';
import { CompareSession } from '../compare/session.js';
import { planComparison } from '../compare/plan.js';
import type { Workspace } from '../workspace.js';
import type { HandlerGroup } from './types.js';

type CompareMethods = 'contract.check' | 'compare.run' | 'compare.summary' | 'compare.drill' | 'compare.exceptions' | 'compare.exceptionColumns' | 'compare.row' | 'compare.dst';

export function compareHandlers(ws: Workspace, session: CompareSession): HandlerGroup<CompareMethods> {
  return {
    'contract.check': async (args) => {
      const contract = parseContract(args.contract);
      const lane = await ws.db.lane('meta');
      await lane.use((c) => planComparison(c, contract, ws.source('left'), ws.source('right')));
      return contract;
    },
    'compare.run': async (args, job) => {
      const contract = args.contract === undefined ? ws.contract : parseContract(args.contract);
      if (!contract) throw new ParityError('invalid_contract', 'There is no contract yet; give one to run.');
      // "Run again" re-reads the sources (their files may have changed) instead of re-classifying.
      if (args.rebuild) session.reset();
      return session.run(contract, process.cwd(), job, args.quick ?? false);
    },
    'compare.summary': async () => ws.summary,
    'compare.drill': (args) => session.drill(args.dimension, args.grain ?? null, args.filters),
    'compare.exceptions': (args) => session.exceptions(args),
    'compare.exceptionColumns': () => session.exceptionColumnsInfo(),
    'compare.row': (args) => session.row(args.key),
    'compare.dst': (args) => session.dstRows(args.side, args.column, args.edge, args.offset, args.limit),
  };
}
