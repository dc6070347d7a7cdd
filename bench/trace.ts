/**
 * Diagnostics for `npm run bench -- ui`. PARITY_BENCH_TRACE=js: where the page's main thread spent a measured action — scripting by source
 * function (mapped back through the renderer's source map), style, layout, paint — so a slow figure
 * says what to fix (with PARITY_BENCH_KEEP_PROFILE=1 each action's CPU profile is also kept in
 * bench/results/traces/, to open in Chromium's DevTools); PARITY_BENCH_TRACE=chrome: a Chromium trace per action, summarized by thread. Neither changes the figures; the figures themselves come from the in-page measurement.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where an action's trace or profile is kept (bench/results/traces/, named for the action); the folder is made. */
export function keptTracePath(label: string, extension: string): string {
  const dir = path.join(import.meta.dirname, 'results', 'traces');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${label.replace(/[^\w]+/g, '_').slice(0, 60)}.${extension}`);
}

export class PageTrace {
  private maps = new Map<string, SourceMapConsumer | null>();
  private constructor(
    private session: CDPSession,
    private assets: string,
  ) {}

  static async attach(page: Page, assets: string): Promise<PageTrace> {
    const session = await page.context().newCDPSession(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    return new PageTrace(session, assets);
  }

  async start(): Promise<void> {
    await this.session.send('Profiler.start');
  }

  /** Stops and prints the heaviest source functions (self time) and the share the engine-free page spent idle. */
  async stop(label: string): Promise<void> {
    const { profile } = (await this.session.send('Profiler.stop')) as unknown as { profile: Profile };
    if (process.env.PARITY_BENCH_KEEP_PROFILE) fs.writeFileSync(keptTracePath(label, 'cpuprofile'), JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const us = profile.timeDeltas[i] ?? 0;
      const node = byId.get(id);
      if (!node) return;
      const name = this.where(node);
      total += us;
      self.set(name, (self.get(name) ?? 0) + us);
    });
    const top = [...self.entries()].filter(([n]) => n !== '(idle)' && n !== '(program)').sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`   trace of "${label}": ${(total / 1000).toFixed(0)} ms sampled, idle ${(((self.get('(idle)') ?? 0) / 1000) | 0)} ms, program ${(((self.get('(program)') ?? 0) / 1000) | 0)} ms, gc ${(((self.get('(garbage collector)') ?? 0) / 1000) | 0)} ms`);
    for (const [name, us] of top) console.log(`      ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
    // The same self time by library (AG Grid, ECharts, React …) and the app's own code.
    const byPackage = new Map<string, number>();
    for (const [name, us] of self) {
      const at = name.split(' ')[1] ?? '';
      const pkg = /^(@?[\w.-]+)\//.exec(at)?.[1] ?? (at ? 'app' : name.startsWith('(') ? name : 'native');
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    }
    const packages = [...byPackage.entries()].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`      by library: ${packages.map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`).join(', ')}`);
  }

  private where(node: ProfileNode): string {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (!url) return functionName || '(anonymous)';
    const file = path.basename(new URL(url).pathname);
    const map = this.map(file);
    const original = map?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    if (!original?.source) return `${functionName || '(anonymous)'} ${file}`;
    const source = original.source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
    return `${original.name ?? functionName ?? '(anonymous)'} ${source}:${original.line}`;
  }

  private map(file: string): SourceMapConsumer | null {
    if (!this.maps.has(file)) {
      const at = path.join(this.assets, `${file}.map`);
      this.maps.set(file, fs.existsSync(at) ? new SourceMapConsumer(JSON.parse(fs.readFileSync(at, 'utf8')) as RawSourceMap) : null);
    }
    return this.maps.get(file) ?? null;
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * A Chromium trace (browser.startTracing) of one action: per thread of the page's renderer and the GPU
 * process, the time in its busiest kinds of task, so paint and raster show beside scripting and layout.
 */
export function summarizeChromeTrace(file: string, label: string): void {
  const { traceEvents } = JSON.parse(fs.readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] };
  const threads = new Map<string, string>();
  for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const wanted = /CrRendererMain|Compositor|CrGpuMain|VizCompositorThread|RasterWorker|CompositorTileWorker/;
  const perThread = new Map<string, Map<string, number>>();
  // Self time: a complete event's duration less its children's, per thread.
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!wanted.test(threads.get(key) ?? '')) continue;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  for (const [key, events] of byThread) {
    events.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { end: number; name: string; self: number }[] = [];
    const totals = new Map<string, number>();
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1].end <= until) {
        const done = stack.pop()!;
        totals.set(done.name, (totals.get(done.name) ?? 0) + done.self);
      }
    };
    for (const e of events) {
      close(e.ts);
      if (stack.length) stack[stack.length - 1].self -= e.dur!;
      stack.push({ end: e.ts + e.dur!, name: e.name, self: e.dur! });
    }
    close(Infinity);
    const thread = `${threads.get(key)} (${key.split(':')[0]})`;
    perThread.set(thread, totals);
  }
  console.log(`   chrome trace of "${label}":`);
  for (const [thread, totals] of perThread) {
    const sum = [...totals.values()].reduce((a, b) => a + b, 0);
    if (sum < 5000) continue;
    const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 7).map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`);
    console.log(`      ${thread}: ${(sum / 1000).toFixed(0)} ms — ${top.join(', ')}`);
  }
}
