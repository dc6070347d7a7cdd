/**
 * Evidence (a sign-off, an exception pack) names a recorded run, so its counts must be that run's. After a
 * toggle the comparison in hand is a what-if that the run log never saw: it is refused until run again.
 */
import type { CompareSummary } from '../../../shared/compare.js';
import { ParityError } from '../../../shared/errors.js';

export function requireRecordedRun(summary: CompareSummary | null, then: string): void {
  if (summary?.recorded === false) throw new ParityError('unrecorded', `The counts on screen come from toggles not yet recorded as a run; run the comparison again to record them, then ${then}.`);
}
