/**
 * Time-zone arithmetic without per-row ICU calls. A zone's UTC offset changes only at a few instants
 * (DST starts and ends); Parity asks DuckDB's ICU for those transitions once, for the data's range, and
 * turns them into plain integer CASE expressions. That is what lets a time-zone toggle re-classify ten
 * million rows in well under a second, where ICU per row takes tens of seconds.
 *
 * Reading naive local time L (microseconds as written) in a zone, as DuckDB's own timezone() does:
 *   offset(L) = before  if L < T + after   else after        (T: the transition instant, UTC)
 * so a non-existent time (spring-forward gap) keeps the offset before the change (02:30 → 07:30Z in
 * New York), and an ambiguous time (fall-back overlap) takes the later, standard-time reading
 * (01:30 → 06:30Z). Both are counted and listable: gap = [T+before, T+after), overlap = [T+after, T+before).
 */
import { BIGINT, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { ParityError } from '../../../shared/errors.js';
import { nearestName } from '../../../shared/names.js';

export interface Transition {
  /** UTC microseconds. */
  at: bigint;
  before: bigint;
  after: bigint;
}

export interface ZoneHistory {
  zone: string;
  /** Offset (µs) before the first transition in range. */
  initial: bigint;
  transitions: Transition[];
}

const DAY_US = 86_400_000_000n;
const MIN_US = -2_208_988_800_000_000n; // 1900-01-01
const MAX_US = 4_102_444_800_000_000n; // 2100-01-01

let zoneNames: Set<string> | null = null;

/** IANA zone names as DuckDB's ICU knows them; a misspelt zone is refused with the nearest name. */
export async function checkZones(c: DuckDBConnection, zones: readonly string[], field: string): Promise<void> {
  if (!zoneNames) {
    const r = await c.runAndReadAll('SELECT name FROM pg_timezone_names()');
    zoneNames = new Set(r.getRowsJS().map((row) => String(row[0])));
  }
  for (const z of zones) {
    if (!zoneNames.has(z)) {
      const near = nearestName(z, [...zoneNames].filter((n) => n.includes('/')));
      throw new ParityError('invalid_contract', `${field}: "${z}" is not an IANA time zone${near ? `; did you mean "${near}"?` : '.'}`);
    }
  }
}

/** Offsets and transitions of each zone between two UTC instants (µs), found by ICU at day, then minute, resolution. */
export async function zoneHistories(c: DuckDBConnection, zones: readonly string[], fromUs: bigint, toUs: bigint): Promise<Map<string, ZoneHistory>> {
  const out = new Map<string, ZoneHistory>();
  if (zones.length === 0) return out;
  const clamp = (v: bigint) => (v < MIN_US ? MIN_US : v > MAX_US ? MAX_US : v);
  // Day-aligned, so the minute probes land on whole minutes (transitions happen on whole minutes).
  const floorDay = (v: bigint) => v - (((v % DAY_US) + DAY_US) % DAY_US);
  const from = floorDay(clamp(fromUs - 2n * DAY_US));
  const to = floorDay(clamp(toUs + 2n * DAY_US));
  const params = [listValue([...zones]), from, to];
  const types = [LIST(VARCHAR), BIGINT, BIGINT];
  const initial = await c.runAndReadAll(
    `SELECT zone, epoch_us(timezone(zone, make_timestamptz($2))) - $2 AS o FROM (SELECT unnest($1) AS zone) z`,
    params.slice(0, 2),
    types.slice(0, 2),
  );
  for (const [zone, o] of initial.getRowsJS()) out.set(String(zone), { zone: String(zone), initial: BigInt(o as bigint), transitions: [] });
  // Days on which the offset changed, then the exact minute inside each such day.
  const changes = await c.runAndReadAll(
    `WITH grid AS (
       SELECT zone, d, epoch_us(timezone(zone, d)) - epoch_us(d) AS o
       FROM (SELECT unnest($1) AS zone) z, range(make_timestamptz($2), make_timestamptz($3) + INTERVAL 1 DAY, INTERVAL 1 DAY) r(d)),
     days AS (SELECT zone, d, o, lag(o) OVER (PARTITION BY zone ORDER BY d) AS prev FROM grid),
     changed AS (SELECT zone, d, prev, o FROM days WHERE prev IS NOT NULL AND prev <> o),
     minutes AS (
       SELECT c.zone, c.d, c.prev, c.o AS next_o, m, epoch_us(timezone(c.zone, m)) - epoch_us(m) AS o
       FROM changed c, range(c.d - INTERVAL 1 DAY, c.d + INTERVAL 1 MINUTE, INTERVAL 1 MINUTE) r(m))
     SELECT zone, epoch_us(min(m)) AS at_us, any_value(prev) AS off_before, any_value(next_o) AS off_after
     FROM minutes WHERE o = next_o GROUP BY zone, d
     ORDER BY zone, at_us`,
    params,
    types,
  );
  for (const [zone, at, before, after] of changes.getRowsJS()) {
    out.get(String(zone))?.transitions.push({ at: BigInt(at as bigint), before: BigInt(before as bigint), after: BigInt(after as bigint) });
  }
  for (const h of out.values()) dedupe(h);
  return out;
}

/** Minute scans of adjacent days can report one change twice; keep the first of each. */
function dedupe(h: ZoneHistory): void {
  const kept: Transition[] = [];
  for (const t of h.transitions.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const last = kept[kept.length - 1];
    if (last && last.after === t.after && last.before === t.before && t.at - last.at < 2n * DAY_US) continue;
    kept.push(t);
  }
  h.transitions = kept;
}

const lit = (v: bigint) => `${v}::BIGINT`;

/** Offset (µs) to subtract from naive local µs `local` to get the instant, in one zone. */
export function localOffsetSql(local: string, h: ZoneHistory): string {
  if (h.transitions.length === 0) return lit(h.initial);
  const arms = h.transitions.map((t, i) => `WHEN ${local} < ${lit(t.at + t.after)} THEN ${lit(i === 0 ? h.initial : h.transitions[i - 1].after)}`);
  return `(CASE ${arms.join(' ')} ELSE ${lit(h.transitions[h.transitions.length - 1].after)} END)`;
}

/** Offset (µs) to add to instant µs `utc` to get wall-clock time in the zone. */
export function utcOffsetSql(utc: string, h: ZoneHistory): string {
  if (h.transitions.length === 0) return lit(h.initial);
  const arms = h.transitions.map((t, i) => `WHEN ${utc} < ${lit(t.at)} THEN ${lit(i === 0 ? h.initial : h.transitions[i - 1].after)}`);
  return `(CASE ${arms.join(' ')} ELSE ${lit(h.transitions[h.transitions.length - 1].after)} END)`;
}

/** True where `local` does not exist (gap) or exists twice (overlap) in the zone. */
export function localEdgeSql(local: string, h: ZoneHistory, edge: 'gap' | 'overlap'): string {
  const ranges = h.transitions
    .filter((t) => (edge === 'gap' ? t.after > t.before : t.after < t.before))
    .map((t) => {
      const [lo, hi] = edge === 'gap' ? [t.at + t.before, t.at + t.after] : [t.at + t.after, t.at + t.before];
      return `(${local} >= ${lit(lo)} AND ${local} < ${lit(hi)})`;
    });
  return ranges.length ? `(${ranges.join(' OR ')})` : 'false';
}

/** The same three, for a zone chosen per row by a small integer (index into `zones`). */
export function perRowSql(zoneIndex: string, zones: readonly ZoneHistory[], one: (h: ZoneHistory) => string, otherwise: string): string {
  if (zones.length === 0) return otherwise;
  return `(CASE ${zoneIndex} ${zones.map((h, i) => `WHEN ${i} THEN ${one(h)}`).join(' ')} ELSE ${otherwise} END)`;
}
