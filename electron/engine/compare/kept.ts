/**
 * A run table with its previous version kept beside it. Toggles go back and forth (per-region ↔ as
 * written, cents ↔ exact), so the table being replaced keeps its name's twin and the key it was made
 * for; when the wanted version is the kept one, the two swap names instead of reading millions of
 * rows again.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { JobContext } from '../jobs.js';
import type { Lane } from '../db/lane.js';
import { RUN_DB } from './run-tables.js';

/** Past this size a previous version is dropped, not kept: memory matters more than a quick way back. */
const KEEP_AT_MOST_ROWS = 2_000_000;

/** An index the table in place carries (never the kept one: DuckDB does not rename a table with an index). */
export interface KeptIndex {
  column: string;
  /** Past this many rows the table goes without: building the index would cost more than it saves. */
  maxRows: number;
}

export class KeptTable<T = undefined> {
  private current: { key: string; payload: T } | null = null;
  private kept: { key: string; payload: T } | null = null;

  constructor(
    private readonly name: string,
    private readonly index?: KeptIndex,
  ) {}

  private get indexName(): string {
    return `${this.name}_by_${this.index?.column}`;
  }

  /** Drops the index before the table in place is renamed (see KeptIndex). */
  private async unindex(c: DuckDBConnection): Promise<void> {
    if (this.index) await c.run(`DROP INDEX IF EXISTS ${RUN_DB}.${this.indexName}`);
  }

  /** Indexes the table in place, unless it is too long or already indexed. */
  async indexed(lane: Lane, job?: JobContext): Promise<void> {
    const index = this.index;
    if (!index || !this.current) return;
    const table = `${RUN_DB}.${this.name}`;
    await lane.use(async (c) => {
      const rows = Number((await c.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRowsJS()[0][0]);
      if (rows <= index.maxRows) await c.run(`CREATE INDEX IF NOT EXISTS ${this.indexName} ON ${table}(${index.column})`);
    }, job);
  }

  private get keptName(): string {
    return `${this.name}_kept`;
  }

  /** What the table in place was made for. */
  get key(): string | null {
    return this.current?.key ?? null;
  }

  /**
   * Makes the version for `wanted` current if it exists (in place or kept) and returns its payload;
   * otherwise sets the current version aside and returns null: the caller builds and calls `made`.
   */
  async take(lane: Lane, wanted: string): Promise<{ payload: T } | null> {
    if (this.current?.key === wanted) return { payload: this.current.payload };
    const table = `${RUN_DB}.${this.name}`;
    const kept = `${RUN_DB}.${this.keptName}`;
    const swap = `${RUN_DB}.${this.name}_swap`;
    if (this.kept?.key === wanted) {
      const back = this.kept;
      const previous = this.current;
      // Until every rename is done nothing is known: a cancel half-way costs a rebuild, never a wrong table.
      this.current = null;
      this.kept = null;
      await lane.use(async (c) => {
        await this.unindex(c);
        await c.run(`DROP TABLE IF EXISTS ${swap}`);
        if (previous) await c.run(`ALTER TABLE ${table} RENAME TO ${this.name}_swap`);
        else await c.run(`DROP TABLE IF EXISTS ${table}`);
        await c.run(`ALTER TABLE ${kept} RENAME TO ${this.name}`);
        if (previous) await c.run(`ALTER TABLE ${swap} RENAME TO ${this.keptName}`);
      });
      this.kept = previous;
      this.current = back;
      return { payload: back.payload };
    }
    const previous = this.current;
    // With nothing in place (a build was cancelled) the kept version stays: it may still be wanted back.
    if (!previous) return null;
    // Nothing is current until the caller has made the wanted version: a cancelled build is never taken as done.
    this.current = null;
    this.kept = null;
    this.kept = await lane.use(async (c) => {
      await this.unindex(c);
      await c.run(`DROP TABLE IF EXISTS ${kept}`);
      const rows = Number((await c.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRowsJS()[0][0]);
      if (rows > KEEP_AT_MOST_ROWS) return null;
      await c.run(`ALTER TABLE ${table} RENAME TO ${this.keptName}`);
      return previous;
    });
    return null;
  }

  made(key: string, payload: T): void {
    this.current = { key, payload };
  }

  /** Both versions are void (the run was rebuilt). */
  async forget(lane: Lane): Promise<void> {
    this.current = null;
    this.kept = null;
    await lane.use((c) => c.run(`DROP TABLE IF EXISTS ${RUN_DB}.${this.keptName}`));
  }
}
