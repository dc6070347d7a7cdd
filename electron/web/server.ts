/**
 * The browser mode: the built renderer and the engine on 127.0.0.1, one WebSocket per window. Every
 * connection must carry this launch's token and come from this server's own page (Origin checked).
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { isClientMessage, type ServerMessage } from '../../shared/protocol.js';
import { decodeFrame, encodeFrame } from '../../shared/wire.js';
import { EngineSupervisor, type SpawnEngine } from '../process/supervisor.js';
import { serveStatic } from './static.js';
import { contentSecurityPolicy, hostAllowed, newToken, originAllowed, tokenMatches } from './security.js';

export interface WebServerOptions {
  rendererDir: string;
  spawnEngine: SpawnEngine;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  supervisor: EngineSupervisor;
  close(): Promise<void>;
}

const API_PATH = '/api';

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newToken();
  const supervisor = new EngineSupervisor(options.spawnEngine);
  const sockets = new Set<WebSocket>();
  let port = 0;

  const server = http.createServer((req, res) => {
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
    };
    if (!hostAllowed(req, port)) {
      res.writeHead(403, headers).end('Forbidden host');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end('Method not allowed');
      return;
    }
    serveStatic(options.rendererDir, req.url ?? '/', res, headers);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 2 ** 20 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== API_PATH) return refuse(socket, 404, 'Not Found');
    if (!hostAllowed(req, port)) return refuse(socket, 403, 'Forbidden');
    if (!tokenMatches(token, url.searchParams.get('token'))) return refuse(socket, 401, 'Unauthorized');
    if (!originAllowed(req, port)) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  function accept(ws: WebSocket): void {
    sockets.add(ws);
    const send = (message: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(encodeFrame(message));
    };
    const { state, message } = supervisor.currentState;
    send({ kind: 'engine', state, message });
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return;
      let decoded: unknown;
      try {
        decoded = decodeFrame(new Uint8Array(data as Buffer));
      } catch {
        return;
      }
      if (isClientMessage(decoded)) supervisor.send(decoded, send);
    });
    ws.on('close', () => sockets.delete(ws));
  }

  supervisor.onBroadcast((message) => {
    const frame = encodeFrame(message);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  });
  supervisor.start();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    supervisor,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await supervisor.stop();
      // Idle keep-alive connections would otherwise hold the process open after a stop.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
