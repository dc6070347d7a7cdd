import WebSocket from 'ws';
import { createClient, type ParityClient } from '../../shared/client.js';
import type { ServerMessage, Transport } from '../../shared/protocol.js';
import { decodeFrame, encodeFrame } from '../../shared/wire.js';

export interface Attempt {
  status: number | null;
  open: boolean;
}

/** Tries a WebSocket upgrade and reports how the server answered. */
export function tryConnect(url: string, headers: Record<string, string> = {}): Promise<Attempt> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve({ status: 101, open: true });
    });
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? null, open: false }));
    ws.on('error', () => resolve({ status: null, open: false }));
  });
}

/** The shared client over a Node WebSocket, as the renderer would use it. */
export async function connectClient(url: string, origin: string): Promise<{ client: ParityClient; socket: WebSocket }> {
  const socket = new WebSocket(url, { headers: { Origin: origin } });
  const listeners = new Set<(m: ServerMessage) => void>();
  socket.on('message', (data) => {
    const message = decodeFrame(new Uint8Array(data as Buffer)) as ServerMessage;
    for (const l of listeners) l(message);
  });
  const transport: Transport = {
    send: (m) => socket.send(encodeFrame(m)),
    onMessage: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const client = createClient(transport);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { client, socket };
}
