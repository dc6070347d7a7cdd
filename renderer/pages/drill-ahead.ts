/**
 * Whether the drill-down is built ahead behind the Results page. Once the analyst has read the results
 * for a moment, the Drill page is drawn out of sight (its grid, chart and first level), so that opening
 * it only shows what is there. Leaving both pages drops it.
 */
import { useEffect, useState } from 'react';
import type { Page } from '../lib/view';
import { afterQuiet } from '../lib/after-paint';

/** How long the Results page stays still before the drill-down is built behind it. */
const BUILD_AFTER_MS = 600;

export function useDrillAhead(page: Page, ready: boolean): boolean {
  const [built, setBuilt] = useState(false);
  // Dropped on the other pages, and once there are no results to drill into (a source changed).
  const kept = ready && (page === 'results' || page === 'drill');
  if (!kept && built) setBuilt(false);
  // Opened directly, it is drawn already: kept when the analyst goes back to the Results page.
  if (kept && page === 'drill' && !built) setBuilt(true);
  useEffect(() => (page === 'results' && ready ? afterQuiet(() => setBuilt(true), BUILD_AFTER_MS) : undefined), [page, ready]);
  return built && kept;
}
