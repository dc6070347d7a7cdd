/**
 * The exception pack (`.paritypack`): a zip holding what was compared, what differed, who explained it
 * and who signed off, with a manifest that hashes every file and a signature over the manifest.
 */
import { z } from 'zod';

export const PACK_EXTENSION = '.paritypack';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'signature.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A file's place in the pack: plain relative names only (checked again when a pack is read). */
const packPath = z.string().regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/).refine((p) => !p.split('/').includes('..'), 'must stay inside the pack');

export const manifestSchema = z.strictObject({
  format: z.literal('paritypack'),
  version: z.literal(1),
  app: z.strictObject({ name: z.literal('Parity'), version: z.string() }),
  createdAt: z.string(),
  signer: z.strictObject({ name: z.string(), role: z.string(), fingerprint: z.string() }),
  run: z.strictObject({ id: z.number().int().nullable(), ranAt: z.string() }),
  contract: z.record(z.string(), z.unknown()),
  settings: z.strictObject({ reportingZone: z.string(), left: z.unknown(), right: z.unknown() }),
  sources: z.array(
    z.strictObject({
      side: z.enum(['left', 'right']),
      label: z.string(),
      rows: z.number().int(),
      files: z.array(z.strictObject({ name: z.string(), size: z.number().int(), sha256 })),
    }),
  ),
  summary: z.record(z.string(), z.unknown()),
  exceptions: z.strictObject({ rows: z.number().int(), xlsxSheets: z.number().int(), xlsxNote: z.string().nullable() }),
  files: z.record(packPath, z.strictObject({ size: z.number().int().min(0), sha256 })),
});
export type PackManifest = z.output<typeof manifestSchema>;

export const signatureSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  publicKey: z.string(),
  fingerprint: z.string(),
  signature: z.string(),
});
export type PackSignature = z.output<typeof signatureSchema>;

export interface PackCheck {
  ok: boolean;
  /** One sentence per thing that failed, naming the file or the signature. */
  problems: string[];
  signer: { name: string; role: string; fingerprint: string } | null;
  manifest: PackManifest | null;
}
