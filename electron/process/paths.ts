/** Default places on disk: the user's Parity folder and the demo workspace inside it. */
import os from 'node:os';
import path from 'node:path';

export function parityHome(): string {
  return process.env.PARITY_HOME ?? path.join(os.homedir(), '.parity');
}

export function defaultWorkspace(home = parityHome()): string {
  return path.join(home, 'demo.parity');
}
