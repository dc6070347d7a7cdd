/** Small, pure edits of a contract, as the toggles and the contract page make them. */
import type { CompareSummary } from '../../shared/compare';
import type { Contract, ContractColumn, TimeZoneRule } from '../../shared/contract';
import type { Side } from '../../shared/types';

export type ColumnOptions = {
  absTol?: string;
  relTol?: string;
  trim?: boolean;
  ignoreCase?: boolean;
  toleranceSeconds?: number;
  valueMap?: Record<string, string>;
};

type ColumnEntry = Exclude<ContractColumn, string> & ColumnOptions & { right?: string; kind?: string };

/** The contract's compared columns; when it leaves them implicit, the ones the last run compared. */
export function columnEntries(contract: Contract, summary: CompareSummary | null): ColumnEntry[] {
  if (contract.columns) return contract.columns.map((c) => ({ ...(c as ColumnEntry) }));
  return (summary?.columns ?? []).map((c) => ({ left: c.name, right: c.right }));
}

export function columnOptions(contract: Contract, summary: CompareSummary | null, name: string): ColumnEntry | undefined {
  return columnEntries(contract, summary).find((c) => c.left === name);
}

/** Sets (or, with undefined, removes) options on one column. */
export function withColumnOptions(contract: Contract, summary: CompareSummary | null, name: string, patch: ColumnOptions): Contract {
  const columns = columnEntries(contract, summary).map((c) => {
    if (c.left !== name) return c;
    const next: Record<string, unknown> = { ...c, ...patch };
    for (const [k, v] of Object.entries(next)) if (v === undefined) delete next[k];
    return next as ColumnEntry;
  });
  return { ...contract, columns } as Contract;
}

export function withZoneRule(contract: Contract, side: Side, rule: TimeZoneRule): Contract {
  return { ...contract, [side]: { ...contract[side], timezone: rule } };
}

export function describeRule(rule: TimeZoneRule): string {
  if (rule.kind === 'instant') return 'reading timestamps as written (UTC)';
  if (rule.kind === 'local') return `local time in ${rule.zone}`;
  return `the per-${rule.column} zone rule`;
}

export function toleranceLabel(c: ColumnEntry | undefined): string {
  if (!c) return 'exact';
  const parts = [c.absTol && Number(c.absTol) ? `±${c.absTol}` : null, c.relTol && Number(c.relTol) ? `±${Number(c.relTol) * 100}%` : null].filter(Boolean);
  return parts.length ? parts.join(' + ') : 'exact';
}
