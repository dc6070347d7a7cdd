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

const TEMPORAL = /^(DATE|TIMESTAMP)/i;

/** The header filter that suits a type; the engine applies it (see filter-model.ts). */
function filterFor(type: string): Pick<ColDef<Row>, 'filter' | 'filterParams'> {
  const common = { maxNumConditions: 2, buttons: ['reset'], debounceMs: 400 };
  if (isNumericType(type)) return { filter: 'agNumberColumnFilter', filterParams: { ...common, inRangeInclusive: true } };
  if (TEMPORAL.test(type)) return { filter: 'agDateColumnFilter', filterParams: { ...common, inRangeInclusive: true } };
  return { filter: 'agTextColumnFilter', filterParams: common };
}

export function columnDef(name: string, type: string, index: number, sortable: boolean, filterable = false): ColDef<Row> {
  const numeric = isNumericType(type);
  const fractional = FRACTIONAL.test(type);
  return {
    colId: name,
    headerName: name,
    headerTooltip: `${name} · ${type}`,
    sortable,
    ...(filterable ? filterFor(type) : {}),
    resizable: true,
    valueGetter: (p) => p.data?.[index] ?? null,
    valueFormatter: (p: ValueFormatterParams<Row, string | null>) => {
      if (p.value === null || p.value === undefined) return p.data ? '∅' : '';
      return fractional ? groupDigits(p.value) : p.value;
    },
    cellClassRules: { 'cell-null': (p) => Boolean(p.data) && (p.value === null || p.value === undefined) },
    type: numeric ? 'rightAligned' : undefined,
    // Wide enough for the header (and its filter) to read whole; the grid scrolls sideways instead.
    minWidth: Math.max(/^TIMESTAMP/i.test(type) ? (/TIME ZONE|TZ/i.test(type) ? 200 : 170) : 90, Math.min(260, name.length * 7 + 56)),
  };
}
