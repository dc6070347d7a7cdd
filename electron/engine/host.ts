/**
 * The engine's own process. Electron starts it with utilityProcess (messages on process.parentPort),
 * the web server with child_process.fork (messages on process.send). Either way a native crash in
 * DuckDB ends this process, not the window.
 */
import { isClientMessage, type ServerMessage } from '../../shared/protocol.js';
import { EngineService } from './service.js';
import { toParityError } from './db/errors.js';
import { parseHostArgs } from './host-args.js';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function channel(): { send: (m: ServerMessage) => void; listen: (l: (m: unknown) => void) => void } {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return { send: (m) => parentPort.postMessage(m), listen: (l) => parentPort.on('message', (e) => l(e.data)) };
  }
  if (process.send) {
    return { send: (m) => process.send?.(m), listen: (l) => process.on('message', l) };
  }
  throw new Error('The engine host must be started by Parity (no parent channel).');
}

async function main(): Promise<void> {
  const { send, listen } = channel();
  const options = parseHostArgs(process.argv.slice(2));
  let service: EngineService;
  try {
    service = await EngineService.open(options.workspace, { demo: options.demo, memoryLimit: options.memoryLimit, home: options.home });
  } catch (error) {
    send({ kind: 'engine', state: 'crashed', message: toParityError(error).message });
    setTimeout(() => process.exit(1), 50);
    return;
  }
  listen((message) => {
    if (isClientMessage(message)) void service.handle(message, send);
  });
  send({ kind: 'engine', state: 'ready', message: null });
  const stop = () => void service.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}

void main();
