/**
 * The history's hash chain: each entry's hash covers its content and the hash before it, so editing,
 * inserting or deleting any entry breaks every hash after it.
 */
import { createHash } from 'node:crypto';
import type { ChainCheck, HistoryEntry } from '../../../shared/annotations.js';

export const GENESIS = '0'.repeat(64);

/** An entry as stored: its states as the JSON text that was written, so the hash covers those exact bytes. */
export type ChainFields = Omit<HistoryEntry, 'before' | 'after' | 'hash'> & { before: string | null; after: string | null };

export function entryHash(previous: string, e: ChainFields): string {
  // A JSON array: unambiguous field boundaries whatever the text holds.
  const content = JSON.stringify([previous, e.seq, e.at, e.actor, e.role, e.action, e.exceptionId, e.before, e.after]);
  return createHash('sha256').update(content).digest('hex');
}

/** An entry as the history table (and a pack's notes/history.json) holds it. */
export interface StoredEntry {
  seq: number;
  changed_at: string;
  actor: string;
  role: string;
  action: string;
  exception_id: string;
  before_state: string | null;
  after_state: string | null;
  hash: string;
}

/** Re-computes the chain from the first entry; names the first entry that does not follow. */
export function verifyChain(rows: readonly StoredEntry[]): ChainCheck {
  let previous = GENESIS;
  let expectedSeq = 1;
  for (const row of rows) {
    // Hashed from the stored text itself: an entry edited into invalid JSON still fails here, not in a parser.
    const e = { seq: Number(row.seq), at: String(row.changed_at), actor: String(row.actor), role: String(row.role), action: String(row.action), exceptionId: String(row.exception_id), hash: String(row.hash) };
    if (e.seq !== expectedSeq) {
      return { ok: false, entries: rows.length, brokenAt: expectedSeq, message: `History entry ${expectedSeq} is missing: the history was cut after it was written.` };
    }
    const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
    if (entryHash(previous, { ...e, before: text(row.before_state), after: text(row.after_state) }) !== e.hash) {
      return { ok: false, entries: rows.length, brokenAt: e.seq, message: `History entry ${e.seq} (${e.action} by ${e.actor} at ${e.at}) does not match its hash: it was changed after it was written.` };
    }
    previous = e.hash;
    expectedSeq++;
  }
  return { ok: true, entries: rows.length, brokenAt: null, message: rows.length ? `All ${rows.length.toLocaleString('en-US')} history entries follow from each other.` : 'The history is empty.' };
}
