/**
 * The steward's deliverable: export a signed pack from the demo workspace, verify it with the CLI, and
 * open its HTML report from the file system in Chromium with the network off. Screenshots of both.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { shot } from './shots';
import { expect, test } from './workbench';

test('exports a signed pack that verifies, and its report opens offline', async ({ page, workbench, browser }, info) => {
  test.setTimeout(300_000);
  await page.goto(workbench.url);
  await expect(page.getByTestId('level-cards')).toBeVisible({ timeout: 180_000 });
  await page.getByTestId('export-pack').click();
  const made = page.getByTestId('pack-made');
  await expect(made).toContainText('Pack written:', { timeout: 180_000 });
  await shot(page, '8-pack-exported', info);
  const packPath = /Pack written: (\S+\.paritypack)/.exec((await made.textContent()) ?? '')?.[1] ?? '';
  expect(packPath.startsWith(path.join(workbench.home, 'packs'))).toBe(true);

  const verify = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'verify', packPath], { encoding: 'utf8' });
  expect(verify.status).toBe(0);
  expect(verify.stdout).toMatch(/^Intact: every file matches the manifest, signed by E2E Analyst \(finance analyst\)/);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-report-'));
  const report = path.join(dir, 'report.html');
  fs.writeFileSync(report, unzipSync(fs.readFileSync(packPath))['report/report.html']);
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
  const reader = await context.newPage();
  const fetched: string[] = [];
  reader.on('request', (r) => !r.url().startsWith('file:') && fetched.push(r.url()));
  await reader.goto(pathToFileURL(report).href);
  await expect(reader.getByRole('heading', { name: 'The five levels of parity' })).toBeVisible();
  await expect(reader.getByRole('img', { name: 'Exceptions by explanation' })).toBeVisible();
  expect(fetched).toEqual([]);
  await shot(reader, '8-pack-report', info);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
