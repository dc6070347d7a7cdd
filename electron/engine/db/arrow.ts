/**
 * DuckDB result → Arrow IPC. The binding has no Arrow output, so each column is built with an explicit
 * Arrow type: BIGINT stays Int64, DECIMAL stays Decimal128 (exact), TIMESTAMP stays integer microseconds.
 */
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
  vectorFromArray,
  type Data,
  type DataType,
} from 'apache-arrow';
import { DuckDBTypeId, type DuckDBResultReader, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { ENGINE_TYPE_METADATA } from '../../../shared/arrow-cells.js';

type Cell = DuckDBValue;

function validity(values: readonly Cell[]): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null) nullCount++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  });
  return { bitmap, nullCount };
}

function fixedWidth<T extends DataType>(
  type: T,
  values: readonly Cell[],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ArrayType: new (n: number) => any,
  read: (v: NonNullable<Cell>) => number | bigint,
): Data<T> {
  const { bitmap, nullCount } = validity(values);
  const data = new ArrayType(values.length);
  values.forEach((v, i) => {
    if (v !== null) data[i] = read(v);
  });
  return makeData({ type, length: values.length, nullCount, nullBitmap: bitmap, data } as never) as Data<T>;
}

const TWO_128 = 1n << 128n;

function decimalData(type: Decimal, values: readonly Cell[]): Data<Decimal> {
  const { bitmap, nullCount } = validity(values);
  const words = new Uint32Array(values.length * 4);
  values.forEach((v, i) => {
    if (v === null) return;
    let x = (v as { value: bigint }).value;
    if (x < 0n) x += TWO_128;
    for (let w = 0; w < 4; w++) {
      words[i * 4 + w] = Number(x & 0xffffffffn);
      x >>= 32n;
    }
  });
  return makeData({ type, length: values.length, nullCount, nullBitmap: bitmap, data: words });
}

const utf8 = new TextEncoder();

/** UTF-8 bytes end to end with their offsets, encoded straight into one buffer (Arrow's generic builder took most of a page's conversion). */
function textData(values: readonly Cell[]): Data<Utf8> {
  const { bitmap, nullCount } = validity(values);
  const valueOffsets = new Int32Array(values.length + 1);
  const texts = values.map((v) => (v === null ? '' : String(v)));
  // A UTF-16 code unit takes at most 3 bytes of UTF-8.
  const buffer = new Uint8Array(texts.reduce((n, t) => n + t.length * 3, 0));
  let size = 0;
  texts.forEach((text, i) => {
    size += utf8.encodeInto(text, buffer.subarray(size)).written;
    valueOffsets[i + 1] = size;
  });
  return makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap: bitmap, valueOffsets, data: buffer.subarray(0, size) });
}

function columnData(duckType: DuckDBType, values: readonly Cell[]): Data {
  const n = (v: NonNullable<Cell>) => Number(v);
  const b = (v: NonNullable<Cell>) => BigInt(v as bigint);
  const micros = (v: NonNullable<Cell>) => (v as { micros: bigint }).micros;
  switch (duckType.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return vectorFromArray(values as (boolean | null)[], new Bool()).data[0];
    case DuckDBTypeId.TINYINT:
      return fixedWidth(new Int8(), values, Int8Array, n);
    case DuckDBTypeId.SMALLINT:
      return fixedWidth(new Int16(), values, Int16Array, n);
    case DuckDBTypeId.INTEGER:
      return fixedWidth(new Int32(), values, Int32Array, n);
    case DuckDBTypeId.BIGINT:
      return fixedWidth(new Int64(), values, BigInt64Array, b);
    case DuckDBTypeId.UTINYINT:
      return fixedWidth(new Uint8(), values, Uint8Array, n);
    case DuckDBTypeId.USMALLINT:
      return fixedWidth(new Uint16(), values, Uint16Array, n);
    case DuckDBTypeId.UINTEGER:
      return fixedWidth(new Uint32(), values, Uint32Array, n);
    case DuckDBTypeId.UBIGINT:
      return fixedWidth(new Uint64(), values, BigUint64Array, b);
    case DuckDBTypeId.FLOAT:
      return fixedWidth(new Float32(), values, Float32Array, n);
    case DuckDBTypeId.DOUBLE:
      return fixedWidth(new Float64(), values, Float64Array, n);
    case DuckDBTypeId.DECIMAL: {
      const t = duckType as unknown as { width: number; scale: number };
      return decimalData(new Decimal(t.scale, t.width, 128), values);
    }
    case DuckDBTypeId.DATE:
      return fixedWidth(new DateDay(), values, Int32Array, (v) => (v as { days: number }).days);
    case DuckDBTypeId.TIMESTAMP:
      return fixedWidth(new TimestampMicrosecond(), values, BigInt64Array, micros);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return fixedWidth(new TimestampMicrosecond('UTC'), values, BigInt64Array, micros);
    case DuckDBTypeId.TIME:
      return fixedWidth(new TimeMicrosecond(), values, BigInt64Array, micros);
    default:
      // HUGEINT, INTERVAL, LIST, STRUCT, BLOB, ...: DuckDB's own text form is exact and readable.
      return textData(values);
  }
}

/** Builds Arrow IPC stream bytes from a fully read result. */
export function readerToArrow(reader: DuckDBResultReader): Uint8Array {
  const names = reader.deduplicatedColumnNames();
  const types = reader.columnTypes();
  const columns = reader.getColumns();
  const datas = types.map((t, i) => columnData(t, columns[i] ?? []));
  const fields = datas.map(
    (d, i) => new Field(names[i], d.type, true, new Map([[ENGINE_TYPE_METADATA, types[i].toString()]])),
  );
  const length = reader.currentRowCount;
  const schema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length, nullCount: 0, children: datas });
  return tableToIPC(new Table([new RecordBatch(schema, struct)]), 'stream');
}
