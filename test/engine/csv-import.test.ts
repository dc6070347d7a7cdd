import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePage } from '../../shared/arrow-cells.js';
import type { CsvInspection } from '../../shared/types.js';
import { failure, openEngine } from '../helpers/engine.js';
import { MALFORMED, writeCsvWithMalformedLines } from '../helpers/csv.js';
import { tempFolder, write } from '../helpers/temp.js';
import { EngineService } from '../../electron/engine/service.js';

describe('a 1M-line CSV with 3 malformed lines', () => {
  let setup: Awaited<ReturnType<typeof openEngine>>;
  let file: string;

  beforeAll(async () => {
    setup = await openEngine();
    file = path.join(setup.dir, 'orders.csv');
    writeCsvWithMalformedLines(file, 1_000_000);
  });

  it('detects the dialect despite the bad lines and proposes DECIMAL for the money column', async () => {
    const inspection = (await setup.engine.call('sources.inspect', { inputs: [file] })) as CsvInspection;
    expect(inspection.format).toBe('csv');
    expect(inspection.options.delimiter).toBe(',');
    expect(inspection.options.header).toBe(true);
    expect(inspection.options.columns).toEqual([
      { name: 'order_id', type: 'BIGINT' },
      { name: 'region', type: 'VARCHAR' },
      { name: 'amount', type: 'DECIMAL(18,2)' },
      { name: 'ordered_at', type: 'TIMESTAMP' },
    ]);
    expect(inspection.detected.find((d) => d.name === 'amount')?.detectedType).toBe('DOUBLE');
    expect(decodePage(inspection.preview.arrow).rows.length).toBe(50);
  });

  it('imports 999,997 rows and keeps exactly the 3 malformed lines, with line numbers and reasons', async () => {
    const info = await setup.engine.call('sources.import', { side: 'left', inputs: [file] });
    expect(info.rows).toBe(999_997);
    expect(info.rejectedLines).toBe(3);
    const rejects = await setup.engine.call('sources.rejects', { side: 'left', offset: 0, limit: 100 });
    expect(rejects.total).toBe(3);
    expect(rejects.lines.map((l) => l.line)).toEqual([MALFORMED.tooManyColumns, MALFORMED.badNumber, MALFORMED.missingColumns]);
    expect(rejects.lines.map((l) => l.reason)).toEqual([
      'Expected 4 fields, found 5.',
      '"twelve" in column amount is not a valid DECIMAL.',
      'Expected 4 fields, found 2.',
    ]);
    expect(rejects.lines[0].raw).toMatch(/,surplus$/);
    expect(rejects.lines[1].columns).toEqual(['amount']);
    expect(rejects.lines.every((l) => l.file === file)).toBe(true);
  });

  it('keeps amounts exact through the import and the Arrow page', async () => {
    const page = await setup.engine.call('sources.page', { side: 'left', offset: 0, limit: 3, sort: [{ column: 'amount', direction: 'desc' }] });
    const decoded = decodePage(page.arrow);
    expect(decoded.columns.map((c) => c.type)).toEqual(['BIGINT', 'VARCHAR', 'DECIMAL(18,2)', 'TIMESTAMP']);
    // amount = (i*37 % 100000).(i % 100): the largest is 99999.xx for the i with i*37 ≡ 99999.
    expect(decoded.rows[0][2]).toMatch(/^99999\.\d\d$/);
    expect(page.total).toBe(999_997);
  });

  it('cancelling a re-import leaves the previous source and its rejects untouched', async () => {
    const controller = new AbortController();
    const pending = setup.engine.call('sources.import', { side: 'left', inputs: [file] }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'Importing rows' && (p.fraction ?? 0) > 0.35) controller.abort();
      },
    });
    const error = await failure(pending);
    expect(error.code).toBe('cancelled');
    const state = await setup.engine.call('workspace.state', {});
    expect(state.left?.rows).toBe(999_997);
    const rejects = await setup.engine.call('sources.rejects', { side: 'left', offset: 0, limit: 10 });
    expect(rejects.total).toBe(3);
    const page = await setup.engine.call('sources.page', { side: 'left', offset: 999_990, limit: 100 });
    expect(decodePage(page.arrow).rows.length).toBe(7);
  });

  it('closing the workspace during a re-import leaves the previous source as it was, opened again', async () => {
    const at = path.join(tempFolder(), 'closing.parity');
    const open = () => EngineService.open(at, { memoryLimit: '1GB', home: path.dirname(at) });
    const first = await open();
    await first.call('sources.import', { side: 'left', inputs: [file] });
    let closing: Promise<void> | undefined;
    const reimport = first.call('sources.import', { side: 'left', inputs: [file] }, {
      onProgress: (p) => {
        if (p.phase === 'Importing rows' && (p.fraction ?? 0) > 0.35) closing ??= first.close();
      },
    });
    expect((await failure(reimport)).code).toBe('cancelled');
    await closing;
    const again = await open();
    try {
      expect((await again.call('workspace.state', {})).left?.rows).toBe(999_997);
      expect((await again.call('sources.rejects', { side: 'left', offset: 0, limit: 10 })).total).toBe(3);
    } finally {
      await again.close();
    }
  });
});

