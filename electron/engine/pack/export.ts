/**
 * Exports the current run as a signed `.paritypack`: the exceptions (Parquet, CSV, XLSX), the annotations,
 * their whole history and the runs with their sign-offs, a self-contained HTML report and its PDF, and a manifest
 * hashing every file (and every source file), signed with the profile's key. Everything is written to
 * a temporary folder and zipped to a temporary name first: a cancel or a failure leaves no pack behind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Profile } from '../../../shared/annotations.js';
import { decodePage } from '../../../shared/arrow-cells.js';
import { requireRecordedRun } from '../compare/recorded.js';
import { ParityError } from '../../../shared/errors.js';
import { MANIFEST_FILE, SIGNATURE_FILE, type PackManifest, type PackSignature } from '../../../shared/pack.js';
import type { CompareSession } from '../compare/session.js';
import { literal } from '../db/sql.js';
import type { JobContext } from '../jobs.js';
import { PARITY_VERSION } from '../version.js';
import type { Workspace } from '../workspace.js';
import { signBytes, signingKey } from './keys.js';
import { reportHtml } from './report-html.js';
import { writeReportPdf } from './report-pdf.js';
import { writeZip } from './zip-write.js';

export interface PackResult {
  path: string;
  bytes: number;
  exceptions: number;
  fingerprint: string;
}

/** How many exception rows the report shows. */
const TOP_ROWS = 50;

export async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

const timing = process.env.PARITY_PROFILE ? (label: string, since: number) => process.stderr.write(`  [pack] ${label}: ${Date.now() - since} ms\n`) : () => undefined;

function check(job: JobContext): void {
  if (job.signal.aborted) throw new ParityError('cancelled', 'Cancelled; no pack was written.');
}

