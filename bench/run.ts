/**
 * `npm run bench [-- technical|compare|flights|ui|pack] [--rows N]`: every benchmark, each in its own process
 * so one's memory does not colour the next's. Figures print as they come and land in bench/results/.
 * `npm run bench -- ab --against <commit>` compares the workbench bench of two builds (see ab.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const all = ['technical', 'compare', 'flights', 'ui', 'pack'];
/** Run only when asked for by name. */
const known = [...all, 'ab'];
const asked = process.argv.slice(2).filter((a) => known.includes(a));
const rest = process.argv.slice(2).filter((a) => !known.includes(a));
for (const name of asked.length ? asked : all) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, `${name}.ts`), ...rest], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log('');
}
