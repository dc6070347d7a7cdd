/**
 * Aggregate parity: a cube of both sides' measures (and the exception counts) at the finest grain of the
 * contract's dimensions — dates at day, in the reporting zone. Every drill level rolls up from it, so a
 * level is a query over a few thousand rows, not over the data.
 */
import { VARCHAR } from '@duckdb/node-api';
import { EXCEPTION_CLASSES, type DstCounts, type DrillFilter, type DrillGroup, type DrillMeasure, type DrillResult, type MeasureTotal } from '../../../shared/compare.js';
import type { Grain } from '../../../shared/contract.js';
import { absExact, addExact, compareExact, divideExact, exactText, exactToNumber, multiplyExact, parseExact, subtractExact, type Exact } from '../../../shared/decimal.js';
import { ParityError } from '../../../shared/errors.js';
import { nearestName } from '../../../shared/names.js';
import type { Lane } from '../db/lane.js';
import type { Side } from '../../../shared/types.js';
import { Params } from '../db/params.js';
import type { JobContext } from '../jobs.js';
import { dimensionSql, zonedSlots } from './classify.js';
import { edgeSql, runRows, unmappedSql } from './readings.js';
import type { Plan, PlannedMeasure } from './plan.js';
import type { ReadingContext } from './readings.js';
import { RUN_CUBE, RUN_EXCEPTIONS, cubeSide } from './run-tables.js';

type Part = 'c' | 's' | 'lo' | 'hi';

function parts(m: PlannedMeasure): Part[] {
  return { count: ['c'], sum: ['s'], avg: ['s', 'c'], min: ['lo'], max: ['hi'] }[m.fn] as Part[];
}

function partAgg(part: Part, col: string | null): string {
  if (part === 'c') return col ? `count(${col})` : 'count(*)';
  return `${{ s: 'sum', lo: 'min', hi: 'max' }[part]}(${col})`;
}

function partRollup(part: Part, col: string): string {
  return `${{ c: 'sum', s: 'sum', lo: 'min', hi: 'max' }[part]}(${col})`;
}

/**
 * One side's measures (and its DST edge counts) by the dimensions at their finest grain. Rebuilt only when
 * that side's zone rule, the reporting zone, the dimensions or the measures change.
 */
export async function buildCubeSide(lane: Lane, ctx: ReadingContext, side: Side, job: JobContext): Promise<Record<Side, DstCounts[]>[Side]> {
  const { plan } = ctx;
  const p = side === 'left' ? 'l' : 'r';
  const aggs = [`count(*) AS ${p}_rows`];
  plan.measures.forEach((m, i) => {
    const slot = side === 'left' ? m.l : m.r;
    for (const part of parts(m)) aggs.push(`${partAgg(part, slot?.name ?? null)} AS ${p}_${part}${i}`);
  });
  const zoned = zonedSlots(plan, side);
  zoned.forEach((slot, i) => {
    aggs.push(
      `count(*) FILTER (WHERE ${edgeSql(ctx, side, slot, 'gap')}) AS _g${i}`,
      `count(*) FILTER (WHERE ${edgeSql(ctx, side, slot, 'overlap')}) AS _o${i}`,
      `count(*) FILTER (WHERE ${unmappedSql(ctx, side, slot)}) AS _u${i}`,
    );
  });
  const dimSel = plan.dimensions.map((_, i) => `${dimensionSql(ctx, i, side)} AS d${i}`);
  const sql = `CREATE OR REPLACE TABLE ${cubeSide(side)} AS
    SELECT ${[...dimSel, ...aggs].join(', ')} FROM ${runRows(ctx)} WHERE ${side === 'left' ? '_l' : '_r'}${plan.dimensions.length ? ' GROUP BY ALL' : ''}`;
  await lane.use((c) => lane.withProgress(job, `Aggregating the ${side === 'left' ? 'legacy' : 'new'} side`, 0.05, 0.95, () => c.run(sql, ctx.params.values, ctx.params.typeList)), job);
  if (zoned.length === 0) return [];
  const sums = zoned.flatMap((_, i) => [`sum(_g${i})`, `sum(_o${i})`, `sum(_u${i})`]);
  const row = (await lane.use((c) => c.runAndReadAll(`SELECT ${sums.join(', ')} FROM ${cubeSide(side)}`))).getRowsJS()[0];
  const rule = plan.rules[side];
  return zoned.map((slot, i) => ({
    column: slot.column,
    zoneRule: rule.kind === 'local' ? rule.zone : rule.kind === 'perRow' ? `per row by ${rule.column}` : 'instant',
    nonexistent: Number(row[i * 3] ?? 0),
    ambiguous: Number(row[i * 3 + 1] ?? 0),
    unmapped: Number(row[i * 3 + 2] ?? 0),
  }));
}

