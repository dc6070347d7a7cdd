/** One drill level: a group per row with legacy, new, difference and % per measure, and its exceptions. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type MouseEvent } from 'react';
import { AgGridReact, type CustomInnerHeaderProps } from 'ag-grid-react';
import type { CellKeyDownEvent, ColDef, ColGroupDef, GetRowIdParams, GridApi, RowClassRules } from 'ag-grid-community';
import type { DrillGroup, DrillResult } from '../../shared/compare';
import { groupDigits } from '../grid/cells';
import { copyOnCtrlC } from '../grid/copy-tsv';
import { rememberWidth, rememberedWidths } from '../grid/grid-memory';
import { gridTheme } from '../grid/theme';
import { MULTI_ROW_SELECTION, SORTABLE_COLUMNS } from '../grid/grid-options';
import { useWorkbench } from '../store/workbench';
import { groupLabel, severityOf } from './severity';

const SEVERITY_ROWS: RowClassRules<DrillGroup> = {
  'sev-high': (p) => Boolean(p.data) && severityOf(p.data as DrillGroup) === 'high',
  'sev-mid': (p) => Boolean(p.data) && severityOf(p.data as DrillGroup) === 'mid',
};

/**
 * Rows are known by their place in the level, not by their group: a step to the next level then fills
 * the rows already drawn with new values instead of removing them and drawing new ones (half the cost
 * of a drill step on a small machine). Rows sorted in the grid keep their own places.
 */
const rowPlaces = new WeakMap<DrillGroup, number>();
const groupRowId = (p: GetRowIdParams<DrillGroup>) => String(rowPlaces.get(p.data));

/**
 * The level's dimension, named in the first column's header. The header text follows the level without
 * the header being built again (AG Grid's refreshHeader rebuilds every header cell: ~15 ms a step).
 */
