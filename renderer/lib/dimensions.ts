/** The contract's dimensions by the names the drill-down shows, and which of them are dates. */
import type { Contract } from '../../shared/contract';

export function dimensionNames(contract: Contract | null | undefined): { names: string[]; temporal: Set<string> } {
  const dims = contract?.dimensions ?? [];
  const name = (d: (typeof dims)[number]) => ('name' in d && d.name) || d.left;
  return { names: dims.map(name), temporal: new Set(dims.filter((d) => 'grain' in d && d.grain).map(name)) };
}
