/**
 * A comparison session over the workspace's two sources: the first run builds run.rows; a later run
 * whose contract needs the same stored columns only re-classifies (tolerances, value maps, zone rules,
 * reporting zone, timing), without re-reading the sources or re-joining.
 */
import { BIGINT, VARCHAR } from '@duckdb/node-api';
import type { CompareSummary, DrillFilter, DstCounts, RowDetail } from '../../../shared/compare.js';
import type { Contract, Grain } from '../../../shared/contract.js';
import { ParityError } from '../../../shared/errors.js';
import { nearestName } from '../../../shared/names.js';
import type { ColumnInfo, Side, TablePage } from '../../../shared/types.js';
import type { JobContext } from '../jobs.js';
import type { Lane } from '../db/lane.js';
import { Params } from '../db/params.js';
import { toParityError } from '../db/errors.js';
import { readPage } from '../db/paging.js';
import { ident, literal, literalList } from '../db/sql.js';
import { EXCEPTION_ID } from '../../../shared/compare.js';
import type { Workspace } from '../workspace.js';
import { aggregateSummary, buildCubeSide, drill, joinCube } from './aggregate.js';
import { buildRun, type BuildTotals } from './build.js';
import { recordedKey } from './recorded.js';
import { buildDynamicColumn, buildStaticStatus, buildStaticValues, buildTiming, dynamicKeys, materializeExceptions, staticColumnsKey, staticKey } from './classify.js';
import { countRun } from './counts.js';
import { rowDetail } from './detail.js';
import { EXCEPTIONS_FROM, ExceptionTotals, exceptionColumns, exceptionListColumns, exceptionsFrom, exceptionDimSql, exceptionWhere, exceptionsPage, explanationSql, type ExceptionQuery } from './exceptions.js';
import { buildSignature, planComparison, type Plan, type Slot } from './plan.js';
import { edgeSql, instantSql, ruleZones, runRows, zoneIndexSql, type ReadingContext } from './readings.js';
import { SortedListings } from './sorted-listings.js';
import { RUN_EXCEPTIONS, RUN_EXCEPTIONS_NAME, RUN_ROWS, cubeSideName, dynamicStatusName, zoneCodes, zoneKeysType } from './run-tables.js';
import { KeptTable } from './kept.js';
import { RunLog } from '../annotations/runs.js';
import { MAX_ANNOTATED } from '../annotations/store.js';
import type { ExplanationCounts } from '../../../shared/annotations.js';
import { annotationStatuses, explanations } from '../../../shared/annotations.js';
import { zoneHistories, type ZoneHistory } from './zones.js';
import { writeExceptionsXlsx, type XlsxResult } from '../pack/xlsx.js';

interface RunState {
  plan: Plan;
  signature: string;
  totals: BuildTotals;
  histories: Map<string, ZoneHistory>;
  /** What the status tables and each side's cube were built for; a toggle rebuilds only what changed. */
  staticColumns: string;
  staticKey: string;
  dynamicKeys: Record<string, string>;
  dst: Record<Side, DstCounts[]>;
  summary: CompareSummary;
  /** Per side, the per-row zone column whose codes sit beside run.rows, with its values in code order. */
  zoneKeys: Record<Side, { slot: string; values: string[] } | null>;
}

/** How long a toggle's result stays on screen before its exceptions are listed in the background. */
const LIST_AFTER_TOGGLE_MS = 1_000;

