/** Column definitions shared by every grid: exact text, numbers right-aligned, nulls visible as ∅. */
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';

export type Row = (string | null)[];

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL|REAL)/i;
const FRACTIONAL = /^(FLOAT|DOUBLE|DECIMAL|REAL)/i;

export function isNumericType(type: string): boolean {
  return NUMERIC.test(type);
}

/** Thousands separators on the integer part only: the digits themselves are never re-parsed. */
export function groupDigits(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

export function columnDef(name: string, type: string, index: number, sortable: boolean): ColDef<Row> {
  const numeric = isNumericType(type);
  const fractional = FRACTIONAL.test(type);
  return {
    colId: name,
    headerName: name,
    headerTooltip: `${name} · ${type}`,
    sortable,
    resizable: true,
    valueGetter: (p) => p.data?.[index] ?? null,
    valueFormatter: (p: ValueFormatterParams<Row, string | null>) => {
      if (p.value === null || p.value === undefined) return p.data ? '∅' : '';
      return fractional ? groupDigits(p.value) : p.value;
    },
    cellClassRules: { 'cell-null': (p) => Boolean(p.data) && (p.value === null || p.value === undefined) },
    type: numeric ? 'rightAligned' : undefined,
    minWidth: /^TIMESTAMP/i.test(type) ? (/TIME ZONE|TZ/i.test(type) ? 200 : 170) : 90,
  };
}
