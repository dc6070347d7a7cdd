/** A throwaway workspace for one command, removed afterwards; the engine is the app's own, in-process. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EngineService } from '../engine/service.js';
import type { Progress } from '../../shared/types.js';

export async function withTempEngine<T>(work: (engine: EngineService) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-cli-'));
  const engine = await EngineService.open(path.join(dir, 'cli.parity'));
  try {
    return await work(engine);
  } finally {
    await engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Progress for people on stderr: a redrawn line on a terminal, one line per phase otherwise. */
export function stderrProgress(): (p: Progress) => void {
  let lastPhase = '';
  const tty = process.stderr.isTTY;
  return (p) => {
    const pct = p.fraction === null ? '' : ` ${Math.round(p.fraction * 100)}%`;
    if (tty) process.stderr.write(`\r\x1b[2K${p.phase}${pct}`);
    else if (p.phase !== lastPhase) process.stderr.write(`${p.phase}${pct}\n`);
    lastPhase = p.phase;
  };
}

export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
}
