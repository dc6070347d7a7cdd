/**
 * Promoting a drill group into an expected-difference rule: the group's path becomes a predicate over
 * d.<dimension>, so the rule names exactly the exceptions the analyst was looking at, in every later run.
 */
import type { DrillFilter } from './compare.js';
import type { Contract, Grain } from './contract.js';
import { quoteIdent, quoteString } from './sql-text.js';

export type RuleInput = Contract['rules'][number];

function condition(f: DrillFilter, temporal: boolean): string {
  const d = `d.${quoteIdent(f.dimension)}`;
  if (f.value === null) return `${d} IS NULL`;
  if (!temporal) return `${d} = ${quoteString(f.value)}`;
  const grain: Grain = f.grain ?? 'day';
  const day = `DATE ${quoteString(f.value)}`;
  return grain === 'day' ? `${d} = ${day}` : `date_trunc(${quoteString(grain)}, ${d}) = ${day}`;
}

/** The predicate naming one drill group; `temporal` says which dimensions are dates. */
export function groupPredicate(path: readonly DrillFilter[], temporal: ReadonlySet<string>): string {
  return path.length ? path.map((f) => condition(f, temporal.has(f.dimension))).join(' AND ') : 'true';
}

/** A readable name for the group: "region APAC · order date (month) 2026-03-01". */
export function groupName(path: readonly DrillFilter[]): string {
  return path.map((f) => `${f.dimension}${f.grain && f.grain !== 'day' ? ` (${f.grain})` : ''} ${f.value ?? '(empty)'}`).join(' · ') || 'all exceptions';
}
