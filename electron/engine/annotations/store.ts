/**
 * Annotations and their history, in the workspace file. A change is one transaction: the annotations
 * and one history entry per changed exception (who, when, before → after, hash-chained) commit together
 * before the caller hears "saved", or not at all.
 */
import { BIGINT, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Annotation, AnnotationFields, AnnotateResult, ChainCheck, HistoryEntry, Profile } from '../../../shared/annotations.js';
import { ParityError } from '../../../shared/errors.js';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { GENESIS, entryHash, verifyChain, type ChainFields, type StoredEntry } from './chain.js';

export const ANNOTATION_TABLES = [
  `CREATE TABLE IF NOT EXISTS parity_annotations (exception_id VARCHAR PRIMARY KEY, contract VARCHAR NOT NULL, category VARCHAR,
    status VARCHAR NOT NULL, note VARCHAR NOT NULL, owner VARCHAR NOT NULL, ref VARCHAR NOT NULL, updated_at VARCHAR NOT NULL, updated_by VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS parity_history (seq BIGINT PRIMARY KEY, changed_at VARCHAR NOT NULL, actor VARCHAR NOT NULL, role VARCHAR NOT NULL,
    action VARCHAR NOT NULL, exception_id VARCHAR NOT NULL, before_state VARCHAR, after_state VARCHAR, hash VARCHAR NOT NULL)`,
];

/** One change can name this many exceptions; a bigger group is a rule's job, not an annotation's. */
export const MAX_ANNOTATED = 1_000_000;

const FIELDS = ['category', 'status', 'note', 'owner', 'ref'] as const;
export type Stored = Pick<Annotation, (typeof FIELDS)[number]>;

const EMPTY: Stored = { category: null, status: 'open', note: '', owner: '', ref: '' };

const strings = (values: (string | null)[]) => listValue(values);

async function head(c: DuckDBConnection): Promise<{ seq: number; hash: string }> {
  const rows = (await c.runAndReadAll('SELECT seq, hash FROM parity_history ORDER BY seq DESC LIMIT 1')).getRowsJS();
  return rows.length ? { seq: Number(rows[0][0]), hash: String(rows[0][1]) } : { seq: 0, hash: GENESIS };
}

export interface Change {
  exceptionId: string;
  /** The fields to set; for Parity's own changes (an exception resolved by a run) the whole new state. */
  fields: AnnotationFields | Stored;
}

/** Appends entries to the history inside the caller's transaction, each hashed over the one before. */
export async function appendEntries(c: DuckDBConnection, fresh: readonly Omit<ChainFields, 'seq'>[]): Promise<void> {
  let { seq, hash } = await head(c);
  const entries = fresh.map((f) => {
    const entry: ChainFields = { ...f, seq: ++seq };
    hash = entryHash(hash, entry);
    return { ...entry, hash };
  });
  const e = <T>(f: (x: (typeof entries)[number]) => T) => entries.map(f);
  await c.run(
    `INSERT INTO parity_history SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5), unnest($6), unnest($7), unnest($8), unnest($9)`,
    [
      listValue(e((x) => BigInt(x.seq))),
      strings(e((x) => x.at)),
      strings(e((x) => x.actor)),
      strings(e((x) => x.role)),
      strings(e((x) => x.action)),
      strings(e((x) => x.exceptionId)),
      strings(e((x) => x.before)),
      strings(e((x) => x.after)),
      strings(e((x) => x.hash)),
    ],
    [LIST(BIGINT), ...Array.from({ length: 8 }, () => LIST(VARCHAR))],
  );
}

