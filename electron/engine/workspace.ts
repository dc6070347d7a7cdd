/**
 * A workspace is one DuckDB file: the sources as the analyst set them up (tables for CSV, views over
 * Parquet), their rejected lines, the technical settings and the last report. Later: runs and notes.
 */
import path from 'node:path';
import { VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { ParityError } from '../../shared/errors.js';
import type { CompareSummary } from '../../shared/compare.js';
import type { Contract } from '../../shared/contract.js';
import type { Side, SourceInfo, TechnicalReport, TechnicalSettings, WorkspaceState } from '../../shared/types.js';
import { Database, type DatabaseOptions } from './db/database.js';
import { ident } from './db/sql.js';
import { inTransaction } from './db/transaction.js';
import { RUN_DB } from './compare/run-tables.js';
import { ANNOTATION_TABLES } from './annotations/store.js';
import { RUN_TABLES } from './annotations/runs.js';

export const SIDE_LABEL: Record<Side, string> = { left: 'legacy', right: 'new' };

export function sourceTable(side: Side): string {
  return ident(`src_${side}`);
}

export function rejectsTable(side: Side): string {
  return ident(`parity_rejects_${side}`);
}

const SCHEMA = [
  'CREATE TABLE IF NOT EXISTS parity_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)',
  'CREATE TABLE IF NOT EXISTS parity_sources (side VARCHAR PRIMARY KEY, info VARCHAR NOT NULL)',
  ...ANNOTATION_TABLES,
  ...RUN_TABLES,
];

const META = { settings: 'technical.settings', report: 'technical.report', contract: 'compare.contract', summary: 'compare.summary', view: 'ui.view' } as const;

export interface WorkspaceOptions extends DatabaseOptions {
  /** The demo workspace fills itself with the generated Orders pair when it has no sources. */
  demo?: boolean;
  /** The user's Parity folder (profile, signing key); default PARITY_HOME or ~/.parity. */
  home?: string;
}

export class Workspace {
  private sources: Record<Side, SourceInfo | null> = { left: null, right: null };
  settings: TechnicalSettings = { key: [], mapping: [] };
  report: TechnicalReport | null = null;
  contract: Contract | null = null;
  summary: CompareSummary | null = null;
  view: unknown = null;

  private constructor(
    readonly path: string,
    readonly db: Database,
    readonly isDemo: boolean,
  ) {}

  static async open(file: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    const db = await Database.open(file, options);
    const ws = new Workspace(path.resolve(file), db, options.demo ?? false);
    try {
      await ws.load();
    } catch (error) {
      await db.close();
      throw error;
    }
    return ws;
  }

  private async load(): Promise<void> {
    const lane = await this.db.lane('meta');
    await lane.use(async (c) => {
      // Run tables live in memory (spilling to the temp directory), shared by every lane; only results persist.
      await c.run(`ATTACH ':memory:' AS ${RUN_DB}`);
      for (const sql of SCHEMA) await c.run(sql);
      const sources = await c.runAndReadAll('SELECT side, info FROM parity_sources');
      for (const [side, info] of sources.getRowsJS()) this.sources[side as Side] = JSON.parse(String(info));
      const meta = await c.runAndReadAll('SELECT key, value FROM parity_meta');
      for (const [key, value] of meta.getRowsJS()) {
        if (key === META.settings) this.settings = JSON.parse(String(value));
        if (key === META.report) this.report = JSON.parse(String(value));
        if (key === META.contract) this.contract = JSON.parse(String(value));
        if (key === META.summary) this.summary = JSON.parse(String(value));
        if (key === META.view) this.view = JSON.parse(String(value));
      }
    });
  }

  get name(): string {
    return this.isDemo ? 'Demo — Orders' : path.basename(this.path).replace(/\.[^.]+$/, '');
  }

  state(): WorkspaceState {
    return {
      path: this.path,
      name: this.name,
      isDemo: this.isDemo,
      left: this.sources.left,
      right: this.sources.right,
      settings: this.settings,
      report: this.report,
      contract: this.contract,
      summary: this.summary,
      view: this.view,
    };
  }

  source(side: Side): SourceInfo {
    const s = this.sources[side];
    if (!s) throw new ParityError('no_source', `There is no ${SIDE_LABEL[side]} source yet; add one first.`);
    return s;
  }

  hasSource(side: Side): boolean {
    return this.sources[side] !== null;
  }

  /**
   * Records a source inside the caller's open transaction, so the data, its rejects and this record
   * commit together or not at all. The old report no longer describes the data, so it goes too.
   */
  async writeSource(c: DuckDBConnection, info: SourceInfo): Promise<void> {
    await c.run('INSERT OR REPLACE INTO parity_sources VALUES ($1, $2)', [info.side, JSON.stringify(info)], [VARCHAR, VARCHAR]);
    await c.run('DELETE FROM parity_meta WHERE key IN ($1, $2)', [META.report, META.summary], [VARCHAR, VARCHAR]);
  }

  /** Call after the transaction that wrote the source has committed. */
  sourceCommitted(info: SourceInfo): void {
    this.sources[info.side] = info;
    this.report = null;
    this.summary = null;
  }

  /** Writes several settings in one transaction: all are saved or none. */
  private async writeMeta(entries: [string, unknown][]): Promise<void> {
    const lane = await this.db.lane('meta');
    const put = 'INSERT OR REPLACE INTO parity_meta VALUES ($1, $2)';
    await lane.use((c) =>
      inTransaction(c, async () => {
        for (const [key, value] of entries) await c.run(put, [key, JSON.stringify(value)], [VARCHAR, VARCHAR]);
      }),
    );
  }

  async saveTechnical(settings: TechnicalSettings, report: TechnicalReport): Promise<void> {
    await this.writeMeta([[META.settings, settings], [META.report, report]]);
    this.settings = settings;
    this.report = report;
  }

  async saveView(view: unknown): Promise<void> {
    // Known at once: a window reloaded right after leaving asks for it before the write is done.
    this.view = view;
    await this.writeMeta([[META.view, view]]);
  }

  async saveContract(contract: Contract): Promise<void> {
    await this.writeMeta([[META.contract, contract]]);
    this.contract = contract;
  }

  async saveComparison(contract: Contract, summary: CompareSummary): Promise<void> {
    await this.writeMeta([[META.contract, contract], [META.summary, summary]]);
    this.contract = contract;
    this.summary = summary;
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
