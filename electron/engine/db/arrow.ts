/**
 * DuckDB result → Arrow IPC. The binding has no Arrow output, so each column is built with an explicit
 * Arrow type: BIGINT stays Int64, DECIMAL stays Decimal128 (exact), TIMESTAMP stays integer microseconds.
 * Columns are read from DuckDB's vectors as bytes: the binding's values (a JS object or string per cell,
 * each validity bit read as a BigInt) were most of a page's conversion — 200 exceptions × 37 columns took
 * 5–9 ms that way, ~1 ms this way. DuckDB's layouts match Arrow's where it matters: little-endian numbers,
 * validity bits in the same order, 128-bit decimals as two's complement.
 */
import duckdb from '@duckdb/node-bindings';
import {
  Bool,
  DateDay,
  Decimal,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimeMicrosecond,
  TimestampMicrosecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  makeData,
  tableToIPC,
  type Data,
  type DataType,
} from 'apache-arrow';
import { DuckDBTypeId, type DuckDBConnection, type DuckDBDataChunk, type DuckDBMaterializedResult, type DuckDBPreparedStatement, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { ENGINE_TYPE_METADATA } from '../../../shared/arrow-cells.js';

/** One column's vector in one chunk of the result, and where its rows start in the whole column. */
interface Part {
  chunk: DuckDBDataChunk;
  vector: duckdb.Vector;
  rows: number;
  start: number;
}

/** A column's null bitmap; null slots of `values` (fixed-width, `width` bytes each) are zeroed so equal results give equal bytes. */
function validityOf(parts: Part[], length: number, values?: Uint8Array, width = 0): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  for (const { vector, rows, start } of parts) {
    const bits = duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8);
    for (let i = 0; i < rows; i++) {
      const at = start + i;
      if (!bits || (bits[i >> 3] >> (i & 7)) & 1) bitmap[at >> 3] |= 1 << (at & 7);
      else {
        nullCount++;
        values?.fill(0, at * width, (at + 1) * width);
      }
    }
  }
  return { bitmap, nullCount };
}

/** Numbers stored as Arrow stores them (same width, little-endian): the vectors' bytes, copied. */
function fixedWidth<T extends DataType>(type: T, parts: Part[], length: number, width: number, View: new (buffer: ArrayBuffer, offset: number, length: number) => ArrayBufferView): Data<T> {
  const bytes = new Uint8Array(length * width);
  for (const { vector, rows, start } of parts) bytes.set(duckdb.vector_get_data(vector, rows * width), start * width);
  const { bitmap, nullCount } = validityOf(parts, length, bytes, width);
  return makeData({ type, length, nullCount, nullBitmap: bitmap, data: new View(bytes.buffer, 0, length) } as never) as Data<T>;
}

/** DuckDB keeps one byte per boolean; Arrow one bit. */
function booleans(parts: Part[], length: number): Data<Bool> {
  const bits = new Uint8Array(Math.ceil(length / 8));
  for (const { vector, rows, start } of parts) {
    const bytes = duckdb.vector_get_data(vector, rows);
    for (let i = 0; i < rows; i++) if (bytes[i]) bits[(start + i) >> 3] |= 1 << ((start + i) & 7);
  }
  const { bitmap, nullCount } = validityOf(parts, length);
  for (let i = 0; i < bits.length; i++) bits[i] &= bitmap[i];
  return makeData({ type: new Bool(), length, nullCount, nullBitmap: bitmap, data: bits });
}

/** DuckDB stores a DECIMAL in 2, 4, 8 or 16 bytes by its width; Arrow's Decimal128 always takes 16 (sign-extended). */
function decimals(type: Decimal, width: number, parts: Part[], length: number): Data<Decimal> {
  const out = new Uint8Array(length * 16);
  const to = new DataView(out.buffer);
  const size = width <= 4 ? 2 : width <= 9 ? 4 : width <= 18 ? 8 : 16;
  for (const { vector, rows, start } of parts) {
    const raw = duckdb.vector_get_data(vector, rows * size);
    if (size === 16) {
      out.set(raw, start * 16);
      continue;
    }
    const from = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    for (let i = 0; i < rows; i++) {
      const at = (start + i) * 16;
      const value = size === 8 ? from.getBigInt64(i * 8, true) : BigInt(size === 4 ? from.getInt32(i * 4, true) : from.getInt16(i * 2, true));
      to.setBigInt64(at, value, true);
      to.setBigInt64(at + 8, value < 0n ? -1n : 0n, true);
    }
  }
  const { bitmap, nullCount } = validityOf(parts, length, out, 16);
  return makeData({ type, length, nullCount, nullBitmap: bitmap, data: new Uint32Array(out.buffer) });
}

/**
 * DuckDB's strings are 16-byte entries: the length, then the bytes themselves when they fit in 12, or a
 * pointer to them. Their UTF-8 bytes are copied as they are, never decoded into JS strings and back.
 */
function varchars(parts: Part[], length: number): Data<Utf8> {
  const { bitmap, nullCount } = validityOf(parts, length);
  const entries = parts.map(({ vector, rows }) => duckdb.vector_get_data(vector, rows * 16));
  const valid = (at: number) => (bitmap[at >> 3] >> (at & 7)) & 1;
  let total = 0;
  parts.forEach(({ rows, start }, p) => {
    const view = new DataView(entries[p].buffer, entries[p].byteOffset, entries[p].byteLength);
    for (let i = 0; i < rows; i++) if (valid(start + i)) total += view.getUint32(i * 16, true);
  });
  const data = new Uint8Array(total);
  const valueOffsets = new Int32Array(length + 1);
  let size = 0;
  parts.forEach(({ rows, start }, p) => {
    const raw = entries[p];
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    for (let i = 0; i < rows; i++) {
      if (valid(start + i)) {
        const n = view.getUint32(i * 16, true);
        data.set(n <= 12 ? raw.subarray(i * 16 + 4, i * 16 + 4 + n) : duckdb.get_data_from_pointer(raw.buffer as ArrayBuffer, raw.byteOffset + i * 16 + 8, n), size);
        size += n;
      }
      valueOffsets[start + i + 1] = size;
    }
  });
  return makeData({ type: new Utf8(), length, nullCount, nullBitmap: bitmap, valueOffsets, data });
}

