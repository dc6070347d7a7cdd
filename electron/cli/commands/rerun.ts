/**
 * `parity rerun PACK --sources DIR`: re-runs the pack's contract on the sources in DIR. Exit 0 when the
 * result reproduces the pack, 1 when a source file or a count differs (each named), 2 when it cannot run.
 */
import { ParityError } from '../../../shared/errors.js';
import { rerunPack } from '../../engine/pack/rerun.js';
import { parseArgs } from '../args.js';
import { endProgress, stderrProgress, withTempEngine } from '../session.js';

export async function rerunCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['--sources'], switches: ['--json'] });
  const dir = args.values.get('--sources');
  if (args.positional.length !== 1 || !dir) throw new ParityError('invalid_args', 'parity rerun needs a pack and --sources DIR.');
  const progress = stderrProgress();
  const result = await withTempEngine((engine) => rerunPack(engine, args.positional[0], dir, { signal: new AbortController().signal, progress }));
  endProgress();
  if (args.switches.has('--json')) {
    console.log(JSON.stringify({ reproduces: result.reproduces, sources: result.sources, differences: result.differences }, null, 2));
  } else if (result.reproduces) {
    console.log('Reproduces: the same sources give the same counts as the pack.');
  } else {
    console.log('Does NOT reproduce:');
    for (const line of [...result.sources, ...result.differences]) console.log(`  - ${line}`);
  }
  return result.reproduces ? 0 : 1;
}
