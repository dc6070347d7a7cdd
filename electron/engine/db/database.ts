/**
 * Opens the workspace's DuckDB file with explicit memory and spill settings, and hands out one lane
 * (connection) per kind of job.
 */
import fs from 'node:fs';
import os from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Lane, type LaneKind } from './lane.js';
import { ThreadBudget } from './thread-budget.js';
import { closedError, toParityError } from './errors.js';

export interface DatabaseOptions {
  /** A DuckDB size string ("4GB"); default: 40% of RAM, at least 1 GB, beside the UI's own memory. */
  memoryLimit?: string;
  /** Where DuckDB spills when a join or sort outgrows memory; default: beside the workspace file. */
  tempDirectory?: string;
  threads?: number;
}

export function defaultMemoryLimit(): string {
  const gb = Math.max(1, Math.floor((os.totalmem() * 0.4) / 2 ** 30));
  return `${gb}GB`;
}

async function configure(connection: DuckDBConnection): Promise<void> {
  // Every connection reads naive timestamps the same way, whatever the laptop's zone: as written, in UTC.
  await connection.run(`SET TimeZone = 'UTC'`);
  await connection.run('SET enable_progress_bar = true');
  await connection.run('SET enable_progress_bar_print = false');
}

/** Lanes whose queries read whole sources or runs (millions of rows): DuckDB spreads them over every core (see thread-budget.ts). */
const PARALLEL_LANES = new Set<LaneKind>(['import', 'compare', 'export', 'browse']);

export class Database {
  private readonly lanes = new Map<LaneKind, Promise<Lane>>();
  private closed = false;

  private constructor(
    readonly path: string,
    readonly instance: DuckDBInstance,
    readonly memoryLimit: string,
    readonly threads: ThreadBudget,
  ) {}

  static async open(path: string, options: DatabaseOptions = {}): Promise<Database> {
    const memoryLimit = options.memoryLimit ?? process.env.PARITY_MEMORY_LIMIT ?? defaultMemoryLimit();
    const tempDirectory = options.tempDirectory ?? `${path}.tmp`;
    fs.mkdirSync(tempDirectory, { recursive: true });
    const config: Record<string, string> = {
      memory_limit: memoryLimit,
      temp_directory: tempDirectory,
      preserve_insertion_order: 'true',
    };
    if (options.threads) config.threads = String(options.threads);
    try {
      const instance = await DuckDBInstance.create(path, config);
      const settings = await instance.connect();
      const most = Number((await settings.runAndReadAll(`SELECT current_setting('threads')`)).getRowsJS()[0][0]);
      const threads = new ThreadBudget(settings, most);
      await threads.settle();
      return new Database(path, instance, memoryLimit, threads);
    } catch (error) {
      throw toParityError(error);
    }
  }

  lane(kind: LaneKind): Promise<Lane> {
    if (this.closed) return Promise.reject(closedError());
    let lane = this.lanes.get(kind);
    if (!lane) {
      lane = (async () => {
        const connection = await this.instance.connect();
        await configure(connection);
        return new Lane(kind, connection, PARALLEL_LANES.has(kind) ? this.threads : null);
      })();
      this.lanes.set(kind, lane);
    }
    return lane;
  }

  /** Stops what the lanes are running (see Lane.close), then closes them and the file. */
  async close(): Promise<void> {
    this.closed = true;
    const lanes = [...this.lanes.values()];
    this.lanes.clear();
    await Promise.all(
      lanes.map((lane) =>
        lane.then(
          (l) => l.close(),
          // A connection that failed to open has nothing to close.
          () => undefined,
        ),
      ),
    );
    await this.threads.close();
    this.instance.closeSync();
  }
}
