/**
 * A lane is one DuckDB connection for one kind of job (import, compare, paging, meta). A connection runs
 * one query at a time and a new query interrupts the running one, so each lane admits one job at a time.
 */
import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';
import type { JobContext } from '../jobs.js';
import { cancelledError, closedError } from './errors.js';
import type { ThreadBudget } from './thread-budget.js';

export type LaneKind = 'meta' | 'import' | 'compare' | 'page' | 'browse' | 'explain' | 'export' | 'notes' | 'listing' | 'detail';

const PROGRESS_POLL_MS = 150;
/** Statements a lane keeps prepared; the least recently used is dropped for a new one. */
const KEEP_PREPARED = 8;
const INTERRUPT_REPEAT_MS = 20;

export class Lane {
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly statements = new Map<string, DuckDBPreparedStatement>();

  constructor(
    readonly kind: LaneKind,
    readonly connection: DuckDBConnection,
    /** Set for a lane whose queries want every core while they run (see thread-budget.ts). */
    private readonly threads: ThreadBudget | null = null,
  ) {}

  /** Runs `work` with this lane to itself. While it runs, a cancel interrupts the lane's query. */
  use<T>(work: (connection: DuckDBConnection) => Promise<T>, job?: JobContext): Promise<T> {
    const run = async () => {
      if (this.closed) throw closedError();
      if (job?.signal.aborted) throw cancelledError();
      // Once cancelled, the lane keeps interrupting until the work gives up.
      let stopInterrupting: (() => void) | undefined;
      const onAbort = () => {
        stopInterrupting ??= this.keepInterrupting();
      };
      job?.signal.addEventListener('abort', onAbort);
      try {
        const result = await (this.threads ? this.threads.parallel(() => work(this.connection)) : work(this.connection));
        if (job?.signal.aborted) throw cancelledError();
        return result;
      } finally {
        job?.signal.removeEventListener('abort', onAbort);
        stopInterrupting?.();
      }
    };
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * `sql` prepared on the lane's connection, kept for the next time it is asked (call it inside `use`).
   * For a query asked again and again with other values, such as a page of a kept list: DuckDB plans a
   * page of 37 columns joined to its annotations in about as long as it takes to run it (10M exceptions
   * beside the workbench: 15–24 ms planned each time, 7–9 ms prepared).
   */
  async prepared(sql: string): Promise<DuckDBPreparedStatement> {
    const kept = this.statements.get(sql);
    if (kept) {
      this.statements.delete(sql);
      this.statements.set(sql, kept);
      return kept;
    }
    const statement = await this.connection.prepare(sql);
    this.statements.set(sql, statement);
    for (const [old, dropped] of this.statements) {
      if (this.statements.size <= KEEP_PREPARED) break;
      this.statements.delete(old);
      dropped.destroySync();
    }
    return statement;
  }

  /**
   * Interrupts the lane's query, lets its work give up, then closes the connection: closing a connection
   * (or the database) under a running query kept the process alive for ever. Work still queued is refused.
   */
  async close(): Promise<void> {
    this.closed = true;
    const stopInterrupting = this.keepInterrupting();
    try {
      await this.tail;
    } finally {
      stopInterrupting();
    }
    for (const statement of this.statements.values()) statement.destroySync();
    this.statements.clear();
    this.connection.closeSync();
  }

  /**
   * Interrupts the lane's query now and again every INTERRUPT_REPEAT_MS until the returned function is
   * called: an interrupt that lands while a statement is being prepared is forgotten when it starts to execute.
   */
  keepInterrupting(): () => void {
    this.connection.interrupt();
    const repeat = setInterval(() => this.connection.interrupt(), INTERRUPT_REPEAT_MS);
    return () => clearInterval(repeat);
  }

  /**
   * Reports DuckDB's own query progress while `query` runs, mapped into [from, to] of the job's bar.
   */
  async withProgress<T>(job: JobContext | undefined, phase: string, from: number, to: number, query: () => Promise<T>): Promise<T> {
    if (!job) return query();
    job.progress({ phase, fraction: from });
    const timer = setInterval(() => {
      const p = this.connection.progress;
      if (p.percentage >= 0) job.progress({ phase, fraction: from + ((to - from) * Math.min(p.percentage, 100)) / 100 });
    }, PROGRESS_POLL_MS);
    try {
      return await query();
    } finally {
      clearInterval(timer);
    }
  }
}
