/**
 * How each stored value is read for comparison under the current contract: timestamps as instants
 * (through the side's zone rule), dimensions in the reporting zone, text through maps and options.
 * Everything here is a SQL expression over run.rows; changing a rule changes the expression, not the table.
 */
import { VARCHAR } from '@duckdb/node-api';
import type { Side } from '../../../shared/types.js';
import type { Params } from '../db/params.js';
import type { Plan, PlannedColumn, Slot } from './plan.js';
import { RUN_ROWS, ZONE_CODE, zoneCodes } from './run-tables.js';
import { localEdgeSql, localOffsetSql, perRowSql, utcOffsetSql, type ZoneHistory } from './zones.js';

export interface ReadingContext {
  plan: Plan;
  histories: Map<string, ZoneHistory>;
  /** Per side with a per-row rule: the zone column's values in code order (codes sit beside run.rows). */
  zoneKeys: Record<Side, { values: string[] } | null>;
  params: Params;
}

/** The sides read through a per-row zone column, whose codes are kept beside run.rows. */
function zonedSides(ctx: Pick<ReadingContext, 'zoneKeys'>): Side[] {
  return (['left', 'right'] as const).filter((s) => ctx.zoneKeys[s] !== null);
}

/**
 * run.rows as the readings need it: with each per-row zone column's codes alongside (a positional join),
 * and the run row id as _rid.
 */
export function runRows(ctx: Pick<ReadingContext, 'zoneKeys'>): string {
  const sides = zonedSides(ctx);
  if (sides.length === 0) return `(SELECT rowid AS _rid, * FROM ${RUN_ROWS})`;
  const joins = sides.map((s) => `POSITIONAL JOIN ${zoneCodes(s)} AS ${ZONE_CODE[s]}_t`).join(' ');
  const codes = sides.map((s) => `${ZONE_CODE[s]}_t.code AS ${ZONE_CODE[s]}`).join(', ');
  return `(SELECT t.rowid AS _rid, t.*, ${codes} FROM ${RUN_ROWS} AS t ${joins})`;
}

/**
 * The rows listed in `listed` (as k, by their `_row`) with their run.rows (as t) and zone codes, joined
 * by row id: DuckDB pushes the ids into the scans, where a positional join would read every row. The
 * zone codes are narrowed to the listed rows first, so the join hashes those rather than all the run's.
 */
export function listedRows(ctx: Pick<ReadingContext, 'zoneKeys'>, listed: string): string {
  const sides = zonedSides(ctx);
  const zones = sides
    .map((s) => ` JOIN (SELECT rowid AS _id, code AS ${ZONE_CODE[s]} FROM ${zoneCodes(s)} WHERE rowid IN (SELECT _row FROM ${listed})) ${ZONE_CODE[s]}_t ON ${ZONE_CODE[s]}_t._id = k._row`)
    .join('');
  return `${listed} k JOIN ${RUN_ROWS} t ON t.rowid = k._row${zones}`;
}

/**
 * One run row, picked by `where` (its key: a filtered scan the zone maps of a sorted key column make
 * short), with its zone codes read by its row id `rowid`, found beforehand. Joining the run rows on a
 * row id scanned all of them (10M rows: 9–19 ms against 1.3–2.3).
 */
export function runRowAt(ctx: Pick<ReadingContext, 'zoneKeys'>, where: string, rowid: string): string {
  const sides = zonedSides(ctx);
  const zones = sides.map((s) => ` CROSS JOIN (SELECT code AS ${ZONE_CODE[s]} FROM ${zoneCodes(s)} WHERE rowid = ${rowid})`).join('');
  return `(SELECT rowid AS _row, * FROM ${RUN_ROWS} WHERE ${where} AND rowid = ${rowid}) k${zones}`;
}

/**
 * The zones a side's rule can choose, in a fixed order (index = zone number in SQL). For a per-row rule,
 * only the zones of values present in the data: a mapping of every airport in the world names hundreds.
 */
export function ruleZones(ctx: Pick<ReadingContext, 'plan' | 'zoneKeys'>, side: Side): string[] {
  const rule = ctx.plan.rules[side];
  if (rule.kind === 'local') return [rule.zone];
  if (rule.kind !== 'perRow') return [];
  const present = ctx.zoneKeys[side]?.values ?? Object.keys(rule.mapping);
  const zones = present.map((v) => rule.mapping[v]).filter((z): z is string => Boolean(z));
  return [...new Set([...zones, ...(rule.fallback ? [rule.fallback] : [])])].sort();
}

