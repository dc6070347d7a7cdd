/**
 * `parity verify PACK`: is the pack intact and who signed it. Exit 0 intact; 1 when a file, the manifest,
 * the key or the signature fails (each named on its own line); 2 when it is not a pack Parity can read.
 */
import { ParityError } from '../../../shared/errors.js';
import { verifyPack } from '../../engine/pack/verify.js';
import { parseArgs } from '../args.js';

export async function verifyCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: [], switches: ['--json'] });
  if (args.positional.length !== 1) throw new ParityError('invalid_args', 'parity verify needs one pack file.');
  const check = verifyPack(args.positional[0]);
  if (args.switches.has('--json')) {
    console.log(JSON.stringify({ ok: check.ok, problems: check.problems, signer: check.signer, createdAt: check.manifest?.createdAt ?? null }, null, 2));
  } else if (check.ok) {
    console.log(`Intact: every file matches the manifest, signed by ${check.signer?.name} (${check.signer?.role}), key ${check.signer?.fingerprint}, made ${check.manifest?.createdAt}.`);
  } else {
    console.log('NOT intact:');
    for (const p of check.problems) console.log(`  - ${p}`);
  }
  return check.ok ? 0 : 1;
}
