/**
 * Column filters a grid pushes down to DuckDB. The shape follows what an analyst sets in a grid header
 * (AG Grid's text, number and date filters, up to two conditions joined by and/or), in plain terms the
 * engine checks before turning it into SQL.
 */
import { z } from 'zod';

export const filterOps = [
  'contains',
  'notContains',
  'equals',
  'notEqual',
  'startsWith',
  'endsWith',
  'blank',
  'notBlank',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
] as const;
export type FilterOp = (typeof filterOps)[number];
export const filterKinds = ['text', 'number', 'date'] as const;
export type FilterKind = (typeof filterKinds)[number];

const condition = z.strictObject({
  op: z.enum(filterOps),
  /** Text as typed; a number as decimal text (exact); a date as YYYY-MM-DD. */
  value: z.string().max(1000).nullable().optional(),
  /** The upper bound of inRange. */
  to: z.string().max(1000).nullable().optional(),
});

export const columnFilterSchema = z.strictObject({
  column: z.string().min(1).max(512),
  kind: z.enum(filterKinds),
  join: z.enum(['and', 'or']).optional(),
  conditions: z.array(condition).min(1).max(2),
});
export const columnFiltersSchema = z.array(columnFilterSchema).max(64);

export type FilterCondition = z.infer<typeof condition>;
export type ColumnFilter = z.infer<typeof columnFilterSchema>;
