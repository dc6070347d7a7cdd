/** Step 4: all → region → product → date → exception rows, in any order, with a chart per level. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DrillFilter, DrillGroup, DrillResult } from '../../shared/compare';
import type { WorkspaceState } from '../../shared/types';
import { Breadcrumb } from '../drill/Breadcrumb';
import { DimensionOrder } from '../drill/DimensionOrder';
import { ExceptionRows } from '../drill/ExceptionRows';
import { GroupChart } from '../drill/GroupChart';
import { GroupGrid } from '../drill/GroupGrid';
import { Heatmap } from '../drill/Heatmap';
import { useWorkbench } from '../store/workbench';
import { useNotes } from '../store/notes';
import { ExplanationBar } from '../notes/ExplanationBar';
import { useExplanationCounts } from '../notes/useExplanationCounts';
import { explanationTotal } from '../../shared/annotations';
import { groupName } from '../../shared/rules';
import { count } from '../lib/format';
import { askLevelsAhead, levelGroups, levelOf } from '../drill/levels';
import { DeltaLine } from '../results/DeltaLine';
import type { DrillView } from '../lib/view';
import { askExceptionColumns } from '../drill/exception-columns';
import { afterPaint, afterQuiet } from '../lib/after-paint';
import { rowsKey, useRowsIn } from '../drill/rows-in';
import { askRowsAhead } from '../drill/rows-ahead';
import { useKeptBox } from '../lib/kept-box';

/** How long a level stays on screen before the exception list's grid is built behind it and its lists' first rows are asked. */
const ROWS_AHEAD_AFTER_MS = 600;
/**
 * Out of sight, how long the results stay unchanged before the page asks for its level: an analyst
 * trying toggles one after another is not slowed by levels nobody is looking at (10M: a toggle 1.5 s
 * after another took 500–700 ms instead of ~300 when the hidden level was asked 250 ms after each).
 */
const LEVEL_AHEAD_AFTER_MS = 1_000;
/** At most this many groups' first rows are asked ahead (the engine answers one at a time). */
const GROUPS_AHEAD = 40;

/** The filter a step into one group adds to the path (dates at the level's grain). */
function groupFilter(view: DrillView, temporal: Set<string>, dimension: string, value: string | null): DrillFilter {
  return { dimension, value, grain: temporal.has(dimension) ? view.grain : null };
}

/**
 * `active` false: built ahead, out of sight, while the analyst reads the Results page, so that opening
 * the drill-down shows a level already drawn. Out of sight the page asks only for its level (once the
 * results have been still a moment) and listens to no keys.
 */
