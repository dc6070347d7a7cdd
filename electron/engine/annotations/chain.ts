/**
 * The history's hash chain: each entry's hash covers its content and the hash before it, so editing,
 * inserting or deleting any entry breaks every hash after it.
 */
import { createHash } from 'node:crypto';
import type { HistoryEntry } from '../../../shared/annotations.js';

export const GENESIS = '0'.repeat(64);

/** An entry as stored: its states as the JSON text that was written, so the hash covers those exact bytes. */
export type ChainFields = Omit<HistoryEntry, 'before' | 'after' | 'hash'> & { before: string | null; after: string | null };

export function entryHash(previous: string, e: ChainFields): string {
  // A JSON array: unambiguous field boundaries whatever the text holds.
  const content = JSON.stringify([previous, e.seq, e.at, e.actor, e.role, e.action, e.exceptionId, e.before, e.after]);
  return createHash('sha256').update(content).digest('hex');
}
