/**
 * The signing key of a local profile: Ed25519, made on first use and kept in the user's Parity folder
 * (readable by the user only). Packs carry the public key and its fingerprint; the private key never
 * leaves the folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Profile } from '../../../shared/annotations.js';

export interface SigningKey {
  privateKey: crypto.KeyObject;
  /** The public key as SPKI DER, base64: what a pack carries. */
  publicKey: string;
  fingerprint: string;
}

/** SHA-256 of the public key's DER bytes, as hex in groups of four: what people compare by eye. */
export function fingerprintOf(publicKeyBase64: string): string {
  const hex = crypto.createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

function keyFile(home: string, profile: Profile): string {
  const id = crypto.createHash('sha256').update(`${profile.name}\u0000${profile.role}`).digest('hex').slice(0, 16);
  return path.join(home, 'keys', `${id}.ed25519.pem`);
}

export function signingKey(home: string, profile: Profile): SigningKey {
  const file = keyFile(home, profile);
  let privateKey: crypto.KeyObject;
  if (fs.existsSync(file)) {
    privateKey = crypto.createPrivateKey(fs.readFileSync(file));
  } else {
    privateKey = crypto.generateKeyPairSync('ed25519').privateKey;
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  const publicKey = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

export function signBytes(key: SigningKey, data: Buffer): string {
  return crypto.sign(null, data, key.privateKey).toString('base64');
}

/** False for a bad key, a bad signature or a signature over other bytes; never throws. */
export function signatureHolds(data: Buffer, signatureBase64: string, publicKeyBase64: string): boolean {
  try {
    const key = crypto.createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && crypto.verify(null, data, key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