export function DrillPage({ ws, active = true }: { ws: WorkspaceState; active?: boolean }) {
  const drill = useWorkbench((s) => s.view.drill);
  const setDrill = useWorkbench((s) => s.setDrill);
  const version = useWorkbench((s) => s.resultsVersion);
  const current = useMemo(() => levelOf(drill, ws, version), [drill, ws, version]);
  const { view, dimension, grain, temporal, key: levelKey } = current;
  const order = view.order;
  const depth = view.path.length;
  const showRows = view.rows || !dimension;
  const levelPanel = useRef<HTMLElement | null>(null);
  useKeptBox(levelPanel, showRows);
  // The exception list's grid is built out of sight while the analyst reads a level, and kept once shown.
  const [rowsBuilt, setRowsBuilt] = useState(false);
  if (showRows && !rowsBuilt) setRowsBuilt(true);
  const [level, setLevel] = useState<{ key: string; result: DrillResult; ms: number } | null>(null);
  // The level whose own exception list is drawn out of sight, ready for "Exception rows here".
  const [held, setHeld] = useState<string | null>(null);
  // Asked once the level is on screen: the groups (or the first rows) come first, their explanation counts a moment later.
  const pathKey = rowsKey(view.path, view.column, version);
  const rowsIn = useRowsIn((s) => s.key === pathKey);
  const levelShown = showRows ? rowsIn : level !== null && level.key === levelKey;
  const counts = useExplanationCounts(ws.summary && levelShown && active ? { filters: view.path, column: view.column ?? undefined, by: dimension && !view.rows ? { dimension, grain } : undefined } : null);
  const unexplained = useMemo(() => (counts?.fresh && dimension ? new Map(counts.groups.map((g) => [g.value, g.unexplained])) : null), [counts, dimension]);
  const groupSize = counts ? explanationTotal(counts) : null;

  useEffect(askLevelsAhead, []);
  // While a level is read, the step down to the rows is prepared: the exception list's grid is built
  // and the first rows of the lists one step away are asked (the level's own and, when the next step is
  // the rows, each group's).
  const notesVersion = useNotes((s) => s.version);
  const groupsShown = !showRows && level?.key === levelKey ? level.result : null;
  useEffect(() => {
    if (!active || !ws.summary || !groupsShown || !dimension) return;
    const lists = [view.path];
    if (depth === order.length - 1) lists.push(...groupsShown.groups.slice(0, GROUPS_AHEAD).map((g) => [...view.path, groupFilter(view, temporal, dimension, g.value)]));
    let cancel = () => undefined as void;
    const stop = afterQuiet(() => {
      setRowsBuilt(true);
      cancel = askRowsAhead(lists, version, notesVersion);
      setHeld(pathKey);
    }, ROWS_AHEAD_AFTER_MS);
    return () => {
      stop();
      cancel();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [groupsShown, notesVersion, active]);
  // Once a level is on screen, the exception list's columns are learned for the step down to the rows.
  useEffect(() => (ws.summary && levelShown ? afterPaint(() => void askExceptionColumns(version)) : undefined), [ws.summary, levelShown, version]);
  const levelKnown = level?.key === levelKey;
  useEffect(() => {
    if (levelKnown) return;
    let live = true;
    const ask = () => {
      const groups = levelGroups(current, version);
      const started = performance.now();
      groups?.then((result) => live && setLevel({ key: levelKey, result, ms: Math.round(performance.now() - started) })).catch((e) => useWorkbench.getState().showError(e));
    };
    // Out of sight, a level follows the results once they have been still a moment (not during a toggle).
    const stop = active ? null : afterQuiet(ask, LEVEL_AHEAD_AFTER_MS);
    if (active) ask();
    return () => {
      live = false;
      stop?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [levelKey, active]);

  const drillInto = (value: string | null) => {
    if (!dimension) return;
    const path = [...view.path, groupFilter(view, temporal, dimension, value)];
    setDrill({ order, path, rows: path.length >= order.length });
  };
  const up = (to: number) => setDrill({ order, path: view.path.slice(0, to), rows: false });

  useEffect(() => {
    if (!active) return;
    // Backspace goes up a level (unless typing).
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key !== 'Backspace' || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || useWorkbench.getState().rowKey) return;
      e.preventDefault();
      const v = useWorkbench.getState().view.drill;
      if (v.rows && v.path.length < order.length) setDrill({ rows: false });
      else if (v.path.length > 0) setDrill({ path: v.path.slice(0, -1), rows: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [order, setDrill, active]);

  if (!ws.summary || !ws.contract) return active ? <p className="empty">Run a comparison first.</p> : null;
  // The previous level stays on screen (dimmed) until the next one arrives, so the grid and chart are
  // updated in place rather than built again: that is most of what a drill step costs.
  const shown = level;
  const stale = level !== null && level.key !== levelKey;
  const firstPlain = order.find((d) => !temporal.has(d));
  const firstDate = order.find((d) => temporal.has(d));
  const keyCount = ws.contract.key.length;

  return (
    <div className={`page ${active ? '' : 'offstage-page'}`} data-testid="page-drill" hidden={!active}>
      <header className="page-head">
        <Breadcrumb drill={view} onUp={up} />
        <div className="spacer" />
        {view.path.length > 0 && (
          <>
            <button
              className="btn"
              data-testid="annotate-group"
              onClick={() =>
                useNotes.getState().openAnnotate({ title: `all ${groupSize === null ? '' : `${count(groupSize)} `}exceptions in ${groupName(view.path)}`, size: groupSize, target: { set: { filters: view.path, column: view.column ?? undefined } } })
              }
            >
              Annotate this group…
            </button>
            <button className="btn" data-testid="promote-group" onClick={() => useNotes.getState().openPromote({ path: view.path, column: view.column, size: groupSize })}>
              Make a rule from it…
            </button>
          </>
        )}
        {!view.rows && (
          <button className="btn" onClick={() => setDrill({ order, rows: true })} data-testid="show-rows">
            Exception rows here →
          </button>
        )}
      </header>
      {active && <DeltaLine />}
      {order.length > 0 && <DimensionOrder drill={view} temporal={temporal} />}
      {!view.rows && <ExplanationBar counts={counts} />}
      {order.length === 0 && !view.rows && <p className="empty">The contract names no dimensions; the exception rows are below.</p>}
      {/* The heatmap asks after the level has come, so the groups are never kept waiting for it. */}
      {depth === 0 && !view.rows && firstPlain && firstDate && levelShown && (
        <section className="panel">
          <header className="panel-head">
            <h3>
              Exceptions by {firstPlain} and {firstDate}
            </h3>
            <span className="muted small">click a row to drill into it</span>
          </header>
          <Heatmap rows={firstPlain} columns={firstDate} grain={view.grain} ask={active} onPick={(v) => setDrill({ order, path: [{ dimension: firstPlain, value: v }], rows: false })} />
        </section>
      )}
      {rowsBuilt && <ExceptionRows drill={view} keyCount={keyCount} active={showRows && active} hold={active && held === pathKey} />}
      {/* The last level stays built (hidden) under the rows: Backspace shows it again instead of building it anew. */}
      {(!showRows || shown) && (
        <section
          ref={levelPanel}
          className={`panel panel-fill ${stale ? 'is-stale' : ''} ${showRows ? 'offstage' : ''}`}
          hidden={showRows}
          data-testid="drill-level"
          data-drill-ms={active && !showRows && shown && !stale ? shown.ms : ''}
          data-dimension={active && !showRows && shown && !stale ? shown.result.dimension : ''}
          aria-busy={!shown || stale}
        >
          <header className="panel-head">
            <h3>By {dimension ?? shown?.result.dimension}</h3>
            <span className="muted small">{shown && !stale ? `${shown.result.groups.length} groups · Enter or click drills in, Backspace goes up` : 'Loading…'}</span>
          </header>
          {shown && (
            <>
              <GroupChart groups={shown.result.groups} dimension={shown.result.dimension} onPick={(v) => !stale && drillInto(v)} />
              <GroupGrid result={shown.result} unexplained={stale ? null : unexplained} active={active} onDrill={(g: DrillGroup) => !stale && drillInto(g.value)} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
