/**
 * The reconciliation contract (JSON, versioned): what is compared and how. Analysts save, diff and share
 * it; a pack embeds it. docs/contract.md documents every field with a full example.
 */
import { z } from 'zod';
import { ParityError } from './errors.js';
import { nearestName } from './names.js';

export const CONTRACT_VERSION = 1;

const name = z.string().min(1).max(512);
/** Tolerances are decimal text, so "0.01" stays exactly one cent; JSON numbers are accepted and read as written. */
const decimalText = z
  .union([z.number(), z.string()])
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
  .refine((v) => /^\d+(\.\d+)?$/.test(v), { message: 'must be a non-negative decimal number such as 0.01' });
const zone = z.string().min(1).max(100);

export const timeZoneRuleSchema = z.discriminatedUnion('kind', [
  /** Timestamps are already instants: TIMESTAMPTZ, or naive values written in UTC. */
  z.strictObject({ kind: z.literal('instant') }),
  /** Naive local time in one IANA zone. */
  z.strictObject({ kind: z.literal('local'), zone }),
  /** Naive local time in a zone chosen per row: a column's value mapped to an IANA zone. */
  z.strictObject({
    kind: z.literal('perRow'),
    column: name,
    zones: z.record(z.string(), zone).optional(),
    /** A CSV (value,zone) or JSON ({value: zone} or [{code, timezone}]) file, relative to the contract. */
    zonesFile: z.string().min(1).optional(),
    /** For values the mapping does not name; without it such rows are counted as unmapped. */
    fallback: zone.optional(),
  }),
]);

const csvOverrides = z.strictObject({
  delimiter: z.string().min(1).max(4).optional(),
  quote: z.string().max(1).optional(),
  escape: z.string().max(1).optional(),
  header: z.boolean().optional(),
  skip: z.number().int().min(0).optional(),
  decimalSeparator: z.enum(['.', ',']).optional(),
  encoding: z.enum(['utf-8', 'utf-16', 'latin-1']).optional(),
  dateFormat: z.string().nullable().optional(),
  timestampFormat: z.string().nullable().optional(),
  nullString: z.string().nullable().optional(),
  types: z.record(z.string(), z.string()).optional(),
});

const sideSchema = z.strictObject({
  label: z.string().max(200).optional(),
  /** Files, globs or folders (relative to the contract file). The workbench uses its own sources instead. */
  source: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  csv: csvOverrides.optional(),
  timezone: timeZoneRuleSchema.default({ kind: 'instant' }),
  /** A DuckDB boolean expression over this side's columns; checked before use. */
  filter: z.string().min(1).max(10_000).optional(),
  derived: z.array(z.strictObject({ name, expression: z.string().min(1).max(10_000) })).default([]),
});

/** A key column by its legacy name; the new side's partner is named, or paired by name (case and separators ignored). */
const keyPart = z.union([name.transform((n) => ({ left: n, right: undefined as string | undefined })), z.strictObject({ left: name, right: name.optional() })]);

export const columnKinds = ['number', 'text', 'timestamp', 'date', 'boolean'] as const;
export type ColumnKind = (typeof columnKinds)[number];

const columnSchema = z.union([
  name.transform((n) => ({ left: n })),
  z.strictObject({
    left: name,
    right: name.optional(),
    kind: z.enum(columnKinds).optional(),
    absTol: decimalText.optional(),
    relTol: decimalText.optional(),
    trim: z.boolean().optional(),
    ignoreCase: z.boolean().optional(),
    toleranceSeconds: z.number().min(0).max(10 * 365 * 86400).optional(),
    valueMap: z.record(z.string(), z.string()).optional(),
    /** A CSV mapping table (legacy value, new value; a header line), relative to the contract file. */
    valueMapFile: z.string().min(1).optional(),
  }),
]);

export const grains = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof grains)[number];

const dimensionSchema = z.union([
  name.transform((n) => ({ left: n })),
  z.strictObject({
    name: name.optional(),
    left: name,
    right: name.optional(),
    /** For timestamp and date columns: the calendar bucket, in the reporting zone. */
    grain: z.enum(grains).optional(),
  }),
]);

export const measureFns = ['count', 'sum', 'min', 'max', 'avg'] as const;
export type MeasureFn = (typeof measureFns)[number];

const measureSchema = z.strictObject({
  name: name.optional(),
  fn: z.enum(measureFns),
  left: name.optional(),
  right: name.optional(),
  absTol: decimalText.optional(),
  relTol: decimalText.optional(),
});

const duration = z
  .string()
  .regex(/^\d+(\.\d+)?\s*(s|m|h|d)$/, { message: 'must be a duration such as "90m", "6h" or "2d"' });

const timingSchema = z.strictObject({
  left: name.optional(),
  right: name.optional(),
  /** The extract time: rows younger than the window at this instant are timing, not defects. */
  asOf: z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /(Z|[+-]\d\d:?\d\d)$/.test(s), {
    message: 'must be an ISO instant with a zone, e.g. 2026-04-01T00:00:00Z',
  }),
  window: duration,
});

export const ruleCategories = ['approved_difference', 'timing', 'defect'] as const;

