/** The runs of the current contract, newest first, fetched again when a run or a sign-off lands. */
import { useEffect, useState } from 'react';
import type { RunRecord } from '../../shared/annotations';
import { api } from '../api/client';
import { useNotes } from '../store/notes';
import { useWorkbench } from '../store/workbench';

export function useRuns(): RunRecord[] | null {
  const notes = useNotes((s) => s.version);
  const results = useWorkbench((s) => s.resultsVersion);
  const [runs, setRuns] = useState<RunRecord[] | null>(null);
  useEffect(() => {
    let live = true;
    api()
      .call('runs.list', {})
      .then((r) => live && setRuns([...r].sort((a, b) => b.id - a.id)))
      .catch((e) => useWorkbench.getState().showError(e));
    return () => {
      live = false;
    };
  }, [notes, results]);
  return runs;
}
