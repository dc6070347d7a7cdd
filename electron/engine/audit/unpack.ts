/**
 * Unpacks a verified (or knowingly failed) pack into a folder of its own, read-only. The zip is read as
 * verify reads it: plain relative names, no links, sizes bounded, inflation stopped at the declared size;
 * and every target is checked to lie inside the folder before a byte is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ParityError } from '../../../shared/errors.js';
import { hashFile } from '../pack/export.js';
import { listEntries, readEntry } from '../pack/zip-read.js';

/** The folder a pack unpacks to: named for the pack's own SHA-256, so one pack always lands in one place. */
export async function auditFolder(home: string, pack: string): Promise<string> {
  return path.join(home, 'audits', (await hashFile(pack)).sha256.slice(0, 24));
}

/** Empties a folder written read-only (Windows will not delete a read-only file). */
export function removeFolder(folder: string): void {
  if (!fs.existsSync(folder)) return;
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) fs.chmodSync(path.join(entry.parentPath, entry.name), 0o644);
  }
  fs.rmSync(folder, { recursive: true, force: true });
}

export function unpack(pack: string, folder: string): void {
  removeFolder(folder);
  const staging = `${folder}.partial`;
  removeFolder(staging);
  fs.mkdirSync(staging, { recursive: true });
  const fd = fs.openSync(pack, 'r');
  try {
    for (const entry of listEntries(fd, fs.fstatSync(fd).size)) {
      const target = path.resolve(staging, ...entry.name.split('/'));
      const inside = path.relative(staging, target);
      if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) throw new ParityError('invalid_pack', `The pack names "${entry.name}", which would lie outside its folder: refused.`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const out = fs.openSync(target, 'wx');
      try {
        readEntry(fd, entry, (chunk) => fs.writeSync(out, chunk));
      } finally {
        fs.closeSync(out);
      }
      fs.chmodSync(target, 0o444);
    }
  } catch (error) {
    removeFolder(staging);
    throw error;
  } finally {
    fs.closeSync(fd);
  }
  // Only a whole pack becomes the folder: a refusal half-way leaves nothing behind.
  fs.renameSync(staging, folder);
}
