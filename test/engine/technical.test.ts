import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePage } from '../../shared/arrow-cells.js';
import { failure, openEngine } from '../helpers/engine.js';
import { duck } from '../helpers/sql.js';
import { write } from '../helpers/temp.js';

describe('technical parity of a small, fully known pair', async () => {
  const { engine, dir } = await openEngine();
  // Legacy: ids 1..6 with id 2 twice and one null id; New: ids 1..5 with id 5 three times.
  const left = write(dir, 'legacy.csv', [
    'Order_ID,Amount,Region,QTY,Legacy_Only',
    '1,10.00,AMER,1,x',
    '2,20.00,EMEA,2,x',
    '2,20.00,EMEA,2,x',
    '3,30.00,APAC,3,x',
    ',99.00,APAC,9,x',
    '4,,AMER,4,x',
    '6,60.00,AMER,6,x',
  ].join('\n'));
  const right = path.join(dir, 'new.parquet');
  await duck(`
    COPY (SELECT * FROM (VALUES
      (1::BIGINT, 10.00::DECIMAL(18,2), 'AMER', 1::INTEGER, 'n'),
      (2, 20.00, 'EMEA', 2, 'n'),
      (3, 30.01, 'APAC', 3, 'n'),
      (4, NULL, 'AMER', 4, 'n'),
      (5, 50.00, 'EMEA', 5, 'n'),
      (5, 50.00, 'EMEA', 5, 'n'),
      (5, 50.00, 'EMEA', 5, 'n')
    ) t(order_id, amount, "region", quantity, new_only)) TO '${right}' (FORMAT parquet)`);
  await engine.call('sources.import', { side: 'left', inputs: [left] });
  await engine.call('sources.import', { side: 'right', inputs: [right] });

  it('pairs columns automatically, lists one-sided columns and type changes', async () => {
    const report = await engine.call('technical.run', { key: [] });
    expect(report.left).toEqual({ rows: 7, columns: 5 });
    expect(report.right).toEqual({ rows: 7, columns: 5 });
    const pairs = report.schema.pairs.filter((p) => p.left && p.right).map((p) => [p.left, p.right, p.origin]);
    expect(pairs).toEqual([
      ['Order_ID', 'order_id', 'auto'],
      ['Amount', 'amount', 'auto'],
      ['Region', 'region', 'auto'],
    ]);
    expect(report.schema.leftOnly).toEqual(['QTY', 'Legacy_Only']);
    expect(report.schema.rightOnly).toEqual(['quantity', 'new_only']);
    expect(report.schema.typeChanges).toEqual([]);
    expect(report.key).toBeNull();
  });

  it('takes manual pairs, reports their type change, and profiles both sides exactly', async () => {
    const report = await engine.call('technical.run', { mapping: [{ left: 'QTY', right: 'quantity' }] });
    const qty = report.schema.pairs.find((p) => p.left === 'QTY');
    expect(qty).toMatchObject({ right: 'quantity', origin: 'manual', leftType: 'BIGINT', rightType: 'INTEGER', typeChange: true });
    expect(report.schema.typeChanges).toEqual([{ column: 'QTY', rightColumn: 'quantity', left: 'BIGINT', right: 'INTEGER' }]);
    const amount = report.schema.pairs.find((p) => p.left === 'Amount');
    expect(amount?.leftProfile).toEqual({ nulls: 1, nullRate: 1 / 7, distinct: 5, min: '10.00', max: '99.00' });
    expect(amount?.rightProfile).toEqual({ nulls: 1, nullRate: 1 / 7, distinct: 4, min: '10.00', max: '50.00' });
    const id = report.schema.pairs.find((p) => p.left === 'Order_ID');
    expect(id?.leftProfile?.nulls).toBe(1);
    expect(id?.leftProfile?.distinct).toBe(5);
  });

  it('counts duplicate-key rows and null keys per side, and lists the offending values', async () => {
    const report = await engine.call('technical.run', { key: ['Order_ID'] });
    expect(report.key).toEqual({
      columns: [{ left: 'Order_ID', right: 'order_id' }],
      duplicateKeysLeft: 2,
      duplicateKeysRight: 3,
      duplicateValuesLeft: 1,
      duplicateValuesRight: 1,
      nullKeysLeft: 1,
      nullKeysRight: 0,
    });
    const dupRight = decodePage((await engine.call('technical.keyValues', { side: 'right', kind: 'duplicate', offset: 0, limit: 10 })).arrow);
    expect(dupRight.columns.map((c) => c.name)).toEqual(['order_id', 'rows']);
    expect(dupRight.rows).toEqual([['5', '3']]);
    const nullLeft = decodePage((await engine.call('technical.keyValues', { side: 'left', kind: 'null', offset: 0, limit: 10 })).arrow);
    expect(nullLeft.rows).toEqual([[null, '99.00', 'APAC', '9', 'x']]);
  });

  it('counts whole-row twins as a multiset over the paired columns', async () => {
    const report = await engine.call('technical.run', { mapping: [{ left: 'QTY', right: 'quantity' }] });
    // Paired: id, amount, region, qty. Legacy (1), (2)x2, (4 null amount) find twins; new has (2) once.
    expect(report.hash).toEqual({ columns: 4, identicalRows: 3, leftWithoutTwin: 4, rightWithoutTwin: 4 });
  });

  it('remembers the key and mapping in the workspace', async () => {
    const state = await engine.call('workspace.state', {});
    expect(state.settings).toEqual({ key: ['Order_ID'], mapping: [{ left: 'QTY', right: 'quantity' }] });
    expect(state.report?.hash.identicalRows).toBe(3);
  });

  it('names the nearest column for an unknown key and refuses a key without a partner', async () => {
    const unknown = await failure(engine.call('technical.run', { key: ['OrderID'] }));
    expect(unknown.code).toBe('unknown_column');
    expect(unknown.message).toBe('Column "OrderID" does not exist on the legacy side; the nearest is "Order_ID".');
    const unpaired = await failure(engine.call('technical.run', { key: ['Legacy_Only'] }));
    expect(unpaired.message).toBe('Key column "Legacy_Only" has no partner on the new side; pair it with a new column first.');
    const badPair = await failure(engine.call('technical.run', { key: [], mapping: [{ left: 'QTY', right: 'qantity' }] }));
    expect(badPair.message).toBe('Column "qantity" does not exist on the new side; the nearest is "quantity".');
  });
});

