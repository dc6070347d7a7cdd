/** The comparison summary for a terminal, in the words of a datacompy report. */
import type { CompareSummary } from '../../shared/compare.js';
import { pct, textTable } from './table.js';

const n = (x: number) => x.toLocaleString('en-US');

export function printSummary(s: CompareSummary): void {
  const r = s.rows;
  console.log(`${s.contract.name}`);
  console.log(`rows              legacy ${n(s.left.rows)}   new ${n(s.right.rows)}`);
  if (s.keyed) {
    console.log(`matched           ${n(r.matched)}  (equal ${n(r.equal)}, within tolerance ${n(r.withinTolerance)}, mismatched ${n(r.mismatched)})`);
    console.log(`only in legacy    ${n(r.leftOnly)}     only in new ${n(r.rightOnly)}     timing ${n(r.timing)}`);
    console.log(`duplicate keys    legacy ${n(r.duplicateKeysLeft)} rows, new ${n(r.duplicateKeysRight)} rows;  null keys legacy ${n(r.nullKeysLeft)}, new ${n(r.nullKeysRight)}`);
    console.log(`match rate        ${pct(s.matchRate)}${s.slo.minMatchRate !== null ? `   (SLO ${pct(s.slo.minMatchRate)}: ${s.slo.met ? 'met' : 'NOT met'})` : ''}`);
  }
  if (s.schema.leftOnly.length || s.schema.rightOnly.length) {
    console.log(`columns only in   legacy: ${s.schema.leftOnly.join(', ') || '—'}   new: ${s.schema.rightOnly.join(', ') || '—'}`);
  }
  for (const side of ['left', 'right'] as const) {
    for (const d of s.dst[side]) {
      if (d.nonexistent || d.ambiguous || d.unmapped) {
        console.log(`DST (${side === 'left' ? 'legacy' : 'new'} ${d.column}, ${d.zoneRule})  non-existent ${n(d.nonexistent)}, ambiguous ${n(d.ambiguous)}, unmapped ${n(d.unmapped)}`);
      }
    }
  }
  if (s.columns.length) {
    console.log('');
    console.log(textTable(
      ['column', 'kind', 'mismatched', 'within tol.', 'null diffs', 'max |diff|'],
      s.columns.map((c) => [c.name === c.right ? c.name : `${c.name} → ${c.right}`, c.kind, c.mismatched, c.withinTolerance, c.nullDifferences, c.maxAbsDiff]),
    ));
  }
  if (s.aggregates.totals.length) {
    console.log('');
    console.log(textTable(
      ['measure', 'legacy', 'new', 'difference', 'within tolerance'],
      s.aggregates.totals.map((m) => [m.name, m.left, m.right, m.diff, m.withinTolerance ? 'yes' : 'NO']),
    ));
    if (s.aggregates.dimensions.length) {
      console.log(`groups by ${s.aggregates.dimensions.join(' × ')}: ${n(s.aggregates.groups)}, beyond tolerance ${n(s.aggregates.beyondTolerance)}`);
    }
  }
}