/** run.cube: both sides' measures and, once exceptions are listed, their counts, joined on the dimensions. */
export async function joinCube(lane: Lane, plan: Plan, withExceptions: boolean): Promise<void> {
  const dims = plan.dimensions.map((_, i) => `d${i}`);
  const exceptionAggs = EXCEPTION_CLASSES.map((c) => `count(*) FILTER (WHERE class = '${c}') AS x_${c}`);
  const x = withExceptions
    ? `SELECT ${[...plan.dimensions.map((_, i) => `dim${i} AS d${i}`), ...exceptionAggs].join(', ')} FROM ${RUN_EXCEPTIONS}${dims.length ? ' GROUP BY ALL' : ''}`
    : `SELECT ${[...dims.map((d) => `NULL AS ${d}`), ...EXCEPTION_CLASSES.map((c) => `0 AS x_${c}`)].join(', ')} WHERE false`;
  const on = (a: string, b: string) => (dims.length ? dims.map((d) => `${a}.${d} IS NOT DISTINCT FROM ${b}.${d}`).join(' AND ') : 'true');
  const pick = (a: string, b: string) => dims.map((d) => `coalesce(${a}.${d}, ${b}.${d}) AS ${d}`);
  const except = (t: string, also: string[] = []) => `${t}.* EXCLUDE (${[...dims, ...also].join(', ') || 'parity_none'})`;
  const internal = (side: Side) => zonedSlots(plan, side).flatMap((_, i) => [`_g${i}`, `_o${i}`, `_u${i}`]);
  const lx = internal('left');
  const rx = internal('right');
  const sql = `
    CREATE OR REPLACE TABLE ${RUN_CUBE} AS
    WITH l AS (SELECT * ${lx.length ? `EXCLUDE (${lx.join(', ')})` : ''} FROM ${cubeSide('left')}),
         r AS (SELECT * ${rx.length ? `EXCLUDE (${rx.join(', ')})` : ''} FROM ${cubeSide('right')}),
         x AS (${x}),
         lr AS (SELECT ${[...pick('l', 'r'), dims.length ? except('l') : 'l.*', dims.length ? except('r') : 'r.*'].join(', ')} FROM l FULL JOIN r ON ${on('l', 'r')})
    SELECT ${[...pick('lr', 'x'), dims.length ? except('lr') : 'lr.*', dims.length ? except('x') : 'x.*'].join(', ')} FROM lr ${dims.length ? 'FULL' : 'LEFT'} JOIN x ON ${on('lr', 'x')}`;
  await lane.use((c) => c.run(sql));
}

function dimIndex(plan: Plan, name: string): number {
  const i = plan.dimensions.findIndex((d) => d.name === name);
  if (i < 0) {
    const names = plan.dimensions.map((d) => d.name);
    throw new ParityError('unknown_column', `There is no dimension "${name}"${names.length ? `; the nearest is "${nearestName(name, names)}"` : ' in this contract'}.`);
  }
  return i;
}

function dimExpr(plan: Plan, i: number, grain: Grain | null): string {
  const d = plan.dimensions[i];
  if (!d.temporal) return `d${i}`;
  const g = grain ?? d.grain ?? 'day';
  return g === 'day' ? `d${i}` : `date_trunc('${g}', d${i})::DATE`;
}

function valueOf(m: PlannedMeasure, row: Record<string, unknown>, p: 'l' | 'r', i: number): string | null {
  const text = (part: Part) => {
    const v = row[`${p}_${part}${i}`];
    return v === null || v === undefined ? null : String(v);
  };
  if (m.fn === 'avg') {
    const sum = parseExact(text('s'));
    const n = BigInt(text('c') ?? '0');
    if (n === 0n) return null;
    if (!sum) return String(Number(text('s')) / Number(n));
    return exactText(divideExact(sum, n, sum.scale + 4));
  }
  return text(parts(m)[0]);
}

/** Legacy vs new for one measure: exact difference, ratio, and the contract's tolerance. */
export function compareMeasure(m: PlannedMeasure, left: string | null, right: string | null): DrillMeasure {
  const base = { name: m.name, left, right };
  if (left === null || right === null) return { ...base, diff: null, pctDiff: null, withinTolerance: left === right };
  const l = parseExact(left);
  const r = parseExact(right);
  if (!l || !r) {
    // Floats in exponent notation, or non-numeric min/max (timestamps): compare as numbers, or for equality.
    const ln = Number(left);
    const rn = Number(right);
    if (Number.isNaN(ln) || Number.isNaN(rn)) return { ...base, diff: null, pctDiff: null, withinTolerance: left === right };
    const diff = rn - ln;
    const tol = Number(m.absTol ?? 0) + Number(m.relTol ?? 0) * Math.abs(ln);
    return { ...base, diff: String(diff), pctDiff: ln === 0 ? null : Math.abs(diff) / Math.abs(ln), withinTolerance: Math.abs(diff) <= tol };
  }
  const diff = subtractExact(r, l);
  const abs = absExact(diff);
  let tol: Exact = { unscaled: 0n, scale: 0 };
  if (m.absTol) tol = addExact(tol, parseExact(m.absTol) as Exact);
  if (m.relTol) tol = addExact(tol, multiplyExact(parseExact(m.relTol) as Exact, absExact(l)));
  return {
    ...base,
    diff: exactText(diff),
    pctDiff: l.unscaled === 0n ? null : exactToNumber(abs) / Math.abs(exactToNumber(l)),
    withinTolerance: compareExact(abs, tol) <= 0,
  };
}

