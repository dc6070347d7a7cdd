/**
 * `npm run web` (and `npm start` where Electron cannot run): serves the workbench on 127.0.0.1 and
 * prints the address with this launch's token. Without --workspace it opens the demo workspace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostArgs } from '../engine/host-args.js';
import { engineEntry, findRoot } from '../process/engine-entry.js';
import { forkEngine } from '../process/fork-engine.js';
import { defaultWorkspace, parityHome } from '../process/paths.js';
import { startWebServer } from './server.js';

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const given = arg(argv, '--workspace');
  const workspace = path.resolve(given ?? defaultWorkspace());
  fs.mkdirSync(path.dirname(workspace), { recursive: true });
  const demo = !given || argv.includes('--demo');
  const root = findRoot(path.dirname(fileURLToPath(import.meta.url)));
  const rendererDir = arg(argv, '--renderer') ?? path.join(root, 'dist/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`The workbench is not built yet (${rendererDir} has no index.html); run "npm run build" first.`);
    process.exit(2);
  }
  const entry = engineEntry(import.meta.url);
  const port = Number(arg(argv, '--port') ?? process.env.PARITY_PORT ?? 0);
  const server = await startWebServer({
    rendererDir,
    port,
    spawnEngine: () => forkEngine(entry.script, hostArgs({ workspace, demo, memoryLimit: arg(argv, '--memory-limit'), home: parityHome() }), entry.execArgv),
  });
  // --pack FILE opens the workbench in auditor mode on that pack.
  const pack = arg(argv, '--pack');
  console.log(`Parity workbench: ${server.url}${pack ? `&pack=${encodeURIComponent(path.resolve(pack))}` : ''}`);
  console.log(`Workspace: ${workspace}${demo ? ' (demo)' : ''} · home ${parityHome()}`);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
