/** Explaining differences: the local profile, annotations and their history, runs and sign-off. */
import { AnnotationStore } from '../annotations/store.js';
import { requireRecordedRun } from '../compare/recorded.js';
import type { CompareSession } from '../compare/session.js';
import type { ProfileStore } from '../profile.js';
import type { Workspace } from '../workspace.js';
import type { HandlerGroup } from './types.js';

type AnnotationMethods = 'profile.get' | 'profile.set' | 'annotations.set' | 'annotations.get' | 'annotations.verify' | 'annotations.counts' | 'runs.list' | 'runs.signOff';

export function annotationHandlers(ws: Workspace, session: CompareSession, profiles: ProfileStore): HandlerGroup<AnnotationMethods> {
  const store = new AnnotationStore(ws.db);
  return {
    'profile.get': async () => profiles.read(),
    'profile.set': async (args) => profiles.write(args.profile),
    'annotations.set': async (args) => {
      const who = profiles.require();
      if ('ids' in args.target) {
        const ids = [...new Set(args.target.ids)];
        await session.requireCurrent(ids);
        return store.annotate(await session.contractName(), ids, args.fields, who, ids.length === 1 ? 'annotate' : 'annotate selection');
      }
      const { contract, ids } = await session.exceptionIds(args.target.set);
      return store.annotate(contract, ids, args.fields, who, 'annotate group');
    },
    'annotations.get': (args) => store.get(args.exceptionId),
    'annotations.verify': () => store.verify(),
    // The Results page's counts (lazy) wait until the toggles settle rather than start a listing the next toggle must stop.
    'annotations.counts': async ({ by, lazy, ...set }) => {
      if (lazy) await session.whenSettled();
      return lazy && !session.isOpen() ? null : session.explanationCounts(set, by);
    },
    // The saved contract names the runs, so listing them never reopens a run.
    'runs.list': async () => (ws.contract ? session.runLog.runs(ws.contract.name) : []),
    'runs.signOff': async (args) => {
      const who = profiles.require();
      requireRecordedRun(ws.summary, 'sign off');
      const counts = await session.explanationCounts({});
      return session.runLog.signOff(await session.contractName(), who, args.statement, counts.byExplanation.unexplained, args.override ?? null);
    },
  };
}
