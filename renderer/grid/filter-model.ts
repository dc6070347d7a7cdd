/**
 * AG Grid's header filters in the engine's terms, so the filtering happens in DuckDB over every row,
 * not in the browser over the rows loaded so far.
 */
import type { ColumnFilter, FilterCondition, FilterKind, FilterOp } from '../../shared/filters';
import { filterOps } from '../../shared/filters';

interface SimpleModel {
  filterType?: string;
  type?: string | null;
  filter?: string | number | null;
  filterTo?: string | number | null;
  dateFrom?: string | null;
  dateTo?: string | null;
}

interface CombinedModel {
  filterType?: string;
  operator: 'AND' | 'OR';
  conditions: SimpleModel[];
}

const KINDS: Record<string, FilterKind> = { text: 'text', number: 'number', date: 'date' };

/** A JS number as plain decimal text (never 1e-7 or 1e+21, which the engine would not read as a decimal). */
export function decimalText(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  return /e/i.test(String(value)) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : String(value);
}

function condition(model: SimpleModel, kind: FilterKind): FilterCondition | null {
  if (!model.type || !(filterOps as readonly string[]).includes(model.type)) return null;
  const op = model.type as FilterOp;
  if (kind === 'date') return { op, value: model.dateFrom?.slice(0, 10) ?? null, to: model.dateTo?.slice(0, 10) ?? null };
  return { op, value: decimalText(model.filter), to: decimalText(model.filterTo) };
}

export function toColumnFilters(model: Record<string, SimpleModel | CombinedModel> | null | undefined): ColumnFilter[] {
  const filters: ColumnFilter[] = [];
  for (const [column, m] of Object.entries(model ?? {})) {
    const kind = KINDS[m.filterType ?? 'text'];
    if (!kind) continue;
    const parts = 'conditions' in m ? m.conditions : [m];
    const conditions = parts.map((p) => condition(p, kind)).filter((c): c is FilterCondition => c !== null);
    if (!conditions.length) continue;
    filters.push({ column, kind, join: 'operator' in m && m.operator === 'OR' ? 'or' : 'and', conditions });
  }
  return filters;
}
