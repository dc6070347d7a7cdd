import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure } from '../helpers/engine.js';
import { column, pair } from '../helpers/compare.js';

const left = `SELECT * FROM (VALUES (1, 'C'), (2, 'O'), (3, 'X'), (4, 'C, old'), (5, 'Q')) t(id, st)`;
const right = `SELECT * FROM (VALUES (1, 'closed'), (2, 'open'), (3, 'cancelled'), (4, 'closed'), (5, 'Q')) t(id, status)`;

describe('a value map loaded from a CSV mapping table', async () => {
  const p = await pair(left, right);
  const file = path.join(p.dir, 'status map.csv');
  fs.writeFileSync(file, ['legacy code,new code', 'C,closed', 'O,open', 'X,cancelled', '"C, old",closed', ''].join('\n'));
  const spec = (extra: Record<string, unknown> = {}) => ({ key: ['id'], columns: [{ left: 'st', right: 'status', valueMapFile: file, ...extra }] });

  it('translates legacy codes before comparing; unmapped values compare as they are', async () => {
    const s = await p.run(spec());
    expect(column(s, 'st')).toMatchObject({ mismatched: 0 });
  });

  it('lets the contract override one entry of the table', async () => {
    const s = await p.run(spec({ valueMap: { X: 'void' } }));
    expect(column(s, 'st')).toMatchObject({ mismatched: 1 });
    expect((await p.exceptions()).rows.map((r) => r.id)).toEqual(['3']);
  });

  it('refuses a table that maps a code two ways, naming the line, and a missing table, in one sentence', async () => {
    const twice = path.join(p.dir, 'twice.csv');
    fs.writeFileSync(twice, 'legacy,new\nC,closed\nO,open\nC,cancelled\n');
    const error = await failure(p.run({ key: ['id'], columns: [{ left: 'st', right: 'status', valueMapFile: twice }] }));
    expect(error.message).toBe('Contract field "columns[0].valueMapFile": "twice.csv" maps "C" twice, to "closed" and, on line 4, to "cancelled".');
    const missing = await failure(p.run({ key: ['id'], columns: [{ left: 'st', right: 'status', valueMapFile: path.join(p.dir, 'nope.csv') }] }));
    expect(missing.message).toBe(`Contract field "columns[0].valueMapFile": "${path.join(p.dir, 'nope.csv')}" does not exist.`);
  });
});
