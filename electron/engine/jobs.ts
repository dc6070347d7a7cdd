/** What a long job gets: a cancel signal and a way to report progress. Short calls get a quiet one. */
import type { Progress } from '../../shared/types.js';

export interface JobContext {
  signal: AbortSignal;
  progress(progress: Progress): void;
}

export function quietJob(signal: AbortSignal = new AbortController().signal): JobContext {
  return { signal, progress: () => undefined };
}

/** Collapses progress reports so a busy query does not flood the transport. */
export function throttledProgress(send: (p: Progress) => void, minIntervalMs = 100): (p: Progress) => void {
  let last = 0;
  let lastPhase = '';
  return (p) => {
    const now = Date.now();
    if (p.phase !== lastPhase || now - last >= minIntervalMs) {
      last = now;
      lastPhase = p.phase;
      send(p);
    }
  };
}