const ruleSchema = z.strictObject({
  name: z.string().max(200).optional(),
  /** A DuckDB boolean expression over l.<column> and r.<column>; checked before use. */
  predicate: z.string().min(1).max(10_000),
  category: z.enum(ruleCategories),
  column: name.optional(),
  reason: z.string().min(1).max(2000),
  approvedBy: z.string().max(200).optional(),
  approvedOn: z.string().max(40).optional(),
  /** Reports and teams that rely on the difference being what the rule says. */
  consumers: z.array(z.string().min(1).max(200)).max(100).optional(),
});

export const contractSchema = z.strictObject({
  version: z.literal(CONTRACT_VERSION),
  name: z.string().min(1).max(200),
  domain: z.string().max(200).default(''),
  steward: z.string().max(200).default(''),
  left: sideSchema.default({ timezone: { kind: 'instant' }, derived: [] }),
  right: sideSchema.default({ timezone: { kind: 'instant' }, derived: [] }),
  /** Business key; empty for an aggregate-only reconciliation. */
  key: z.array(keyPart).max(32).default([]),
  /** Key options apply to text keys on both sides. */
  keyOptions: z.strictObject({ trim: z.boolean().optional(), ignoreCase: z.boolean().optional() }).default({}),
  /** Compared columns; omitted means every paired column except the key, each by its type's kind. */
  columns: z.array(columnSchema).max(2000).optional(),
  /** Options applied to every compared column of a kind unless the column says otherwise. */
  defaults: z
    .strictObject({
      absTol: decimalText.optional(),
      relTol: decimalText.optional(),
      trim: z.boolean().optional(),
      ignoreCase: z.boolean().optional(),
      toleranceSeconds: z.number().min(0).optional(),
    })
    .default({}),
  dimensions: z.array(dimensionSchema).max(16).default([]),
  measures: z.array(measureSchema).max(64).default([]),
  reportingZone: zone.default('UTC'),
  timing: timingSchema.optional(),
  rules: z.array(ruleSchema).max(1000).default([]),
  slo: z.strictObject({ minMatchRate: z.number().min(0).max(1).optional() }).default({}),
});

export type ContractInput = z.input<typeof contractSchema>;
export type Contract = z.output<typeof contractSchema>;
export type TimeZoneRule = z.output<typeof timeZoneRuleSchema>;
export type ContractSide = Contract['left'];
export type ContractColumn = z.output<typeof columnSchema>;
export type ContractDimension = z.output<typeof dimensionSchema>;
export type ContractMeasure = Contract['measures'][number];

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/** The object schema found at `path` (following the data through unions), to suggest a misspelt field's nearest. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  let s: z.ZodType | undefined = unwrap(schema, data);
  let d: unknown = data;
  for (const p of path) {
    d = d !== null && typeof d === 'object' ? (d as Record<PropertyKey, unknown>)[p] : undefined;
    if (typeof p === 'number' && s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(p)];
    else return [];
    s = unwrap(s, d);
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[]; discriminator?: string };

/** Looks through defaults, optionals and pipes; picks the union member the data is meant to be. */
function unwrap(s: z.ZodType | undefined, data: unknown): z.ZodType | undefined {
  let cur = s;
  for (let i = 0; i < 10 && cur; i++) {
    const def = (cur as unknown as { def: Def }).def;
    if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable') cur = def.innerType;
    else if (def.type === 'pipe') cur = def.in;
    else if (def.type === 'union') {
      const objects = (def.options ?? []).map((o) => unwrap(o, data)).filter((o): o is z.ZodObject => o instanceof z.ZodObject);
      const tag = def.discriminator && data && typeof data === 'object' ? (data as Record<string, unknown>)[def.discriminator] : undefined;
      cur =
        objects.find((o) => {
          const lit = (o.shape as Record<string, z.ZodType>)[def.discriminator ?? ''];
          return lit instanceof z.ZodLiteral && lit.values.has(tag as never);
        }) ?? (typeof data === 'object' ? objects[0] : def.options?.[0]);
    } else return cur;
  }
  return cur;
}

/** Parses and checks a contract's shape; a bad one fails with one sentence naming the field. */
export function parseContract(input: unknown): Contract {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ParityError('invalid_contract', 'A contract is a JSON object with at least "version" and "name".');
  }
  const version = (input as Record<string, unknown>).version;
  if (version !== CONTRACT_VERSION) {
    throw new ParityError('invalid_contract', `Contract field "version" must be ${CONTRACT_VERSION} (this file says ${JSON.stringify(version ?? null)}).`);
  }
  const result = contractSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const field = where ? `${where}.${key}` : key;
    const near = nearestName(key, knownKeys(contractSchema, issue.path, input));
    throw new ParityError('invalid_contract', `Contract field "${field}" is not known${near ? `; did you mean "${near}"?` : '.'}`);
  }
  if (/received undefined$/.test(issue.message)) throw new ParityError('invalid_contract', `Contract field "${where}" is required.`);
  const message = issue.message.replace(/^Invalid input: /, '').replace(/\.$/, '');
  throw new ParityError('invalid_contract', `Contract field "${where || '(root)'}" ${/^(must|is|should)\b/.test(message) ? message : `is not valid: ${message}`}.`);
}

/** Milliseconds in a duration such as "6h". */
export function durationMs(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/.exec(text.trim());
  if (!m) throw new ParityError('invalid_contract', `"${text}" is not a duration such as "90m", "6h" or "2d".`);
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

/** A dimension's name as the drill-down, the exception files and the rules' d. prefix call it. */
export function dimensionName(d: Contract['dimensions'][number]): string {
  return ('name' in d && d.name) || d.left;
}
