/** Where the analyst is: saved in the workspace, so reopening it lands on the same page and drill level. */
import type { DrillFilter } from '../../shared/compare';
import type { Grain } from '../../shared/contract';

export type Page = 'sources' | 'contract' | 'results' | 'drill';
export type SourcesTab = 'schema' | 'keys' | 'data' | 'rejects';
export type Theme = 'light' | 'dark';

export interface DrillView {
  /** Dimension names in the order the analyst drills them. */
  order: string[];
  path: DrillFilter[];
  /** The grain date dimensions are shown at. */
  grain: Grain;
  /** Showing the exception rows of the current path instead of the next level's groups. */
  rows: boolean;
  /** Only rows where this compared column differs. */
  column: string | null;
}

export interface UiView {
  page: Page;
  sourcesTab: SourcesTab;
  drill: DrillView;
  theme: Theme;
}

export const DEFAULT_VIEW: UiView = {
  page: 'results',
  sourcesTab: 'schema',
  drill: { order: [], path: [], grain: 'month', rows: false, column: null },
  theme: 'light',
};

export function readView(saved: unknown): UiView {
  if (!saved || typeof saved !== 'object') return DEFAULT_VIEW;
  const v = saved as Partial<UiView>;
  return {
    page: v.page ?? DEFAULT_VIEW.page,
    sourcesTab: v.sourcesTab ?? DEFAULT_VIEW.sourcesTab,
    drill: { ...DEFAULT_VIEW.drill, ...(v.drill ?? {}) },
    theme: v.theme === 'dark' ? 'dark' : 'light',
  };
}
