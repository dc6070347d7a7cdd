/** What a DuckDB type means for comparison: which kind, and how numbers meet exactly. */
import type { ColumnKind } from '../../../shared/contract.js';

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const FLOAT = /^(FLOAT|DOUBLE|REAL)$/;
const DECIMAL = /^DECIMAL\((\d+),(\d+)\)$/;

export function kindOfType(type: string): ColumnKind {
  const t = type.toUpperCase();
  if (INTEGER.test(t) || FLOAT.test(t) || DECIMAL.test(t)) return 'number';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (t === 'DATE') return 'date';
  if (t === 'BOOLEAN') return 'boolean';
  return 'text';
}

export function isFloat(type: string): boolean {
  return FLOAT.test(type.toUpperCase());
}

export function isExactNumber(type: string): boolean {
  const t = type.toUpperCase();
  return INTEGER.test(t) || DECIMAL.test(t);
}

export function decimalOf(type: string): { width: number; scale: number } | null {
  const m = DECIMAL.exec(type.toUpperCase());
  return m ? { width: Number(m[1]), scale: Number(m[2]) } : null;
}

/** Naive timestamps need a zone rule; TIMESTAMPTZ values are instants already. */
export function isInstantType(type: string): boolean {
  return type.toUpperCase() === 'TIMESTAMP WITH TIME ZONE';
}

export function isTemporal(type: string): boolean {
  const t = type.toUpperCase();
  return t.startsWith('TIMESTAMP') || t === 'DATE';
}
