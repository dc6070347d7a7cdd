/**
 * `npm run bench -- ab --against <commit> [--pairs N] [--rows N] [--sorts N] [--scrolls N]`: the workbench bench (ui.ts) on this
 * tree and on another commit, run by turns, then each action's median and range per build.
 *
 * On a 2-core machine one UI run's figures vary by ±20 ms, and the build that runs second in a pair tends
 * to look slower (the first one's engine has just given back its memory). So the order alternates
 * (ABBA), and a change of ~10 ms needs ten pairs or more to show. Each build runs its own bench script,
 * in a worktree of the other commit that shares this tree's node_modules and cached data.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { medianAndRange } from './stopwatch.js';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string, fallback?: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const against = arg('--against');
if (!against) {
  console.error('Name the commit to compare with: npm run bench -- ab --against <commit> [--pairs N] [--rows N]');
  process.exit(2);
}
const pairs = Number(arg('--pairs', '5'));
const rows = arg('--rows', '10000000')!;
/** Passed on to each run: more sorts and scrolls measured per run (see ui.ts; a build whose bench lacks them ignores them). */
const extra = ['--sorts', '--scrolls'].flatMap((name) => (arg(name) ? [name, arg(name)!] : []));

const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const commit = git('rev-parse', '--verify', `${against}^{commit}`);
const base = path.join(os.tmpdir(), `parity-ab-${commit.slice(0, 12)}`);

function prepareBase(): void {
  if (!fs.existsSync(base)) git('worktree', 'add', '--detach', '--force', base, commit);
  for (const shared of ['node_modules', 'bench/.data']) {
    const link = path.join(base, shared);
    fs.mkdirSync(path.join(root, shared), { recursive: true });
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(root, shared), link);
  }
}

function build(dir: string): void {
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`The build in ${dir} failed.`);
}

/** One UI bench run in `dir`: each action's figure in ms. */
function runOnce(dir: string): Map<string, number> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/ui.ts', '--rows', rows, ...extra], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`The UI bench failed in ${dir}:\n${r.stdout}\n${r.stderr}`);
  const figures = new Map<string, number>();
  for (const line of r.stdout.split('\n')) {
    const m = /^(\S.*?)\s{2,}([\d.]+) (ms|s)$/.exec(line);
    if (m) figures.set(m[1], Number(m[2]) * (m[3] === 's' ? 1000 : 1));
  }
  return figures;
}


prepareBase();
build(base);
build(root);
const builds = { [commit.slice(0, 8)]: base, 'this tree': root };
const names = Object.keys(builds);
const results = new Map<string, Map<string, number[]>>();
console.log(`A/B of the workbench bench, ${pairs} pairs at ${Number(rows).toLocaleString('en-US')} rows: ${names.join(' vs ')}\n`);
for (let i = 0; i < pairs; i++) {
  const order = i % 2 === 0 ? names : [...names].reverse();
  for (const name of order) {
    for (const [label, ms] of runOnce(builds[name])) {
      const byBuild = results.get(label) ?? results.set(label, new Map()).get(label)!;
      (byBuild.get(name) ?? byBuild.set(name, []).get(name)!).push(ms);
    }
    console.log(`pair ${i + 1}: ${name} done`);
  }
}
console.log(`\n${'action'.padEnd(72)} ${names.map((n) => `${n}: median (range)`.padStart(26)).join(' ')}`);
for (const [label, byBuild] of results) console.log(`${label.padEnd(72)} ${names.map((n) => medianAndRange(byBuild.get(n) ?? []).padStart(26)).join(' ')}`);
git('worktree', 'remove', '--force', base);
