/**
 * The pack's report as one self-contained HTML file: no script, no fonts or images from anywhere, so it
 * opens offline in any browser. Charts are inline SVG.
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

const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const n = (v: number) => v.toLocaleString('en-US');
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

function table(head: string[], rows: unknown[][], numeric: boolean[] = []): string {
  return `<table><thead><tr>${head.map((h, i) => `<th${numeric[i] ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((v, i) => `<td${numeric[i] ? ' class="num"' : ''}>${v === null || v === undefined ? '<span class="muted">∅</span>' : esc(v)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Horizontal bars, one per label, as inline SVG. */
function bars(items: [string, number, string][]): string {
  const max = Math.max(1, ...items.map(([, v]) => v));
  const h = 24;
  const body = items
    .map(([label, v, color], i) => {
      const w = Math.round((v / max) * 360);
      return `<text x="0" y="${i * h + 16}" font-size="12">${esc(label)}</text><rect x="170" y="${i * h + 4}" width="${w}" height="16" fill="${color}" rx="2"/><text x="${176 + w}" y="${i * h + 16}" font-size="12">${n(v)}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="Exceptions by explanation" width="640" height="${items.length * h + 4}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

const COLORS: Record<string, string> = { unexplained: '#dc2626', approved_difference: '#059669', timing: '#2563eb', defect: '#d97706', data_quality: '#64748b', under_investigation: '#94a3b8' };

export function reportHtml(r: ReportInput): string {
  const s = r.summary;
  const rows = s.rows;
  const e = r.counts.byExplanation;
  const signOff = r.run?.signOff;
  const levels: [string, string][] = [
    ['Technical', `legacy ${n(s.left.rows)} rows, new ${n(s.right.rows)} rows; schema differences ${n(s.schema.leftOnly.length + s.schema.rightOnly.length + s.schema.typeChanges.length)}; duplicate keys ${n(rows.duplicateKeysLeft)} / ${n(rows.duplicateKeysRight)}; null keys ${n(rows.nullKeysLeft)} / ${n(rows.nullKeysRight)}`],
    ['Entity', `match rate ${pct(s.matchRate)}${s.slo.minMatchRate !== null ? ` (SLO ${pct(s.slo.minMatchRate)} ${s.slo.met ? 'met' : 'not met'})` : ''}; mismatched ${n(rows.mismatched)}; only legacy ${n(rows.leftOnly)}; only new ${n(rows.rightOnly)}; within tolerance ${n(rows.withinTolerance)}`],
    ['Aggregate', `${n(s.aggregates.beyondTolerance)} of ${n(s.aggregates.groups)} groups beyond tolerance; ${s.aggregates.totals.map((m) => `${m.name} Δ ${m.diff ?? '—'}`).join('; ')}`],
    ['Semantic', `${r.counts.rules.map((x) => `rule “${x.name}” explains ${n(x.explained)}`).join('; ') || 'no expected-difference rules'}; unexplained ${n(e.unexplained)}`],
    ['Timing', `late arrivals ${n(rows.timing)}`],
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(r.title)} — Parity exception pack</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#0f172a;margin:0;background:#f4f5f8}
main{max-width:1100px;margin:0 auto;padding:24px}
header{background:#0f172a;color:#e2e8f0;padding:18px 24px}
h1{margin:0;font-size:20px}h2{font-size:15px;margin:24px 0 8px}
section{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px 16px;margin-top:12px;overflow-x:auto}
table{border-collapse:collapse;font-size:12px;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #f1f5f9;white-space:nowrap}
th{background:#f8fafc}.num{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#94a3b8}
.signed{border-left:4px solid #059669}.unsigned{border-left:4px solid #d97706}code{font-size:12px}
@media print{body{background:#fff}section{break-inside:avoid}}
</style></head><body>
<header><h1>${esc(r.title)}</h1><div>Exception pack made ${esc(r.createdAt)} by ${esc(r.signer.name)} (${esc(r.signer.role)}) · key <code>${esc(r.signer.fingerprint)}</code></div></header>
<main>
<section class="${signOff ? 'signed' : 'unsigned'}"><h2>Sign-off</h2>${
    signOff
      ? `<p><strong>Signed off by ${esc(signOff.name)} (${esc(signOff.role)}) on ${esc(signOff.at)}</strong></p><p>“${esc(signOff.statement)}”</p>${signOff.override ? `<p>Override with ${n(signOff.unexplained)} unexplained: ${esc(signOff.override)}</p>` : ''}`
      : '<p>This run was not signed off when the pack was made.</p>'
  }<p class="muted">Run ${esc(r.run?.id ?? '—')} · ran ${esc(s.ranAt)}</p></section>
<section><h2>The five levels of parity</h2>${table(['Level', 'Result'], levels)}</section>
<section><h2>Explanations</h2>${bars(Object.entries(e).map(([k, v]) => [k.replace(/_/g, ' '), v, COLORS[k] ?? '#64748b'] as [string, number, string]))}</section>
<section><h2>Compared columns</h2>${table(['Column', 'Kind', 'Mismatched', 'Within tolerance', 'Null differences', 'Max |diff|'], s.columns.map((c) => [c.name, c.kind, n(c.mismatched), n(c.withinTolerance), n(c.nullDifferences), c.maxAbsDiff ?? '—']), [false, false, true, true, true, true])}</section>
<section><h2>Top exceptions (first ${n(r.top.rows.length)})</h2>${table(r.top.columns, r.top.rows)}</section>
<section><h2>Sources</h2>${table(['Side', 'Label', 'Rows', 'File', 'Bytes', 'SHA-256'], r.sources.flatMap((src) => src.files.map((f) => [src.side === 'left' ? 'legacy' : 'new', src.label, n(src.rows), f.name, n(f.size), f.sha256])), [false, false, true, false, true, false])}</section>
</main></body></html>
`;
}
