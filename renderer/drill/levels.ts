/**
 * Which level a drill view shows, and its groups asked for once. The request starts the moment the view
 * changes (a click, Backspace, the breadcrumb, the heatmap), before React draws anything: the page then
 * picks up the same request instead of starting it after its own render.
 */
import type { DrillFilter, DrillResult } from '../../shared/compare';
import type { Grain } from '../../shared/contract';
import type { WorkspaceState } from '../../shared/types';
import { api } from '../api/client';
import { dimensionNames } from '../lib/dimensions';
import type { DrillView } from '../lib/view';
import { useWorkbench } from '../store/workbench';

export interface Level {
  /** The view with its dimension order settled against the contract. */
  view: DrillView;
  /** null when the view shows exception rows (or the contract names no dimension). */
  dimension: string | null;
  grain: Grain | null;
  temporal: Set<string>;
  /** Identifies the level's groups: dimension, path, grain and the result version. */
  key: string;
}

export function levelOf(drill: DrillView, ws: WorkspaceState | null, version: number): Level {
  const { names, temporal } = dimensionNames(ws?.contract);
  const order = drill.order.length === names.length && drill.order.every((d) => names.includes(d)) ? drill.order : names;
  const view = { ...drill, order };
  const depth = view.path.length;
  const dimension = view.rows || depth >= order.length ? null : order[depth];
  const grain = dimension && temporal.has(dimension) ? view.grain : null;
  return { view, dimension, grain, temporal, key: JSON.stringify([dimension, view.path, grain, version]) };
}

const asked = new Map<string, Promise<DrillResult>>();

/**
 * Groups of one dimension under some filters, for a result version; the same promise for the same
 * question until a couple of dozen newer ones have been asked (the levels and the heatmap share them).
 */
export function drillGroups(dimension: string, grain: Grain | null, filters: DrillFilter[], version: number): Promise<DrillResult> {
  const key = JSON.stringify([dimension, filters, grain, version]);
  let groups = asked.get(key);
  if (!groups) {
    groups = api().call('compare.drill', { dimension, grain, filters });
    // A failed request is asked again next time rather than remembered.
    groups.catch(() => asked.delete(key));
    asked.set(key, groups);
    if (asked.size > 24) asked.delete(asked.keys().next().value!);
  }
  return groups;
}

/** The level's groups (null when the level shows exception rows). */
export function levelGroups(level: Level, version: number): Promise<DrillResult> | null {
  return level.dimension ? drillGroups(level.dimension, level.grain, level.view.path, version) : null;
}

/** While the drill-down is open: every change of view asks for its level at once. */
export function askLevelsAhead(): () => void {
  return useWorkbench.subscribe((s, before) => {
    if (s.view.drill === before.view.drill || !s.workspace?.summary) return;
    void levelGroups(levelOf(s.view.drill, s.workspace, s.resultsVersion), s.resultsVersion)?.catch(() => undefined);
  });
}
