/** `parity profile PATH`: what a source holds, column by column. */
import type { TechnicalReport } from '../../../shared/types.js';
import { parseArgs } from '../args.js';
import { endProgress, stderrProgress, withTempEngine } from '../session.js';
import { pct, textTable } from '../table.js';
import { ParityError } from '../../../shared/errors.js';

export async function profileCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: [], switches: ['--json'] });
  if (args.positional.length === 0) throw new ParityError('invalid_args', 'parity profile needs a file, glob or folder.');
  const onProgress = stderrProgress();
  const result = await withTempEngine(async (engine) => {
    // Profiling a source against itself reuses technical parity's one-scan profile.
    const source = await engine.call('sources.import', { side: 'left', inputs: args.positional }, { onProgress });
    await engine.call('sources.import', { side: 'right', inputs: args.positional }, { onProgress });
    const report: TechnicalReport = await engine.call('technical.run', {}, { onProgress });
    return { source, report };
  });
  endProgress();
  const { source, report } = result;
  const columns = report.schema.pairs.map((p) => ({ name: p.left, type: p.leftType, ...p.leftProfile }));
  if (args.switches.has('--json')) {
    console.log(JSON.stringify({ format: source.format, files: source.files, rows: source.rows, rejectedLines: source.rejectedLines, columns }, null, 2));
    return 0;
  }
  console.log(`${source.files.length} ${source.format.toUpperCase()} file(s), ${source.rows.toLocaleString('en-US')} rows, ${source.columns.length} columns` +
    (source.rejectedLines ? `, ${source.rejectedLines} rejected line(s)` : ''));
  console.log(textTable(
    ['column', 'type', 'nulls', 'null %', 'distinct', 'min', 'max'],
    columns.map((c) => [c.name, c.type, c.nulls ?? 0, pct(c.nullRate ?? 0), c.distinct ?? 0, c.min ?? null, c.max ?? null]),
  ));
  return 0;
}
