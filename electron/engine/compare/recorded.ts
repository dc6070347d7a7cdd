/**
 * Evidence (a sign-off, an exception pack) names a recorded run, so its counts must be that run's. After a
 * toggle the comparison in hand is a what-if that the run log never saw: it is refused until run again.
 */
import type { CompareSummary } from '../../../shared/compare.js';
import type { Contract } from '../../../shared/contract.js';
import { ParityError } from '../../../shared/errors.js';

export function requireRecordedRun(summary: CompareSummary | null, then: string): void {
  if (summary?.recorded === false) throw new ParityError('unrecorded', `The counts on screen come from toggles not yet recorded as a run; run the comparison again to record them, then ${then}.`);
}

/**
 * What makes a run's counts: its sources and built data (`signature`) and its contract. A tolerance of
 * zero is no tolerance ("Exact" after "0.00" classifies alike), so it is left out.
 */
export function recordedKey(signature: string, contract: Contract): string {
  return JSON.stringify([signature, contract], (key, value) => ((key === 'absTol' || key === 'relTol') && Number(value) === 0 ? undefined : value));
}
