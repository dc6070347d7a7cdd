/**
 * Grid column filters as a SQL condition: expressions come from the caller's own column list, values
 * are bound, numbers stay exact decimals and dates compare by calendar day. Negative conditions
 * ("does not equal") keep empty cells, as Excel's filter does.
 */
import { VARCHAR } from '@duckdb/node-api';
import { ParityError } from '../../../shared/errors.js';
import type { ColumnFilter, FilterCondition } from '../../../shared/filters.js';
import type { Params } from './params.js';

const COMPARISONS: Partial<Record<FilterCondition['op'], string>> = {
  equals: '=',
  notEqual: 'IS DISTINCT FROM',
  lessThan: '<',
  lessThanOrEqual: '<=',
  greaterThan: '>',
  greaterThanOrEqual: '>=',
};

function required(value: string | null | undefined, column: string): string {
  if (value === null || value === undefined || value === '') throw new ParityError('invalid_args', `The filter on "${column}" needs a value.`);
  return value;
}

/** An exact decimal literal bound as text and cast at its own scale, so 0.1 is 0.1, not a binary fraction. */
function numberValue(text: string, column: string, params: Params): string {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
  const whole = (m?.[2] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = m?.[3] ?? '';
  if (!m || whole.length + fraction.length === 0) throw new ParityError('invalid_args', `The filter on "${column}" needs a number; "${text}" is not one.`);
  if (whole.length + fraction.length > 38) throw new ParityError('invalid_args', `The filter on "${column}" has more than 38 digits.`);
  const scale = fraction.length;
  const digits = Math.max(scale + 1, whole.length + scale);
  return `CAST(${params.add(`${m[1]}${whole || '0'}${fraction ? `.${fraction}` : ''}`, VARCHAR)} AS DECIMAL(${Math.min(38, digits)}, ${scale}))`;
}

function dateValue(text: string, column: string, params: Params): string {
  const day = text.trim().slice(0, 10);
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    throw new ParityError('invalid_args', `The filter on "${column}" needs a date as YYYY-MM-DD; "${text}" is not one.`);
  }
  return `CAST(${params.add(day, VARCHAR)} AS DATE)`;
}

function textCondition(expr: string, c: FilterCondition, column: string, params: Params): string {
  const text = `lower(CAST(${expr} AS VARCHAR))`;
  const value = () => `lower(${params.add(required(c.value, column), VARCHAR)})`;
  switch (c.op) {
    case 'contains':
      return `contains(${text}, ${value()})`;
    case 'notContains':
      return `(${expr} IS NULL OR NOT contains(${text}, ${value()}))`;
    case 'equals':
      return `${text} = ${value()}`;
    case 'notEqual':
      return `${text} IS DISTINCT FROM ${value()}`;
    case 'startsWith':
      return `starts_with(${text}, ${value()})`;
    case 'endsWith':
      return `suffix(${text}, ${value()})`;
    default:
      throw new ParityError('invalid_args', `A text filter on "${column}" cannot use "${c.op}".`);
  }
}

function orderedCondition(expr: string, c: FilterCondition, column: string, kind: 'number' | 'date', params: Params): string {
  const left = kind === 'date' ? `CAST(${expr} AS DATE)` : expr;
  const value = (v: string | null | undefined) => (kind === 'date' ? dateValue(required(v, column), column, params) : numberValue(required(v, column), column, params));
  if (c.op === 'inRange') return `${left} BETWEEN ${value(c.value)} AND ${value(c.to)}`;
  const op = COMPARISONS[c.op];
  if (!op) throw new ParityError('invalid_args', `A ${kind} filter on "${column}" cannot use "${c.op}".`);
  return `${left} ${op} ${value(c.value)}`;
}

function condition(expr: string, c: FilterCondition, filter: ColumnFilter, params: Params): string {
  if (c.op === 'blank') return filter.kind === 'text' ? `(${expr} IS NULL OR CAST(${expr} AS VARCHAR) = '')` : `${expr} IS NULL`;
  if (c.op === 'notBlank') return filter.kind === 'text' ? `(${expr} IS NOT NULL AND CAST(${expr} AS VARCHAR) <> '')` : `${expr} IS NOT NULL`;
  return filter.kind === 'text' ? textCondition(expr, c, filter.column, params) : orderedCondition(expr, c, filter.column, filter.kind, params);
}

/**
 * One SQL condition for all filters (joined by AND), or null when there are none.
 * `expressions` maps each column the grid shows to the SQL that computes it; `unknown` words the
 * sentence for a column the grid does not have.
 */
export function filterCondition(
  filters: readonly ColumnFilter[] | undefined,
  expressions: ReadonlyMap<string, string>,
  params: Params,
  unknown: (column: string) => string,
): string | null {
  if (!filters?.length) return null;
  const parts = filters.map((f) => {
    const expr = expressions.get(f.column);
    if (expr === undefined) throw new ParityError('unknown_column', unknown(f.column));
    const conditions = f.conditions.map((c) => condition(expr, c, f, params));
    return `(${conditions.join(f.join === 'or' ? ' OR ' : ' AND ')})`;
  });
  return parts.join(' AND ');
}
