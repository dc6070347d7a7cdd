/** Which kind of comparison a DuckDB type gets by default; the engine and the contract editor agree. */
import type { ColumnKind } from './contract.js';

export const INTEGER_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
export const FLOAT_TYPE = /^(FLOAT|DOUBLE|REAL)$/;
export const DECIMAL_TYPE = /^DECIMAL\((\d+),(\d+)\)$/;

export function kindOfType(type: string): ColumnKind {
  const t = type.toUpperCase();
  if (INTEGER_TYPE.test(t) || FLOAT_TYPE.test(t) || DECIMAL_TYPE.test(t)) return 'number';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (t === 'DATE') return 'date';
  if (t === 'BOOLEAN') return 'boolean';
  return 'text';
}
