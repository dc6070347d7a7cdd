// Builds everything that ships: the renderer (Vite) and the Node-side bundles (esbuild).
// Node packages stay external (DuckDB is native); the sandboxed preload is bundled whole.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';

const only = process.argv[2];
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' };
// CommonJS bundles have no import.meta; code that resolves files beside a package reads it from here.
const cjs = { format: 'cjs', banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' }, define: { 'import.meta.url': '__importMetaUrl' } };

async function node() {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.cjs', ...cjs, external: ['electron'], packages: 'external' }),
    build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'] }),
    build({ ...common, entryPoints: ['electron/engine/host.ts'], outfile: 'dist/node/engine-host.cjs', ...cjs, packages: 'external' }),
    build({ ...common, entryPoints: ['electron/web/main.ts'], outfile: 'dist/node/web.mjs', format: 'esm', packages: 'external' }),
    build({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: 'dist/node/cli.mjs', format: 'esm', packages: 'external' }),
  ]);
}

async function renderer() {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}

const t = Date.now();
if (!only) fs.rmSync('dist', { recursive: true, force: true });
if (!only || only === 'node') await node();
if (!only || only === 'renderer') await renderer();
console.log(`built ${only ?? 'all'} in ${Date.now() - t} ms`);
