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
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0];
      const p = w.webContents.getLastWebPreferences();
      return { contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    await window.screenshot({ path: test.info().outputPath('electron.png') });
  } finally {
    await app.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
});
