import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure, openEngine } from '../helpers/engine.js';
import { duck } from '../helpers/sql.js';
import { write } from '../helpers/temp.js';

describe('wrong inputs get one clear sentence and change nothing', async () => {
  const { engine, dir } = await openEngine();
  const good = write(dir, 'good.csv', 'id,amount\n1,1.50\n');
  await engine.call('sources.import', { side: 'left', inputs: [good] });

  const cases: [string, () => string[], string, RegExp][] = [
    ['a missing file', () => [path.join(dir, 'nope.csv')], 'not_found', /^".*nope\.csv" does not exist\.$/],
    ['an empty file', () => [write(dir, 'empty.csv', '')], 'empty', /^"empty\.csv" is empty: it has no header and no rows\.$/],
    ['a binary file', () => [write(dir, 'logo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))], 'unsupported_format', /^"logo\.csv" is a binary file, not a CSV or Parquet file\.$/],
    ['an Excel workbook', () => [write(dir, 'book.xlsx', Buffer.from('PK\u0003\u0004rest-of-zip', 'latin1'))], 'unsupported_format', /^"book\.xlsx" is a zip archive \(an Excel workbook\?\), not a CSV or Parquet file\.$/],
    ['a truncated Parquet file', () => [write(dir, 'cut.parquet', Buffer.from('PAR1 and then nothing', 'latin1'))], 'unsupported_format', /incomplete or damaged/],
    ['a glob matching nothing', () => [path.join(dir, 'zzz*.csv')], 'not_found', /^No file matches ".*zzz\*\.csv"\.$/],
    ['a folder without data files', () => { write(dir, 'docs/readme.md', 'hi'); return [path.join(dir, 'docs')]; }, 'not_found', /has no CSV or Parquet files\.$/],
  ];

  for (const [what, inputs, code, message] of cases) {
    it(`refuses ${what}`, async () => {
      const error = await failure(engine.call('sources.import', { side: 'left', inputs: inputs() }));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message.split(/(?<=\.)\s/).length).toBe(1);
      const state = await engine.call('workspace.state', {});
      expect(state.left?.files[0].path).toBe(good);
    });
  }

  it('refuses a source mixing CSV and Parquet', async () => {
    const pq = path.join(dir, 'm.parquet');
    await duck(`COPY (SELECT 1 AS id) TO '${pq}' (FORMAT parquet)`);
    const error = await failure(engine.call('sources.import', { side: 'left', inputs: [good, pq] }));
    expect(error.code).toBe('mixed_formats');
    expect(error.message).toBe('A source is all CSV or all Parquet, but "good.csv" is CSV and "m.parquet" is PARQUET.');
  });

  it('names the nearest column when a sort column does not exist', async () => {
    const error = await failure(engine.call('sources.page', { side: 'left', offset: 0, limit: 10, sort: [{ column: 'amout', direction: 'asc' }] }));
    expect(error.code).toBe('unknown_column');
    expect(error.message).toBe('Column "amout" does not exist on the legacy side; the nearest is "amount".');
  });

  it('says when a side has no source yet', async () => {
    const error = await failure(engine.call('sources.page', { side: 'right', offset: 0, limit: 10 }));
    expect(error.message).toBe('There is no new source yet; add one first.');
  });

  it('checks arguments at the boundary', async () => {
    const error = await failure(engine.call('sources.page', { side: 'middle', offset: -1, limit: 10 } as never));
    expect(error.code).toBe('invalid_args');
    expect(error.message).toMatch(/^sources\.page: "side" is not valid/);
  });
});
