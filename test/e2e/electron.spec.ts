/**
 * Launches the real Electron app where its binary exists. On machines without it (the binary comes
 * from outside the package registry) the test says so plainly and is skipped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = electronBinary();
const reason = 'the Electron binary is not installed on this machine (it downloads from outside the npm registry); the same renderer and engine are tested in Chromium through the web transport';

test('the desktop app opens the demo workspace in a hardened window', async () => {
  if (!binary) console.log(`Electron launch test skipped: ${reason}.`);
  test.skip(!binary, reason);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-electron-'));
  const app = await electron.launch({
    executablePath: binary as string,
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.'],
    env: { ...process.env, PARITY_HOME: home },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('summary-tiles')).toBeVisible({ timeout: 180_000 });
    // Hardened: no Node in the page, and the bridge exposes only the protocol.
    const page = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { parity?: object }).parity ?? {}).sort(),
    }));
    expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: ['kind', 'onMessage', 'pathForFile', 'send'] });
    const opened = await window.evaluate(() => (globalThis as unknown as { open: (u: string) => unknown }).open('https://example.com') === null);
    expect(opened).toBe(true);
    await window.screenshot({ path: test.info().outputPath('electron.png') });
  } finally {
    await app.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
});
