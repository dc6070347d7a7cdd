/**
 * What the pack's report says, once: the HTML and the PDF lay out the same sections from here, so the
 * two can never tell an auditor different things.
 */
import type { ExplanationCounts, RunRecord } from '../../../shared/annotations.js';
import type { CompareSummary } from '../../../shared/compare.js';

export interface ReportInput {
  title: string;
  createdAt: string;
  signer: { name: string; role: string; fingerprint: string };
  summary: CompareSummary;
  counts: ExplanationCounts;
  run: RunRecord | null;
  top: { columns: string[]; rows: (string | null)[][] };
  sources: { side: 'left' | 'right'; label: string; rows: number; files: { name: string; size: number; sha256: string }[] }[];
}

export interface Table {
  head: string[];
  rows: (string | null)[][];
  /** Right-aligned columns. */
  numeric: boolean[];
}

export interface ReportContent {
  title: string;
  byline: string;
  signOff: { signed: boolean; lines: string[]; run: string };
  levels: Table;
  explanations: { label: string; value: number; color: string }[];
  columns: Table;
  top: Table & { title: string };
  sources: Table;
}

const n = (v: number) => v.toLocaleString('en-US');
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

const COLORS: Record<string, string> = { unexplained: '#dc2626', approved_difference: '#059669', timing: '#2563eb', defect: '#d97706', data_quality: '#64748b', under_investigation: '#94a3b8' };

export function reportContent(r: ReportInput): ReportContent {
  const s = r.summary;
  const rows = s.rows;
  const e = r.counts.byExplanation;
  const signOff = r.run?.signOff;
  return {
    title: r.title,
    byline: `Exception pack made ${r.createdAt} by ${r.signer.name} (${r.signer.role}) · key ${r.signer.fingerprint}`,
    signOff: {
      signed: Boolean(signOff),
      lines: signOff
        ? [`Signed off by ${signOff.name} (${signOff.role}) on ${signOff.at}`, `“${signOff.statement}”`, ...(signOff.override ? [`Override with ${n(signOff.unexplained)} unexplained: ${signOff.override}`] : [])]
        : ['This run was not signed off when the pack was made.'],
      run: `Run ${r.run?.id ?? '—'} · ran ${s.ranAt}`,
    },
    levels: {
      head: ['Level', 'Result'],
      numeric: [false, false],
      rows: [
        ['Technical', `legacy ${n(s.left.rows)} rows, new ${n(s.right.rows)} rows; schema differences ${n(s.schema.leftOnly.length + s.schema.rightOnly.length + s.schema.typeChanges.length)}; duplicate keys ${n(rows.duplicateKeysLeft)} / ${n(rows.duplicateKeysRight)}; null keys ${n(rows.nullKeysLeft)} / ${n(rows.nullKeysRight)}`],
        ['Entity', `match rate ${pct(s.matchRate)}${s.slo.minMatchRate !== null ? ` (SLO ${pct(s.slo.minMatchRate)} ${s.slo.met ? 'met' : 'not met'})` : ''}; mismatched ${n(rows.mismatched)}; only legacy ${n(rows.leftOnly)}; only new ${n(rows.rightOnly)}; within tolerance ${n(rows.withinTolerance)}`],
        ['Aggregate', `${n(s.aggregates.beyondTolerance)} of ${n(s.aggregates.groups)} groups beyond tolerance; ${s.aggregates.totals.map((m) => `${m.name} Δ ${m.diff ?? '—'}`).join('; ')}`],
        ['Semantic', `${r.counts.rules.map((x) => `rule “${x.name}” explains ${n(x.explained)}`).join('; ') || 'no expected-difference rules'}; unexplained ${n(e.unexplained)}`],
        ['Timing', `late arrivals ${n(rows.timing)}`],
      ],
    },
    explanations: Object.entries(e).map(([k, v]) => ({ label: k.replace(/_/g, ' '), value: v, color: COLORS[k] ?? '#64748b' })),
    columns: {
      head: ['Column', 'Kind', 'Mismatched', 'Within tolerance', 'Null differences', 'Max |diff|'],
      numeric: [false, false, true, true, true, true],
      rows: s.columns.map((c) => [c.name, c.kind, n(c.mismatched), n(c.withinTolerance), n(c.nullDifferences), c.maxAbsDiff ?? '—']),
    },
    top: { title: `Top exceptions (first ${n(r.top.rows.length)})`, head: r.top.columns, rows: r.top.rows, numeric: r.top.columns.map(() => false) },
    sources: {
      head: ['Side', 'Label', 'Rows', 'File', 'Bytes', 'SHA-256'],
      numeric: [false, false, true, false, true, false],
      rows: r.sources.flatMap((src) => src.files.map((f) => [src.side === 'left' ? 'legacy' : 'new', src.label, n(src.rows), f.name, n(f.size), f.sha256])),
    },
  };
}