function settlement(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** What run.exceptions depends on: the classification and the dimension readings. */
function listingKey(state: RunState): string {
  return JSON.stringify([state.staticColumns, state.staticKey, state.dynamicKeys, cubeKey(state.plan, 'left'), cubeKey(state.plan, 'right'), state.plan.contract.rules]);
}

function cubeKey(plan: Plan, side: Side): string {
  return JSON.stringify({
    rule: plan.contract[side].timezone,
    zone: plan.contract.reportingZone,
    dims: plan.dimensions.map((d) => [d.name, side === 'left' ? d.l.column : d.r.column, d.grain]),
    measures: plan.measures.map((m) => [m.fn, side === 'left' ? m.l?.column : m.r?.column]),
    timing: plan.timing ? [plan.timing.l?.column, plan.timing.r?.column] : null,
    columns: plan.columns.filter((c) => c.kind === 'timestamp').map((c) => c.name),
  });
}

/** The compared column a dynamic status key ("column:3") names. */
const columnOf = (key: string) => Number(key.split(':')[1]);

/** PARITY_PROFILE=1 prints each step's time on stderr (for tuning; off by default). */
const profile = process.env.PARITY_PROFILE ? (label: string, since: number) => process.stderr.write(`  [profile] ${label}: ${Date.now() - since} ms\n`) : () => undefined;

const scale = (job: JobContext, from: number, to: number): JobContext => ({
  signal: job.signal,
  progress: (p) => job.progress({ phase: p.phase, fraction: p.fraction === null ? null : from + (to - from) * p.fraction }),
});

export class CompareSession {
  private state: RunState | null = null;
  /** The sources and contract of the last recorded run: a toggle back to exactly them shows that run's counts again. */
  private recordedAs: string | null = null;
  /** Each dynamic column's status table, each side's cube and the exception list, with their previous versions. */
  private readonly statuses = new Map<number, KeptTable>();
  private readonly cubes = { left: new KeptTable<DstCounts[]>(cubeSideName('left')), right: new KeptTable<DstCounts[]>(cubeSideName('right')) };
  /**
   * Indexed by row number: a page's rows are fetched by it once sorted and sliced (see exceptions.ts),
   * which otherwise read every column of every exception to find fifty. 10M × 10M orders (86k exceptions),
   * engine alone, six orders × six rounds: a first sorted page in a median 14 ms instead of 17 (p75 16
   * against 21); the index takes 20–36 ms to build there.
   */
  private readonly listed = new KeptTable(RUN_EXCEPTIONS_NAME, { column: '_row', maxRows: 1_000_000 });
  /** What run.cube (both sides joined with the exception counts) was made from. */
  private joined: string | null = null;
  /** The run in progress: requests wait for it. */
  private running: Promise<unknown> | null = null;
  /** Reads in flight on the current run's tables. */
  private readonly reads = new Set<Promise<unknown>>();
  /** Bumped whenever a run interrupts the reads in flight. */
  private interruptions = 0;
  /** The exception listing in flight, shared by every request that needs it; the next run cancels it. */
  private listing: { abort: AbortController; done: Promise<RunState> } | null = null;
  /** Counts of the exception queries asked of the current listing (made anew with each listing). */
  private exceptionTotals = new ExceptionTotals();
  /** Exception lists the analyst pages through, kept sorted (made anew with each listing). */
  private readonly sortedListings = new SortedListings(() => this.ws.db.lane('listing'));
  /** The listing a toggle starts once the analyst has settled on it (see listSoon), and who waits for that. */
  private settling: ReturnType<typeof setTimeout> | undefined;
  private settled: ReturnType<typeof settlement> | null = null;

  readonly runLog: RunLog;

  constructor(private readonly ws: Workspace) {
    this.runLog = new RunLog(ws.db);
  }

  private async lane(): Promise<Lane> {
    return this.ws.db.lane('compare');
  }

  /** The current run; a session that has not run yet (say after a restart) runs the saved contract first. */
  async current(job?: JobContext): Promise<RunState> {
    // A request that arrives during a run waits for it rather than starting another.
    while (this.running) await this.running.catch(() => undefined);
    if (this.state && this.onSources(this.state)) return this.state;
    const contract = this.ws.contract;
    if (!contract) throw new ParityError('no_run', 'There is no comparison yet; run one first.');
    await this.run(contract, process.cwd(), job ?? { signal: new AbortController().signal, progress: () => undefined });
    return this.state as RunState;
  }

  private context(state: Pick<RunState, 'plan' | 'histories' | 'zoneKeys'>): ReadingContext {
    const keys = (side: Side) => (state.plan.rules[side].kind === 'perRow' ? state.zoneKeys[side] : null);
    return { plan: state.plan, histories: state.histories, zoneKeys: { left: keys('left'), right: keys('right') }, params: new Params() };
  }

  /**
   * Codes of each per-row zone column, one per run row, stored beside run.rows: an ENUM of the column's
   * values makes each code one hash lookup, once; every later reading is an integer. Made when a rule
   * first names the column.
   */
  private async zoneKeys(plan: Plan, known: RunState['zoneKeys'] | null): Promise<RunState['zoneKeys']> {
    const out: RunState['zoneKeys'] = { left: known?.left ?? null, right: known?.right ?? null };
    const lane = await this.lane();
    for (const side of ['left', 'right'] as const) {
      const rule = plan.rules[side];
      if (rule.kind !== 'perRow' || out[side]?.slot === rule.slot.name) continue;
      const type = zoneKeysType(side, rule.slot.name);
      const values = await lane.use(async (c) => {
        await c.run(`DROP TABLE IF EXISTS ${zoneCodes(side)}`);
        await c.run(`DROP TYPE IF EXISTS ${type}`);
        await c.run(`CREATE TYPE ${type} AS ENUM (SELECT DISTINCT ${rule.slot.name}::VARCHAR FROM ${RUN_ROWS} WHERE ${rule.slot.name} IS NOT NULL ORDER BY 1)`);
        await c.run(`CREATE TABLE ${zoneCodes(side)} AS SELECT enum_code(TRY_CAST(${rule.slot.name}::VARCHAR AS ${type}))::INTEGER AS code FROM ${RUN_ROWS}`);
        return (await c.runAndReadAll(`SELECT unnest(enum_range(NULL::${type}))`)).getRowsJS().map((r) => String(r[0]));
      });
      out[side] = { slot: rule.slot.name, values };
    }
    return out;
  }

  private async histories(plan: Plan, totals: BuildTotals, zoneKeys: RunState['zoneKeys'], previous: Map<string, ZoneHistory> | null): Promise<Map<string, ZoneHistory>> {
    const known = { plan, zoneKeys: { left: plan.rules.left.kind === 'perRow' ? zoneKeys.left : null, right: plan.rules.right.kind === 'perRow' ? zoneKeys.right : null } };
    const zones = [...new Set([...ruleZones(known, 'left'), ...ruleZones(known, 'right'), plan.contract.reportingZone])];
    const ranges = [totals.timeRange.left, totals.timeRange.right].filter((r): r is { min: bigint; max: bigint } => r !== null);
    const now = BigInt(Date.now()) * 1000n;
    const min = ranges.length ? ranges.reduce((a, r) => (r.min < a ? r.min : a), ranges[0].min) : now;
    const max = ranges.length ? ranges.reduce((a, r) => (r.max > a ? r.max : a), ranges[0].max) : now;
    const out = new Map<string, ZoneHistory>();
    const missing = zones.filter((z) => {
      const h = previous?.get(z);
      if (h) out.set(z, h);
      return !h;
    });
    if (missing.length) {
      const lane = await this.lane();
      const fresh = await lane.use((c) => zoneHistories(c, missing, min, max));
      for (const [z, h] of fresh) out.set(z, h);
    }
    return out;
  }

  /**
   * Runs the contract. `quick` (the workbench's toggles) returns as soon as the counts are known; the
   * aggregates and the exception list follow on the next drill-down or page.
   */
  async run(contract: Contract, contractDir: string, job: JobContext, quick = false): Promise<CompareSummary> {
    clearTimeout(this.settling);
    while (this.running) await this.running.catch(() => undefined);
    // Set before any await, so a second caller waits for this run instead of starting its own.
    const running = this.replace(contract, contractDir, job, quick);
    this.running = running;
    try {
      const summary = await running;
      // After a toggle the counts are on screen; the exception list and aggregates follow in the
      // background, so the next drill-down finds them ready.
      if (quick && this.state) this.listSoon(this.state);
      else this.settle();
      return summary;
    } catch (error) {
      this.settle();
      throw error;
    } finally {
      this.running = null;
    }
  }

  /** Stops the background listing and lets reads of the current run finish, then classifies. */
  private async replace(contract: Contract, contractDir: string, job: JobContext, quick: boolean): Promise<CompareSummary> {
    await this.stopListing();
    await this.sortedListings.interrupt();
    if (this.reads.size) {
      // Reads of the previous run are interrupted rather than waited for (a count over millions of
      // exceptions must not hold up a toggle); each is asked again on the new run (see reading).
      this.interruptions++;
      const lanes = [await this.ws.db.lane('page'), await this.ws.db.lane('explain'), await this.ws.db.lane('export')];
      const stops = lanes.map((l) => l.keepInterrupting());
      try {
        while (this.reads.size) await Promise.allSettled([...this.reads]);
      } finally {
        stops.forEach((stop) => stop());
      }
    }
    return this.classify(contract, contractDir, job, quick);
  }

  /**
   * Runs a read on the current run (with its exception list when `listed`). A run that starts meanwhile
   * waits for it before it replaces any table, so a page never meets a table half rebuilt.
   */
  private async reading<T>(work: (state: RunState) => Promise<T>, listed = true): Promise<T> {
    for (;;) {
      const state = listed ? await this.ready() : await this.current();
      if (this.running) continue;
      const interruptions = this.interruptions;
      const read = work(state);
      this.reads.add(read);
      try {
        return await read;
      } catch (error) {
        // Interrupted by a run that replaced the tables: read again, on that run.
        if (this.interruptions !== interruptions && toParityError(error).code === 'cancelled') continue;
        throw error;
      } finally {
        this.reads.delete(read);
      }
    }
  }

  /** Cancels background work (the engine is closing). */
  async stop(): Promise<void> {
    this.settle();
    await this.stopListing();
  }

  private async stopListing(): Promise<void> {
    const listing = this.listing;
    if (!listing) return;
    const t = Date.now();
    listing.abort.abort();
    await listing.done.catch(() => undefined);
    profile('cancelled the exception listing', t);
  }

  private async classify(contract: Contract, contractDir: string, job: JobContext, quick: boolean): Promise<CompareSummary> {
    const started = Date.now();
    const lane = await this.lane();
    const left = this.ws.source('left');
    const right = this.ws.source('right');
    job.progress({ phase: 'Checking the contract', fraction: 0 });
    const plan = await lane.use((c) => planComparison(c, contract, left, right, contractDir), job);
    const signature = buildSignature(plan);
    // The built run serves a new contract when it holds the same columns and indexed the zone column the rules need.
    const previous = this.state !== null && this.state.signature === signature ? this.state : null;
    // Until this run completes, nothing of the old one is trusted (a cancel leaves no half state behind).
    this.state = null;
    const totals = previous ? previous.totals : await buildRun(lane, plan, scale(job, 0.02, 0.55));
    const staticColumns = staticColumnsKey(plan);
    if (previous?.staticColumns !== staticColumns) await buildStaticValues(lane, plan, scale(job, 0.55, 0.6));
    const built = Date.now();
    const zoneKeys = await this.zoneKeys(plan, previous?.zoneKeys ?? null);
    const histories = await this.histories(plan, totals, zoneKeys, previous?.histories ?? null);
    const context = () => this.context({ plan, histories, zoneKeys });
    const statics = staticKey(plan);
    const dynamic = dynamicKeys(plan);
    let t = Date.now();
    if (previous?.staticKey !== statics || previous?.staticColumns !== staticColumns) await buildStaticStatus(lane, context(), scale(job, 0.6, 0.62));
    profile('static statuses', t);
    // Only the dynamic readings whose rules changed are read again (a zone toggle leaves value maps alone).
    if (!previous) await this.forget(lane);
    const changed = Object.keys(dynamic).filter((k) => (k === 'timing' ? previous?.dynamicKeys[k] : this.statusTable(k).key) !== dynamic[k]);
    // A toggle counts a changed column's statuses straight from their query; writing them (most of a
    // second for millions of rows) waits for the listing, which only starts once the analyst stays.
    const unwritten = new Set<number>();
    for (const [n, key] of changed.entries()) {
      t = Date.now();
      const part = scale(job, 0.62 + (0.08 * n) / changed.length, 0.62 + (0.08 * (n + 1)) / changed.length);
      if (key === 'timing') await buildTiming(lane, context(), part);
      else if (!(await this.statusTable(key).take(lane, dynamic[key]))) {
        if (quick) unwritten.add(columnOf(key));
        else await this.writeStatus(lane, context(), key, dynamic[key], part);
      }
      profile(`dynamic ${key}`, t);
    }
    t = Date.now();
    const counts = await countRun(lane, context(), scale(job, 0.7, 0.8), unwritten);
    profile('counts', t);
    const classified = Date.now();
    const dst = { left: previous?.dst.left ?? [], right: previous?.dst.right ?? [] };
    const cubeFresh = this.cubes.left.key === cubeKey(plan, 'left') && this.cubes.right.key === cubeKey(plan, 'right');
    let aggregates: CompareSummary['aggregates'];
    if (quick && !cubeFresh && previous) {
      // The counts are what a toggle waits for; the aggregates catch up on the next drill-down.
      aggregates = { ...previous.summary.aggregates, stale: true };
    } else {
      await this.refreshCube(plan, histories, zoneKeys, dst, job);
      t = Date.now();
      this.joined = null;
      await joinCube(lane, plan, false);
      aggregates = { dimensions: plan.dimensions.map((d) => d.name), ...(await aggregateSummary(lane, plan)), stale: false };
      profile('aggregates', t);
    }
    const equal = totals.matched - counts.mismatched - counts.withinTolerance;
    const maxRows = Math.max(totals.leftRows, totals.rightRows);
    const matchRate = plan.key.length === 0 ? 1 : maxRows === 0 ? 1 : (equal + counts.withinTolerance) / maxRows;
    const minMatchRate = plan.contract.slo.minMatchRate ?? null;
    const summary: CompareSummary = {
      contract: { name: contract.name, domain: contract.domain, steward: contract.steward },
      left: { rows: totals.leftRows, columns: left.columns.length },
      right: { rows: totals.rightRows, columns: right.columns.length },
      schema: plan.schema,
      rows: {
        matched: totals.matched,
        leftOnly: counts.leftOnly,
        rightOnly: counts.rightOnly,
        equal,
        withinTolerance: counts.withinTolerance,
        mismatched: counts.mismatched,
        duplicateKeysLeft: totals.duplicateKeysLeft,
        duplicateKeysRight: totals.duplicateKeysRight,
        nullKeysLeft: totals.nullKeysLeft,
        nullKeysRight: totals.nullKeysRight,
        timing: counts.timing,
      },
      columns: counts.columns,
      matchRate,
      slo: { minMatchRate, met: minMatchRate === null || matchRate >= minMatchRate },
      dst,
      aggregates,
      keyed: plan.key.length > 0,
      elapsedMs: { build: previous ? 0 : built - started, classify: classified - built, aggregate: Date.now() - classified },
      rebuilt: !previous,
      ranAt: new Date().toISOString(),
      recorded: !quick || this.recordedAs === recordedKey(signature, contract),
    };
    await this.ws.saveComparison(contract, summary);
    this.state = { plan, signature, totals, histories, staticColumns, staticKey: statics, dynamicKeys: dynamic, dst, summary, zoneKeys };
    // A full run lists its exceptions now, so the first page is as fast as the rest, and is recorded:
    // annotations carry over by identity and the exceptions gone since the last run are resolved.
    if (!quick) {
      await this.list(this.state, scale(job, 0.96, 1));
      await this.runLog.record(contract.name);
      this.recordedAs = recordedKey(signature, contract);
      // Kept sorted lists carry each exception's history across runs, which the record just changed.
      this.sortedListings.clear();
    }
    job.progress({ phase: 'Done', fraction: 1 });
    return summary;
  }

  /** Rebuilds the sides of the cube whose readings changed (zone rule, reporting zone, dimensions). */
  private async refreshCube(
    plan: Plan,
    histories: Map<string, ZoneHistory>,
    zoneKeys: RunState['zoneKeys'],
    dst: Record<Side, DstCounts[]>,
    job: JobContext,
  ): Promise<void> {
    const lane = await this.lane();
    for (const side of ['left', 'right'] as const) {
      const wanted = cubeKey(plan, side);
      const t = Date.now();
      const had = await this.cubes[side].take(lane, wanted);
      if (had) {
        dst[side] = had.payload;
        continue;
      }
      dst[side] = await buildCubeSide(lane, this.context({ plan, histories, zoneKeys }), side, scale(job, side === 'left' ? 0.8 : 0.88, side === 'left' ? 0.88 : 0.96));
      this.cubes[side].made(wanted, dst[side]);
      profile(`cube ${side}`, t);
    }
  }

  private async writeStatus(lane: Lane, ctx: ReadingContext, key: string, wanted: string, job: JobContext): Promise<void> {
    await buildDynamicColumn(lane, ctx, columnOf(key), job);
    this.statusTable(key).made(wanted, undefined);
  }

  /** Writes the status tables a toggle only counted (see classify), before the exceptions are listed from them. */
  private async writeStatuses(state: RunState, job: JobContext): Promise<void> {
    const lane = await this.lane();
    for (const [key, wanted] of Object.entries(state.dynamicKeys)) {
      if (key === 'timing' || this.statusTable(key).key === wanted) continue;
      const t = Date.now();
      if (!(await this.statusTable(key).take(lane, wanted))) await this.writeStatus(lane, this.context(state), key, wanted, job);
      profile(`wrote ${key}`, t);
    }
  }

  private statusTable(key: string): KeptTable {
    const i = columnOf(key);
    let table = this.statuses.get(i);
    if (!table) this.statuses.set(i, (table = new KeptTable(dynamicStatusName(i))));
    return table;
  }

  /** The run was rebuilt: no table made for the old one is kept. */
  private async forget(lane: Lane): Promise<void> {
    for (const table of [...this.statuses.values(), this.cubes.left, this.cubes.right, this.listed]) await table.forget(lane);
    this.joined = null;
  }

  /** Whether the run's exception list or its cube still has to be made for the current classification. */
  private stale(state: RunState): boolean {
    return this.joined !== listingKey(state);
  }

  /** The current run with its exception list made, waiting for (or starting) the shared listing. */
  private async ready(): Promise<RunState> {
    for (;;) {
      const state = await this.current();
      if (!this.stale(state)) return state;
      try {
        return await this.startListing(state).done;
      } catch (error) {
        // Cancelled because a newer run started: wait for it and list that one instead.
        if (toParityError(error).code !== 'cancelled') throw error;
      }
    }
  }

  /**
   * Lists a toggle's exceptions once the analyst has stayed on it for a moment. Toggling back and forth
   * then finds no listing to stop (DuckDB can take most of a second to act on an interrupt), and a
   * drill-down or page asked sooner starts the listing at once.
   */
  private listSoon(state: RunState): void {
    clearTimeout(this.settling);
    this.settled ??= settlement();
    this.settling = setTimeout(() => {
      this.settle();
      if (this.state === state && !this.running) this.startListing(state);
    }, LIST_AFTER_TOGGLE_MS);
    this.settling.unref?.();
  }

  /** Lets the reads that were waiting for the toggles to settle go on. */
  private settle(): void {
    clearTimeout(this.settling);
    this.settled?.resolve();
    this.settled = null;
  }

  /** Resolves once no toggle has come for a moment (at once when none is pending). */
  whenSettled(): Promise<void> {
    return this.settled?.promise ?? Promise.resolve();
  }

  /** Starts listing the current run's exceptions in the background, once; synchronous so no run slips in between. */
  private startListing(state: RunState): { abort: AbortController; done: Promise<RunState> } {
    if (this.listing) return this.listing;
    const abort = new AbortController();
    const done = this.list(state, { signal: abort.signal, progress: () => undefined });
    const listing = { abort, done };
    this.listing = listing;
    void done
      .catch(() => undefined)
      .finally(() => {
        if (this.listing === listing) this.listing = null;
      });
    return listing;
  }

  /** Lists the exceptions (and their counts in the cube) if this classification has not yet. */
  private async list(state: RunState, job: JobContext): Promise<RunState> {
    const key = listingKey(state);
    if (this.joined === key) return state;
    // The list in place is no longer trusted once this starts: a listing cancelled half-way (its table
    // set aside, the new one not made) must not leave the old key saying the list is ready.
    this.joined = null;
    const lane = await this.lane();
    const t = Date.now();
    const cubeStale = this.cubes.left.key !== cubeKey(state.plan, 'left') || this.cubes.right.key !== cubeKey(state.plan, 'right');
    if (cubeStale) await this.refreshCube(state.plan, state.histories, state.zoneKeys, state.dst, job);
    if (!(await this.listed.take(lane, key))) {
      await this.writeStatuses(state, job);
      await materializeExceptions(lane, this.context(state), job);
      this.listed.made(key, undefined);
    }
    await this.listed.indexed(lane, job);
    await joinCube(lane, state.plan, true);
    this.joined = key;
    this.exceptionTotals = new ExceptionTotals();
    this.sortedListings.clear();
    if (cubeStale) {
      state.summary = { ...state.summary, dst: state.dst, aggregates: { dimensions: state.plan.dimensions.map((d) => d.name), ...(await aggregateSummary(lane, state.plan)), stale: false } };
      await this.ws.saveComparison(state.plan.contract, state.summary);
    }
    profile('exceptions listed', t);
    return state;
  }

  async drill(dimension: string, grain: Grain | null, filters: DrillFilter[]) {
    return this.reading(async (state) => drill(await this.ws.db.lane('page'), state.plan, dimension, grain, filters));
  }

  async exceptions(query: ExceptionQuery): Promise<TablePage> {
    return this.reading(async (state) => {
      const kept = this.joined ? { sorted: this.sortedListings, listing: this.joined } : undefined;
      return exceptionsPage(await this.ws.db.lane('page'), state.plan, query, this.exceptionTotals, kept);
    });
  }

  async exceptionColumnsInfo(): Promise<ColumnInfo[]> {
    return this.reading(async (state) => exceptionListColumns(await this.ws.db.lane('page'), state.plan));
  }

  /** The identities of the exceptions a query names (a drill group, a class, a column), for a group annotation. */
  async exceptionIds(query: Omit<ExceptionQuery, 'offset' | 'limit' | 'sort'>): Promise<{ contract: string; ids: string[] }> {
    return this.reading((state) => this.idsOf(state, query));
  }

  private async idsOf(state: RunState, query: Omit<ExceptionQuery, 'offset' | 'limit' | 'sort'>): Promise<{ contract: string; ids: string[] }> {
    const params = new Params();
    const sql = `SELECT _xid FROM ${exceptionsFrom(query)} WHERE ${exceptionWhere(state.plan, query, params)} LIMIT ${MAX_ANNOTATED + 1}`;
    const lane = await this.ws.db.lane('page');
    const rows = (await lane.use((c) => c.runAndReadAll(sql, params.values, params.typeList))).getRowsJS();
    return { contract: state.plan.contract.name, ids: rows.map((r) => String(r[0])) };
  }

  /** Refuses identities that are not exceptions of the current run (a stale selection, a typo). */
  async requireCurrent(ids: readonly string[]): Promise<void> {
    return this.reading(() => this.requireListed(ids));
  }

  private async requireListed(ids: readonly string[]): Promise<void> {
    const lane = await this.ws.db.lane('page');
    // The ids passed the API's 32-hex-digit check, so a literal list is safe here.
    const sql = `SELECT count(*) FROM ${RUN_EXCEPTIONS} WHERE _xid IN (SELECT unnest(${literalList(ids)}))`;
    const found = Number((await lane.use((c) => c.runAndReadAll(sql))).getRowsJS()[0][0]);
    if (found < ids.length) {
      throw new ParityError('not_found', `${(ids.length - found).toLocaleString('en-US')} of the ${ids.length.toLocaleString('en-US')} exceptions named are not in the current run; run the comparison again and pick them afresh.`);
    }
  }

  /** How the exceptions a query names are explained: by explanation, by annotation status, by rule. */
  async explanationCounts(query: Omit<ExceptionQuery, 'offset' | 'limit' | 'sort'>, by?: { dimension: string; grain?: Grain | null }): Promise<ExplanationCounts> {
    return this.reading((state) => this.countExplanations(state, query, by));
  }

  private async countExplanations(state: RunState, query: Omit<ExceptionQuery, 'offset' | 'limit' | 'sort'>, by?: { dimension: string; grain?: Grain | null }): Promise<ExplanationCounts> {
    const { plan } = state;
    const params = new Params();
    const where = exceptionWhere(plan, query, params);
    const byIndex = by ? plan.dimensions.findIndex((d) => d.name === by.dimension) : -1;
    if (by && byIndex < 0) throw new ParityError('unknown_column', `The contract has no dimension "${by.dimension}"; the nearest is "${nearestName(by.dimension, plan.dimensions.map((d) => d.name))}".`);
    const group = byIndex < 0 ? 'NULL' : `${exceptionDimSql(plan, byIndex, by?.grain)}::VARCHAR`;
    // One scan on its own lane: explanation × status × rule × group, tallied here; pages and drill steps do not wait for it.
    const sql = `SELECT ${explanationSql(plan)} AS e, coalesce(a.status, 'none') AS st, _rule AS r, ${group} AS g, count(*) AS n
      FROM ${exceptionsFrom(query, true)} WHERE ${where} GROUP BY ALL`;
    const lane = await this.ws.db.lane('explain');
    const rows = (await lane.use((c) => c.runAndReadAll(sql, params.values, params.typeList))).getRowsJS();
    const tally = <K extends string>(keys: readonly K[], column: number) =>
      Object.fromEntries(keys.map((k) => [k, rows.filter((r) => r[column] === k).reduce((a, r) => a + Number(r[4]), 0)])) as Record<K, number>;
    const groups = new Map<string | null, { value: string | null; total: number; unexplained: number }>();
    if (byIndex >= 0) {
      for (const r of rows) {
        const value = r[3] === null ? null : String(r[3]);
        const g = groups.get(value) ?? { value, total: 0, unexplained: 0 };
        g.total += Number(r[4]);
        if (r[0] === 'unexplained') g.unexplained += Number(r[4]);
        groups.set(value, g);
      }
    }
    return {
      byExplanation: tally(explanations, 0),
      byStatus: tally([...annotationStatuses, 'none'] as const, 1),
      rules: plan.explain.map((r, i) => ({ name: r.name, category: r.category, explained: rows.filter((x) => x[2] !== null && Number(x[2]) === i).reduce((a, x) => a + Number(x[4]), 0) })),
      groups: [...groups.values()],
    };
  }

  /**
   * Writes the run's exceptions as the grid shows them (annotations joined, within-tolerance rows left
   * out), in identity order, to Parquet, CSV and an Excel workbook. All three stream from DuckDB.
   */
  async writeExceptions(
    files: { parquet: string; csv: string; xlsx: string },
    summary: [string, string | number][],
    signal: AbortSignal,
    rowsPerSheet?: number,
  ): Promise<{ rows: number; xlsx: XlsxResult }> {
    return this.reading(async (state) => {
      const shown = exceptionColumns(state.plan);
      const select = `SELECT ${shown.map(([name, sql]) => `${sql} AS ${ident(name)}`).join(', ')}, _xid AS ${ident(EXCEPTION_ID)}
        FROM ${EXCEPTIONS_FROM} WHERE class <> 'within_tolerance' ORDER BY _row`;
      // A lane of its own, with every core (see thread-budget.ts): the grids page on while a pack is written.
      const lane = await this.ws.db.lane('export');
      return lane.use(async (c) => {
        await c.run(`COPY (${select}) TO ${literal(files.parquet)} (FORMAT parquet, COMPRESSION zstd)`);
        // The CSV and the workbook read the Parquet just written: one pass over the run, not three.
        const written = `SELECT * FROM read_parquet(${literal(files.parquet)})`;
        await c.run(`COPY (${written}) TO ${literal(files.csv)} (FORMAT csv, HEADER true)`);
        const t = Date.now();
        const xlsx = await writeExceptionsXlsx(c, written, files.xlsx, summary, signal, rowsPerSheet);
        profile('workbook', t);
        return { rows: xlsx.rows, xlsx };
      });
    });
  }

  /** Whether a run is open and settled, so a read answers without running anything first. */
  isOpen(): boolean {
    return this.state !== null && this.running === null && this.onSources(this.state);
  }

  /** Whether a run was made on the sources the workspace holds now. */
  private onSources(state: RunState): boolean {
    return state.plan.sources.left === this.ws.source('left') && state.plan.sources.right === this.ws.source('right');
  }

  /** The contract of the current run (annotations and sign-offs belong to it). */
  async contractName(): Promise<string> {
    return (await this.current()).plan.contract.name;
  }

  async row(key: (string | null)[]): Promise<RowDetail> {
    return this.reading(async (state) => rowDetail(await this.ws.db.lane('page'), await this.ws.db.lane('detail'), this.context(state), key));
  }

  /** Rows whose local time does not exist or exists twice (or whose zone is unmapped) on one side's column. */
  async dstRows(side: Side, column: string, edge: 'nonexistent' | 'ambiguous' | 'unmapped', offset: number, limit: number): Promise<TablePage> {
    return this.reading((state) => this.dstPage(state, side, column, edge, offset, limit), false);
  }

  private async dstPage(state: RunState, side: Side, column: string, edge: 'nonexistent' | 'ambiguous' | 'unmapped', offset: number, limit: number): Promise<TablePage> {
    const { plan } = state;
    const slot = plan.slots[side].find((s: Slot) => s.column === column);
    if (!slot) throw new ParityError('unknown_column', `Column "${column}" is not read through a zone rule on the ${side === 'left' ? 'legacy' : 'new'} side.`);
    const ctx = this.context(state);
    const present = side === 'left' ? '_l' : '_r';
    const cond =
      edge === 'unmapped'
        ? `${slot.name} IS NOT NULL AND ${zoneIndexSql(ctx, side)} IS NULL`
        : edgeSql(ctx, side, slot, edge === 'nonexistent' ? 'gap' : 'overlap');
    const zones = ruleZones(ctx, side);
    const zoneName = plan.rules[side].kind === 'perRow' ? `([${zones.map((z) => ctx.params.add(z, VARCHAR)).join(', ')}]::VARCHAR[])[${zoneIndexSql(ctx, side)} + 1]` : plan.rules[side].kind === 'local' ? ctx.params.add(zones[0], VARCHAR) : 'NULL';
    const keys = plan.key.map((k, i) => `k${i} AS "${k.left.column.replaceAll('"', '""')}"`);
    const relation = `(SELECT ${[...keys, `${slot.name} AS "${column.replaceAll('"', '""')} (as written)"`, `${zoneName} AS zone`, `make_timestamptz(${instantSql(ctx, side, slot)}) AS "read as (UTC)"`, '_rid AS _row'].join(', ')}
      FROM ${runRows(ctx)} WHERE ${present} AND ${cond})`;
    const lane = await this.ws.db.lane('page');
    const countSql = `SELECT count(*) FROM ${relation}`;
    const total = Number((await lane.use((c) => c.runAndReadAll(countSql, ctx.params.values, ctx.params.typeList))).getRowsJS()[0][0]);
    const columns = [...plan.key.map((k) => k.left.column), `${column} (as written)`, 'zone', 'read as (UTC)'];
    void BIGINT;
    return readPage(lane, relation, columns, { offset, limit }, { total, owner: 'DST', params: ctx.params, rowId: '_row' });
  }

  /** Forget the run (a source changed): the next request rebuilds. */
  reset(): void {
    this.state = null;
  }
}
