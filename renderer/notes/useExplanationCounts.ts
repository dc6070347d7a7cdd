/** Counts of a set of exceptions by explanation and status, fetched again when annotations or results change. */
import { useEffect, useRef, useState } from 'react';
import type { ExplanationCounts } from '../../shared/annotations';
import type { ArgsOf } from '../../shared/api';
import { api } from '../api/client';
import { afterPaint } from '../lib/after-paint';
import { useNotes } from '../store/notes';
import { useWorkbench } from '../store/workbench';

/** Counts on their way, by key: the rows view and its page ask for the same set at the same moment. */
const inFlight = new Map<string, Promise<ExplanationCounts | null>>();

function countsOf(key: string, query: ArgsOf<'annotations.counts'>): Promise<ExplanationCounts | null> {
  const asked = inFlight.get(key);
  if (asked) return asked;
  const counts = api().call('annotations.counts', query);
  inFlight.set(key, counts);
  const forget = () => inFlight.delete(key);
  counts.then(forget, forget);
  return counts;
}

export type LiveCounts = ExplanationCounts & { /** False while the counts for a changed query are on their way. */ fresh: boolean };

export function useExplanationCounts(query: ArgsOf<'annotations.counts'> | null): LiveCounts | null {
  const notes = useNotes((s) => s.version);
  const results = useWorkbench((s) => s.resultsVersion);
  const [counts, setCounts] = useState<{ key: string; value: ExplanationCounts | null } | null>(null);
  const key = JSON.stringify([query, notes, results]);
  // One question at a time per view: the engine holds the Results page's counts until the toggles
  // settle, and each toggle would otherwise queue one more count to run the moment they do.
  const asking = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    if (!query) return;
    let live = true;
    const cancel = afterPaint(() => {
      asking.current = asking.current.then(() =>
        live
          ? countsOf(key, query)
              .then((value) => live && setCounts({ key, value }))
              .catch((e) => useWorkbench.getState().showError(e))
          : undefined,
      );
    });
    return () => {
      live = false;
      cancel();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // The last counts stay while new ones come, so the bar does not flicker.
  return counts?.value ? { ...counts.value, fresh: counts.key === key } : null;
}
