/** `parity demo --out DIR [--rows N] [--parquet]`: writes the demo Orders pair and its manifest. */
import fs from 'node:fs';
import path from 'node:path';
import { demoContract } from '../../engine/demo/contract.js';
import { ParityError } from '../../../shared/errors.js';
import { DEMO_DEFAULT_ROWS, generateDemo } from '../../engine/demo/generate.js';
import { parseArgs, required } from '../args.js';
import { endProgress, stderrProgress } from '../session.js';

export async function demoCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['--out', '--rows'], switches: ['--parquet', '--json'] });
  const rows = Number(args.values.get('--rows') ?? DEMO_DEFAULT_ROWS);
  if (!Number.isInteger(rows) || rows < 1) throw new ParityError('invalid_args', '--rows must be a whole number above 0.');
  const manifest = await generateDemo(
    path.resolve(required(args, '--out')),
    { rows, legacyFormat: args.switches.has('--parquet') ? 'parquet' : 'csv' },
    { signal: new AbortController().signal, progress: stderrProgress() },
  );
  endProgress();
  // A contract beside the files, with paths relative to it, ready for `parity compare --contract`.
  const contractFile = path.join(path.dirname(manifest.files.legacy), 'orders.contract.json');
  const contract = demoContract({ legacy: path.basename(manifest.files.legacy), new: path.basename(manifest.files.new) });
  fs.writeFileSync(contractFile, `${JSON.stringify(contract, null, 2)}\n`);
  console.log(args.switches.has('--json') ? JSON.stringify({ ...manifest, contract: contractFile }, null, 2) : `legacy:   ${manifest.files.legacy}\nnew:      ${manifest.files.new}\ncontract: ${contractFile}`);
  return 0;
}