const utf8 = new TextEncoder();

/** Any other type (HUGEINT, INTERVAL, LIST, STRUCT, BLOB, ENUM …) as DuckDB's own text form, which is exact and readable. */
function asText(parts: Part[], length: number, column: number): Data<Utf8> {
  const { bitmap, nullCount } = validityOf(parts, length);
  const texts = parts.flatMap(({ chunk }) => chunk.getColumnValues(column)).map((v) => (v === null ? '' : String(v)));
  const valueOffsets = new Int32Array(length + 1);
  // A UTF-16 code unit takes at most 3 bytes of UTF-8.
  const buffer = new Uint8Array(texts.reduce((n, t) => n + t.length * 3, 0));
  let size = 0;
  texts.forEach((text, i) => {
    size += utf8.encodeInto(text, buffer.subarray(size)).written;
    valueOffsets[i + 1] = size;
  });
  return makeData({ type: new Utf8(), length, nullCount, nullBitmap: bitmap, valueOffsets, data: buffer.subarray(0, size) });
}

function columnData(duckType: DuckDBType, parts: Part[], length: number, column: number): Data {
  const fixed = <T extends DataType>(type: T, width: number, View: new (b: ArrayBuffer, o: number, n: number) => ArrayBufferView) => fixedWidth(type, parts, length, width, View);
  switch (duckType.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return booleans(parts, length);
    case DuckDBTypeId.TINYINT:
      return fixed(new Int8(), 1, Int8Array);
    case DuckDBTypeId.SMALLINT:
      return fixed(new Int16(), 2, Int16Array);
    case DuckDBTypeId.INTEGER:
      return fixed(new Int32(), 4, Int32Array);
    case DuckDBTypeId.BIGINT:
      return fixed(new Int64(), 8, BigInt64Array);
    case DuckDBTypeId.UTINYINT:
      return fixed(new Uint8(), 1, Uint8Array);
    case DuckDBTypeId.USMALLINT:
      return fixed(new Uint16(), 2, Uint16Array);
    case DuckDBTypeId.UINTEGER:
      return fixed(new Uint32(), 4, Uint32Array);
    case DuckDBTypeId.UBIGINT:
      return fixed(new Uint64(), 8, BigUint64Array);
    case DuckDBTypeId.FLOAT:
      return fixed(new Float32(), 4, Float32Array);
    case DuckDBTypeId.DOUBLE:
      return fixed(new Float64(), 8, Float64Array);
    case DuckDBTypeId.DECIMAL: {
      const t = duckType as unknown as { width: number; scale: number };
      return decimals(new Decimal(t.scale, t.width, 128), t.width, parts, length);
    }
    case DuckDBTypeId.DATE:
      return fixed(new DateDay(), 4, Int32Array);
    case DuckDBTypeId.TIMESTAMP:
      return fixed(new TimestampMicrosecond(), 8, BigInt64Array);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return fixed(new TimestampMicrosecond('UTC'), 8, BigInt64Array);
    case DuckDBTypeId.TIME:
      return fixed(new TimeMicrosecond(), 8, BigInt64Array);
    case DuckDBTypeId.VARCHAR:
      return varchars(parts, length);
    default:
      return asText(parts, length, column);
  }
}

/** Arrow IPC stream bytes of a result's chunks. */
export function chunksToArrow(names: readonly string[], types: readonly DuckDBType[], chunks: readonly DuckDBDataChunk[]): Uint8Array {
  let length = 0;
  const starts = chunks.map((chunk) => {
    const start = length;
    length += chunk.rowCount;
    return start;
  });
  const datas = types.map((type, column) => {
    const parts = chunks.map((chunk, i) => ({ chunk, vector: duckdb.data_chunk_get_vector(chunk.chunk, column), rows: chunk.rowCount, start: starts[i] }));
    return columnData(type, parts, length, column);
  });
  const fields = datas.map((d, i) => new Field(names[i], d.type, true, new Map([[ENGINE_TYPE_METADATA, types[i].toString()]])));
  const schema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length, nullCount: 0, children: datas });
  return tableToIPC(new Table([new RecordBatch(schema, struct)]), 'stream');
}

/** Runs a query and returns its whole result as Arrow IPC stream bytes. */
export async function queryArrow(connection: DuckDBConnection, sql: string, values?: DuckDBValue[], types?: DuckDBType[]): Promise<Uint8Array> {
  return resultToArrow(await connection.run(sql, values, types));
}

/** A prepared statement run with these values, as Arrow. */
export async function preparedArrow(statement: DuckDBPreparedStatement, values: DuckDBValue[], types?: DuckDBType[]): Promise<Uint8Array> {
  statement.bind(values, types);
  return resultToArrow(await statement.run());
}

async function resultToArrow(result: DuckDBMaterializedResult): Promise<Uint8Array> {
  const chunks = await result.fetchAllChunks();
  return chunksToArrow(result.deduplicatedColumnNames(), result.columnTypes(), chunks);
}
