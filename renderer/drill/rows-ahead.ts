/**
 * First pages of exception lists asked ahead while the analyst reads a drill level: the level's own rows
 * ("Exception rows here") and, on the last level before the rows, each group's. The engine answers them
 * one at a time behind the analyst's own requests; a list opened later starts from its page here.
 */
import type { DrillFilter } from '../../shared/compare';
import type { TablePage } from '../../shared/types';
import { api } from '../api/client';
import { BLOCK } from '../grid/PagedGrid';

interface Ahead {
  page: Promise<TablePage>;
  /** Asked of the engine (not only waiting in the queue). */
  started: boolean;
}

/** Past this many lists the oldest page is forgotten. */
const KEEP = 64;
const pages = new Map<string, Ahead>();
let queue: Promise<unknown> = Promise.resolve();
let generation = 0;

const keyOf = (filters: DrillFilter[], version: number, notes: number) => JSON.stringify([filters, version, notes]);

/** Asks for the first page of each list, one after another; the returned cancel drops those not yet asked. */
export function askRowsAhead(lists: DrillFilter[][], version: number, notes: number): () => void {
  const mine = ++generation;
  for (const filters of lists) {
    const key = keyOf(filters, version, notes);
    if (pages.has(key)) continue;
    const ahead: Ahead = { page: Promise.resolve(null as never), started: false };
    ahead.page = queue.then(() => {
      if (mine !== generation) throw new Error('The analyst moved on before this list was asked.');
      ahead.started = true;
      return api().call('compare.exceptions', { filters, offset: 0, limit: BLOCK });
    });
    queue = ahead.page.catch(() => undefined);
    // A list dropped or failed is asked afresh when it is opened.
    ahead.page.catch(() => pages.get(key) === ahead && pages.delete(key));
    pages.set(key, ahead);
    if (pages.size > KEEP) pages.delete(pages.keys().next().value!);
  }
  return () => {
    if (generation === mine) generation++;
  };
}

/**
 * The first page of a list asked ahead, if the engine has it or is on it: one still queued is not worth
 * an analyst's waiting for, but `queued` takes it for a list drawn out of sight, which nobody waits for.
 */
export function rowsAhead(filters: DrillFilter[], version: number, notes: number, queued = false): Promise<TablePage> | null {
  const ahead = pages.get(keyOf(filters, version, notes));
  return ahead && (ahead.started || queued) ? ahead.page : null;
}
