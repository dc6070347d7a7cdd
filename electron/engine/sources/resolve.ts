/**
 * Turns what the user typed (files, globs, folders) into a list of files of one detected format.
 * The format comes from the bytes, not the extension: Parquet starts and ends with "PAR1".
 */
import fs from 'node:fs';
import path from 'node:path';
import { ParityError } from '../../../shared/errors.js';
import type { FileInfo, SourceFormat } from '../../../shared/types.js';
import type { Lane } from '../db/lane.js';

export interface ResolvedSource {
  format: SourceFormat;
  files: FileInfo[];
}

const DATA_FILE = /\.(csv|tsv|txt|psv|parquet|pq)(\.gz)?$/i;
const GLOB_CHARS = /[*?[]/;

function fileInfo(file: string, stat: fs.Stats): FileInfo {
  return { path: file, size: stat.size, modifiedAt: stat.mtime.toISOString() };
}

function walk(folder: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile() && DATA_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

async function expandGlob(pattern: string, lane: Lane): Promise<string[]> {
  const reader = await lane.use((c) => c.runAndReadAll('SELECT file FROM glob($1) ORDER BY file', [pattern]));
  return reader.getRowsJS().map((r) => String(r[0]));
}

/** Reads just enough of a file to say what it is, in words a person would use. */
export function detectFormat(file: string, size: number): SourceFormat {
  const name = path.basename(file);
  if (size === 0) throw new ParityError('empty', `"${name}" is empty: it has no header and no rows.`);
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 4096));
    fs.readSync(fd, head, 0, head.length, 0);
    if (head.subarray(0, 4).toString('latin1') === 'PAR1') {
      const tail = Buffer.alloc(4);
      fs.readSync(fd, tail, 0, 4, Math.max(0, size - 4));
      if (tail.toString('latin1') !== 'PAR1') {
        throw new ParityError('unsupported_format', `"${name}" looks like Parquet but is incomplete or damaged (no footer).`);
      }
      return 'parquet';
    }
    if (head[0] === 0x1f && head[1] === 0x8b) return 'csv'; // gzip-compressed CSV; DuckDB reads it directly.
    if (head.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
      throw new ParityError('unsupported_format', `"${name}" is a zip archive (an Excel workbook?), not a CSV or Parquet file.`);
    }
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    if (!utf16 && head.includes(0)) {
      throw new ParityError('unsupported_format', `"${name}" is a binary file, not a CSV or Parquet file.`);
    }
    return 'csv';
  } finally {
    fs.closeSync(fd);
  }
}

function statOrThrow(file: string, input: string): fs.Stats {
  try {
    return fs.statSync(file);
  } catch {
    throw new ParityError('not_found', `"${input}" does not exist.`);
  }
}

export async function resolveInputs(inputs: readonly string[], lane: Lane): Promise<ResolvedSource> {
  const files: FileInfo[] = [];
  for (const raw of inputs) {
    const input = raw.trim();
    let found: string[];
    if (GLOB_CHARS.test(input) && !fs.existsSync(input)) {
      found = (await expandGlob(input, lane)).filter((f) => fs.statSync(f).isFile());
      if (found.length === 0) throw new ParityError('not_found', `No file matches "${input}".`);
    } else {
      const stat = statOrThrow(input, input);
      if (stat.isDirectory()) {
        found = walk(input);
        if (found.length === 0) throw new ParityError('not_found', `The folder "${input}" has no CSV or Parquet files.`);
      } else {
        found = [input];
      }
    }
    for (const f of found) {
      const abs = path.resolve(f);
      if (!files.some((x) => x.path === abs)) files.push(fileInfo(abs, statOrThrow(abs, f)));
    }
  }
  let format: SourceFormat | null = null;
  let first = '';
  for (const f of files) {
    const detected = detectFormat(f.path, f.size);
    if (format && detected !== format) {
      throw new ParityError(
        'mixed_formats',
        `A source is all CSV or all Parquet, but "${path.basename(first)}" is ${format.toUpperCase()} and "${path.basename(f.path)}" is ${detected.toUpperCase()}.`,
      );
    }
    format = detected;
    first ||= f.path;
  }
  if (!format) throw new ParityError('not_found', 'No input files were given.');
  return { format, files };
}
