/**
 * The pack's report as a PDF, for auditors who file paper: the same sections as the HTML report (see
 * report-content.ts), landscape A4, in DejaVu Sans (TrueType, shipped with the app) embedded so that names in Greek,
 * Cyrillic or with accents print as written on any machine.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { reportContent, type ReportInput, type Table } from './report-content.js';

const require = createRequire(import.meta.url);
// TrueType, not WOFF: pdfkit's reader inflates WOFF tables in plain JavaScript, seconds per report.
const font = (weight: 400 | 700) => require.resolve(`dejavu-fonts-ttf/ttf/DejaVuSans${weight === 700 ? '-Bold' : ''}.ttf`);

/** A PDF page holds this many of the report's exception columns; the pack's files hold every column. */
const PDF_TOP_COLUMNS = 9;
const MARGIN = 36;

export async function writeReportPdf(file: string, input: ReportInput): Promise<void> {
  const c = reportContent(input);
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: `${c.title} — Parity exception pack`, Author: input.signer.name, Creator: 'Parity', CreationDate: new Date(input.createdAt) } });
  doc.registerFont('body', font(400));
  doc.registerFont('bold', font(700));
  const done = new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(file);
    out.on('finish', resolve).on('error', reject);
    doc.pipe(out);
  });
  const width = doc.page.width - 2 * MARGIN;

  doc.rect(0, 0, doc.page.width, 64).fill('#0f172a');
  doc.fillColor('#ffffff').font('bold').fontSize(16).text(c.title, MARGIN, 18, { width });
  doc.fillColor('#cbd5e1').font('body').fontSize(9).text(c.byline, MARGIN, 40, { width });
  doc.fillColor('#0f172a');
  doc.y = 80;

  heading(doc, 'Sign-off');
  doc.rect(MARGIN, doc.y, 3, 14 * c.signOff.lines.length).fill(c.signOff.signed ? '#059669' : '#d97706').fillColor('#0f172a');
  c.signOff.lines.forEach((line, i) => doc.font(i === 0 && c.signOff.signed ? 'bold' : 'body').fontSize(10).text(line, MARGIN + 10, undefined, { width: width - 10 }));
  doc.font('body').fontSize(8).fillColor('#64748b').text(c.signOff.run, MARGIN + 10).fillColor('#0f172a');

  heading(doc, 'The five levels of parity');
  table(doc, c.levels, [0.12, 0.88], true);

  heading(doc, 'Explanations');
  const max = Math.max(1, ...c.explanations.map((x) => x.value));
  for (const x of c.explanations) {
    room(doc, 16);
    const y = doc.y;
    doc.font('body').fontSize(9).fillColor('#0f172a').text(x.label, MARGIN, y + 2, { width: 150, lineBreak: false });
    const w = Math.max(1, Math.round((x.value / max) * 360));
    doc.rect(MARGIN + 160, y, w, 12).fill(x.color);
    doc.fillColor('#0f172a').text(x.value.toLocaleString('en-US'), MARGIN + 166 + w, y + 2, { lineBreak: false });
    doc.y = y + 16;
  }

  heading(doc, 'Compared columns');
  table(doc, c.columns, [0.3, 0.14, 0.14, 0.14, 0.14, 0.14]);

  heading(doc, c.top.title);
  const shown = Math.min(PDF_TOP_COLUMNS, c.top.head.length);
  table(doc, { head: c.top.head.slice(0, shown), rows: c.top.rows.map((r) => r.slice(0, shown)), numeric: c.top.numeric.slice(0, shown) }, Array(shown).fill(1 / shown));
  if (shown < c.top.head.length) note(doc, `The first ${shown} of ${c.top.head.length} columns; every column of every exception is in exceptions/exceptions.parquet, .csv and .xlsx in this pack.`);

  heading(doc, 'Sources');
  table(doc, c.sources, [0.07, 0.12, 0.08, 0.2, 0.1, 0.43]);

  doc.end();
  await done;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  room(doc, 40);
  doc.moveDown(0.8).font('bold').fontSize(12).fillColor('#0f172a').text(text, MARGIN).moveDown(0.3);
}

function note(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.3).font('body').fontSize(8).fillColor('#64748b').text(text, MARGIN).fillColor('#0f172a');
}

/** A new page when fewer than `height` points are left on this one. */
function room(doc: PDFKit.PDFDocument, height: number): boolean {
  if (doc.y + height <= doc.page.height - MARGIN) return false;
  doc.addPage();
  return true;
}

/** Rows of one line each (cut with an ellipsis), or wrapped when `wrap`; the header repeats on a new page. */
function table(doc: PDFKit.PDFDocument, t: Table, fractions: number[], wrap = false): void {
  const width = doc.page.width - 2 * MARGIN;
  const widths = fractions.map((f) => f * width);
  const line = (cells: (string | null)[], bold: boolean, shade: string | null) => {
    doc.font(bold ? 'bold' : 'body').fontSize(8);
    const texts = cells.map((v) => (v === null ? '∅' : v));
    const height = wrap ? Math.max(...texts.map((v, i) => doc.heightOfString(v, { width: widths[i] - 6 }))) + 5 : 14;
    if (room(doc, height) && !bold) line(t.head, true, '#f1f5f9');
    const y = doc.y;
    if (shade) doc.rect(MARGIN, y, width, height).fill(shade);
    let x = MARGIN;
    texts.forEach((v, i) => {
      doc.fillColor(cells[i] === null ? '#94a3b8' : '#0f172a').text(v, x + 3, y + 3, { width: widths[i] - 6, align: t.numeric[i] ? 'right' : 'left', ...(wrap ? {} : { lineBreak: false, ellipsis: true, height: 10 }) });
      x += widths[i];
    });
    doc.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).lineWidth(0.3).strokeColor('#e2e8f0').stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  line(t.head, true, '#f1f5f9');
  t.rows.forEach((r) => line(r, false, null));
}
