/** The contract page works on a draft in the contract's input form (what the JSON file holds). */
import type { ColumnKind, Contract, ContractInput } from '../../shared/contract';
import type { WorkspaceState } from '../../shared/types';

export type Draft = ContractInput & Record<string, unknown>;

/** A first contract from what the analyst set on the sources page: the key and the hand-made pairs. */
export function initialDraft(ws: WorkspaceState): Draft {
  if (ws.contract) return JSON.parse(JSON.stringify(ws.contract)) as Draft;
  const pairs = (ws.report?.schema.pairs ?? []).filter((p) => p.left && p.right);
  const key = ws.settings.key.map((k) => {
    const p = pairs.find((x) => x.left === k);
    return p && p.right !== k ? { left: k, right: p.right as string } : k;
  });
  return {
    version: 1,
    name: ws.name,
    domain: '',
    steward: '',
    key,
    columns: pairs.filter((p) => !ws.settings.key.includes(p.left as string)).map((p) => (p.left === p.right ? (p.left as string) : { left: p.left as string, right: p.right as string })),
  } as Draft;
}

export type ColumnDraft = { left: string; right?: string; kind?: ColumnKind; absTol?: string; relTol?: string; trim?: boolean; ignoreCase?: boolean; toleranceSeconds?: number; valueMap?: Record<string, string>; valueMapFile?: string };

export function columnsOf(draft: Draft): ColumnDraft[] {
  return ((draft.columns as unknown[] | undefined) ?? []).map((c) => (typeof c === 'string' ? { left: c } : (c as ColumnDraft)));
}

/** "C=closed" lines ⇄ a value map. */
export function mapToText(map: Record<string, string> | undefined): string {
  return Object.entries(map ?? {}).map(([k, v]) => `${k}=${v}`).join('\n');
}

export function textToMap(text: string): Record<string, string> | undefined {
  const entries = text
    .split('\n')
    .map((l) => l.split('='))
    .filter((p) => p.length >= 2 && p[0].trim() !== '')
    .map(([k, ...v]) => [k.trim(), v.join('=').trim()] as [string, string]);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

export function downloadJson(name: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${name.replace(/[^\w.-]+/g, '_') || 'contract'}.contract.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export type { Contract };
