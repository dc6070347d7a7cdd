/**
 * `npm run bench -- ui`: the workbench itself on a 10M × 10M Orders pair, in Chromium over the web
 * transport, as an analyst uses it: a full run from the Results page, tolerance and zone toggles, each
 * drill level, exception pages sorted and scrolled. Each figure is measured in the page, from the action
 * to the first frame that shows its result (engine, transport and rendering together).
 * The plain-DuckDB baselines for the same data are in `npm run bench -- compare`.
 * Before each action the bench waits as an analyst reading the screen would (1.5 s; PARITY_BENCH_PAUSE_MS
 * sets it, 0 clicks through back to back): what the workbench does in that time is part of the product.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { existingDemo, generateDemo } from '../electron/engine/demo/generate.js';
import { demoContract } from '../electron/engine/demo/contract.js';
import { EngineService } from '../electron/engine/service.js';
import { Stopwatch, medianAndRange } from './stopwatch.js';
import { PageTrace, keptTracePath, summarizeChromeTrace } from './trace.js';

const argRows = process.argv.indexOf('--rows');
const ROWS = argRows >= 0 ? Number(process.argv[argRows + 1]) : 10_000_000;
/** `--scrolls N`: after the two measured scrolls, N more jumps to pages not loaded yet, summarized as a median. */
const argScrolls = process.argv.indexOf('--scrolls');
const MORE_SCROLLS = argScrolls >= 0 ? Number(process.argv[argScrolls + 1]) : 0;
/** `--sorts N`: after the measured sort, N more sorts by other columns (each new to the engine), summarized as a median. */
const argSorts = process.argv.indexOf('--sorts');
const MORE_SORTS = argSorts >= 0 ? Number(process.argv[argSorts + 1]) : 0;
const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(import.meta.dirname, '.data', `orders-${ROWS}`);
const results: [string, number][] = [];
const PAUSE_MS = Number(process.env.PARITY_BENCH_PAUSE_MS ?? 1_500);
let trace: PageTrace | null = null;

/**
 * Watches for `predicate` (a JS expression over `document`) while `act` runs; resolves with the ms from
 * the input event the app acts on (click, key, change or scroll, as the page receives it) to the end of
 * the first frame that shows the result (checked at each frame's start, timed once that frame is painted:
 * a user-blocking task posted from the frame runs as its rendering ends). Playwright's own work before it
 * dispatches the input is not counted.
 */
async function measure(page: Page, label: string, predicate: string, act: () => Promise<unknown>): Promise<number> {
  if (PAUSE_MS > 0) await page.waitForTimeout(PAUSE_MS);
  // Passed as text: the bench runs through tsx, whose helpers do not exist inside the page.
  await page.evaluate(`(() => {
    const check = () => (${predicate});
    if (check()) throw new Error('Already true before the action: ' + ${JSON.stringify(predicate)});
    let started = null;
    // The event the app acts on: a click (not the pointerdown before it), a key, a select's change, a scroll.
    const inputs = ['click', 'keydown', 'change', 'scroll'];
    const onInput = () => { if (started === null) started = performance.now(); };
    for (const type of inputs) window.addEventListener(type, onInput, { capture: true });
    window.__measured = new Promise((resolve) => {
      const tick = () => {
        if (started !== null && check()) {
          const timeline = { started, shown: performance.now(), painted: 0, nextTask: 0 };
          window.__timeline = timeline;
          const done = () => {
            if (!timeline.painted || !timeline.nextTask) return;
            for (const type of inputs) window.removeEventListener(type, onInput, { capture: true });
            resolve(timeline.painted - started);
          };
          // This frame shows the result. A user-blocking task posted now runs as soon as the frame's
          // rendering is done, ahead of tasks queued before it (a plain message would wait behind them,
          // counting work that comes after the frame). The next free task is kept for the debug line.
          scheduler.postTask(() => { timeline.painted = performance.now(); done(); }, { priority: 'user-blocking' });
          const next = new MessageChannel();
          next.port1.onmessage = () => { timeline.nextTask = performance.now(); done(); };
          next.port2.postMessage(null);
        } else requestAnimationFrame(tick);
      };
      tick();
    });
  })()`);
  await trace?.start();
  const chromeTrace = process.env.PARITY_BENCH_TRACE === 'chrome' ? path.join(os.tmpdir(), 'parity-ui-trace.json') : null;
  if (chromeTrace) await page.context().browser()!.startTracing(page, { path: chromeTrace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'cc', 'gpu', 'viz'] });
  await act();
  const ms = (await page.evaluate('window.__measured')) as number;
  results.push([label, ms]);
  await trace?.stop(label);
  if (chromeTrace) {
    await page.context().browser()!.stopTracing();
    summarizeChromeTrace(chromeTrace, label);
    // Kept per action, to open in Chromium's trace viewer (chrome://tracing) or read with a script.
    fs.copyFileSync(chromeTrace, keptTracePath(label, 'json'));
  }
  if (process.env.PARITY_BENCH_DEBUG) {
    // When each engine call ran, relative to the input, and when the result was first in the DOM.
    const calls = (await page.evaluate(`(() => {
      const { started, shown } = window.__timeline;
      const calls = performance.getEntriesByType('measure').filter((m) => m.startTime + m.duration >= started)
        .map((m) => m.name.replace('api ', '') + ' ' + Math.round(m.startTime - started) + '→' + Math.round(m.startTime + m.duration - started));
      return [...calls, 'in the DOM at ' + Math.round(shown - started), 'painted at ' + Math.round(window.__timeline.painted - started), 'next free task at ' + Math.round(window.__timeline.nextTask - started)];
    })()`)) as string[];
    console.log(`   ${calls.join(' · ')}`);
  }
  console.log(`${label.padEnd(70)} ${ms < 1000 ? `${ms.toFixed(0).padStart(6)} ms` : `${(ms / 1000).toFixed(2).padStart(7)} s`}`);
  return ms;
}

