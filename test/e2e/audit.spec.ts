/**
 * The auditor's side: open a signed pack read-only (no sources on this machine), see it verified with
 * its signer and key, its summary, its exceptions drilled by region down to the rows, its explanations
 * and sign-off; then a tampered copy, shown with exactly what failed; and a file that is not a pack.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { parityWith } from '../helpers/cli';
import { shot } from './shots';
import { expect, test } from './workbench';

test.use({ workbenchOptions: { workspace: 'auditor.parity' } });

/** A pack made by the CLI, signed by a steward on another machine; the sources are deleted after. */
function makePack(): { pack: string; fingerprint: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-audit-'));
  const rows = (shift: (i: number) => string) => ['id,region,amount', ...Array.from({ length: 600 }, (_, i) => `${i},${['EMEA', 'APAC', 'AMER'][i % 3]},${shift(i)}`)].join('\n');
  fs.writeFileSync(path.join(dir, 'legacy.csv'), rows((i) => (i * 1.25).toFixed(2)));
  fs.writeFileSync(path.join(dir, 'new.csv'), rows((i) => (i * 1.25 + (i % 10 === 0 ? 0.01 : 0)).toFixed(2)));
  fs.writeFileSync(
    path.join(dir, 'march.contract.json'),
    JSON.stringify({ version: 1, name: 'March close', left: { source: 'legacy.csv' }, right: { source: 'new.csv' }, key: ['id'], columns: ['amount', 'region'], dimensions: ['region'], measures: [{ name: 'revenue', fn: 'sum', left: 'amount' }] }),
  );
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(home, 'profile.json'), JSON.stringify({ name: 'Ana Steward', role: 'data steward' }));
  const pack = path.join(dir, 'march.paritypack');
  const r = parityWith({ PARITY_HOME: home }, 'compare', '--contract', path.join(dir, 'march.contract.json'), '--pack', pack);
  expect(r.stderr).toContain('Pack written');
  fs.rmSync(path.join(dir, 'legacy.csv'));
  fs.rmSync(path.join(dir, 'new.csv'));
  return { pack, fingerprint: /signed with key ([0-9a-f ]+)/.exec(r.stderr)![1].trim() };
}

test('opens a signed pack read-only, drills its exceptions, and names what a tampered pack changed', async ({ page, workbench }, info) => {
  test.setTimeout(180_000);
  const { pack, fingerprint } = makePack();
  const sha = () => crypto.createHash('sha256').update(fs.readFileSync(pack)).digest('hex');
  const before = sha();
  // As an auditor would: Auditor mode in the sidebar, the pack's path, Verify and open.
  const openPack = async (file: string) => {
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('pack-path').fill(file);
    await page.getByTestId('pack-open').click();
  };
  await page.goto(workbench.url);
  await openPack(pack);

  const banner = page.getByTestId('verification');
  await expect(banner).toContainText('Intact.');
  await expect(banner).toContainText('signed by Ana Steward (data steward)');
  await expect(page.getByTestId('fingerprint')).toHaveText(fingerprint);
  await expect(page.getByTestId('level-entity')).toContainText('90.00% match rate');
  await expect(page.getByTestId('audit-sources')).toContainText('legacy.csv');
  await shot(page, '9-audit-summary', info);

  // The exceptions by region, then one region's rows, from the pack alone.
  await page.getByTestId('audit-tab-exceptions').click();
  const groups = page.getByTestId('group-grid');
  await expect(groups.locator('.ag-row[row-index="0"] [col-id="value"]')).toHaveText('AMER');
  await expect(groups.locator('.ag-header-cell[col-id="value"]')).toContainText('region');
  // A group's row: its pinned name and its figures are two elements sharing the row index.
  const emeaAt = await groups.locator('.ag-row').filter({ has: page.locator('[col-id="value"]', { hasText: /^EMEA$/ }) }).getAttribute('row-index');
  const emea = groups.locator(`.ag-row[row-index="${emeaAt}"]`);
  await expect(emea.locator('[col-id="xMismatch"]')).toHaveText('20');
  await expect(emea.locator('[col-id="xUnexplained"]')).toHaveText('20');
  await shot(page, '9-audit-drill', info);
  await emea.locator('[col-id="value"]').click();
  const grid = page.getByTestId('audit-grid');
  await expect(page.getByTestId('audit-total')).toHaveText('20 rows');
  await expect(grid.locator('.ag-row[row-index="0"] [col-id="region"]')).toHaveText('EMEA');
  await expect(page.getByTestId('breadcrumb')).toContainText('region: EMEA');

  await page.getByTestId('audit-tab-notes').click();
  await expect(page.getByTestId('audit-chain')).toContainText('The history is empty.');
  await expect(page.getByTestId('audit-notes')).toContainText('No run in this pack was signed off.');

  // Reading changed nothing.
  expect(sha()).toBe(before);

  // A tampered copy: one byte of the CSV, and the manifest's signer renamed.
  const files = unzipSync(fs.readFileSync(pack));
  const csv = files['exceptions/exceptions.csv'].slice();
  csv[csv.length - 2] ^= 1;
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
  manifest.signer.name = 'Someone Else';
  const tampered = path.join(path.dirname(pack), 'tampered.paritypack');
  fs.writeFileSync(tampered, zipSync({ ...files, 'exceptions/exceptions.csv': csv, 'manifest.json': new TextEncoder().encode(JSON.stringify(manifest)) }));
  await page.getByTestId('audit-close').click();
  await openPack(tampered);
  await expect(banner).toContainText('NOT intact');
  const problems = page.getByTestId('verification-problems');
  await expect(problems).toContainText('exceptions/exceptions.csv was changed: its SHA-256 does not match the manifest.');
  await expect(problems).toContainText('The signature does not hold for manifest.json');
  await shot(page, '9-audit-tampered', info);

  // Not a pack at all: one sentence, nothing opened.
  await page.getByTestId('audit-close').click();
  await openPack(path.join(path.dirname(pack), 'march.contract.json'));
  await expect(page.getByTestId('pack-error')).toHaveText('This file is not a pack: it is not a zip archive.');

  // Launched on a pack (`npm start -- --pack FILE` adds it to the address): auditor mode at once.
  await page.goto(`${workbench.url}&pack=${encodeURIComponent(pack)}`);
  await expect(banner).toContainText('Intact.');
  await expect(page.getByTestId('audit-page')).toContainText('March close');
});