describe('composite keys and sources with nothing in common', async () => {
  const { engine, dir } = await openEngine();

  it('keeps composite keys apart even when a separator would collide', async () => {
    const left = write(dir, 'l.csv', 'a,b,v\n"a|b",c,1\na,"b|c",2\n');
    const right = write(dir, 'r.csv', 'a,b,v\n"a|b",c,1\na,"b|c",2\n');
    await engine.call('sources.import', { side: 'left', inputs: [left] });
    await engine.call('sources.import', { side: 'right', inputs: [right] });
    const report = await engine.call('technical.run', { key: ['a', 'b'] });
    expect(report.key?.duplicateKeysLeft).toBe(0);
    expect(report.key?.duplicateKeysRight).toBe(0);
    expect(report.hash.identicalRows).toBe(2);
  });

  it('says so when two sources share no column', async () => {
    await engine.call('sources.import', { side: 'left', inputs: [write(dir, 'x.csv', 'alpha,beta\n1,2\n')] });
    await engine.call('sources.import', { side: 'right', inputs: [write(dir, 'y.csv', 'gamma,delta\n1,2\n')] });
    const error = await failure(engine.call('technical.run', { key: [], mapping: [] }));
    expect(error.code).toBe('no_common_columns');
    expect(error.message).toBe(
      'The legacy and new sources have no column in common (legacy: alpha, beta; new: gamma, delta); pair columns by hand to compare them.',
    );
  });
});
