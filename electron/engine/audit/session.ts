/**
 * A pack opened for audit: its files unpacked read-only, its exceptions queried where they lie (DuckDB
 * reads the Parquet in place), its notes read from the JSON files. Nothing here writes to the pack or
 * to any workspace; the DuckDB it uses lives in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { VARCHAR } from '@duckdb/node-api';
import type { Annotation, ExplanationCounts, RunRecord } from '../../../shared/annotations.js';
import { annotationStatuses, explanations } from '../../../shared/annotations.js';
import type { AuditNotes, AuditOverview } from '../../../shared/audit.js';
import type { CompareSummary, DrillFilter, DrillGroup, DrillResult, ExceptionClass } from '../../../shared/compare.js';
import { EXCEPTION_CLASSES } from '../../../shared/compare.js';
import { dimensionName, parseContract } from '../../../shared/contract.js';
import { ParityError } from '../../../shared/errors.js';
import { unknownColumnMessage } from '../../../shared/names.js';
import type { SortSpec, TablePage } from '../../../shared/types.js';
import type { ColumnFilter } from '../../../shared/filters.js';
import { verifyChain, type StoredEntry } from '../annotations/chain.js';
import { Database } from '../db/database.js';
import { readPage } from '../db/paging.js';
import { Params } from '../db/params.js';
import { ident, literal } from '../db/sql.js';
import { verifyPack } from '../pack/verify.js';
import { cancelledError } from '../db/errors.js';
import type { JobContext } from '../jobs.js';
import { auditFolder, removeFolder, unpack } from './unpack.js';

const EXCEPTIONS = 'exceptions/exceptions.parquet';
const HISTORY_SHOWN = 5000;

export interface AuditQuery {
  filters?: DrillFilter[];
  classes?: (ExceptionClass | 'within_tolerance')[];
  explanations?: string[];
}

export class AuditSession {
  private constructor(
    private readonly db: Database,
    readonly overview: AuditOverview,
  ) {}

  static async open(pack: string, home: string, job: JobContext): Promise<AuditSession> {
    job.progress({ phase: 'Verifying the pack', fraction: 0 });
    const check = verifyPack(pack);
    if (!check.manifest) throw new ParityError('invalid_pack', `This pack cannot be opened: ${check.problems[0] ?? 'it has no readable manifest.'}`);
    const manifest = check.manifest;
    if (job.signal.aborted) throw cancelledError();
    job.progress({ phase: 'Unpacking it read-only', fraction: 0.5 });
    const folder = await auditFolder(home, pack);
    unpack(pack, folder);
    if (job.signal.aborted) {
      removeFolder(folder);
      throw cancelledError();
    }
    if (!fs.existsSync(path.join(folder, EXCEPTIONS))) throw new ParityError('invalid_pack', `This pack cannot be opened: it has no ${EXCEPTIONS}.`);
    const scratch = path.join(home, 'audits', '.scratch');
    const db = await Database.open(':memory:', { tempDirectory: scratch });
    try {
      const lane = await db.lane('page');
      // A tampered exception file may not read at all: the pack still opens, its banner says what changed.
      let columns: AuditOverview['columns'] = [];
      let unreadable: string | null = null;
      try {
        await lane.use((c) => c.run(`CREATE VIEW pack_exceptions AS SELECT * FROM read_parquet(${literal(path.join(folder, EXCEPTIONS))})`));
        const described = await lane.use(async (c) => (await c.runAndReadAll('DESCRIBE pack_exceptions')).getRowsJS());
        columns = described.map((r) => ({ name: String(r[0]), type: String(r[1]) }));
      } catch {
        unreadable = `The pack's ${EXCEPTIONS} cannot be read${check.ok ? '' : ': it was changed after the pack was signed'}.`;
      }
      const contract = parseContract(manifest.contract);
      const dimensions = contract.dimensions.map((d) => ({ name: dimensionName(d), grain: ('grain' in d && d.grain) || null }));
      const overview: AuditOverview = {
        pack,
        folder,
        check: { ok: check.ok, problems: check.problems, signer: check.signer },
        title: contract.name,
        contract,
        createdAt: manifest.createdAt,
        signer: manifest.signer,
        run: manifest.run,
        appVersion: manifest.app.version,
        summary: manifest.summary as unknown as CompareSummary,
        sources: manifest.sources,
        exceptions: manifest.exceptions,
        dimensions: dimensions.filter((d) => columns.some((c) => c.name === d.name)),
        columns,
        keyCount: contract.key.length,
        unreadable,
      };
      return new AuditSession(db, overview);
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  /** The groups of one dimension under a path, with each group's exceptions by class and what is still unexplained. */
  async drill(dimension: string, filters: DrillFilter[]): Promise<DrillResult> {
    this.readable();
    const dim = this.dimension(dimension);
    const params = new Params();
    const where = this.where({ filters }, params);
    const measures = this.measures();
    // Sums and their difference in DuckDB, as exact decimals.
    const sums = measures.flatMap((m) => {
      const [l, r] = [`sum(${ident(`${m} · legacy`)})`, `sum(${ident(`${m} · new`)})`];
      return [`${l}::VARCHAR`, `${r}::VARCHAR`, `(${r} - ${l})::VARCHAR`];
    });
    const sql = `SELECT ${ident(dim.name)}::VARCHAR AS v, count(*) FILTER (WHERE class <> 'right_only'), count(*) FILTER (WHERE class <> 'left_only'),
      ${EXCEPTION_CLASSES.map((c) => `count(*) FILTER (WHERE class = ${literal(c)})`).join(', ')}${sums.length ? `, ${sums.join(', ')}` : ''}
      FROM pack_exceptions ${where} GROUP BY ALL ORDER BY v NULLS LAST`;
    const lane = await this.db.lane('page');
    const rows = await lane.use(async (c) => (await c.runAndReadAll(sql, params.values, params.typeList)).getRowsJS());
    const groups: DrillGroup[] = rows.map((r) => {
      const byClass = Object.fromEntries(EXCEPTION_CLASSES.map((c, i) => [c, Number(r[3 + i])])) as Record<ExceptionClass, number>;
      const at = 3 + EXCEPTION_CLASSES.length;
      return {
        value: r[0] === null ? null : String(r[0]),
        leftRows: Number(r[1]),
        rightRows: Number(r[2]),
        measures: measures.map((name, i) => {
          const [left, right, diff] = r.slice(at + 3 * i, at + 3 * i + 3) as (string | null)[];
          return { name: `${name} in exceptions`, left, right, diff, pctDiff: diff !== null && Number(left) !== 0 ? Math.abs(Number(diff)) / Math.abs(Number(left)) : null, withinTolerance: diff === null || Number(diff) === 0 };
        }),
        exceptions: { ...byClass, total: EXCEPTION_CLASSES.reduce((a, c) => a + byClass[c], 0) },
        beyondTolerance: false,
      };
    });
    return { dimension: dim.name, grain: dim.grain, filters, groups };
  }

  async exceptions(q: AuditQuery & { offset: number; limit: number; sort?: SortSpec[]; columnFilters?: ColumnFilter[] }): Promise<TablePage> {
    this.readable();
    const params = new Params();
    const where = this.where(q, params);
    const lane = await this.db.lane('page');
    // A grid with header filters counts its own rows (readPage); otherwise the set is counted here.
    const total = q.columnFilters?.length ? 0 : Number((await lane.use(async (c) => (await c.runAndReadAll(`SELECT count(*) FROM pack_exceptions ${where}`, params.values, params.typeList)).getRowsJS()))[0][0]);
    return readPage(lane, `(SELECT * FROM pack_exceptions ${where})`, this.overview.columns.map((c) => c.name), q, { total, owner: 'exceptions', params });
  }

  /** The exceptions under a path by explanation, status and rule, and per group of a dimension what is unexplained. */
  async counts(filters: DrillFilter[], by: string | null): Promise<ExplanationCounts> {
    this.readable();
    const params = new Params();
    const where = this.where({ filters }, params);
    const lane = await this.db.lane('page');
    const group = by ? `${ident(this.dimension(by).name)}::VARCHAR` : 'NULL::VARCHAR';
    // One scan: each grouping set is one tally; grouping() names the set a row belongs to.
    const sql = `SELECT grouping(e, st, r, g) AS set, coalesce(e, st, r, g) AS k, count(*) AS n, count(*) FILTER (WHERE e = 'unexplained') AS u
      FROM (SELECT explanation AS e, coalesce(status, 'none') AS st, rule AS r, ${group} AS g FROM pack_exceptions ${where})
      GROUP BY GROUPING SETS ((e), (st), (r), (g)) ORDER BY set, k NULLS LAST`;
    const rows = await lane.use(async (c) => (await c.runAndReadAll(sql, params.values, params.typeList)).getRowsJS());
    // grouping() sets a bit for each column left out: (e) is 0b0111, (st) 0b1011, (r) 0b1101, (g) 0b1110.
    const of = (set: number) => rows.filter((r) => Number(r[0]) === set).map((r) => ({ key: r[1] === null ? null : String(r[1]), n: Number(r[2]), u: Number(r[3]) }));
    const tally = <K extends string>(keys: readonly K[], set: number) => Object.fromEntries(keys.map((k) => [k, of(set).find((r) => r.key === k)?.n ?? 0])) as Record<K, number>;
    const categories = new Map(this.overview.contract.rules.map((r) => [r.name, r.category]));
    return {
      byExplanation: tally(explanations, 0b0111),
      byStatus: tally([...annotationStatuses, 'none'] as const, 0b1011),
      rules: of(0b1101).flatMap((r) => (r.key === null ? [] : [{ name: r.key, category: categories.get(r.key) ?? '', explained: r.n }])),
      groups: by ? of(0b1110).map((r) => ({ value: r.key, total: r.n, unexplained: r.u })) : [],
    };
  }

  /** Annotations, runs with their sign-offs, and the history with its chain checked, as the pack holds them. */
  notes(): AuditNotes {
    const read = <T>(name: string): T[] => {
      const file = path.join(this.overview.folder, name);
      if (!fs.existsSync(file)) return [];
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')) as T[];
      } catch {
        throw new ParityError('invalid_pack', `The pack's ${name} is not valid JSON: it was edited or damaged.`);
      }
    };
    const stored = read<Record<string, string | null>>('notes/annotations.json');
    const annotations: Annotation[] = stored.map((a) => ({
      exceptionId: String(a.exception_id),
      category: a.category as Annotation['category'],
      status: a.status as Annotation['status'],
      note: String(a.note ?? ''),
      owner: String(a.owner ?? ''),
      ref: String(a.ref ?? ''),
      updatedAt: String(a.updated_at ?? ''),
      updatedBy: String(a.updated_by ?? ''),
    }));
    const entries = read<StoredEntry>('notes/history.json');
    const json = (v: string | null) => {
      try {
        return v === null ? null : (JSON.parse(v) as Partial<Annotation>);
      } catch {
        return null;
      }
    };
    const history = entries
      .slice(-HISTORY_SHOWN)
      .reverse()
      .map((e) => ({ seq: Number(e.seq), at: e.changed_at, actor: e.actor, role: e.role, action: e.action, exceptionId: e.exception_id, before: json(e.before_state), after: json(e.after_state), hash: e.hash }));
    return { annotations, runs: read<RunRecord>('notes/runs.json'), history, chain: verifyChain(entries) };
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private readable(): void {
    if (this.overview.unreadable) throw new ParityError('invalid_pack', this.overview.unreadable);
  }

  private dimension(name: string): { name: string; grain: AuditOverview['dimensions'][number]['grain'] } {
    const dim = this.overview.dimensions.find((d) => d.name === name);
    if (!dim) throw new ParityError('unknown_column', unknownColumnMessage(name, 'the pack\'s dimensions', this.overview.dimensions.map((d) => d.name)));
    return dim;
  }

  /** Sum measures of the contract whose legacy and new values the exception file holds. */
  private measures(): string[] {
    const names = new Set(this.overview.columns.map((c) => c.name));
    return this.overview.contract.measures.flatMap((m) => (m.fn === 'sum' && m.left && names.has(`${m.left} · legacy`) && names.has(`${m.left} · new`) ? [m.left] : []));
  }

  private where(q: AuditQuery, params: Params): string {
    const parts: string[] = [];
    for (const f of q.filters ?? []) {
      const dim = this.dimension(f.dimension);
      parts.push(f.value === null ? `${ident(dim.name)} IS NULL` : `${ident(dim.name)}::VARCHAR = ${params.add(f.value, VARCHAR)}`);
    }
    const classes = (q.classes ?? []).filter((c) => c !== 'within_tolerance');
    if (classes.length) parts.push(`class IN (${classes.map((c) => params.add(c, VARCHAR)).join(', ')})`);
    if (q.explanations?.length) parts.push(`explanation IN (${q.explanations.map((e) => params.add(e, VARCHAR)).join(', ')})`);
    return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  }
}
