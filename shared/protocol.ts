/** The envelopes every transport carries (Electron IPC, WebSocket, engine process messages). */
import type { ParityErrorInfo } from './errors.js';
import type { Progress } from './types.js';

export type EngineState = 'starting' | 'ready' | 'crashed';

export type ClientMessage =
  | { kind: 'request'; id: string; method: string; args: unknown }
  | { kind: 'cancel'; id: string }
  | { kind: 'control'; action: 'restartEngine' };

export type ServerMessage =
  | { kind: 'response'; id: string; ok: true; result: unknown }
  | { kind: 'response'; id: string; ok: false; error: ParityErrorInfo }
  | { kind: 'progress'; id: string; progress: Progress }
  | { kind: 'engine'; state: EngineState; message: string | null };

/** What a transport gives the client: a way to send and a way to listen. Nothing else. */
export interface Transport {
  send(message: ClientMessage): void;
  onMessage(listener: (message: ServerMessage) => void): () => void;
}

/** The narrow bridge the Electron preload exposes as `window.parity`. */
export interface ParityBridge extends Transport {
  readonly kind: 'electron';
  /** The path of a picked or dropped file; browsers never reveal paths, so only Electron has it. */
  pathForFile(file: File): string;
}

export function isClientMessage(value: unknown): value is ClientMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.kind) {
    case 'request':
      return typeof m.id === 'string' && typeof m.method === 'string';
    case 'cancel':
      return typeof m.id === 'string';
    case 'control':
      return m.action === 'restartEngine';
    default:
      return false;
  }
}
