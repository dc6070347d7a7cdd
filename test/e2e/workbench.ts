/**
 * Starts the built web mode (`node dist/node/web.mjs`) exactly as a user would, each test with its own
 * Parity home folder, and hands the test the printed address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

export interface Workbench {
  url: string;
  home: string;
  server: ChildProcess;
  output: () => string;
}

export interface WorkbenchOptions {
  workspace?: string;
  /** Who works on this machine; null starts as on a first launch, with no profile. */
  profile?: { name: string; role: string } | null;
}

const E2E_PROFILE = { name: 'E2E Analyst', role: 'finance analyst' };

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-e2e-'));
  const profile = options.profile === undefined ? E2E_PROFILE : options.profile;
  if (profile) fs.writeFileSync(path.join(home, 'profile.json'), JSON.stringify(profile));
  const args = ['dist/node/web.mjs', '--memory-limit', '2GB'];
  if (options.workspace) args.push('--workspace', path.join(home, options.workspace));
  const server = spawn(process.execPath, args, { env: { ...process.env, PARITY_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  server.stdout?.on('data', (d) => (out += d));
  server.stderr?.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The workbench did not print its address:\n${out}`)), 30_000);
    const check = () => {
      const m = /Parity workbench: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    server.stdout?.on('data', check);
    server.on('exit', (code) => reject(new Error(`The workbench exited (${code}):\n${out}`)));
  });
  return { url, home, server, output: () => out };
}

export async function stopWorkbench(w: Workbench): Promise<void> {
  if (w.server.exitCode === null) {
    const exited = new Promise((resolve) => w.server.once('exit', resolve));
    w.server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(w.home, { recursive: true, force: true });
}

export const test = base.extend<{ workbench: Workbench; workbenchOptions: WorkbenchOptions }>({
  workbenchOptions: [{}, { option: true }],
  workbench: async ({ workbenchOptions }, use) => {
    const w = await startWorkbench(workbenchOptions);
    await use(w);
    await stopWorkbench(w);
  },
});

export { expect } from '@playwright/test';
