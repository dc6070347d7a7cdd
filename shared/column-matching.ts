/** Pairs left and right columns: the analyst's manual pairs first, then names equal up to case and separators. */
import { matchKey } from './names.js';
import type { ColumnInfo, ManualPair, PairOrigin } from './types.js';

export interface ColumnPair {
  left: ColumnInfo;
  right: ColumnInfo;
  origin: PairOrigin;
}

export interface ColumnMatching {
  pairs: ColumnPair[];
  leftOnly: ColumnInfo[];
  rightOnly: ColumnInfo[];
}

export function matchColumns(
  left: readonly ColumnInfo[],
  right: readonly ColumnInfo[],
  manual: readonly ManualPair[] = [],
): ColumnMatching {
  const usedLeft = new Set<string>();
  const usedRight = new Set<string>();
  const pairs: ColumnPair[] = [];
  const byName = (cols: readonly ColumnInfo[], name: string) => cols.find((c) => c.name === name);

  for (const m of manual) {
    const l = byName(left, m.left);
    if (!l || usedLeft.has(l.name)) continue;
    if (m.right === null) {
      usedLeft.add(l.name);
      continue;
    }
    const r = byName(right, m.right);
    if (!r || usedRight.has(r.name)) continue;
    usedLeft.add(l.name);
    usedRight.add(r.name);
    pairs.push({ left: l, right: r, origin: 'manual' });
  }

  // Exact names win over looser matches, so "Amount" and "amount" on the right do not steal each other.
  for (const exact of [true, false]) {
    for (const l of left) {
      if (usedLeft.has(l.name)) continue;
      const r = right.find(
        (c) => !usedRight.has(c.name) && (exact ? c.name === l.name : matchKey(c.name) === matchKey(l.name)),
      );
      if (!r) continue;
      usedLeft.add(l.name);
      usedRight.add(r.name);
      pairs.push({ left: l, right: r, origin: 'auto' });
    }
  }

  const leftOnly = left.filter((c) => !pairs.some((p) => p.left.name === c.name));
  const rightOnly = right.filter((c) => !usedRight.has(c.name));
  // Keep the left side's column order: that is the order the analyst reads the legacy extract in.
  const order = new Map(left.map((c, i) => [c.name, i]));
  pairs.sort((a, b) => (order.get(a.left.name) ?? 0) - (order.get(b.left.name) ?? 0));
  return { pairs, leftOnly, rightOnly };
}
