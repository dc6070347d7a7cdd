import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostArgs } from '../../electron/engine/host-args.js';
import { engineEntry } from '../../electron/process/engine-entry.js';
import { forkEngine } from '../../electron/process/fork-engine.js';
import { startWebServer, type WebServer } from '../../electron/web/server.js';
import { decodePage } from '../../shared/arrow-cells.js';
import { parquet } from '../helpers/compare.js';
import { connectClient } from '../helpers/ws-client.js';
import { tempFolder, write } from '../helpers/temp.js';
import type { ParityClient } from '../../shared/client.js';

describe('an annotation reported saved survives the engine being killed at once', () => {
  let server: WebServer;
  let dir: string;
  let origin: string;

  beforeAll(async () => {
    dir = tempFolder();
    const renderer = path.join(dir, 'renderer');
    write(renderer, 'index.html', '<!doctype html><title>Parity</title>');
    const entry = engineEntry(new URL('../../electron/web/main.ts', import.meta.url).toString());
    server = await startWebServer({
      rendererDir: renderer,
      spawnEngine: () => forkEngine(entry.script, hostArgs({ workspace: path.join(dir, 'ws.parity'), demo: false, memoryLimit: '512MB', home: path.join(dir, 'home') }), entry.execArgv),
    });
    origin = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server?.close());

  const ready = (client: ParityClient) => new Promise<void>((resolve) => client.onEngineState((s) => s === 'ready' && resolve()));

  it('is there after a restart, and the history chain still verifies', async () => {
    const { client, socket } = await connectClient(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, origin);
    await client.call('profile.set', { profile: { name: 'Ana Steward', role: 'data steward' } });
    const rows = (n: number, bump: number) => `SELECT range AS id, (range * 1.5 + CASE WHEN range % 7 = 0 THEN ${bump} ELSE 0 END)::DECIMAL(18,2) AS amount FROM range(${n})`;
    await client.call('sources.import', { side: 'left', inputs: [await parquet(dir, rows(1000, 0))] });
    await client.call('sources.import', { side: 'right', inputs: [await parquet(dir, rows(1000, 1))] });
    await client.call('compare.run', { contract: { version: 1, name: 'durable', key: ['id'], columns: ['amount'] } });
    const page = decodePage((await client.call('compare.exceptions', { offset: 0, limit: 200 })).arrow);
    const idAt = page.columns.findIndex((c) => c.name === 'exception id');
    const ids = page.rows.map((r) => r[idAt] as string);
    expect(ids.length).toBe(143);

    const { pid } = await client.call('engine.hello', {});
    const saved = await client.call('annotations.set', { target: { ids }, fields: { category: 'defect', note: 'saved, then the power went' } });
    // Killed the moment the answer arrives: no close, no checkpoint.
    process.kill(pid, 'SIGKILL');
    expect(saved).toEqual({ changed: 143, matched: 143 });

    await new Promise<void>((resolve) => client.onEngineState((s) => s === 'crashed' && resolve()));
    const back = ready(client);
    client.restartEngine();
    await back;
    const after = await client.call('annotations.get', { exceptionId: ids[142] });
    expect(after.annotation).toMatchObject({ category: 'defect', note: 'saved, then the power went', updatedBy: 'Ana Steward' });
    expect(after.history).toHaveLength(1);
    expect(await client.call('annotations.verify', {})).toMatchObject({ ok: true, entries: 143 });
    socket.close();
  });
});
