/** The delta line: what a toggle explained, in the analyst's words. */
import type { CompareSummary } from '../../shared/compare';
import { count } from './format';

export interface Delta {
  change: string;
  lines: string[];
}

export function describeDelta(change: string, before: CompareSummary, after: CompareSummary): Delta {
  const lines: string[] = [];
  for (const col of after.columns) {
    const prev = before.columns.find((c) => c.name === col.name);
    if (!prev) continue;
    const was = prev.mismatched + prev.nullDifferences;
    const now = col.mismatched + col.nullDifferences;
    if (now < was) lines.push(`${change} explains ${count(was - now)} of ${count(was)} ${col.name} mismatches.`);
    else if (now > was) lines.push(`${change} adds ${count(now - was)} ${col.name} mismatches (${count(was)} → ${count(now)}).`);
    else if (col.withinTolerance !== prev.withinTolerance) {
      lines.push(`${col.name}: within tolerance ${count(prev.withinTolerance)} → ${count(col.withinTolerance)}.`);
    }
  }
  const b = before.rows;
  const a = after.rows;
  if (b.mismatched !== a.mismatched) lines.push(`Mismatched rows ${count(b.mismatched)} → ${count(a.mismatched)}.`);
  if (b.timing !== a.timing) lines.push(`Timing rows ${count(b.timing)} → ${count(a.timing)}.`);
  if (lines.length === 0) lines.push(`${change} changes no count.`);
  return { change, lines };
}
