/**
 * DuckDB's worker threads are one setting for the whole database. A query over millions of rows (an
 * import, a run, a sort of a whole source) wants every core. A page of a hundred exceptions wants none of
 * the workers: its small steps are handed to a worker the screen keeps busy (on a 2-core laptop, the
 * browser drawing the last page), and each waits for it. On 2 cores beside the workbench, exception pages
 * took a median 22 ms with two threads and 16 ms with one. So the database runs on one thread, and on all
 * of them while a parallel lane has work.
 *
 * A run is dozens of queries in a row on its lane; going back to one thread between two of them
 * relaunched DuckDB's workers each time (43 settings in one run). One thread comes back only once no
 * parallel work has started for RELEASE_MS.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

const RELEASE_MS = 100;

export class ThreadBudget {
  private parallelWork = 0;
  private applied: number | null = null;
  private settled: Promise<void> = Promise.resolve();
  private closed = false;
  private release: ReturnType<typeof setTimeout> | undefined;

  /** `connection` is the budget's own: a setting must not wait behind a lane's query. */
  constructor(
    private readonly connection: DuckDBConnection,
    readonly most: number,
  ) {}

  /** Runs `work` with every thread; the database goes back to one when no parallel work is left. */
  async parallel<T>(work: () => Promise<T>): Promise<T> {
    this.parallelWork++;
    clearTimeout(this.release);
    this.release = undefined;
    await this.settle();
    try {
      return await work();
    } finally {
      if (--this.parallelWork === 0) {
        this.release = setTimeout(() => {
          this.release = undefined;
          void this.settle();
        }, RELEASE_MS);
        this.release.unref?.();
      }
    }
  }

  /** The thread count the work in hand calls for, set once the settings before it are. */
  settle(): Promise<void> {
    this.settled = this.settled
      .then(async () => {
        const wanted = this.parallelWork > 0 ? this.most : 1;
        if (this.closed || wanted === this.applied) return;
        await this.connection.run(`SET threads = ${wanted}`);
        this.applied = wanted;
      })
      // A setting that could not be made leaves the count as it was: slower, never wrong.
      .catch(() => undefined);
    return this.settled;
  }

  /** After the setting in flight, if any: closing a connection under a running `SET threads` hung the process. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.release);
    await this.settled;
    this.connection.closeSync();
  }

  /** The thread count the work in hand settles on, a pending return to one thread made now (for tests). */
  async threads(): Promise<number> {
    if (this.release) {
      clearTimeout(this.release);
      this.release = undefined;
      await this.settle();
    }
    await this.settled;
    const reader = await this.connection.runAndReadAll(`SELECT current_setting('threads')`);
    return Number(reader.getRowsJS()[0][0]);
  }
}
