import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** Runs the `parity` command from source, as a user would run the built one. */
export function parity(...args: string[]) {
  return parityWith({}, ...args);
}

/** The same, with extra environment (PARITY_HOME: whose profile signs a pack). */
export function parityWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, last: r.stderr.trim().split('\n').pop() };
}
