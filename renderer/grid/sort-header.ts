/**
 * Column headers of a paged grid, sorted by the grid itself rather than by AG Grid. AG Grid's infinite row
 * model answers a sort by throwing its rows away and drawing them again, empty then filled: on a 2-core
 * machine most of what a sort cost on screen. Sorted here, the rows in view stay and take the new order's
 * values in place (see PagedGrid). The header looks and reads as AG Grid's own: its label, the sort's arrow
 * and, for a sort by several columns, each one's place; `aria-sort` on the header cell; click or Enter to
 * sort, with Shift to add a column.
 */
import type { IHeaderComp, IHeaderParams } from 'ag-grid-community';
import type { SortSpec } from '../../shared/types';
import { nextSort } from './next-sort';

/** The sort of one grid, and the headers showing it. */
export class GridSort {
  private sort: SortSpec[] = [];
  private readonly shown = new Set<() => void>();
  private sorted: (sort: SortSpec[]) => void = () => undefined;

  get current(): SortSpec[] {
    return this.sort;
  }

  /** A click or Enter on a column's header. */
  progress(column: string, multi: boolean): void {
    this.sort = nextSort(this.sort, column, multi);
    this.redraw();
    this.sorted(this.sort);
  }

  /** What the grid does with a new sort (asks for its rows). */
  onSorted(handler: (sort: SortSpec[]) => void): void {
    this.sorted = handler;
  }

  /** Back to unsorted without asking for rows (a new list starts so). */
  clear(): void {
    if (!this.sort.length) return;
    this.sort = [];
    this.redraw();
  }

  watch(redraw: () => void): () => void {
    this.shown.add(redraw);
    return () => this.shown.delete(redraw);
  }

  private redraw(): void {
    for (const redraw of this.shown) redraw();
  }
}

export interface SortHeaderParams {
  sorting: GridSort;
}

/** A click this soon after a column was moved ends the move (AG Grid's own headers wait as long). */
const MOVED_MS = 50;

const ARIA: Record<SortSpec['direction'], string> = { asc: 'ascending', desc: 'descending' };

export class SortHeader implements IHeaderComp {
  private gui!: HTMLElement;
  private text!: HTMLElement;
  private order!: HTMLElement;
  private arrow!: HTMLElement;
  private icon!: HTMLElement;
  private params!: IHeaderParams & SortHeaderParams;
  private aria = 'none';
  private readonly stops: (() => void)[] = [];

  init(params: IHeaderParams & SortHeaderParams): void {
    this.params = params;
    // AG Grid's own header classes, so the theme lays it out and colours it the same.
    this.gui = document.createElement('div');
    this.gui.className = 'ag-cell-label-container sort-header';
    this.gui.setAttribute('role', 'presentation');
    const label = document.createElement('div');
    label.className = 'ag-header-cell-label';
    label.setAttribute('role', 'presentation');
    this.text = document.createElement('span');
    this.text.className = 'ag-header-cell-text';
    const indicator = document.createElement('span');
    indicator.className = 'ag-sort-indicator-container';
    this.order = document.createElement('span');
    this.order.className = 'ag-sort-indicator-icon ag-sort-order';
    this.order.setAttribute('aria-hidden', 'true');
    this.arrow = document.createElement('span');
    this.arrow.className = 'ag-sort-indicator-icon';
    this.arrow.setAttribute('aria-hidden', 'true');
    this.icon = document.createElement('span');
    this.icon.setAttribute('role', 'presentation');
    this.arrow.append(this.icon);
    indicator.append(this.order, this.arrow);
    label.append(this.text, indicator);
    this.gui.append(label);

    const column = params.column.getColId();
    // A column dragged to another place is let go with a click on its header: that click does not sort.
    let moved = 0;
    const onMoving = () => {
      moved = Date.now();
    };
    params.column.addEventListener('movingChanged', onMoving);
    const onClick = (event: MouseEvent) => {
      if (params.column.isMoving() || Date.now() - moved < MOVED_MS) return;
      params.sorting.progress(column, event.shiftKey);
    };
    // Focus rests on the header cell when the keyboard moves along the headers.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.target !== params.eGridHeader) return;
      event.preventDefault();
      params.sorting.progress(column, event.shiftKey);
    };
    this.gui.addEventListener('click', onClick);
    params.eGridHeader.addEventListener('keydown', onKey);
    // AG Grid clears `aria-sort` from a column it does not sort each time it refreshes the header (a
    // filter set, new column definitions): it is put back.
    const kept = new MutationObserver(() => {
      if (params.eGridHeader.getAttribute('aria-sort') !== this.aria) params.eGridHeader.setAttribute('aria-sort', this.aria);
    });
    kept.observe(params.eGridHeader, { attributes: true, attributeFilter: ['aria-sort'] });
    this.stops.push(
      () => this.gui.removeEventListener('click', onClick),
      () => params.column.removeEventListener('movingChanged', onMoving),
      () => params.eGridHeader.removeEventListener('keydown', onKey),
      () => kept.disconnect(),
      params.sorting.watch(() => this.draw()),
    );
    this.draw();
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: IHeaderParams & SortHeaderParams): boolean {
    if (params.sorting !== this.params.sorting) return false;
    this.params = params;
    this.draw();
    return true;
  }

  destroy(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private draw(): void {
    const { params } = this;
    const sort = params.sorting.current;
    const at = sort.findIndex((s) => s.column === params.column.getColId());
    const direction = at >= 0 ? sort[at].direction : null;
    this.text.textContent = params.displayName;
    this.order.textContent = sort.length > 1 && direction ? String(at + 1) : '';
    this.order.classList.toggle('ag-hidden', !(sort.length > 1 && direction));
    this.arrow.classList.toggle('ag-hidden', !direction);
    this.icon.className = direction ? `ag-icon ag-icon-${direction}` : '';
    this.aria = direction ? ARIA[direction] : 'none';
    params.eGridHeader.setAttribute('aria-sort', this.aria);
  }
}