/** Per row: the index into ruleZones() of the zone its zone-column value maps to; NULL when unmapped. */
export function zoneIndexSql(ctx: ReadingContext, side: Side): string {
  const rule = ctx.plan.rules[side];
  if (rule.kind !== 'perRow') return '0';
  const zones = ruleZones(ctx, side);
  const keys = ctx.zoneKeys[side];
  if (!keys || keys.values.length === 0) return 'NULL::INTEGER';
  const ids = keys.values.map((v) => {
    const zone = rule.mapping[v] ?? rule.fallback;
    return zone === undefined || zone === null ? 'NULL' : String(zones.indexOf(zone));
  });
  // The row's stored code indexes a constant list of zone numbers: one lookup per row, however many values.
  const fallback = rule.fallback ? String(zones.indexOf(rule.fallback)) : 'NULL';
  return `coalesce(([${ids.join(', ')}]::INTEGER[])[${ZONE_CODE[side]} + 1], ${fallback})`;
}

function histories(ctx: ReadingContext, side: Side): ZoneHistory[] {
  return ruleZones(ctx, side).map((z) => ctx.histories.get(z) as ZoneHistory);
}

function isNaive(slot: Slot): boolean {
  return slot.type !== 'TIMESTAMP WITH TIME ZONE';
}

/** Microseconds as written: naive local wall time, or the instant for TIMESTAMPTZ. */
export function wallMicrosSql(slot: Slot): string {
  if (slot.type === 'DATE') return `epoch_us(${slot.name}::TIMESTAMP)`;
  if (slot.type.startsWith('TIMESTAMP')) return `epoch_us(${slot.name})`;
  return `epoch_us(TRY_CAST(${slot.name} AS TIMESTAMP))`;
}

/** The instant (UTC µs) a stored timestamp stands for under its side's zone rule. */
export function instantSql(ctx: ReadingContext, side: Side, slot: Slot): string {
  const local = wallMicrosSql(slot);
  const rule = ctx.plan.rules[side];
  if (!isNaive(slot) || rule.kind === 'instant') return local;
  const zones = histories(ctx, side);
  if (rule.kind === 'local') return `(${local} - ${localOffsetSql(local, zones[0])})`;
  return `(${local} - ${perRowSql(zoneIndexSql(ctx, side), zones, (h) => localOffsetSql(local, h), 'NULL')})`;
}

/** True where the stored wall time is a DST edge in its zone (only for naive timestamps read as local time). */
export function edgeSql(ctx: ReadingContext, side: Side, slot: Slot, edge: 'gap' | 'overlap'): string {
  const rule = ctx.plan.rules[side];
  if (!isNaive(slot) || rule.kind === 'instant') return 'false';
  const local = wallMicrosSql(slot);
  const zones = histories(ctx, side);
  if (rule.kind === 'local') return localEdgeSql(local, zones[0], edge);
  return perRowSql(zoneIndexSql(ctx, side), zones, (h) => localEdgeSql(local, h, edge), 'false');
}

/** Rows whose per-row zone value the mapping does not name. */
export function unmappedSql(ctx: ReadingContext, side: Side, slot: Slot): string {
  const rule = ctx.plan.rules[side];
  if (rule.kind !== 'perRow' || !isNaive(slot)) return 'false';
  return `(${slot.name} IS NOT NULL AND ${zoneIndexSql(ctx, side)} IS NULL)`;
}

/** A timestamp or date dimension's calendar day in the reporting zone. */
export function reportingDaySql(ctx: ReadingContext, side: Side, slot: Slot): string {
  if (slot.type === 'DATE') return `${slot.name}`;
  const instant = instantSql(ctx, side, slot);
  const rep = ctx.histories.get(ctx.plan.contract.reportingZone) as ZoneHistory;
  return `CAST(make_timestamp(${instant} + ${utcOffsetSql(instant, rep)}) AS DATE)`;
}

/** Text as compared: value map (legacy only), then trim and case folding, as the column's options say. */
export function textSql(ctx: ReadingContext, column: PlannedColumn, side: Side): string {
  const slot = side === 'left' ? column.l : column.r;
  const norm = (e: string) => {
    let x = e;
    if (column.trim) x = `trim(${x})`;
    if (column.ignoreCase) x = `lower(${x})`;
    return x;
  };
  const raw = norm(`CAST(${slot.name} AS VARCHAR)`);
  if (side === 'right' || column.valueMap.length === 0) return raw;
  const arms = column.valueMap.map(([from, to]) => {
    const f = normText(column, from);
    return `WHEN ${ctx.params.add(f, VARCHAR)} THEN ${norm(`${ctx.params.add(to, VARCHAR)}::VARCHAR`)}`;
  });
  return `(CASE ${raw} ${arms.join(' ')} ELSE ${raw} END)`;
}

function normText(column: PlannedColumn, value: string): string {
  let v = value;
  if (column.trim) v = v.trim();
  if (column.ignoreCase) v = v.toLowerCase();
  return v;
}
