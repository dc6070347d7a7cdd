/** The engine in Electron: a utilityProcess, so a native crash in DuckDB does not take the window down. */
import { utilityProcess } from 'electron';
import type { ClientMessage, ServerMessage } from '../../shared/protocol.js';
import type { EngineProcess } from '../process/supervisor.js';

export function utilityEngine(script: string, args: string[]): EngineProcess {
  const child = utilityProcess.fork(script, args, { serviceName: 'Parity engine', stdio: 'inherit' });
  return {
    postMessage: (message: ClientMessage) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (m: unknown) => listener(m as ServerMessage)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    // A utility process has no gentler stop; the engine's transactions make a hard stop safe.
    kill: () => {
      child.kill();
    },
    get pid() {
      return child.pid;
    },
  };
}
