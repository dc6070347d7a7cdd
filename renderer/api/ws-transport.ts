/** The browser's transport: one WebSocket to the local server, carrying the launch token it was opened with. */
import type { ClientMessage, ServerMessage, Transport } from '../../shared/protocol';
import { decodeFrame, encodeFrame } from '../../shared/wire';

export function launchToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    // Keep the token for reloads of this tab, but out of the address bar and any screenshot of it.
    sessionStorage.setItem('parity.token', fromUrl);
    params.delete('token');
    window.history.replaceState(null, '', `${window.location.pathname}${params.size ? `?${params}` : ''}`);
    return fromUrl;
  }
  return sessionStorage.getItem('parity.token');
}

export function webSocketTransport(token: string): Transport {
  const listeners = new Set<(m: ServerMessage) => void>();
  const queue: Uint8Array<ArrayBuffer>[] = [];
  const emit = (m: ServerMessage) => listeners.forEach((l) => l(m));
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/api?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => {
    for (const frame of queue.splice(0)) socket.send(frame);
  };
  socket.onmessage = (event) => {
    if (event.data instanceof ArrayBuffer) emit(decodeFrame(new Uint8Array(event.data)) as ServerMessage);
  };
  socket.onclose = (event) => {
    const why = event.code === 1006 ? 'The workbench server is not reachable (was it stopped, or is the link from another launch?).' : 'The connection to the workbench server closed.';
    emit({ kind: 'engine', state: 'crashed', message: why });
  };
  return {
    send(message: ClientMessage) {
      const frame = encodeFrame(message);
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
      else queue.push(frame);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
