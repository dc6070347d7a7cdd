/**
 * Where the engine host script is: beside the bundle in a build (dist/node/engine-host.cjs), or the
 * TypeScript source under tsx when running from a checkout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EngineEntry {
  script: string;
  execArgv: string[];
}

export function engineEntry(fromUrl: string): EngineEntry {
  const here = path.dirname(fileURLToPath(fromUrl));
  const built = path.join(here, 'engine-host.cjs');
  if (fs.existsSync(built)) return { script: built, execArgv: [] };
  const root = findRoot(here);
  return { script: path.join(root, 'electron/engine/host.ts'), execArgv: ['--import', 'tsx'] };
}

export function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`No package.json above ${start}`);
    dir = up;
  }
  return dir;
}
