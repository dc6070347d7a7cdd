/**
 * Reads a pack's zip defensively, without trusting anything it declares: names must be plain relative
 * paths, no symlinks, no encryption, sizes within limits, and inflation is stopped the moment an entry
 * yields more than it declared. Nothing is written anywhere; callers get each entry's bytes hashed, or
 * its bytes when they ask for a small file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Inflate } from 'fflate';
import { ParityError } from '../../../shared/errors.js';

/** A pack is evidence, not an archive of anything: these bound what reading one can cost. */
export const PACK_LIMITS = { totalBytes: 8 * 1024 ** 3, entries: 10_000, ratio: 200, smallFile: 64 * 1024 ** 2 };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc32: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function refuse(sentence: string): never {
  throw new ParityError('invalid_pack', sentence);
}

/** The central directory, checked entry by entry before a single byte is inflated. */
export function listEntries(fd: number, fileSize: number): ZipEntry[] {
  const tailSize = Math.min(fileSize, 65_557);
  const tail = Buffer.alloc(tailSize);
  fs.readSync(fd, tail, 0, tailSize, fileSize - tailSize);
  let at = -1;
  for (let i = tailSize - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) { at = i; break; }
  if (at < 0) refuse('This file is not a pack: it is not a zip archive.');
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  if (count > PACK_LIMITS.entries) refuse(`The pack declares ${count} files; a pack holds at most ${PACK_LIMITS.entries}.`);
  if (cdOffset + cdSize > fileSize) refuse('The pack is truncated: its file list points past its end.');
  const cd = Buffer.alloc(cdSize);
  fs.readSync(fd, cd, 0, cdSize, cdOffset);
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) refuse('The pack is damaged: its file list cannot be read.');
    const madeBy = cd.readUInt16LE(p + 4);
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc32 = cd.readUInt32LE(p + 16);
    const compressedSize = cd.readUInt32LE(p + 20);
    const size = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const external = cd.readUInt32LE(p + 38);
    const localOffset = cd.readUInt32LE(p + 42);
    const name = cd.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    p += 46 + nameLength + extraLength + commentLength;
    checkName(name);
    if (madeBy >> 8 === 3 && ((external >>> 16) & 0o170000) === 0o120000) refuse(`The pack holds "${name}" as a symbolic link; packs hold plain files only.`);
    if (flags & 0x1) refuse(`The pack holds "${name}" encrypted; packs are never encrypted.`);
    if (method !== 0 && method !== 8) refuse(`The pack holds "${name}" compressed in a way Parity does not read (method ${method}).`);
    if (size === 0xffffffff || compressedSize === 0xffffffff) refuse(`The pack holds "${name}" in the ZIP64 form, which packs do not use.`);
    if (method === 8 && size > PACK_LIMITS.ratio * Math.max(compressedSize, 1024)) {
      refuse(`The pack holds "${name}" declaring ${size.toLocaleString('en-US')} bytes from ${compressedSize.toLocaleString('en-US')}: a zip bomb, refused.`);
    }
    total += size;
    if (total > PACK_LIMITS.totalBytes) refuse(`The pack declares more than ${PACK_LIMITS.totalBytes / 1024 ** 3} GB of files; refused.`);
    if (localOffset + 30 > fileSize) refuse(`The pack is damaged: "${name}" points past its end.`);
    if (entries.some((e) => e.name === name)) refuse(`The pack holds "${name}" twice.`);
    entries.push({ name, method, compressedSize, size, crc32, localOffset });
  }
  return entries;
}

/** Only plain relative names: no "..", no absolute or drive paths, no backslashes or control characters. */
function checkName(name: string): void {
  const bad =
    name.length === 0 ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.includes('\\') ||
    /[\u0000-\u001f]/.test(name) ||
    name.split('/').some((part) => part === '..' || part === '.' || part === '');
  if (bad) refuse(`The pack holds a file named "${name}", which would land outside its folder; refused.`);
}

/**
 * Streams one entry's inflated bytes to `sink`, stopping with a refusal if it yields more than declared.
 * Returns the SHA-256 of what it yielded.
 */
export function readEntry(fd: number, entry: ZipEntry, sink?: (chunk: Uint8Array) => void): string {
  const header = Buffer.alloc(30);
  fs.readSync(fd, header, 0, 30, entry.localOffset);
  if (header.readUInt32LE(0) !== LOCAL) refuse(`The pack is damaged: "${entry.name}" cannot be found where its file list says.`);
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const hash = crypto.createHash('sha256');
  let yielded = 0;
  const take = (chunk: Uint8Array) => {
    yielded += chunk.length;
    if (yielded > entry.size) refuse(`The pack holds "${entry.name}", which inflates past the ${entry.size.toLocaleString('en-US')} bytes it declares: refused.`);
    hash.update(chunk);
    sink?.(chunk);
  };
  const inflate = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : null;
  const buffer = Buffer.alloc(1024 * 1024);
  let left = entry.compressedSize;
  let at = start;
  while (left > 0) {
    const n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, left), at);
    if (n <= 0) refuse(`The pack is truncated inside "${entry.name}".`);
    at += n;
    left -= n;
    const chunk = buffer.subarray(0, n);
    if (inflate) inflate.push(new Uint8Array(chunk), left === 0);
    else take(new Uint8Array(chunk));
  }
  if (inflate && entry.compressedSize === 0) inflate.push(new Uint8Array(0), true);
  if (yielded !== entry.size) refuse(`The pack is damaged: "${entry.name}" holds ${yielded.toLocaleString('en-US')} bytes, not the ${entry.size.toLocaleString('en-US')} it declares.`);
  return hash.digest('hex');
}

/** A small entry (the manifest, the signature) in full. */
export function readSmall(fd: number, entry: ZipEntry): Buffer {
  if (entry.size > PACK_LIMITS.smallFile) refuse(`The pack's "${entry.name}" is too large to be what it says.`);
  const parts: Uint8Array[] = [];
  readEntry(fd, entry, (c) => parts.push(c.slice()));
  return Buffer.concat(parts);
}
