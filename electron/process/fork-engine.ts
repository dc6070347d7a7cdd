/** Starts the engine host as a plain Node child process (web mode, tests). */
import { fork } from 'node:child_process';
import type { ClientMessage, ServerMessage } from '../../shared/protocol.js';
import type { EngineProcess } from './supervisor.js';

export function forkEngine(hostScript: string, args: string[], execArgv: string[] = []): EngineProcess {
  // "advanced" serialization carries Uint8Array (Arrow pages) without converting them to JSON.
  const child = fork(hostScript, args, { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
  return {
    postMessage: (message: ClientMessage) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (m) => listener(m as ServerMessage)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: (force) => {
      child.kill(force ? 'SIGKILL' : 'SIGTERM');
    },
    get pid() {
      return child.pid;
    },
  };
}
