/**
 * The pack's report as one self-contained HTML file: no script, no fonts or images from anywhere, so it
 * opens offline in any browser. Charts are inline SVG.
 */
import { reportContent, type ReportInput, type Table } from './report-content.js';

export type { ReportInput };

const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const n = (v: number) => v.toLocaleString('en-US');

function table({ head, rows, numeric }: Table): string {
  return `<table><thead><tr>${head.map((h, i) => `<th${numeric[i] ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((v, i) => `<td${numeric[i] ? ' class="num"' : ''}>${v === null || v === undefined ? '<span class="muted">∅</span>' : esc(v)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Horizontal bars, one per label, as inline SVG. */
function bars(items: { label: string; value: number; color: string }[]): string {
  const max = Math.max(1, ...items.map((x) => x.value));
  const h = 24;
  const body = items
    .map(({ label, value: v, color }, i) => {
      const w = Math.round((v / max) * 360);
      return `<text x="0" y="${i * h + 16}" font-size="12">${esc(label)}</text><rect x="170" y="${i * h + 4}" width="${w}" height="16" fill="${color}" rx="2"/><text x="${176 + w}" y="${i * h + 16}" font-size="12">${n(v)}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="Exceptions by explanation" width="640" height="${items.length * h + 4}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

export function reportHtml(r: ReportInput): string {
  const c = reportContent(r);
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
<header><h1>${esc(c.title)}</h1><div>${esc(c.byline)}</div></header>
<main>
<section class="${c.signOff.signed ? 'signed' : 'unsigned'}"><h2>Sign-off</h2>${c.signOff.lines.map((l, i) => (i === 0 && c.signOff.signed ? `<p><strong>${esc(l)}</strong></p>` : `<p>${esc(l)}</p>`)).join('')}<p class="muted">${esc(c.signOff.run)}</p></section>
<section><h2>The five levels of parity</h2>${table(c.levels)}</section>
<section><h2>Explanations</h2>${bars(c.explanations)}</section>
<section><h2>Compared columns</h2>${table(c.columns)}</section>
<section><h2>${esc(c.top.title)}</h2>${table(c.top)}</section>
<section><h2>Sources</h2>${table(c.sources)}</section>
</main></body></html>
`;
}
