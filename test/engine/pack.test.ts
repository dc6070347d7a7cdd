import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { exportPack } from '../../electron/engine/pack/export.js';
import { verifyPack } from '../../electron/engine/pack/verify.js';
import { quietJob } from '../../electron/engine/jobs.js';
import { failure } from '../helpers/engine.js';
import { pair } from '../helpers/compare.js';
import { tempFolder } from '../helpers/temp.js';

const left = `SELECT i AS id, ['EMEA','APAC','AMER'][i % 3 + 1] AS region, (i * 1.25)::DECIMAL(18,2) AS amount FROM range(5000) t(i)`;
const right = `SELECT i AS id, ['EMEA','APAC','AMER'][i % 3 + 1] AS region, (i * 1.25 + CASE WHEN i % 10 = 0 THEN 0.01 ELSE 0 END)::DECIMAL(18,2) AS amount FROM range(1, 5001) t(i)`;

/** Opens a workbook from its bytes with exceljs's reader, as a user's spreadsheet would. */
async function readBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const file = path.join(tempFolder(), 'book.xlsx');
  fs.writeFileSync(file, bytes);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

describe('exception packs', async () => {
  const p = await pair(left, right);
  await p.engine.call('profile.set', { profile: { name: 'Ana Steward', role: 'data steward' } });
  const summary = await p.run({ key: ['id'], columns: ['region', 'amount'], dimensions: ['region'] });
  const first = (await p.exceptions({ classes: ['mismatch'] })).rows[0]['exception id'] as string;
  await p.engine.call('annotations.set', { target: { ids: [first] }, fields: { category: 'defect', note: 'rounding' } });
  await p.engine.call('runs.signOff', { statement: 'Reviewed.', override: 'Month end; the rest is in MIG-200.' });
  const out = path.join(p.dir, 'march.paritypack');
  const made = await p.engine.call('pack.export', { out });
  const files = unzipSync(fs.readFileSync(out));
  const exceptions = summary.rows.mismatched + summary.rows.leftOnly + summary.rows.rightOnly;

  it('holds the manifest, the signature, the exceptions, the notes and the report, and verifies intact', async () => {
    expect(Object.keys(files).sort()).toEqual([
      'exceptions/exceptions.csv',
      'exceptions/exceptions.parquet',
      'exceptions/exceptions.xlsx',
      'manifest.json',
      'notes/annotations.json',
      'notes/history.json',
      'notes/runs.json',
      'report/report.html',
      'report/report.pdf',
      'signature.json',
    ]);
    expect(made.exceptions).toBe(exceptions);
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    expect(manifest.signer).toEqual({ name: 'Ana Steward', role: 'data steward', fingerprint: made.fingerprint });
    expect(manifest.sources.map((s: { rows: number }) => s.rows)).toEqual([5000, 5000]);
    expect(manifest.sources[0].files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(strFromU8(files['exceptions/exceptions.csv']).trim().split('\n')).toHaveLength(exceptions + 1);
    expect(JSON.parse(strFromU8(files['notes/annotations.json']))).toMatchObject([{ exception_id: first, category: 'defect', note: 'rounding' }]);
    expect(JSON.parse(strFromU8(files['notes/runs.json']))[0].signOff).toMatchObject({ name: 'Ana Steward', override: 'Month end; the rest is in MIG-200.' });
    expect(strFromU8(files['report/report.html'])).toContain('Signed off by Ana Steward (data steward)');
    const check = await p.engine.call('pack.verify', { path: out });
    expect(check).toMatchObject({ ok: true, problems: [], signer: { name: 'Ana Steward', fingerprint: made.fingerprint } });
  });

  it('holds the exceptions in an Excel workbook a reader opens: a summary sheet, then every row', async () => {
    const book = await readBook(files['exceptions/exceptions.xlsx']);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Exceptions']);
    expect(book.getWorksheet('Summary')?.getRow(1).values).toEqual([undefined, 'Contract', 'test']);
    const sheet = book.getWorksheet('Exceptions');
    expect(sheet?.rowCount).toBe(exceptions + 1);
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['class', 'id', 'differing columns', 'explanation']);
    // Money stays exact: a DECIMAL(18,2) difference of a cent is the number 0.01.
    const diff = header.indexOf('amount · diff') + 1;
    const cents = sheet?.getColumn(diff).values.filter((v) => v === 0.01);
    expect(cents?.length).toBe(summary.rows.mismatched);
  });

  it('holds the report as a PDF a reader opens, saying what the HTML report says', async () => {
    const pdf = await getDocumentProxy(new Uint8Array(files['report/report.pdf']));
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(pdf.numPages).toBeGreaterThanOrEqual(1);
    for (const said of ['Signed off by Ana Steward (data steward)', 'Override with', 'The five levels of parity', 'match rate', 'Compared columns', 'amount', 'Sources', made.fingerprint]) expect(text).toContain(said);
    // Every source file's hash is printed, as in the manifest.
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    expect(text.replace(/\s/g, '')).toContain(manifest.sources[0].files[0].sha256);
  });

  it('splits the rows over sheets at the row limit, and cuts them past sixteen sheets, saying so', async () => {
    const profile = { name: 'Ana Steward', role: 'data steward' };
    const split = await exportPack(p.engine.workspace, p.engine.compare, p.dir, profile, path.join(p.dir, 'split.paritypack'), quietJob(), { rowsPerSheet: 200 });
    const splitManifest = JSON.parse(strFromU8(unzipSync(fs.readFileSync(split.path))['manifest.json']));
    expect(splitManifest.exceptions).toEqual({ rows: exceptions, xlsxSheets: 3, xlsxNote: `Split: Excel holds 200 rows a sheet; the ${exceptions} exceptions are in 3 sheets, in order.` });
    const cut = await exportPack(p.engine.workspace, p.engine.compare, p.dir, profile, path.join(p.dir, 'cut.paritypack'), quietJob(), { rowsPerSheet: 20 });
    const cutFiles = unzipSync(fs.readFileSync(cut.path));
    const book = await readBook(cutFiles['exceptions/exceptions.xlsx']);
    expect(book.worksheets).toHaveLength(17);
    expect(String(book.getWorksheet('Summary')?.getRow(12).getCell(2).value)).toBe(`Cut: Excel holds 20 rows a sheet; the first 320 of ${exceptions} exceptions are in 16 sheets. Every row is in exceptions.parquet and exceptions.csv.`);
  });

  const rezip = (name: string, entries: Zippable) => {
    const file = path.join(p.dir, name);
    fs.writeFileSync(file, zipSync(entries));
    return file;
  };

  for (const name of ['exceptions/exceptions.parquet', 'exceptions/exceptions.csv', 'exceptions/exceptions.xlsx', 'notes/annotations.json', 'notes/history.json', 'notes/runs.json', 'report/report.html', 'report/report.pdf']) {
    it(`names ${name} when one byte of it is flipped, in verify and in auditor mode`, async () => {
      const bytes = files[name].slice();
      bytes[Math.floor(bytes.length / 2)] ^= 0x01;
      const flipped = rezip('flipped.paritypack', { ...files, [name]: bytes });
      const check = verifyPack(flipped);
      expect(check.ok).toBe(false);
      expect(check.problems).toEqual([`${name} was changed: its SHA-256 does not match the manifest.`]);
      expect((await p.engine.call('audit.open', { path: flipped })).check).toMatchObject({ ok: false, problems: check.problems });
    });
  }

  it('fails the signature when the manifest is edited, and names a swapped key or signature', async () => {
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    manifest.exceptions.rows -= 1;
    const edited = verifyPack(rezip('edited.paritypack', { ...files, 'manifest.json': new TextEncoder().encode(JSON.stringify(manifest, null, 2)) }));
    expect(edited.problems).toEqual(['The signature does not hold for manifest.json and the key in the pack: the manifest, the signature or the key was changed after signing.']);

    const signature = JSON.parse(strFromU8(files['signature.json']));
    const flipped = Buffer.from(signature.signature, 'base64');
    flipped[0] ^= 1;
    const otherSig = { ...signature, signature: flipped.toString('base64') };
    const swappedSig = verifyPack(rezip('sig.paritypack', { ...files, 'signature.json': new TextEncoder().encode(JSON.stringify(otherSig)) }));
    expect(swappedSig.problems).toEqual(['The signature does not hold for manifest.json and the key in the pack: the manifest, the signature or the key was changed after signing.']);

    // Another key (a made-up Ed25519 public key) with its own honest fingerprint.
    const { publicKey } = crypto.generateKeyPairSync('ed25519');
    const der = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const hex = crypto.createHash('sha256').update(Buffer.from(der, 'base64')).digest('hex');
    const otherKey = { ...signature, publicKey: der, fingerprint: hex.match(/.{4}/g)?.join(' ') };
    const swappedKey = verifyPack(rezip('key.paritypack', { ...files, 'signature.json': new TextEncoder().encode(JSON.stringify(otherKey)) }));
    expect(swappedKey.problems[0]).toMatch(/^signature\.json: the public key \(.+\) is not the one the manifest names \(.+\); the key was swapped\.$/);
    expect(swappedKey.problems[1]).toMatch(/^The signature does not hold/);
    // Auditor mode opens each of them with the same sentences in its banner.
    for (const [file, problems] of [['edited.paritypack', edited.problems], ['sig.paritypack', swappedSig.problems], ['key.paritypack', swappedKey.problems]] as const) {
      expect((await p.engine.call('audit.open', { path: path.join(p.dir, file) })).check).toMatchObject({ ok: false, problems });
    }
  });

  it('names a file added after signing and a file taken out', () => {
    const added = verifyPack(rezip('added.paritypack', { ...files, 'notes/extra.txt': new TextEncoder().encode('hello') }));
    expect(added.problems).toEqual(['notes/extra.txt is in the pack but not in the manifest: it was added after signing.']);
    const { ['notes/runs.json']: _gone, ...rest } = files;
    expect(verifyPack(rezip('removed.paritypack', rest)).problems).toEqual(['notes/runs.json is missing from the pack.']);
  });

  const refused: [string, () => Zippable | Buffer, RegExp][] = [
    ['a ../ path', () => ({ ...files, '../evil.txt': new TextEncoder().encode('x') }), /"\.\.\/evil\.txt", which would land outside its folder; refused\.$/],
    ['an absolute path', () => ({ ...files, '/tmp/evil.txt': new TextEncoder().encode('x') }), /"\/tmp\/evil\.txt", which would land outside its folder; refused\.$/],
    ['a symbolic link', () => ({ ...files, link: [new TextEncoder().encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] }), /holds "link" as a symbolic link; packs hold plain files only\.$/],
    ['a zip bomb', () => ({ ...files, 'bomb.bin': [new Uint8Array(50 * 1024 * 1024), { level: 9 }] }), /holds "bomb\.bin" declaring 52,428,800 bytes from [\d,]+: a zip bomb, refused\.$/],
  ];
  for (const [what, entries, message] of refused) {
    it(`refuses a pack with ${what}, writing nothing`, async () => {
      const before = fs.readdirSync(path.dirname(p.dir));
      const crafted = rezip('crafted.paritypack', entries() as Zippable);
      const error = await failure(p.engine.call('pack.verify', { path: crafted }));
      expect(error.message).toMatch(message);
      // Auditor mode refuses it the same way, unpacking nothing.
      const audits = path.join(p.dir, 'audits');
      const unpacked = fs.existsSync(audits) ? fs.readdirSync(audits) : [];
      expect((await failure(p.engine.call('audit.open', { path: crafted }))).message).toMatch(message);
      expect(fs.existsSync(audits) ? fs.readdirSync(audits) : []).toEqual(unpacked);
      expect(fs.readdirSync(path.dirname(p.dir))).toEqual(before);
    });
  }

  it('refuses a 10 GB declared size', async () => {
    const bytes = Buffer.from(fs.readFileSync(out));
    // Declare 0xFFFFFFFF bytes for the first file in the central directory (the ZIP64 marker a 10 GB file needs).
    // The central directory starts where the end record says (stored files may hold zips of their own).
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const firstCd = bytes.readUInt32LE(end + 16);
    expect(bytes.readUInt32LE(firstCd)).toBe(0x02014b50);
    bytes.writeUInt32LE(0xffffffff, firstCd + 24);
    const crafted = path.join(p.dir, 'huge.paritypack');
    fs.writeFileSync(crafted, bytes);
    expect((await failure(p.engine.call('pack.verify', { path: crafted }))).message).toMatch(/in the ZIP64 form, which packs do not use\.$|zip bomb, refused\.$/);
    expect((await failure(p.engine.call('audit.open', { path: crafted }))).message).toMatch(/in the ZIP64 form, which packs do not use\.$|zip bomb, refused\.$/);
  });

  it('leaves no pack behind when cancelled, and says so', async () => {
    const controller = new AbortController();
    const cancelledOut = path.join(p.dir, 'cancelled.paritypack');
    const error = await failure(p.engine.call('pack.export', { out: cancelledOut }, { signal: controller.signal, onProgress: (x) => x.phase === 'Hashing the sources' && controller.abort() }));
    expect(error.code).toBe('cancelled');
    expect(fs.readdirSync(p.dir).filter((f) => f.startsWith('cancelled'))).toEqual([]);
  });

  it("refuses to pack a toggle's counts, which are not a recorded run, writing nothing", async () => {
    await p.engine.call('compare.run', { contract: { version: 1, name: 'test', key: ['id'], columns: ['region', { left: 'amount', absTol: '0.01' }], dimensions: ['region'] }, quick: true });
    const whatIfOut = path.join(p.dir, 'what-if.paritypack');
    const error = await failure(p.engine.call('pack.export', { out: whatIfOut }));
    expect(error.message).toBe('The counts on screen come from toggles not yet recorded as a run; run the comparison again to record them, then export the pack.');
    expect(fs.existsSync(whatIfOut)).toBe(false);
  });
});
