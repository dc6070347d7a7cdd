/**
 * `parity compare`: a contract file, or the quick form (two paths and a key). Prints the summary
 * (--json: one JSON object), exits 0 within the SLO, 1 outside it, 2 when it cannot run.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CompareSummary } from '../../../shared/compare.js';
import { parseContract, type Contract, type ContractInput } from '../../../shared/contract.js';
import { ParityError } from '../../../shared/errors.js';
import { matchKey, unknownColumnMessage } from '../../../shared/names.js';
import type { EngineService } from '../../engine/service.js';
import { list, parseArgs, type ParsedArgs } from '../args.js';
import { endProgress, stderrProgress, withTempEngine } from '../session.js';
import { printSummary } from '../summary-text.js';

function readContract(file: string): Contract {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ParityError('not_found', `The contract "${file}" does not exist.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ParityError('invalid_contract', `The contract "${path.basename(file)}" is not valid JSON: ${(error as Error).message}.`);
  }
  return parseContract(json);
}

function sourcesOf(contract: Contract, dir: string, side: 'left' | 'right'): string[] {
  const source = contract[side].source;
  if (!source) throw new ParityError('invalid_contract', `Contract field "${side}.source" is required on the command line (files, a glob or a folder).`);
  return (Array.isArray(source) ? source : [source]).map((p) => path.resolve(dir, p));
}

async function importBoth(engine: EngineService, left: string[], right: string[], onProgress: ReturnType<typeof stderrProgress>): Promise<void> {
  await engine.call('sources.import', { side: 'left', inputs: left }, { onProgress });
  await engine.call('sources.import', { side: 'right', inputs: right }, { onProgress });
}

/** The quick form's contract: every column paired by name except the key, tolerances on every number. */
function quickContract(engine: EngineService, args: ParsedArgs): ContractInput {
  const keys = list(args.values.get('--key'));
  const ws = engine.workspace;
  const leftNames = ws.source('left').columns.map((c) => c.name);
  const rightNames = ws.source('right').columns.map((c) => c.name);
  const key = keys.map((k) => {
    if (!leftNames.includes(k)) throw new ParityError('unknown_column', unknownColumnMessage(k, 'legacy', leftNames));
    const right = rightNames.find((r) => r === k) ?? rightNames.find((r) => matchKey(r) === matchKey(k));
    if (!right) throw new ParityError('unknown_column', unknownColumnMessage(k, 'new', rightNames));
    return { left: k, right };
  });
  const zone = (flag: string) => {
    const z = args.values.get(flag);
    return z ? { kind: 'local' as const, zone: z } : { kind: 'instant' as const };
  };
  return {
    version: 1,
    name: `${path.basename(ws.source('left').inputs[0])} vs ${path.basename(ws.source('right').inputs[0])}`,
    left: { timezone: zone('--left-tz') },
    right: { timezone: zone('--right-tz') },
    key,
    defaults: {
      ...(args.values.has('--abs-tol') ? { absTol: args.values.get('--abs-tol') } : {}),
      ...(args.values.has('--rel-tol') ? { relTol: args.values.get('--rel-tol') } : {}),
    },
  };
}

export async function compareCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['--contract', '--left', '--right', '--key', '--abs-tol', '--rel-tol', '--left-tz', '--right-tz', '--pack'],
    switches: ['--json'],
  });
  const contractFile = args.values.get('--contract');
  if (!contractFile && !(args.values.has('--left') && args.values.has('--right'))) {
    throw new ParityError('invalid_args', 'parity compare needs --contract FILE, or --left PATH --right PATH [--key COL].');
  }
  const onProgress = stderrProgress();
  const packOut = args.values.get('--pack');
  const summary: CompareSummary = await withTempEngine(async (engine) => {
    let result: CompareSummary;
    if (contractFile) {
      const file = path.resolve(contractFile);
      const contract = readContract(file);
      const dir = path.dirname(file);
      await importBoth(engine, sourcesOf(contract, dir, 'left'), sourcesOf(contract, dir, 'right'), onProgress);
      result = await engine.compare.run(contract, dir, { signal: new AbortController().signal, progress: onProgress });
    } else {
      await importBoth(engine, [args.values.get('--left') as string], [args.values.get('--right') as string], onProgress);
      result = await engine.call('compare.run', { contract: quickContract(engine, args) }, { onProgress });
    }
    if (packOut) {
      const pack = await engine.call('pack.export', { out: packOut }, { onProgress });
      endProgress();
      process.stderr.write(`Pack written: ${pack.path} (${pack.bytes.toLocaleString('en-US')} bytes, ${pack.exceptions.toLocaleString('en-US')} exceptions), signed with key ${pack.fingerprint}\n`);
    }
    return result;
  });
  endProgress();
  if (args.switches.has('--json')) console.log(JSON.stringify(summary, null, 2));
  else printSummary(summary);
  return summary.slo.met ? 0 : 1;
}
