/** The column pairing for a technical run, with the analyst's manual pairs checked against the sources. */
import { matchColumns, type ColumnMatching } from '../../../shared/column-matching.js';
import { ParityError } from '../../../shared/errors.js';
import { unknownColumnMessage } from '../../../shared/names.js';
import type { ManualPair, SourceInfo } from '../../../shared/types.js';

export function planSchema(left: SourceInfo, right: SourceInfo, mapping: readonly ManualPair[]): ColumnMatching {
  const leftNames = left.columns.map((c) => c.name);
  const rightNames = right.columns.map((c) => c.name);
  for (const m of mapping) {
    if (!leftNames.includes(m.left)) throw new ParityError('unknown_column', unknownColumnMessage(m.left, 'legacy', leftNames));
    if (m.right !== null && !rightNames.includes(m.right)) {
      throw new ParityError('unknown_column', unknownColumnMessage(m.right, 'new', rightNames));
    }
  }
  const matching = matchColumns(left.columns, right.columns, mapping);
  if (matching.pairs.length === 0) {
    const list = (names: string[]) => (names.length > 6 ? `${names.slice(0, 6).join(', ')}, …` : names.join(', '));
    throw new ParityError(
      'no_common_columns',
      `The legacy and new sources have no column in common (legacy: ${list(leftNames)}; new: ${list(rightNames)}); pair columns by hand to compare them.`,
    );
  }
  return matching;
}

export interface KeyPair {
  left: string;
  right: string;
}

/** Key columns are named by their legacy name; each needs a partner on the new side. */
export function resolveKey(key: readonly string[], left: SourceInfo, matching: ColumnMatching): KeyPair[] {
  const leftNames = left.columns.map((c) => c.name);
  return key.map((name) => {
    if (!leftNames.includes(name)) throw new ParityError('unknown_column', unknownColumnMessage(name, 'legacy', leftNames));
    const pair = matching.pairs.find((p) => p.left.name === name);
    if (!pair) {
      throw new ParityError('unknown_column', `Key column "${name}" has no partner on the new side; pair it with a new column first.`);
    }
    return { left: name, right: pair.right.name };
  });
}