const text = (selector: string) => `(document.querySelector(${JSON.stringify(selector)})?.textContent ?? '')`;
/** The drill level on screen (a level kept hidden under the exception rows does not count). */
const dimension = (d: string) => `(document.querySelector('[data-testid=drill-level]:not([hidden])')?.dataset.dimension === ${JSON.stringify(d)})`;
const firstGroup = `${text('[data-testid=group-grid] .ag-row[row-index="0"] [col-id=value]')}.length > 0`;
/** A row of the exception list on screen (the list built ahead, out of sight, does not count). */
const exceptionRow = (i: number) => `${text(`[data-testid=exception-rows]:not([hidden]) [data-testid=exception-grid] .ag-row[row-index="${i}"] [col-id=class]`)}.length > 0`;

async function startWeb(workspace: string, home: string): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, [path.join(root, 'dist/node/web.mjs'), '--workspace', workspace], { env: { ...process.env, PARITY_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  server.stderr?.on('data', (d) => {
    out += d;
    if (process.env.PARITY_PROFILE) fs.appendFileSync(path.join(import.meta.dirname, 'results', 'ui-engine.log'), String(d));
  });
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout?.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`The workbench exited (${code}):\n${out}`)));
  });
  return { server, url };
}

/** The engine process's peak resident memory (it is the web server's child). */
function enginePeakMb(server: ChildProcess): number | null {
  const children = spawnSync('pgrep', ['-P', String(server.pid)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
  const peaks = children.map((pid) => /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]).filter(Boolean);
  return peaks.length ? Math.max(...peaks.map((kb) => Math.round(Number(kb) / 1024))) : null;
}

async function main(): Promise<void> {
  const sw = new Stopwatch();
  console.log(`Parity workbench bench — ${ROWS.toLocaleString('en-US')} orders a side, ${os.cpus().length} cores, Chromium over the web transport, ${PAUSE_MS} ms to read the screen before each action\n`);
  if (!fs.existsSync(path.join(root, 'dist/node/web.mjs'))) spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  const manifest =
    existingDemo(dataDir, { rows: ROWS, legacyFormat: 'parquet' }) ??
    (await sw.time('generate the pair (once, cached)', () => generateDemo(dataDir, { rows: ROWS, legacyFormat: 'parquet' })));

  // A workspace with both sources and the demo contract, as an analyst would have left it.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-ui-bench-'));
  const workspace = path.join(home, 'orders.parity');
  const engine = await EngineService.open(workspace, {});
  await engine.call('sources.import', { side: 'left', inputs: [manifest.files.legacy], label: 'Legacy ERP' });
  await engine.call('sources.import', { side: 'right', inputs: [manifest.files.new], label: 'Lakehouse' });
  await engine.call('contract.check', { contract: demoContract() });
  await engine.call('compare.run', { contract: demoContract(), quick: true });
  await engine.close();
  // Someone is working: without a profile the first start would ask for one before anything else.
  fs.writeFileSync(path.join(home, 'profile.json'), JSON.stringify({ name: 'Bench Analyst', role: 'finance analyst' }));

  const { server, url } = await startWeb(workspace, home);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', ...(process.env.PARITY_BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean)] });
  try {
    // The measuring hook evaluates small expressions in the page; the app's CSP stays as it is for users.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    if (process.env.PARITY_BENCH_TRACE === 'js') trace = await PageTrace.attach(page, path.join(root, 'dist/renderer/assets'));
    await page.goto(url);
    await page.getByTestId('nav-results').click();
    await page.getByTestId('match-rate').waitFor();
    // Opening a workspace without technical parity computes it first; the run is timed after that.
    await page.getByTestId('run').and(page.locator(':enabled')).waitFor({ timeout: 600_000 });

    const started = performance.now();
    await page.getByTestId('run').click();
    await page.getByTestId('jobs').waitFor({ state: 'visible' });
    await page.getByTestId('jobs').waitFor({ state: 'hidden', timeout: 600_000 });
    const run = performance.now() - started;
    results.push(['full run from the Results page (Run again → new counts)', run]);
    console.log(`${'full run from the Results page (Run again → new counts)'.padEnd(70)} ${(run / 1000).toFixed(2).padStart(7)} s`);

    const amount = '[data-testid="mismatched-AMOUNT"]';
    await measure(page, 'toggle: AMOUNT tolerance Exact → Cents, new counts shown', `${text(amount)} === '0'`, () =>
      page.getByTestId('tolerance-AMOUNT').getByRole('button', { name: 'Cents' }).click());
    await measure(page, 'toggle: AMOUNT tolerance Cents → Exact, new counts shown', `${text(amount)} !== '0'`, () =>
      page.getByTestId('tolerance-AMOUNT').getByRole('button', { name: 'Exact' }).click());
    const ts = '[data-testid="mismatched-ORDER_TS"]';
    const before = await page.locator(ts).textContent();
    await measure(page, 'toggle: legacy zone rule per-region → as written, new counts shown', `${text(ts)} !== ${JSON.stringify(before)}`, () =>
      page.getByTestId('rule-left').locator('select').selectOption('instant'));
    await measure(page, 'toggle: legacy zone rule back to per-region, new counts shown', `${text(ts)} === ${JSON.stringify(before)}`, () =>
      page.getByTestId('rule-left').locator('select').selectOption('perRow'));

    await measure(page, 'drill: Results → all → REGION groups shown (first after toggles)', `${dimension('REGION')} && ${firstGroup}`, () => page.getByTestId('nav-drill').click());
    await measure(page, 'drill: REGION → PRODUCT groups shown', `${dimension('PRODUCT')} && ${firstGroup}`, () =>
      page.getByTestId('group-grid').locator('.ag-row[row-index="0"] [col-id="value"]').click());
    await measure(page, 'drill: PRODUCT → month groups shown', `${dimension('month')} && ${firstGroup}`, () =>
      page.getByTestId('group-grid').locator('.ag-row[row-index="0"] [col-id="value"]').click());
    await measure(page, 'drill: month → exception rows shown', exceptionRow(0), () =>
      page.getByTestId('group-grid').locator('.ag-row[row-index="0"] [col-id="value"]').click());
    // The last level: one exception's two rows side by side (read from the sources and the run by its key).
    await measure(page, 'drill: exception row → row detail shown', `Boolean(document.querySelector('[data-testid=row-detail] [data-testid^="detail-"]'))`, () =>
      page.locator('[data-testid=exception-rows]:not([hidden]) [data-testid=exception-grid] .ag-row[row-index="0"] [col-id="class"]').click());
    await page.keyboard.press('Escape');
    await page.getByTestId('row-detail').waitFor({ state: 'hidden' });
    await measure(page, 'drill: Backspace up to the month groups', `${dimension('month')} && ${firstGroup}`, () => page.locator('body').press('Backspace'));
    await measure(page, 'drill: breadcrumb back to all → REGION groups', `${dimension('REGION')} && ${firstGroup}`, () =>
      page.getByTestId('breadcrumb').getByRole('button', { name: 'All' }).click());

    // Every exception, then pages of it: sorted by a difference, and scrolled deep.
    await measure(page, 'grid: all exception rows, first page shown', exceptionRow(0), () => page.getByTestId('show-rows').click());
    const grid = page.getByTestId('exception-grid');
    // A click on a header, measured until the new order's first row is drawn (the old first row is blanked
    // beforehand, so it cannot pass for it).
    const sortBy = async (column: string, direction: 'ascending' | 'descending', label: string) => {
      await page.evaluate(`document.querySelector('[data-testid=exception-grid] .ag-row[row-index="0"] [col-id=class]')?.replaceChildren()`);
      return measure(page, label, `document.querySelector('[data-testid=exception-grid] [col-id=${JSON.stringify(column)}][aria-sort=${direction}]') && ${exceptionRow(0)}`, () =>
        grid.getByRole('columnheader', { name: column, exact: true }).click());
    };
    await sortBy('ORDER_ID', 'ascending', 'grid: sort by ORDER_ID, first page shown');
    const listed = Number(((await page.getByTestId('exception-total').textContent()) ?? '').replace(/[^\d]/g, ''));
    const scrollTo = (row: number, label = `grid: scroll to row ${row.toLocaleString('en-US')}, its page shown`) =>
      measure(page, label, exceptionRow(row), () =>
        page.evaluate(`(() => {
          const v = [...document.querySelectorAll('[data-testid=exception-grid] *')].find((e) => e.scrollHeight > e.clientHeight + 100 && /auto|scroll/.test(getComputedStyle(e).overflowY));
          v.scrollTop = ${row} * (v.querySelector('.ag-row')?.offsetHeight ?? 28);
        })()`));
    for (const row of [1_000, 20_000].filter((r) => r < listed)) await scrollTo(row);
    // Rows 2,100 apart land on blocks not loaded yet: a jump loads only the one or two blocks it lands on.
    const more: number[] = [];
    for (let i = 0; i < MORE_SCROLLS && listed > 200; i++) {
      const row = (3_000 + i * 2_100) % (listed - 100);
      more.push(await scrollTo(row, `grid: scroll ${i + 1} of ${MORE_SCROLLS} more, to row ${row.toLocaleString('en-US')}`));
    }
    if (more.length) console.log(`grid: ${more.length} more scrolls, median (range) ${medianAndRange(more)} ms, ${more.filter((ms) => ms >= 100).length} at or over 100 ms`);
    // Each column in view sorted up, then down: orders the engine has not kept (see sorted-listings.ts).
    const sorts: number[] = [];
    const sortable = ['REGION', 'PRODUCT', 'month', 'class', 'explanation'];
    for (let i = 0; i < MORE_SORTS; i++) {
      const column = sortable[Math.floor(i / 2) % sortable.length];
      const direction = i % 2 === 0 ? 'ascending' : 'descending';
      sorts.push(await sortBy(column, direction, `grid: sort ${i + 1} of ${MORE_SORTS} more, ${column} ${direction}`));
    }
    if (sorts.length) console.log(`grid: ${sorts.length} more sorts, median (range) ${medianAndRange(sorts)} ms, ${sorts.filter((ms) => ms >= 100).length} at or over 100 ms`);
    const apiPages = await grid.getAttribute('data-page-ms');
    console.log(`   (engine + transport time of the last exception page, as the grid saw it: ${apiPages} ms)`);
  } finally {
    await browser.close();
    const peak = enginePeakMb(server);
    await stopServer(server);
    if (peak) console.log(`engine peak RSS ${peak} MB`);
    const file = path.join(import.meta.dirname, 'results', `ui-${ROWS}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ rows: ROWS, pauseMs: PAUSE_MS, date: new Date().toISOString(), enginePeakRssMb: peak, results: Object.fromEntries(results.map(([k, v]) => [k, Math.round(v)])) }, null, 2)}\n`);
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** The web server stops its engine on SIGTERM; one that does not stop in time is killed. */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
