import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostArgs } from '../../electron/engine/host-args.js';
import { engineEntry } from '../../electron/process/engine-entry.js';
import { forkEngine } from '../../electron/process/fork-engine.js';
import { startWebServer, type WebServer } from '../../electron/web/server.js';
import type { EngineState } from '../../shared/protocol.js';
import { connectClient, tryConnect } from '../helpers/ws-client.js';
import { tempFolder, write } from '../helpers/temp.js';

function statusOf(port: number, urlPath: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web transport', () => {
  let server: WebServer;
  let origin: string;
  let api: (token: string) => string;

  beforeAll(async () => {
    const dir = tempFolder();
    const renderer = path.join(dir, 'renderer');
    write(renderer, 'index.html', '<!doctype html><title>Parity</title>');
    const entry = engineEntry(new URL('../../electron/web/main.ts', import.meta.url).toString());
    server = await startWebServer({
      rendererDir: renderer,
      spawnEngine: () => forkEngine(entry.script, hostArgs({ workspace: path.join(dir, 'ws.parity'), demo: false, memoryLimit: '512MB' }), entry.execArgv),
    });
    origin = `http://127.0.0.1:${server.port}`;
    api = (token) => `ws://127.0.0.1:${server.port}/api?token=${encodeURIComponent(token)}`;
  });
  afterAll(() => server?.close());

  it('listens on 127.0.0.1 only, with a fresh token each launch', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('serves the page with a strict CSP, and refuses foreign Host names', async () => {
    const ok = await fetch(`${origin}/`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(ok.headers.get('content-security-policy')).toContain(`ws://127.0.0.1:${server.port}`);
    // fetch() may not set Host; a raw request can, as a DNS-rebinding page effectively does.
    expect(await statusOf(server.port, '/', { Host: 'evil.example:80' })).toBe(403);
    expect(await statusOf(server.port, '/', { Host: `localhost:${server.port}` })).toBe(200);
    const escape = await fetch(`${origin}/..%2f..%2fpackage.json`);
    expect([403, 404]).toContain(escape.status);
  });

  it('refuses a WebSocket without the token, with a wrong token, or from another Origin', async () => {
    expect(await tryConnect(`ws://127.0.0.1:${server.port}/api`, { Origin: origin })).toEqual({ status: 401, open: false });
    expect(await tryConnect(api('not-the-token'), { Origin: origin })).toEqual({ status: 401, open: false });
    expect(await tryConnect(api(server.token), { Origin: 'http://evil.example' })).toEqual({ status: 403, open: false });
    expect(await tryConnect(api(server.token), { Origin: 'http://127.0.0.1:1' })).toEqual({ status: 403, open: false });
    expect(await tryConnect(api(server.token))).toEqual({ status: 403, open: false });
    expect(await tryConnect(api(server.token), { Origin: origin })).toEqual({ status: 101, open: true });
  });

  it('carries API calls and one-sentence errors to the engine process and back', async () => {
    const { client, socket } = await connectClient(api(server.token), origin);
    const hello = await client.call('engine.hello', {});
    expect(hello.pid).not.toBe(process.pid);
    expect(hello.memoryLimit).toBe('512MB');
    await expect(client.call('sources.page', { side: 'left', offset: 0, limit: 5 })).rejects.toThrow('There is no legacy source yet; add one first.');
    socket.close();
  });

  it('survives an engine crash: clients are told, and a restart brings it back', async () => {
    const { client, socket } = await connectClient(api(server.token), origin);
    const states: EngineState[] = [];
    client.onEngineState((s) => states.push(s));
    const before = await client.call('engine.hello', {});
    const crashed = new Promise<void>((resolve) => client.onEngineState((s) => s === 'crashed' && resolve()));
    process.kill(before.pid, 'SIGKILL');
    await crashed;
    await expect(client.call('engine.hello', {})).rejects.toThrow(/engine stopped unexpectedly|not running/i);
    const ready = new Promise<void>((resolve) => client.onEngineState((s) => s === 'ready' && resolve()));
    client.restartEngine();
    await ready;
    const after = await client.call('engine.hello', {});
    expect(after.pid).not.toBe(before.pid);
    expect(states).toEqual(expect.arrayContaining(['crashed', 'starting', 'ready']));
    socket.close();
  });
});
