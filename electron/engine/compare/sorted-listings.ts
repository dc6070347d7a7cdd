/**
 * Exception lists an analyst pages through, kept in their sorted order. A page of a list is otherwise
 * sorted out of every exception again (a top-N over the whole list, then its rows widened); paging a list
 * kept sorted, with each row's position, reads only the rows asked for. 10M × 10M orders, 86k exceptions,
 * engine alone: a 200-row page deep in a sorted list took 30–45 ms; from the kept list, 2–3 ms (before its
 * annotations and history are joined). Keeping one costs a sort of the list once (200–350 ms there), in
 * the background, on a lane of its own.
 *
 * A list is kept only once it is paged past its first block or sorted by the analyst (a first page alone,
 * such as a drill level's rows asked ahead, is not worth it), only while it is of a size that may be copied
 * (MAX_ROWS), and only the last few (KEEP). The owner drops them all when the exceptions change.
 */
import type { Lane } from '../db/lane.js';
import type { Params } from '../db/params.js';
import { RUN_DB } from './run-tables.js';

/** Lists longer than this are paged from the exceptions each time (a copy would weigh too much). */
const MAX_ROWS = 2_000_000;
/** Lists kept at a time; the least recently paged one is dropped for a new one. */
const KEEP = 3;
/** A list is kept this long after it was asked, so its sort does not take the cores from drawing its first page. */
const AFTER_MS = 250;

interface Kept {
  table: string;
  ready: boolean;
  used: number;
}

export class SortedListings {
  private readonly kept = new Map<string, Kept>();
  private generation = 0;
  private made = 0;
  private uses = 0;
  /** Lists being made now (a run interrupts them). */
  private making = 0;

  constructor(private readonly lane: () => Promise<Lane>) {}

  /** The table holding this list in order (its rows' positions in `_pos`), once it is made. */
  find(key: string): string | null {
    const kept = this.kept.get(key);
    if (!kept?.ready) return null;
    kept.used = ++this.uses;
    return kept.table;
  }

  /**
   * Whether a list is worth keeping once a page of it was asked: it was paged past its first page or sorted
   * by the analyst, it holds more than two pages, and it may be copied.
   */
  static worth(page: { offset: number; limit: number; sorted: boolean }, total: number): boolean {
    return (page.offset > 0 || page.sorted) && total > 2 * page.limit && total <= MAX_ROWS;
  }

  /**
   * Keeps the list `select` (run.exceptions rows, each with its `_pos`) unless it is kept or being made.
   * Failures are not the analyst's: the list is paged as before.
   */
  keep(key: string, select: string, params: Params): void {
    if (this.kept.has(key)) return;
    const generation = this.generation;
    const table = `${RUN_DB}.sorted_listing_${++this.made}`;
    const entry: Kept = { table, ready: false, used: ++this.uses };
    this.kept.set(key, entry);
    const timer = setTimeout(() => {
      void this.make(key, entry, select, params, generation);
    }, AFTER_MS);
    timer.unref?.();
  }

  private async make(key: string, entry: Kept, select: string, params: Params, generation: number): Promise<void> {
    try {
      if (generation !== this.generation) return;
      const lane = await this.lane();
      this.making++;
      try {
        await lane.use((c) => c.run(`CREATE TABLE ${entry.table} AS ${select}`, params.values, params.typeList));
      } finally {
        this.making--;
      }
      if (generation !== this.generation || this.kept.get(key) !== entry) {
        await lane.use((c) => c.run(`DROP TABLE IF EXISTS ${entry.table}`));
        return;
      }
      entry.ready = true;
      await this.trim(lane);
    } catch {
      if (this.kept.get(key) === entry) this.kept.delete(key);
    }
  }

  /** Drops the least recently paged lists beyond KEEP. */
  private async trim(lane: Lane): Promise<void> {
    const ready = [...this.kept.entries()].filter(([, k]) => k.ready).sort((a, b) => b[1].used - a[1].used);
    for (const [key, kept] of ready.slice(KEEP)) {
      this.kept.delete(key);
      await lane.use((c) => c.run(`DROP TABLE IF EXISTS ${kept.table}`));
    }
  }

  /** Forgets every list (the exceptions changed) and drops them in the background; lists being made are dropped when they are done. */
  clear(): void {
    this.generation++;
    const tables = [...this.kept.values()].filter((k) => k.ready).map((k) => k.table);
    this.kept.clear();
    if (!tables.length) return;
    void this.lane()
      .then((lane) => lane.use(async (c) => {
        for (const table of tables) await c.run(`DROP TABLE IF EXISTS ${table}`);
      }))
      .catch(() => undefined);
  }

  /** Stops a list being made (a run is about to replace the exceptions it reads); with none, nothing to do. */
  async interrupt(): Promise<void> {
    if (this.making) (await this.lane()).connection.interrupt();
  }
}