describe('CSV type proposals and guards', () => {
  it('keeps codes with leading zeros as text and refuses a DECIMAL that would round', async () => {
    const { engine, dir } = await openEngine();
    const file = write(dir, 'codes.csv', 'code,price,qty\n007,1.005,1\n012,2.50,2\n100,3,3\n');
    const inspection = (await engine.call('sources.inspect', { inputs: [file] })) as CsvInspection;
    const types = Object.fromEntries(inspection.options.columns.map((c) => [c.name, c.type]));
    expect(types).toEqual({ code: 'VARCHAR', price: 'DECIMAL(18,3)', qty: 'BIGINT' });

    const narrow = { ...inspection.options, columns: inspection.options.columns.map((c) => (c.name === 'price' ? { ...c, type: 'DECIMAL(18,2)' } : c)) };
    const error = await failure(engine.call('sources.import', { side: 'left', inputs: [file], csv: narrow }));
    expect(error.code).toBe('bad_csv');
    expect(error.message).toBe('Column "price" has values with 3 decimals (e.g. 1.005), which DECIMAL(18,2) would round; choose a DECIMAL with scale 3 or more.');
    expect((await engine.call('workspace.state', {})).left).toBeNull();

    const info = await engine.call('sources.import', { side: 'left', inputs: [file], csv: inspection.options });
    const rows = decodePage((await engine.call('sources.page', { side: 'left', offset: 0, limit: 10 })).arrow).rows;
    expect(info.rows).toBe(3);
    expect(rows).toEqual([
      ['007', '1.005', '1'],
      ['012', '2.500', '2'],
      ['100', '3.000', '3'],
    ]);
  });

  it('reads semicolon files with decimal commas and honours overrides', async () => {
    const { engine, dir } = await openEngine();
    const file = write(dir, 'eu.csv', 'id;betrag;datum\n1;1234,50;31.12.2025\n2;0,05;01.01.2026\n');
    const inspection = (await engine.call('sources.inspect', { inputs: [file], csv: { decimalSeparator: ',', dateFormat: '%d.%m.%Y' } })) as CsvInspection;
    expect(inspection.options.delimiter).toBe(';');
    const types = Object.fromEntries(inspection.options.columns.map((c) => [c.name, c.type]));
    expect(types.betrag).toBe('DECIMAL(18,2)');
    expect(types.datum).toBe('DATE');
    await engine.call('sources.import', { side: 'right', inputs: [file], csv: inspection.options });
    const rows = decodePage((await engine.call('sources.page', { side: 'right', offset: 0, limit: 10 })).arrow).rows;
    expect(rows).toEqual([
      ['1', '1234.50', '2025-12-31'],
      ['2', '0.05', '2026-01-01'],
    ]);
  });

  it('imports several files, a glob and a folder as one source, rejects carrying their file', async () => {
    const { engine, dir } = await openEngine();
    write(dir, 'parts/a.csv', 'id,v\n1,10\n2,20\n');
    write(dir, 'parts/b.csv', 'id,v\n3,30\n4,oops\n');
    write(dir, 'parts/notes.md', '# not data');
    const byFolder = await engine.call('sources.import', { side: 'left', inputs: [path.join(dir, 'parts')] });
    expect(byFolder.files.map((f) => path.basename(f.path))).toEqual(['a.csv', 'b.csv']);
    expect(byFolder.rows).toBe(3);
    const rejects = await engine.call('sources.rejects', { side: 'left', offset: 0, limit: 10 });
    expect(rejects.lines).toEqual([expect.objectContaining({ file: path.join(dir, 'parts/b.csv'), line: 3 })]);
    const byGlob = await engine.call('sources.import', { side: 'right', inputs: [path.join(dir, 'parts/*.csv')] });
    expect(byGlob.rows).toBe(3);
    const byList = await engine.call('sources.import', { side: 'right', inputs: [path.join(dir, 'parts/a.csv'), path.join(dir, 'parts/b.csv')] });
    expect(byList.files.length).toBe(2);
  });
});
