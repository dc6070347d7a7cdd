/**
 * A scroll that lands on rows the grid does not hold is kept from the grid until their page is in hand.
 * Left to itself, AG Grid's infinite model draws empty rows for them at once, then, when the page comes,
 * throws those rows away and draws them again with data: on a 2-core machine the empty rows took ~55 ms
 * of the main thread (the page's answer waited behind them) and their replacement ~85 ms. Held, the grid
 * loads the blocks without drawing them and draws each row once, with its data. Meanwhile the rows'
 * place is blank, as the grid's own empty rows would be; a page slower than HOLD_MS is not waited for.
 */
import type { GridApi } from 'ag-grid-community';
import type { Row } from './cells';

/** The longest a scroll is kept from the grid before it draws its empty rows. */
export const HOLD_MS = 1_000;

export interface ScrollHoldOptions {
  api: () => GridApi<Row> | null;
  /** Rows drawn beyond those in view, above and below (the grid's rowBuffer). */
  buffer: number;
  /** Rows per block. */
  block: number;
  /** First rows of the blocks the grid's cache holds in these states. */
  blocks: (api: GridApi<Row>, ...states: string[]) => number[];
  /** Called with the rows [first, last) a scroll lands on, before the grid sees it (to fetch them now). */
  onLanding?: (first: number, last: number) => void;
}

export interface ScrollHold {
  /** Listener for `scroll` in the capture phase on an element around the grid. */
  onScroll(event: Event): void;
  /** A block arrived: lets a held scroll through once every block it needs is in hand. */
  answered(): void;
  dispose(): void;
}

export function scrollHold({ api, buffer, block, blocks, onLanding }: ScrollHoldOptions): ScrollHold {
  let held: { target: HTMLElement; starts: number[]; timer: ReturnType<typeof setTimeout> } | null = null;
  let releasing = false;

  const release = () => {
    if (!held) return;
    const { target, timer } = held;
    clearTimeout(timer);
    held = null;
    releasing = true;
    try {
      target.dispatchEvent(new Event('scroll'));
    } finally {
      releasing = false;
    }
  };

  return {
    onScroll(event) {
      const grid = api();
      const target = event.target;
      if (releasing || !grid || !(target instanceof HTMLElement) || target.scrollHeight <= target.clientHeight) return;
      const rowHeight = grid.getSizesForCurrentTheme().rowHeight;
      const rows = grid.getDisplayedRowCount();
      const first = Math.max(0, Math.floor(target.scrollTop / rowHeight) - buffer);
      const last = Math.min(rows, Math.ceil((target.scrollTop + target.clientHeight) / rowHeight) + buffer);
      onLanding?.(first, last);
      const loaded = new Set(blocks(grid, 'loaded', 'failed'));
      const starts: number[] = [];
      for (let start = Math.floor(first / block) * block; start < last; start += block) if (!loaded.has(start)) starts.push(start);
      if (!starts.length) {
        // Lands on rows in hand: a scroll held before is overtaken by this one.
        if (held) clearTimeout(held.timer);
        held = null;
        return;
      }
      event.stopPropagation();
      // Asking the grid for a row of each block makes it load the block (it asks the datasource) without
      // drawing anything.
      for (const start of starts) grid.getDisplayedRowAtIndex(start);
      const timer = held?.timer ?? setTimeout(release, HOLD_MS);
      held = { target, starts, timer };
    },
    answered() {
      const grid = api();
      if (!held || !grid) return;
      const loaded = new Set(blocks(grid, 'loaded', 'failed'));
      if (held.starts.every((s) => loaded.has(s))) release();
    },
    dispose() {
      if (held) clearTimeout(held.timer);
      held = null;
    },
  };
}