export async function exportPack(
  ws: Workspace,
  session: CompareSession,
  home: string,
  profile: Profile,
  out: string,
  job: JobContext,
  options: { rowsPerSheet?: number } = {},
): Promise<PackResult> {
  const target = path.resolve(out);
  if (!fs.existsSync(path.dirname(target))) throw new ParityError('not_found', `The folder "${path.dirname(target)}" does not exist.`);
  const summary = ws.summary;
  const contract = ws.contract;
  if (!summary || !contract) throw new ParityError('no_run', 'There is no comparison yet; run one first.');
  requireRecordedRun(summary, 'export the pack');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-pack-'));
  const temp = `${target}.${process.pid}.partial`;
  try {
    const file = (name: string) => {
      const p = path.join(dir, ...name.split('/'));
      fs.mkdirSync(path.dirname(p), { recursive: true });
      return p;
    };
    job.progress({ phase: 'Writing the exceptions', fraction: 0.05 });
    const sheetSummary: [string, string | number][] = [
      ['Contract', contract.name],
      ['Ran at', summary.ranAt],
      ['Legacy rows', summary.left.rows],
      ['New rows', summary.right.rows],
      ['Match rate', summary.matchRate],
      ['Mismatched', summary.rows.mismatched],
      ['Only legacy', summary.rows.leftOnly],
      ['Only new', summary.rows.rightOnly],
      ['Timing', summary.rows.timing],
      ['Pack made by', `${profile.name} (${profile.role})`],
    ];
    let t = Date.now();
    const written = await session.writeExceptions(
      { parquet: file('exceptions/exceptions.parquet'), csv: file('exceptions/exceptions.csv'), xlsx: file('exceptions/exceptions.xlsx') },
      sheetSummary,
      job.signal,
      options.rowsPerSheet,
    );
    const exceptions = written.rows;
    timing('exceptions (Parquet, CSV, XLSX)', t);
    check(job);

    job.progress({ phase: 'Writing annotations, history and sign-offs', fraction: 0.45 });
    const lane = await ws.db.lane('notes');
    await lane.use(async (c) => {
      await c.run(`COPY (SELECT * FROM parity_annotations WHERE contract = ${literal(contract.name)} ORDER BY exception_id) TO ${literal(file('notes/annotations.json'))} (FORMAT json, ARRAY true)`);
      // The whole history, so the hash chain can be verified from its first entry.
      await c.run(`COPY (SELECT * FROM parity_history ORDER BY seq) TO ${literal(file('notes/history.json'))} (FORMAT json, ARRAY true)`);
    });
    const runs = await session.runLog.runs(contract.name);
    fs.writeFileSync(file('notes/runs.json'), `${JSON.stringify(runs, null, 2)}\n`);
    check(job);

    job.progress({ phase: 'Hashing the sources', fraction: 0.55 });
    const sources: PackManifest['sources'] = [];
    for (const side of ['left', 'right'] as const) {
      const src = ws.source(side);
      const files = [];
      for (const f of src.files) {
        check(job);
        files.push({ name: path.basename(f.path), ...(await hashFile(f.path)) });
      }
      sources.push({ side, label: src.label, rows: src.rows, files });
    }

    job.progress({ phase: 'Writing the report', fraction: 0.7 });
    const key = signingKey(home, profile);
    const signer = { name: profile.name, role: profile.role, fingerprint: key.fingerprint };
    const counts = await session.explanationCounts({});
    const page = decodePage((await session.exceptions({ offset: 0, limit: TOP_ROWS })).arrow);
    const createdAt = new Date().toISOString();
    // Runs come in id order.
    const latest = runs.at(-1) ?? null;
    const report = { title: contract.name, createdAt, signer, summary, counts, run: latest, top: { columns: page.columns.map((c) => c.name), rows: page.rows as (string | null)[][] }, sources };
    fs.writeFileSync(file('report/report.html'), reportHtml(report));
    await writeReportPdf(file('report/report.pdf'), report);
    check(job);

    job.progress({ phase: 'Signing', fraction: 0.8 });
    const names = ['exceptions/exceptions.parquet', 'exceptions/exceptions.csv', 'exceptions/exceptions.xlsx', 'notes/annotations.json', 'notes/history.json', 'notes/runs.json', 'report/report.html', 'report/report.pdf'];
    const files: PackManifest['files'] = {};
    for (const name of names) files[name] = await hashFile(file(name));
    const manifest: PackManifest = {
      format: 'paritypack',
      version: 1,
      app: { name: 'Parity', version: PARITY_VERSION },
      createdAt,
      signer,
      run: { id: latest?.id ?? null, ranAt: summary.ranAt },
      contract: contract as unknown as Record<string, unknown>,
      settings: { reportingZone: contract.reportingZone, left: contract.left.timezone, right: contract.right.timezone },
      sources,
      summary: summary as unknown as Record<string, unknown>,
      exceptions: { rows: exceptions, xlsxSheets: written.xlsx.sheets, xlsxNote: written.xlsx.note },
      files,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    fs.writeFileSync(file(MANIFEST_FILE), manifestBytes);
    const signature: PackSignature = { algorithm: 'Ed25519', publicKey: key.publicKey, fingerprint: key.fingerprint, signature: signBytes(key, manifestBytes) };
    fs.writeFileSync(file(SIGNATURE_FILE), `${JSON.stringify(signature, null, 2)}\n`);

    timing('notes, sources, report, signature', t);
    t = Date.now();
    job.progress({ phase: 'Compressing the pack', fraction: 0.85 });
    // Parquet, the workbook and the PDF are compressed already: stored as they are, not deflated twice.
    const stored = (name: string) => name.endsWith('.parquet') || name.endsWith('.xlsx') || name.endsWith('.pdf');
    await writeZip(temp, [MANIFEST_FILE, SIGNATURE_FILE, ...names].map((name) => ({ name, path: file(name), level: stored(name) ? 0 : name.endsWith('.csv') ? 1 : 6 })), job.signal);
    fs.renameSync(temp, target);
    timing('zip', t);
    job.progress({ phase: 'Done', fraction: 1 });
    return { path: target, bytes: fs.statSync(target).size, exceptions, fingerprint: key.fingerprint };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(temp, { force: true });
  }
}
