/** How bad a group is, for colours: beyond a measure's tolerance, then having exceptions, then fine. */
import type { DrillGroup } from '../../shared/compare';

export type Severity = 'high' | 'mid' | 'ok';

export function severityOf(g: DrillGroup): Severity {
  if (g.beyondTolerance) return 'high';
  if (g.exceptions.total > 0) return 'mid';
  return 'ok';
}

export const SEVERITY_COLOR: Record<Severity, string> = { high: '#dc2626', mid: '#d97706', ok: '#059669' };

export function groupLabel(value: string | null): string {
  return value === null ? '(none)' : value;
}
