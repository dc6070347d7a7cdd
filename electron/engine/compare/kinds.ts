/** What a DuckDB type means for comparison: which kind, and how numbers meet exactly. */
import { DECIMAL_TYPE as DECIMAL, FLOAT_TYPE as FLOAT, INTEGER_TYPE as INTEGER, kindOfType } from '../../../shared/column-kind.js';

export { kindOfType };

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
