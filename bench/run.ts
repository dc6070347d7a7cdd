/**
 * `npm run bench [-- technical|compare|flights|ui|pack] [--rows N]`: every benchmark, each in its own process
 * so one's memory does not colour the next's. Figures print as they come and land in bench/results/.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const all = ['technical', 'compare', 'flights', 'ui', 'pack'];
const asked = process.argv.slice(2).filter((a) => all.includes(a));
const rest = process.argv.slice(2).filter((a) => !all.includes(a));
for (const name of asked.length ? asked : all) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, `${name}.ts`), ...rest], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log('');
}
