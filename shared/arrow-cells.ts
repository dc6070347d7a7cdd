/**
 * Turns an Arrow IPC page into display text, exactly: DECIMAL from its unscaled integer, BIGINT from
 * bigint, timestamps from integer microseconds. Used by the grids and by the CLI's table output.
 */
import { Precision, RecordBatchReader, tableFromIPC, Type, type Data, type Field, type Utf8, type Vector } from 'apache-arrow';
import { bigintFromWords, formatDecimal } from './decimal.js';

export interface PageColumn {
  name: string;
  /** The engine's type name (e.g. DECIMAL(18,2)), carried in the Arrow field metadata. */
  type: string;
  numeric: boolean;
}

export interface DecodedPage {
  columns: PageColumn[];
  rows: (string | null)[][];
}

export const ENGINE_TYPE_METADATA = 'parity.type';

const MICROS_PER_DAY = 86_400_000_000n;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatDays(days: number): string {
  const d = new Date(days * 86_400_000);
  if (Number.isNaN(d.getTime())) return days > 0 ? 'infinity' : '-infinity';
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function unitToMicros(unit: number): bigint {
  // Arrow TimeUnit: 0 second, 1 millisecond, 2 microsecond, 3 nanosecond.
  return [1_000_000n, 1_000n, 1n, 0n][unit] ?? 1n;
}

export function formatMicros(micros: bigint, withZone: boolean): string {
  let days = micros / MICROS_PER_DAY;
  let rest = micros % MICROS_PER_DAY;
  if (rest < 0n) {
    rest += MICROS_PER_DAY;
    days -= 1n;
  }
  const seconds = Number(rest / 1_000_000n);
  const fraction = Number(rest % 1_000_000n);
  const clock = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  const frac = fraction ? `.${pad(fraction, 6).replace(/0+$/, '')}` : '';
  const date = formatDays(Number(days));
  if (date.endsWith('infinity')) return date;
  return `${date} ${clock}${frac}${withZone ? '+00' : ''}`;
}

/** A reader for the types whose JS value would lose exactness (Decimal, 64-bit times), and for text and plain numbers, read straight from their buffers; null for the rest. */
function cellReader(field: Field, data: Data): ((i: number) => string) | null {
  const type = field.type;
  // Fixed-width values of IPC-read data start at the chunk's first row, so `i` indexes them directly.
  const values = data.values as ArrayLike<number | bigint>;
  switch (type.typeId) {
    case Type.Decimal: {
      const stride = type.bitWidth / 32;
      return (i) => formatDecimal(bigintFromWords(data.values as Uint32Array, i * stride, stride), type.scale);
    }
    case Type.Timestamp: {
      const factor = unitToMicros(type.unit);
      const zoned = Boolean(type.timezone);
      return (i) => {
        const raw = BigInt(values[i]);
        return formatMicros(factor === 0n ? raw / 1000n : raw * factor, zoned);
      };
    }
    case Type.Date:
      // DateDay holds days; DateMillisecond holds milliseconds.
      return type.unit === 0
        ? (i) => formatDays(Number(values[i]))
        : (i) => formatDays(Math.floor(Number(values[i]) / 86_400_000));
    case Type.Time: {
      const factor = unitToMicros(type.unit);
      return (i) => formatMicros(factor === 0n ? BigInt(values[i]) / 1000n : BigInt(values[i]) * factor, false).slice(11);
    }
    case Type.Utf8:
      return textReader(data as Data<Utf8>);
    case Type.Int:
      return (i) => String(values[i]);
    case Type.Float:
      // A half float's buffer holds its bits, not its value.
      return type.precision === Precision.HALF ? null : (i) => String(values[i]);
    default:
      return null;
  }
}

const utf8 = new TextDecoder();

/** Text cells. A chunk of ASCII text (the usual case) is decoded in one call and cut at its offsets, not a call per cell. */
function textReader(data: Data<Utf8>): (i: number) => string {
  const bytes = data.values;
  const offsets = data.valueOffsets;
  const start = offsets[0];
  const end = offsets[data.length];
  for (let b = start; b < end; b++) {
    if (bytes[b] > 0x7f) return (i) => utf8.decode(bytes.subarray(offsets[i], offsets[i + 1]));
  }
  const text = utf8.decode(bytes.subarray(start, end));
  return (i) => text.slice(offsets[i] - start, offsets[i + 1] - start);
}

function isNumeric(typeId: Type): boolean {
  return typeId === Type.Int || typeId === Type.Float || typeId === Type.Decimal;
}

function columnCells(field: Field, vector: Vector): (string | null)[] {
  const out: (string | null)[] = [];
  let row = 0;
  for (const data of vector.data) {
    const read = cellReader(field, data);
    for (let i = 0; i < data.length; i++, row++) {
      if (!data.getValid(i)) out.push(null);
      else if (read) out.push(read(i));
      else out.push(String(vector.get(row)));
    }
  }
  return out;
}

function pageColumn(f: Field): PageColumn {
  return { name: f.name, type: f.metadata.get(ENGINE_TYPE_METADATA) ?? String(f.type), numeric: isNumeric(f.type.typeId) };
}

/** A page's columns from its schema alone: none of its rows are read (a grid learning its columns). */
export function pageColumns(bytes: Uint8Array): PageColumn[] {
  const reader = RecordBatchReader.from(bytes).open();
  return reader.schema.fields.map(pageColumn);
}

export function decodePage(bytes: Uint8Array): DecodedPage {
  const table = tableFromIPC(bytes);
  const columns = table.schema.fields.map(pageColumn);
  const cells = table.schema.fields.map((field, c) => {
    const vector = table.getChildAt(c);
    return vector ? columnCells(field, vector) : [];
  });
  const rows: (string | null)[][] = [];
  for (let r = 0; r < table.numRows; r++) rows.push(cells.map((col) => col[r] ?? null));
  return { columns, rows };
}
