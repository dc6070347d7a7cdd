// `npm start`: the desktop app when Electron can run here; otherwise the same workbench in a browser,
// served on 127.0.0.1 (the address is printed). Arguments after `--` go to the app (e.g. --workspace).
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary, electronInstallScript } from './electron-binary.mjs';

const args = process.argv.slice(2);
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function fetchElectron() {
  // From Electron 45 the binary is fetched on first launch; on a machine without that route this fails fast.
  const script = electronInstallScript();
  if (!script) return null;
  console.log('Fetching the Electron binary (first launch)…');
  const r = spawnSync(process.execPath, [script], { stdio: 'ignore', timeout: 120_000 });
  return r.status === 0 ? electronBinary() : null;
}

function serveInBrowser(reason) {
  console.log(`Electron cannot start here (${reason}); serving the workbench for your browser instead.`);
  const web = spawn(process.execPath, ['dist/node/web.mjs', ...args], { stdio: 'inherit' });
  const stop = () => web.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  web.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary() ?? fetchElectron();
if (!binary) {
  serveInBrowser('its binary is not installed and could not be downloaded');
} else {
  const extra = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const started = Date.now();
  const app = spawn(binary, [...extra, '.', ...args], { stdio: 'inherit' });
  app.on('error', (e) => serveInBrowser(e.message));
  app.on('exit', (code) => {
    // A launch that dies at once (no display, missing libraries) falls back; a user quitting does not.
    if (code !== 0 && Date.now() - started < 5000) serveInBrowser(`it exited with code ${code} at start-up`);
    else process.exit(code ?? 0);
  });
}
