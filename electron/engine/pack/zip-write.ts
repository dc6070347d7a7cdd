/**
 * Writes a zip from files on disk, streaming: each file is read in chunks and deflated as it goes, so a
 * pack of millions of exceptions never sits whole in memory. A cancel stops between chunks.
 */
import fs from 'node:fs';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { ParityError } from '../../../shared/errors.js';

const CHUNK = 1024 * 1024;

export type ZipLevel = 0 | 1 | 6 | 9;

/** `level` 0 stores a file as it is (already compressed); 1 is quick, 6 the default. */
export async function writeZip(out: string, files: { name: string; path: string; level?: ZipLevel }[], signal: AbortSignal): Promise<void> {
  const stream = fs.createWriteStream(out);
  let failure: Error | null = null;
  stream.on('error', (e) => (failure = e));
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else stream.write(chunk);
  });
  const drained = () => (stream.writableNeedDrain ? new Promise<void>((resolve) => stream.once('drain', () => resolve())) : Promise.resolve());
  try {
    for (const file of files) {
      const entry = file.level === 0 ? new ZipPassThrough(file.name) : new ZipDeflate(file.name, { level: file.level ?? 6 });
      zip.add(entry);
      const fd = fs.openSync(file.path, 'r');
      try {
        const buffer = Buffer.alloc(CHUNK);
        for (;;) {
          if (signal.aborted) throw new ParityError('cancelled', 'Cancelled; no pack was written.');
          const n = fs.readSync(fd, buffer, 0, CHUNK, null);
          entry.push(new Uint8Array(buffer.subarray(0, n)), n === 0);
          if (failure) throw failure;
          await drained();
          if (n === 0) break;
        }
      } finally {
        fs.closeSync(fd);
      }
    }
    zip.end();
    await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
    if (failure) throw failure;
  } catch (error) {
    stream.destroy();
    throw error;
  }
}
