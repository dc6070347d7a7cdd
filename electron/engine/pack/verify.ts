/**
 * Verifies a pack: the zip is read defensively, every file is hashed and compared with the manifest, no
 * file is missing or unlisted, the manifest's signature holds for the public key in the pack, and that
 * key is the one the manifest names. Each failure is one sentence naming the file or the signature.
 */
import fs from 'node:fs';
import { ParityError } from '../../../shared/errors.js';
import { MANIFEST_FILE, SIGNATURE_FILE, manifestSchema, signatureSchema, type PackCheck, type PackManifest } from '../../../shared/pack.js';
import { fingerprintOf, signatureHolds } from './keys.js';
import { listEntries, readEntry, readSmall, type ZipEntry } from './zip-read.js';

function parseJson(bytes: Buffer, file: string, problems: string[]): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    problems.push(`${file} is not valid JSON: it was edited or damaged.`);
    return null;
  }
}

export function verifyPack(file: string): PackCheck {
  if (!fs.existsSync(file)) throw new ParityError('not_found', `"${file}" does not exist.`);
  const fd = fs.openSync(file, 'r');
  try {
    const entries = listEntries(fd, fs.fstatSync(fd).size);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const problems: string[] = [];
    const manifestEntry = byName.get(MANIFEST_FILE);
    const signatureEntry = byName.get(SIGNATURE_FILE);
    if (!manifestEntry) return { ok: false, problems: [`The pack has no ${MANIFEST_FILE}.`], signer: null, manifest: null };
    const manifestBytes = readSmall(fd, manifestEntry);
    const parsed = manifestSchema.safeParse(parseJson(manifestBytes, MANIFEST_FILE, problems));
    if (!parsed.success && problems.length === 0) problems.push(`${MANIFEST_FILE} is not a Parity manifest (at "${parsed.error.issues[0]?.path.join('.')}"): it was edited or damaged.`);
    const manifest: PackManifest | null = parsed.success ? parsed.data : null;

    let signer: PackCheck['signer'] = null;
    if (!signatureEntry) problems.push(`The pack has no ${SIGNATURE_FILE}: it is not signed.`);
    else {
      const sig = signatureSchema.safeParse(parseJson(readSmall(fd, signatureEntry), SIGNATURE_FILE, problems));
      if (!sig.success) {
        if (!problems.some((p) => p.startsWith(SIGNATURE_FILE))) problems.push(`${SIGNATURE_FILE} is not a Parity signature: it was edited or damaged.`);
      } else {
        const fingerprint = fingerprintOf(sig.data.publicKey);
        if (fingerprint !== sig.data.fingerprint) problems.push(`${SIGNATURE_FILE}: the public key does not have the fingerprint written beside it.`);
        if (manifest && manifest.signer.fingerprint !== fingerprint) {
          problems.push(`${SIGNATURE_FILE}: the public key (${fingerprint}) is not the one the manifest names (${manifest.signer.fingerprint}); the key was swapped.`);
        }
        if (!signatureHolds(manifestBytes, sig.data.signature, sig.data.publicKey)) {
          problems.push(`The signature does not hold for ${MANIFEST_FILE} and the key in the pack: the manifest, the signature or the key was changed after signing.`);
        }
        if (manifest) signer = { name: manifest.signer.name, role: manifest.signer.role, fingerprint };
      }
    }

    if (manifest) {
      for (const [name, expected] of Object.entries(manifest.files)) {
        const entry = byName.get(name);
        if (!entry) {
          problems.push(`${name} is missing from the pack.`);
          continue;
        }
        const actual = hashEntry(fd, entry);
        if ('problem' in actual) problems.push(actual.problem);
        else if (actual.sha256 !== expected.sha256 || entry.size !== expected.size) problems.push(`${name} was changed: its SHA-256 does not match the manifest.`);
      }
      for (const e of entries) {
        if (e.name !== MANIFEST_FILE && e.name !== SIGNATURE_FILE && !(e.name in manifest.files)) problems.push(`${e.name} is in the pack but not in the manifest: it was added after signing.`);
      }
    }
    return { ok: problems.length === 0, problems, signer, manifest };
  } finally {
    fs.closeSync(fd);
  }
}

/** A damaged entry (bad deflate data, a wrong length) is a changed file named as such, not a crash. */
function hashEntry(fd: number, entry: ZipEntry): { sha256: string } | { problem: string } {
  try {
    return { sha256: readEntry(fd, entry) };
  } catch (error) {
    const why = error instanceof ParityError ? error.message : 'its compressed bytes no longer inflate';
    return { problem: `${entry.name} was changed: ${why.replace(/\.$/, '')}.` };
  }
}
