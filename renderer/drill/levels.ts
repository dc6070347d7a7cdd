/**
 * Which level a drill view shows, and its groups asked for once. The request starts the moment the view
 * changes (a click, Backspace, the breadcrumb, the heatmap), before React draws anything: the page then
 * picks up the same request instead of starting it after its own render.
 */
import type { DrillResult } from '../../shared/compare';
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

/** The level's groups; the same promise for the same level until a few newer levels have been asked. */
export function levelGroups(level: Level): Promise<DrillResult> | null {
  if (!level.dimension) return null;
  let groups = asked.get(level.key);
  if (!groups) {
    groups = api().call('compare.drill', { dimension: level.dimension, grain: level.grain, filters: level.view.path });
    // A failed request is asked again next time rather than remembered.
    groups.catch(() => asked.delete(level.key));
    asked.set(level.key, groups);
    if (asked.size > 12) asked.delete(asked.keys().next().value!);
  }
  return groups;
}

/** While the drill-down is open: every change of view asks for its level at once. */
export function askLevelsAhead(): () => void {
  return useWorkbench.subscribe((s, before) => {
    if (s.view.drill === before.view.drill || !s.workspace?.summary) return;
    void levelGroups(levelOf(s.view.drill, s.workspace, s.resultsVersion))?.catch(() => undefined);
  });
}
