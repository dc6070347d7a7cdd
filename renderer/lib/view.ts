/** Where the analyst is: saved in the workspace, so reopening it lands on the same page and drill level. */
import type { DrillFilter } from '../../shared/compare';
import { timeZoneRuleSchema, type Grain, type TimeZoneRule } from '../../shared/contract';
import type { Side } from '../../shared/types';

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
  /**
   * Each side's last per-row zone rule (column and zone mapping). A toggle to "as written" takes it out of
   * the contract; kept here, it is still offered to toggle back to after the workspace is opened again.
   */
  perRowRules: Partial<Record<Side, TimeZoneRule>>;
}

export const DEFAULT_VIEW: UiView = {
  page: 'results',
  sourcesTab: 'schema',
  drill: { order: [], path: [], grain: 'month', rows: false, column: null },
  theme: 'light',
  perRowRules: {},
};

export function readView(saved: unknown): UiView {
  if (!saved || typeof saved !== 'object') return DEFAULT_VIEW;
  const v = saved as Partial<UiView>;
  return {
    page: v.page ?? DEFAULT_VIEW.page,
    sourcesTab: v.sourcesTab ?? DEFAULT_VIEW.sourcesTab,
    drill: { ...DEFAULT_VIEW.drill, ...(v.drill ?? {}) },
    theme: v.theme === 'dark' ? 'dark' : 'light',
    perRowRules: Object.fromEntries(
      (['left', 'right'] as const).flatMap((side) => {
        const rule = timeZoneRuleSchema.safeParse((v.perRowRules as Record<string, unknown> | undefined)?.[side]);
        return rule.success && rule.data.kind === 'perRow' ? [[side, rule.data]] : [];
      }),
    ),
  };
}

/** `known` with the per-row rules a contract holds now. */
export function withPerRowRules(known: UiView['perRowRules'], contract: { left: { timezone: TimeZoneRule }; right: { timezone: TimeZoneRule } } | null | undefined): UiView['perRowRules'] {
  const rules = { ...known };
  for (const side of ['left', 'right'] as const) {
    const rule = contract?.[side].timezone;
    if (rule?.kind === 'perRow') rules[side] = rule;
  }
  return rules;
}
