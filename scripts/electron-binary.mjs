// Where the Electron binary is, without triggering its download (require('electron') would try).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const exe = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
  const candidate = exe ? path.join(distDir, exe) : path.join(distDir, process.platform === 'win32' ? 'electron.exe' : 'electron');
  return fs.existsSync(candidate) ? candidate : null;
}

export function electronInstallScript() {
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
  } catch {
    return null;
  }
}
