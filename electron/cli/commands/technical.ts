/** `parity technical --left PATH --right PATH [--key COL[,COL]] [--json]`: technical parity of a pair. */
import { list, parseArgs, required } from '../args.js';
import { endProgress, stderrProgress, withTempEngine } from '../session.js';
import { pct, textTable } from '../table.js';

export async function technicalCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['--left', '--right', '--key'], switches: ['--json'] });
  const left = required(args, '--left');
  const right = required(args, '--right');
  const onProgress = stderrProgress();
  const report = await withTempEngine(async (engine) => {
    await engine.call('sources.import', { side: 'left', inputs: [left] }, { onProgress });
    await engine.call('sources.import', { side: 'right', inputs: [right] }, { onProgress });
    return engine.call('technical.run', { key: list(args.values.get('--key')) }, { onProgress });
  });
  endProgress();
  if (args.switches.has('--json')) {
    console.log(JSON.stringify(report, null, 2));
    return 0;
  }
  const { schema, key, hash } = report;
  console.log(`rows        legacy ${report.left.rows.toLocaleString('en-US')}   new ${report.right.rows.toLocaleString('en-US')}`);
  console.log(`columns     ${schema.pairs.filter((p) => p.left && p.right).length} paired, legacy only: ${schema.leftOnly.join(', ') || '—'}, new only: ${schema.rightOnly.join(', ') || '—'}`);
  for (const t of schema.typeChanges) console.log(`type change ${t.column}: ${t.left} → ${t.right}`);
  if (key) {
    console.log(`key         ${key.columns.map((k) => k.left).join(', ')}: duplicate rows legacy ${key.duplicateKeysLeft}, new ${key.duplicateKeysRight}; null keys legacy ${key.nullKeysLeft}, new ${key.nullKeysRight}`);
  }
  console.log(`row hashes  ${hash.identicalRows.toLocaleString('en-US')} identical; without a twin: legacy ${hash.leftWithoutTwin}, new ${hash.rightWithoutTwin}`);
  console.log('');
  console.log(textTable(
    ['legacy', 'new', 'legacy type', 'new type', 'null % L', 'null % R', 'distinct L', 'distinct R'],
    schema.pairs.map((p) => [p.left, p.right, p.leftType, p.rightType,
      p.leftProfile ? pct(p.leftProfile.nullRate) : null, p.rightProfile ? pct(p.rightProfile.nullRate) : null,
      p.leftProfile?.distinct ?? null, p.rightProfile?.distinct ?? null]),
  ));
  return 0;
}
