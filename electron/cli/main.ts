/**
 * `parity`: the engine without a window, for nightly runs and tests.
 * Exit codes: 0 ran (and within SLO), 1 ran but outside the SLO, 2 could not run (one-line reason).
 */
import { ParityError } from '../../shared/errors.js';
import { compareCommand } from './commands/compare.js';
import { demoCommand } from './commands/demo.js';
import { profileCommand } from './commands/profile.js';
import { technicalCommand } from './commands/technical.js';
import { verifyCommand } from './commands/verify.js';
import { rerunCommand } from './commands/rerun.js';

const USAGE = `Parity — reconciliation for data-platform migrations

Usage:
  parity compare --contract FILE [--json] [--pack OUT]  reconcile as a contract says (--pack: also write
                                                        a signed exception pack, as the saved profile)
  parity compare --left PATH --right PATH --key COL[,COL] [--abs-tol X] [--rel-tol X]
                 [--left-tz ZONE] [--right-tz ZONE] [--json]
                                                        quick form: every paired column
  parity profile PATH [--json]                          profile a CSV/Parquet file, glob or folder
  parity technical --left PATH --right PATH [--key COL[,COL]] [--json]
                                                        technical parity of a legacy/new pair
  parity demo --out DIR [--rows N] [--parquet]          write the demo Orders pair
  parity verify PACK [--json]                           check a .paritypack: files, manifest, signature
  parity rerun PACK --sources DIR [--json]              re-run a pack's contract on DIR's sources and
                                                        say whether it reproduces the pack

Exit codes: 0 ran, 1 ran but outside the SLO (verify: not intact; rerun: does not reproduce), 2 could not run.`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  compare: compareCommand,
  profile: profileCommand,
  technical: technicalCommand,
  demo: demoCommand,
  verify: verifyCommand,
  rerun: rerunCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`parity: unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (error) {
    const message = error instanceof ParityError ? error.message : `Unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
    if (process.env.PARITY_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.stderr.write(`\nparity: ${message}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
