#!/usr/bin/env node
// The `parity` command: the built CLI when there is one, else the TypeScript source through tsx.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/node/cli.mjs');
if (existsSync(built)) {
  await import(built);
} else {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 2);
}