export async function applyChanges(c: DuckDBConnection, contract: string, ids: readonly string[], fields: AnnotationFields | Partial<Stored>, who: Profile, action: string): Promise<AnnotateResult> {
  if (ids.length > MAX_ANNOTATED) {
    throw new ParityError('too_many', `That group holds ${ids.length.toLocaleString('en-US')} exceptions; annotate at most ${MAX_ANNOTATED.toLocaleString('en-US')} at once, or write a rule.`);
  }
  const unique = [...new Set(ids)];
  await refuseFrozen(c, contract);
  const existing = new Map<string, Stored>();
  const found = await c.runAndReadAll(
    `SELECT exception_id, category, status, note, owner, ref FROM parity_annotations WHERE exception_id IN (SELECT unnest($1))`,
    [strings(unique)],
    [LIST(VARCHAR)],
  );
  for (const [id, category, status, note, owner, ref] of found.getRowsJS()) {
    existing.set(String(id), { category: category as Stored['category'], status: status as Stored['status'], note: String(note), owner: String(owner), ref: String(ref) });
  }
  const at = new Date().toISOString();
  const rows: { id: string; after: Stored }[] = [];
  const entries: Omit<ChainFields, 'seq'>[] = [];
  for (const id of unique) {
    const before = existing.get(id) ?? null;
    const after: Stored = { ...(before ?? EMPTY) };
    for (const f of FIELDS) if (fields[f] !== undefined) (after as Record<string, unknown>)[f] = fields[f];
    if (before && FIELDS.every((f) => before[f] === after[f])) continue;
    rows.push({ id, after });
    entries.push({ at, actor: who.name, role: who.role, action, exceptionId: id, before: before ? JSON.stringify(before) : null, after: JSON.stringify(after) });
  }
  if (rows.length) {
    const col = <T>(f: (r: { id: string; after: Stored }) => T) => rows.map(f);
    await c.run(
      `INSERT OR REPLACE INTO parity_annotations
        SELECT unnest($1), $2, unnest($3), unnest($4), unnest($5), unnest($6), unnest($7), $8, $9`,
      [
        strings(col((r) => r.id)),
        contract,
        strings(col((r) => r.after.category)),
        strings(col((r) => r.after.status)),
        strings(col((r) => r.after.note)),
        strings(col((r) => r.after.owner)),
        strings(col((r) => r.after.ref)),
        at,
        who.name,
      ],
      [LIST(VARCHAR), VARCHAR, LIST(VARCHAR), LIST(VARCHAR), LIST(VARCHAR), LIST(VARCHAR), LIST(VARCHAR), VARCHAR, VARCHAR],
    );
    await appendEntries(c, entries);
  }
  return { changed: rows.length, matched: unique.length };
}

/** A signed-off run is frozen: its annotations stay as signed until the contract runs again. */
async function refuseFrozen(c: DuckDBConnection, contract: string): Promise<void> {
  const rows = (await c.runAndReadAll(`SELECT id, sign_off FROM parity_runs WHERE contract = $1 ORDER BY id DESC LIMIT 1`, [contract], [VARCHAR])).getRowsJS();
  if (rows.length && rows[0][1] !== null) {
    const s = JSON.parse(String(rows[0][1])) as { name: string; at: string };
    throw new ParityError('frozen', `Run ${Number(rows[0][0])} was signed off by ${s.name} on ${s.at.slice(0, 10)} and is frozen; run the contract again to change its annotations.`);
  }
}

export class AnnotationStore {
  constructor(private readonly db: Database) {}

  /**
   * Sets `fields` on each exception in one transaction. Unchanged exceptions write nothing; each
   * changed one gets a history entry. Resolves only after the commit.
   */
  async annotate(contract: string, ids: readonly string[], fields: AnnotationFields, who: Profile, action: string): Promise<AnnotateResult> {
    const lane = await this.db.lane('notes');
    return lane.use((c) => inTransaction(c, () => applyChanges(c, contract, ids, fields, who, action)));
  }

  async get(exceptionId: string): Promise<{ annotation: Annotation | null; history: HistoryEntry[] }> {
    const lane = await this.db.lane('notes');
    return lane.use(async (c) => {
      const a = (await c.runAndReadAll(`SELECT category, status, note, owner, ref, updated_at, updated_by FROM parity_annotations WHERE exception_id = $1`, [exceptionId], [VARCHAR])).getRowsJS()[0];
      const h = await c.runAndReadAll(`SELECT seq, changed_at, actor, role, action, exception_id, before_state, after_state, hash FROM parity_history WHERE exception_id = $1 ORDER BY seq`, [exceptionId], [VARCHAR]);
      return {
        annotation: a
          ? { exceptionId, category: a[0] as Annotation['category'], status: a[1] as Annotation['status'], note: String(a[2]), owner: String(a[3]), ref: String(a[4]), updatedAt: String(a[5]), updatedBy: String(a[6]) }
          : null,
        history: h.getRowsJS().map(historyEntry),
      };
    });
  }

  /** Re-computes the chain from the first entry; names the first entry that does not follow. */
  async verify(): Promise<ChainCheck> {
    const lane = await this.db.lane('notes');
    const rows = await lane.use(async (c) => (await c.runAndReadAll(`SELECT seq, changed_at, actor, role, action, exception_id, before_state, after_state, hash FROM parity_history ORDER BY seq`)).getRowObjectsJS());
    return verifyChain(rows as unknown as StoredEntry[]);
  }
}

function historyEntry(row: unknown[]): HistoryEntry {
  const json = (v: unknown) => (v === null ? null : (JSON.parse(String(v)) as Partial<Annotation>));
  return {
    seq: Number(row[0]),
    at: String(row[1]),
    actor: String(row[2]),
    role: String(row[3]),
    action: String(row[4]),
    exceptionId: String(row[5]),
    before: json(row[6]),
    after: json(row[7]),
    hash: String(row[8]),
  };
}
