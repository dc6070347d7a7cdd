/** What a comparison run reports: the JSON summary of product.md plus what the workbench drills into. */
import type { ColumnKind, Grain } from './contract.js';

export type ExceptionClass = 'left_only' | 'right_only' | 'mismatch' | 'duplicate_key' | 'null_key' | 'timing';
/** The last column of an exception page: the exception's stable identity (annotations hang on it). */
export const EXCEPTION_ID = 'exception id';

export const EXCEPTION_CLASSES: readonly ExceptionClass[] = ['left_only', 'right_only', 'mismatch', 'duplicate_key', 'null_key', 'timing'];

export interface ColumnSummary {
  name: string;
  right: string;
  kind: ColumnKind;
  mismatched: number;
  withinTolerance: number;
  nullDifferences: number;
  /** Exact decimal text for numbers; seconds for timestamps; days for dates; null when nothing differs. */
  maxAbsDiff: string | null;
}

export interface DstCounts {
  column: string;
  zoneRule: string;
  nonexistent: number;
  ambiguous: number;
  /** Rows whose zone column value the mapping does not name (per-row rules without a fallback). */
  unmapped: number;
}

export interface MeasureTotal {
  name: string;
  fn: string;
  left: string | null;
  right: string | null;
  diff: string | null;
  withinTolerance: boolean;
}

export interface CompareSummary {
  contract: { name: string; domain: string; steward: string };
  left: { rows: number; columns: number };
  right: { rows: number; columns: number };
  schema: { leftOnly: string[]; rightOnly: string[]; typeChanges: { column: string; left: string; right: string }[] };
  rows: {
    matched: number;
    leftOnly: number;
    rightOnly: number;
    equal: number;
    withinTolerance: number;
    mismatched: number;
    duplicateKeysLeft: number;
    duplicateKeysRight: number;
    nullKeysLeft: number;
    nullKeysRight: number;
    timing: number;
  };
  columns: ColumnSummary[];
  matchRate: number;
  slo: { minMatchRate: number | null; met: boolean };
  dst: { left: DstCounts[]; right: DstCounts[] };
  /** `stale` after a quick toggle that changed how dates fall into days: the next drill-down refreshes them. */
  aggregates: { dimensions: string[]; groups: number; beyondTolerance: number; totals: MeasureTotal[]; stale: boolean };
  keyed: boolean;
  elapsedMs: { build: number; classify: number; aggregate: number };
  rebuilt: boolean;
  ranAt: string;
  /**
   * False after a toggle (a quick re-classification): these counts are a what-if, not a run in the run
   * log, and nothing may be signed off on them. Summaries saved before the flag existed were recorded runs.
   */
  recorded?: boolean;
}

export interface DrillFilter {
  dimension: string;
  /** For date dimensions: the grain the value is at (a month's first day for "month"). */
  grain?: Grain | null;
  /** Exact text of the group's value; null for the null group. */
  value: string | null;
}

export interface DrillMeasure {
  name: string;
  left: string | null;
  right: string | null;
  diff: string | null;
  /** |diff| / |left|, as a ratio; null when left is 0 or missing. */
  pctDiff: number | null;
  withinTolerance: boolean;
}

export interface DrillGroup {
  value: string | null;
  leftRows: number;
  rightRows: number;
  measures: DrillMeasure[];
  exceptions: Record<ExceptionClass, number> & { total: number };
  beyondTolerance: boolean;
}

export interface DrillResult {
  dimension: string;
  grain: Grain | null;
  filters: DrillFilter[];
  groups: DrillGroup[];
}

export interface CellDetail {
  column: string;
  rightColumn: string;
  kind: ColumnKind;
  left: string | null;
  right: string | null;
  /** The values as compared: after value maps, trims and time-zone reading (instants in UTC). */
  leftCompared: string | null;
  rightCompared: string | null;
  status: 'equal' | 'within_tolerance' | 'mismatch' | 'null_difference';
  diff: string | null;
  tolerance: string | null;
  /** For naive timestamps read as local time: the zone and whether the wall time was a DST edge. */
  zone: { left: string | null; right: string | null; leftEdge: 'nonexistent' | 'ambiguous' | null; rightEdge: 'nonexistent' | 'ambiguous' | null };
}

export interface RowDetail {
  key: (string | null)[];
  classes: ExceptionClass[];
  leftRows: Record<string, string | null>[];
  rightRows: Record<string, string | null>[];
  cells: CellDetail[];
}