function filterSql(plan: Plan, filters: DrillFilter[], params: Params): string {
  const parts = filters.map((f) => {
    const i = dimIndex(plan, f.dimension);
    const e = dimExpr(plan, i, f.grain ?? null);
    if (f.value === null) return `${e} IS NULL`;
    return plan.dimensions[i].temporal ? `${e} = CAST(${params.add(f.value, VARCHAR)} AS DATE)` : `${e} = ${params.add(f.value, VARCHAR)}`;
  });
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

function rollupColumns(plan: Plan): string[] {
  const cols = ['sum(l_rows) AS l_rows', 'sum(r_rows) AS r_rows'];
  plan.measures.forEach((m, i) => {
    for (const part of parts(m)) for (const p of ['l', 'r']) cols.push(`${partRollup(part, `${p}_${part}${i}`)}::VARCHAR AS ${p}_${part}${i}`);
  });
  for (const c of EXCEPTION_CLASSES) cols.push(`coalesce(sum(x_${c}), 0) AS x_${c}`);
  return cols;
}

function toGroup(plan: Plan, row: Record<string, unknown>): DrillGroup {
  const measures = plan.measures.map((m, i) => compareMeasure(m, valueOf(m, row, 'l', i), valueOf(m, row, 'r', i)));
  const exceptions = Object.fromEntries(EXCEPTION_CLASSES.map((c) => [c, Number(row[`x_${c}`] ?? 0)])) as DrillGroup['exceptions'];
  exceptions.total = EXCEPTION_CLASSES.reduce((a, c) => a + exceptions[c], 0);
  return {
    value: row.v === null || row.v === undefined ? null : String(row.v),
    leftRows: Number(row.l_rows ?? 0),
    rightRows: Number(row.r_rows ?? 0),
    measures,
    exceptions,
    beyondTolerance: measures.some((m) => !m.withinTolerance),
  };
}

/** Most severe first: beyond tolerance, then the largest relative difference, then the most exceptions. */
function severity(a: DrillGroup, b: DrillGroup): number {
  if (a.beyondTolerance !== b.beyondTolerance) return a.beyondTolerance ? -1 : 1;
  const pa = Math.max(0, ...a.measures.map((m) => m.pctDiff ?? 0));
  const pb = Math.max(0, ...b.measures.map((m) => m.pctDiff ?? 0));
  if (pa !== pb) return pb - pa;
  return b.exceptions.total - a.exceptions.total;
}

export async function drill(lane: Lane, plan: Plan, dimension: string, grain: Grain | null, filters: DrillFilter[]): Promise<DrillResult> {
  const i = dimIndex(plan, dimension);
  const params = new Params();
  const where = filterSql(plan, filters, params);
  const expr = dimExpr(plan, i, grain);
  const sql = `SELECT ${expr}::VARCHAR AS v, ${rollupColumns(plan).join(', ')} FROM ${RUN_CUBE} ${where} GROUP BY 1`;
  const rows = (await lane.use((c) => c.runAndReadAll(sql, params.values, params.typeList))).getRowObjectsJS();
  const groups = rows.map((r) => toGroup(plan, r)).sort(severity);
  return { dimension: plan.dimensions[i].name, grain: plan.dimensions[i].temporal ? (grain ?? plan.dimensions[i].grain) : null, filters, groups };
}

/** Totals over everything, and how many groups at the contract's own grains are beyond tolerance. */
export async function aggregateSummary(lane: Lane, plan: Plan): Promise<{ groups: number; beyondTolerance: number; totals: MeasureTotal[] }> {
  const total = (await lane.use((c) => c.runAndReadAll(`SELECT NULL AS v, ${rollupColumns(plan).join(', ')} FROM ${RUN_CUBE}`))).getRowObjectsJS()[0];
  const all = toGroup(plan, total);
  let groups = 1;
  let beyond = all.beyondTolerance ? 1 : 0;
  if (plan.dimensions.length > 0) {
    const keys = plan.dimensions.map((_, i) => dimExpr(plan, i, null));
    const sql = `SELECT NULL AS v, ${rollupColumns(plan).join(', ')} FROM ${RUN_CUBE} GROUP BY ${keys.join(', ')}`;
    const rows = (await lane.use((c) => c.runAndReadAll(sql))).getRowObjectsJS();
    groups = rows.length;
    beyond = rows.filter((r) => toGroup(plan, r).beyondTolerance).length;
  }
  const totals = plan.measures.map((m, i) => ({ ...all.measures[i], fn: m.fn }));
  return { groups, beyondTolerance: beyond, totals: totals.map(({ name, fn, left, right, diff, withinTolerance }) => ({ name, fn, left, right, diff, withinTolerance })) };
}
