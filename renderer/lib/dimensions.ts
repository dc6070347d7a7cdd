/** The contract's dimensions by the names the drill-down shows, and which of them are dates. */
import { dimensionName, type Contract } from '../../shared/contract';

export function dimensionNames(contract: Contract | null | undefined): { names: string[]; temporal: Set<string> } {
  const dims = contract?.dimensions ?? [];
  return { names: dims.map(dimensionName), temporal: new Set(dims.filter((d) => 'grain' in d && d.grain).map(dimensionName)) };
}