class LevelName {
  private readonly listeners = new Set<() => void>();
  constructor(public value: string) {}
  set(value: string): void {
    if (value === this.value) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

function LevelHeader({ context }: CustomInnerHeaderProps<DrillGroup, LevelName>) {
  return <>{useSyncExternalStore(context.subscribe, () => context.value)}</>;
}

const num = (v: unknown) => (v === null || v === undefined ? '—' : groupDigits(String(v)));

interface Props {
  result: DrillResult;
  onDrill: (g: DrillGroup) => void;
  /** Per group value: exceptions nobody and no rule has explained yet (arrives after the level). */
  unexplained: Map<string | null, number> | null;
  /** False while the page is built out of sight: the keyboard focus stays where the analyst is. */
  active?: boolean;
}

export function GroupGrid({ result, onDrill, unexplained, active = true }: Props) {
  const theme = useWorkbench((s) => s.view.theme);
  const gridApi = useRef<GridApi<DrillGroup> | null>(null);
  const rows = useMemo(() => {
    result.groups.forEach((g, i) => rowPlaces.set(g, i));
    return result.groups;
  }, [result.groups]);
  // A selection belongs to the groups it was made on, not to the places they had.
  const groupsKey = useMemo(() => JSON.stringify([result.dimension, result.groups.map((g) => g.value)]), [result]);
  useEffect(() => gridApi.current?.deselectAll(), [groupsKey]);
  // The first group takes the keyboard focus (arrows move, Enter drills in) whenever a level is shown.
  const shownNow = useRef(active);
  const focusFirst = (api: GridApi<DrillGroup>) => shownNow.current && api.getDisplayedRowCount() > 0 && api.setFocusedCell(0, 'value');
  useLayoutEffect(() => {
    shownNow.current = active;
    if (active && gridApi.current) focusFirst(gridApi.current);
  }, [active]);
  // The counts arrive after the level (and again after an annotation); only their column is redrawn.
  const counts = useRef(unexplained);
  useEffect(() => {
    counts.current = unexplained;
    gridApi.current?.refreshCells({ columns: ['xUnexplained'], force: true });
  }, [unexplained]);
  // The columns stay while the analyst drills (only the first one's header follows the level): building
  // them again would make AG Grid rebuild every header and cell, most of what a drill step costs.
  const [levelName] = useState(() => new LevelName(result.dimension));
  useLayoutEffect(() => levelName.set(result.dimension), [levelName, result.dimension]);
  const measureKey = (result.groups[0]?.measures ?? []).map((m) => m.name).join('\u0000');
  const columnDefs = useMemo<(ColDef<DrillGroup> | ColGroupDef<DrillGroup>)[]>(() => {
    const measureNames = measureKey ? measureKey.split('\u0000') : [];
    return [
      {
        colId: 'value',
        headerValueGetter: (p) => (p.context as LevelName).value,
        headerComponentParams: { innerHeaderComponent: LevelHeader },
        valueGetter: (p) => groupLabel(p.data?.value ?? null),
        pinned: 'left',
        minWidth: 150,
        cellClass: 'group-link',
      },
      // Beside the group's name: how much of it nobody and no rule has explained yet.
      {
        headerName: 'Explained?',
        children: [
          {
            colId: 'xUnexplained',
            headerName: 'Unexplained',
            valueGetter: (p) => (p.data && counts.current ? (counts.current.get(p.data.value) ?? 0) : null),
            valueFormatter: (p) => (p.value === null ? '…' : num(p.value)),
            cellClassRules: { 'cell-unexplained': (p) => Number(p.value) > 0 },
            type: 'rightAligned',
            width: 110,
          } as ColDef<DrillGroup>,
        ],
      },
      { colId: 'leftRows', headerName: 'Legacy rows', valueGetter: (p) => p.data?.leftRows, valueFormatter: (p) => num(p.value), type: 'rightAligned', width: 110 },
      { colId: 'rightRows', headerName: 'New rows', valueGetter: (p) => p.data?.rightRows, valueFormatter: (p) => num(p.value), type: 'rightAligned', width: 110 },
      ...measureNames.map((name, i) => ({
        headerName: name,
        children: [
          { colId: `m${i}l`, headerName: 'Legacy', valueGetter: (p) => p.data?.measures[i].left, valueFormatter: (p) => num(p.value), type: 'rightAligned', width: 150 } as ColDef<DrillGroup>,
          { colId: `m${i}r`, headerName: 'New', valueGetter: (p) => p.data?.measures[i].right, valueFormatter: (p) => num(p.value), type: 'rightAligned', width: 150 } as ColDef<DrillGroup>,
          {
            colId: `m${i}d`,
            headerName: 'Difference',
            valueGetter: (p) => p.data?.measures[i].diff,
            valueFormatter: (p) => num(p.value),
            comparator: (a: string | null, b: string | null) => Math.abs(Number(a ?? 0)) - Math.abs(Number(b ?? 0)),
            type: 'rightAligned',
            width: 120,
            cellClassRules: { 'cell-beyond': (p) => p.data?.measures[i].withinTolerance === false },
          } as ColDef<DrillGroup>,
          {
            colId: `m${i}p`,
            headerName: '%',
            valueGetter: (p) => p.data?.measures[i].pctDiff,
            valueFormatter: (p) => (p.value === null || p.value === undefined ? '—' : `${(Number(p.value) * 100).toFixed(2)}%`),
            type: 'rightAligned',
            width: 90,
          } as ColDef<DrillGroup>,
        ],
      })),
      {
        headerName: 'Exceptions',
        children: [
          { colId: 'xTotal', headerName: 'All', valueGetter: (p) => p.data?.exceptions.total, valueFormatter: (p) => num(p.value), type: 'rightAligned', width: 90 },
          { colId: 'xMismatch', headerName: 'Mismatch', valueGetter: (p) => p.data?.exceptions.mismatch, valueFormatter: (p) => num(p.value), type: 'rightAligned', width: 100 },
          { colId: 'xLeft', headerName: 'Only legacy', valueGetter: (p) => p.data?.exceptions.left_only, valueFormatter: (p) => num(p.value), type: 'rightAligned', width: 110 },
          { colId: 'xRight', headerName: 'Only new', valueGetter: (p) => p.data?.exceptions.right_only, valueFormatter: (p) => num(p.value), type: 'rightAligned', width: 100 },
          { colId: 'xTiming', headerName: 'Timing', valueGetter: (p) => p.data?.exceptions.timing, valueFormatter: (p) => num(p.value), type: 'rightAligned', width: 90 },
          { colId: 'xKeys', headerName: 'Key issues', valueGetter: (p) => (p.data ? p.data.exceptions.duplicate_key + p.data.exceptions.null_key : 0), valueFormatter: (p) => num(p.value), type: 'rightAligned', width: 100 },
        ],
      },
    ];
  }, [measureKey]);
  // A click on a group's name drills in from the click itself: AG Grid hands its own cell events to the
  // page in a later task, after a frame, and the next level's request would wait for it.
  const clickGroup = (event: MouseEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest('.ag-cell[col-id="value"]')?.closest('.ag-row[row-index]');
    const group = row && gridApi.current?.getDisplayedRowAtIndex(Number(row.getAttribute('row-index')))?.data;
    if (group) onDrill(group);
  };
  const defs = useMemo(() => columnDefs.map((d) => ('children' in d ? { ...d, children: rememberedWidths('drill-groups', d.children as ColDef<DrillGroup>[]) } : rememberedWidths('drill-groups', [d])[0])), [columnDefs]);
  return (
    <div className="grid-frame grid-groups" data-testid="group-grid" onClick={clickGroup}>
      <AgGridReact<DrillGroup>
        theme={gridTheme(theme)}
        context={levelName}
        rowData={rows}
        animateRows={false}
        // Rows are drawn in the frame their data arrives in, not spread over the next frames: one paint
        // (the costly part on a machine without a GPU) instead of several.
        suppressAnimationFrame
        columnDefs={defs}
        defaultColDef={SORTABLE_COLUMNS}
        getRowId={groupRowId}
        rowClassRules={SEVERITY_ROWS}
        rowSelection={MULTI_ROW_SELECTION}
        onCellKeyDown={(e: CellKeyDownEvent<DrillGroup>) => {
          if (copyOnCtrlC(e)) return;
          if ((e.event as KeyboardEvent | null)?.key === 'Enter' && e.data) onDrill(e.data);
        }}
        onRowDoubleClicked={(e) => e.data && onDrill(e.data)}
        onColumnResized={rememberWidth('drill-groups')}
        onGridReady={(e) => {
          gridApi.current = e.api;
          // Counts that came while the grid was getting ready found no grid to refresh.
          e.api.refreshCells({ columns: ['xUnexplained'], force: true });
        }}
        onFirstDataRendered={(e) => focusFirst(e.api)}
        onRowDataUpdated={(e) => focusFirst(e.api)}
      />
    </div>
  );
}
