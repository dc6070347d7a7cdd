import { describe, expect, it } from 'vitest';
import { pair } from '../helpers/compare.js';

describe('keys', () => {
  it('never pairs a key that repeats on either side: all its rows, both sides, are duplicate_key', async () => {
    // Key 2 twice on the left (once on the right); key 3 twice on the right (once on the left); key 4 twice on both.
    const p = await pair(
      `SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (2, 'b'), (3, 'c'), (4, 'd'), (4, 'd'), (5, 'e')) t(id, v)`,
      `SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c'), (3, 'c'), (4, 'd'), (4, 'd'), (6, 'f')) t(id, v)`,
    );
    const s = await p.run({ key: ['id'] });
    expect(s.rows).toMatchObject({
      matched: 1, leftOnly: 1, rightOnly: 1, equal: 1,
      // Left rows whose key repeats on the left: 2, 2, 4, 4. Right: 3, 3, 4, 4.
      duplicateKeysLeft: 4, duplicateKeysRight: 4,
    });
    const dups = await p.exceptions({ classes: ['duplicate_key'] });
    expect(dups.total).toBe(10);
    expect(dups.rows.map((r) => r.id).sort()).toEqual(['2', '2', '2', '3', '3', '3', '4', '4', '4', '4']);
    // Five legacy rows (2, 2, 3, 4, 4) and five new rows (2, 3, 3, 4, 4), each with only its own side's values.
    expect(dups.rows.filter((r) => r['v · legacy'] !== null && r['v · new'] === null).length).toBe(5);
    expect(dups.rows.filter((r) => r['v · new'] !== null && r['v · legacy'] === null).length).toBe(5);
    expect(new Set(dups.rows.map((r) => r.id)).size).toBe(3);
    // Every duplicate row is its own exception: ten identities, one per side and row.
    expect(new Set(dups.rows.map((r) => r['exception id'])).size).toBe(10);
  });

  it('keeps rows with a null in a key column apart as null_key', async () => {
    const p = await pair(
      `SELECT * FROM (VALUES (1, 'x', 10), (NULL, 'y', 20), (3, NULL, 30)) t(a, b, v)`,
      `SELECT * FROM (VALUES (1, 'x', 10), (NULL, 'y', 20)) t(a, b, v)`,
    );
    const s = await p.run({ key: ['a', 'b'] });
    expect(s.rows).toMatchObject({ matched: 1, equal: 1, nullKeysLeft: 2, nullKeysRight: 1, leftOnly: 0, rightOnly: 0 });
    expect((await p.exceptions({ classes: ['null_key'] })).total).toBe(3);
  });

  it('does not let a separator collide composite keys: ("a|b","c") is not ("a","b|c")', async () => {
    const p = await pair(`SELECT 'a|b' AS k1, 'c' AS k2, 1 AS v`, `SELECT 'a' AS k1, 'b|c' AS k2, 1 AS v`);
    const s = await p.run({ key: ['k1', 'k2'] });
    expect(s.rows).toMatchObject({ matched: 0, leftOnly: 1, rightOnly: 1 });
  });

  it('matches unicode keys exactly, and text keys by the key options when asked', async () => {
    const p = await pair(
      `SELECT * FROM (VALUES ('Zoë', 1), ('東京', 2), (' Ab ', 3)) t(k, v)`,
      `SELECT * FROM (VALUES ('Zoë', 1), ('東京', 2), ('ab', 3)) t(k, v)`,
    );
    const strict = await p.run({ key: ['k'] });
    expect(strict.rows).toMatchObject({ matched: 2, equal: 2, leftOnly: 1, rightOnly: 1 });
    const loose = await p.run({ key: ['k'], keyOptions: { trim: true, ignoreCase: true } });
    expect(loose.rows).toMatchObject({ matched: 3, equal: 3, leftOnly: 0, rightOnly: 0 });
    expect(loose.rebuilt).toBe(true);
  });

  it('joins keys of different types through their common type, and names key columns that differ by side', async () => {
    const p = await pair(`SELECT 7::INTEGER AS ORDER_ID, 1 AS v`, `SELECT 7::BIGINT AS order_no, 1 AS v`);
    const s = await p.run({ key: [{ left: 'ORDER_ID', right: 'order_no' }] });
    expect(s.rows).toMatchObject({ matched: 1, equal: 1 });
  });

  it('handles an empty side: everything on the other side is one-sided, and the match rate is 0', async () => {
    const p = await pair(`SELECT * FROM (VALUES (1, 2)) t(id, v) WHERE false`, `SELECT * FROM (VALUES (1, 2), (2, 3)) t(id, v)`);
    const s = await p.run({ key: ['id'] });
    expect(s.left.rows).toBe(0);
    expect(s.rows).toMatchObject({ matched: 0, rightOnly: 2, leftOnly: 0 });
    expect(s.matchRate).toBe(0);
  });

  it('leaves columns on one side only out of the comparison, and lists them', async () => {
    const p = await pair(`SELECT 1 AS id, 'x' AS legacy_note, 5 AS v`, `SELECT 1 AS id, 5 AS v, now() AS loaded_at`);
    const s = await p.run({ key: ['id'] });
    expect(s.schema.leftOnly).toEqual(['legacy_note']);
    expect(s.schema.rightOnly).toEqual(['loaded_at']);
    expect(s.columns.map((c) => c.name)).toEqual(['v']);
    expect(s.rows.equal).toBe(1);
  });
});
