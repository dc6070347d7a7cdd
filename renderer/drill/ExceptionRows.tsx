/** The last level: the exception rows of the current path, sorted and filtered in DuckDB. */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Explanation } from '../../shared/annotations';
import type { ExceptionClass } from '../../shared/compare';
import { EXCEPTION_ID } from '../../shared/compare';
import { pageColumns } from '../../shared/arrow-cells';
import type { ColumnFilter } from '../../shared/filters';
import type { ColumnInfo, SortSpec, TablePage } from '../../shared/types';
import { api } from '../api/client';
import { BLOCK, PagedGrid } from '../grid/PagedGrid';
import { count } from '../lib/format';
import { whenIdle } from '../lib/after-paint';
import type { DrillView } from '../lib/view';
import { useWorkbench } from '../store/workbench';
import { useNotes } from '../store/notes';
import { askExceptionColumns, exceptionColumns, rememberExceptionColumns } from './exception-columns';
import { rowsKey, useRowsIn } from './rows-in';
import { rowsAhead } from './rows-ahead';
import { ExplanationBar } from '../notes/ExplanationBar';
import { useExplanationCounts } from '../notes/useExplanationCounts';
import type { Row } from '../grid/cells';
import { groupName } from '../../shared/rules';

type ClassFilter = ExceptionClass | 'within_tolerance';

const CLASSES: [string, ClassFilter[]][] = [
  ['All exceptions', []],
  ['Mismatch', ['mismatch']],
  ['Only legacy', ['left_only']],
  ['Only new', ['right_only']],
  ['Timing', ['timing']],
  ['Key issues', ['duplicate_key', 'null_key']],
  ['Within tolerance', ['within_tolerance']],
];

/**
 * `active` false: built ahead (or kept) out of sight while the analyst reads a drill level, so that the
 * step down to the rows swaps the list in a grid that is already built. It asks nothing while hidden,
 * unless `hold`: then it draws the level's own list out of sight, from the first page asked ahead, so
 * that "Exception rows here" only has to show it (10M: the first page was shown 80–101 ms after the
 * click when the grid took its rows then).
 */
export function ExceptionRows({ drill, keyCount, active = true, hold = false }: { drill: DrillView; keyCount: number; active?: boolean; hold?: boolean }) {
  const version = useWorkbench((s) => s.resultsVersion);
  const setDrill = useWorkbench((s) => s.setDrill);
  const openRow = useWorkbench((s) => s.openRow);
  const [classes, setClasses] = useState<ClassFilter[]>([]);
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const [explained, setExplained] = useState<Explanation[]>([]);
  const [selection, setSelection] = useState<{ key: string; rows: Row[] } | null>(null);
  const notesVersion = useNotes((s) => s.version);
  const [columns, setColumns] = useState<ColumnInfo[] | null>(() => exceptionColumns(version));
  const [total, setTotal] = useState<number | null>(null);
  const pathKey = rowsKey(drill.path, drill.column, version);
  const rowsIn = useRowsIn((s) => s.key === pathKey);
  const searchBox = useRef<HTMLInputElement>(null);
  // The first block, asked with (or before) the grid's creation, serves the grid's first request: one
  // round trip, and the grid is built while it travels. Only the grid's first request for a list may
  // take it; once the grid has asked for itself, a block asked ahead is stale (a refresh must not read it).
  const firstBlock = useRef<{ key: string; page: Promise<TablePage> } | null>(null);
  const gridAsked = useRef<string | null>(null);
  const filters = drill.path;
  const set = { filters, classes: classes.length ? classes : undefined, column: drill.column ?? undefined, search: applied || undefined };
  const query = { ...set, explanations: explained.length ? explained : undefined };
  const resetKey = JSON.stringify([query, version]);
  // Asked once the first rows are in (see rows-in.ts).
  const counts = useExplanationCounts(active && columns && rowsIn ? set : null);
  // A new list starts with nothing selected.
  const selected = selection?.key === resetKey ? selection.rows : [];
  const idIndex = columns?.findIndex((c) => c.name === EXCEPTION_ID) ?? -1;
  const where = groupName(filters);
  const withinOnly = classes.length === 1 && classes[0] === 'within_tolerance';

  const annotateSelected = () => {
    const ids = selected.map((r) => String(r[idIndex]));
    const title = ids.length === 1 ? `the exception with key ${selected[0].slice(1, 1 + keyCount).map((k) => k ?? '∅').join(' · ')}` : `${count(ids.length)} selected exceptions`;
    useNotes.getState().openAnnotate({ title, size: ids.length, target: { ids } });
  };
  const annotateAll = () => useNotes.getState().openAnnotate({ title: `all ${count(total ?? 0)} exceptions in ${where}`, size: total, target: { set: query } });

  // Out of sight the list forgets its chips and search, as a list opened afresh would have none; a list
  // held out of sight after being shown starts again too (top, unsorted, unfiltered).
  const [shownBefore, setShownBefore] = useState(active);
  const [hidden, setHidden] = useState(0);
  if (shownBefore !== active) {
    setShownBefore(active);
    if (!active) {
      setHidden((n) => n + 1);
      setClasses([]);
      setExplained([]);
      setSearch('');
      setApplied('');
      setTotal(null);
    }
  }
  useEffect(() => {
    if (!active) gridAsked.current = null;
  }, [active]);

  // A list built ahead learns its columns from the engine's plan rather than from a first page.
  useEffect(() => {
    if (columns) return;
    let live = true;
    void askExceptionColumns(version).then(() => live && setColumns((shown) => shown ?? exceptionColumns(version)));
    return () => {
      live = false;
    };
  }, [columns, version]);

  const plain = !classes.length && !explained.length && !applied && !drill.column;
  const holding = !active && hold && plain;
  // Before the grid's own first request (AG Grid makes it in a task of its own), so that it finds this one in flight.
  useLayoutEffect(() => {
    if (!active && !holding) return;
    let live = true;
    let cancelShown = () => undefined as void;
    // The plain list of a drill path may have been asked ahead while its level was on screen.
    const page = (plain && rowsAhead(filters, version, notesVersion, holding)) || api().call('compare.exceptions', { ...query, offset: 0, limit: BLOCK });
    if (gridAsked.current !== resetKey) firstBlock.current = { key: resetKey, page };
    page
      .then((first) => {
        if (!live) return;
        // Its columns only: the grid decodes the rows themselves when it takes the same page.
        const listed = pageColumns(first.arrow).map((c) => ({ name: c.name, type: c.type }));
        rememberExceptionColumns(version, listed);
        setColumns((shown) => (shown && JSON.stringify(shown) === JSON.stringify(listed) ? shown : listed));
        setTotal(first.total);
        // Once the grid has drawn these rows (it takes the same page in tasks of its own): a count over
        // the exceptions asked while they are drawn takes the cores from them. 200k, medians of three:
        // month → rows 147 → 117 ms, all rows' first page 205 → 139 ms.
        if (active) cancelShown = whenIdle(() => useRowsIn.getState().shown(pathKey));
      })
      .catch((e) => useWorkbench.getState().showError(e));
    return () => {
      live = false;
      cancelShown();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetKey, active, holding, hidden]);

  useEffect(() => {
    // Ctrl/Cmd+F filters the rows, as in a spreadsheet.
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        searchBox.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  const fetchPage = useCallback(
    async (offset: number, limit: number, sort: SortSpec[], columnFilters: ColumnFilter[]) => {
      const ahead = firstBlock.current;
      firstBlock.current = null;
      gridAsked.current = resetKey;
      if (ahead?.key === resetKey && offset === 0 && limit === BLOCK && !sort.length && !columnFilters.length) return ahead.page;
      const started = performance.now();
      const page = await api().call('compare.exceptions', { ...query, offset, limit, sort, columnFilters });
      document.querySelector('[data-testid="exception-grid"]')?.setAttribute('data-page-ms', String(Math.round(performance.now() - started)));
      return page;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [resetKey],
  );

  return (
    <section className={`panel panel-fill ${active ? '' : 'offstage'}`} data-testid="exception-rows" hidden={!active}>
      <header className="panel-head wrap">
        <div className="chips">
          {CLASSES.map(([label, cls]) => (
            <button key={label} className={`chip-btn ${JSON.stringify(cls) === JSON.stringify(classes) ? 'on' : ''}`} onClick={() => setClasses(cls)}>
              {label}
            </button>
          ))}
          {drill.column && (
            <span className="chip" data-testid="column-filter">
              where {drill.column} differs
              <button className="chip-x" aria-label="Show every column" onClick={() => setDrill({ column: null })}>
                ×
              </button>
            </span>
          )}
        </div>
        <div className="spacer" />
        <input
          ref={searchBox}
          className="search"
          placeholder="Find a key…  (Ctrl+F)"
          aria-label="Find a key"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && setApplied(search.trim())}
          onBlur={() => setApplied(search.trim())}
        />
        <span className="muted small" data-testid="exception-total">
          {total === null ? '' : `${count(total)} ${total === 1 ? 'row' : 'rows'}`}
        </span>
      </header>
      <div className="panel-subhead">
        {/* Out of sight the drill level's own bar is the one on screen. */}
        {active &&
          (withinOnly ? (
            <span className="muted small" data-testid="within-note">
              These rows differ only within the contract&apos;s tolerances: the tolerance explains them, and they are not exceptions.
            </span>
          ) : (
            <ExplanationBar counts={counts} picked={explained} onPick={setExplained} />
          ))}
        <div className="spacer" />
        <button className="btn btn-small" disabled={selected.length === 0 || idIndex < 0} onClick={annotateSelected} data-testid="annotate-selected" title="Ctrl+click or Shift+click rows to select several">
          Annotate {selected.length ? count(selected.length) : ''} selected…
        </button>
        <button className="btn btn-small" disabled={!total} onClick={annotateAll} data-testid="annotate-all">
          Annotate all {total ? count(total) : ''}…
        </button>
      </div>
      {columns && (
        <PagedGrid
          columns={columns}
          fetchPage={fetchPage}
          resetKey={`${resetKey}#${hidden}`}
          active={active || holding}
          gridId="exceptions"
          testId="exception-grid"
          onError={(e) => useWorkbench.getState().showError(e)}
          onTotal={setTotal}
          pinnedLeft={1 + keyCount}
          refreshKey={notesVersion}
          onSelection={(rows) => setSelection({ key: resetKey, rows })}
          focused={active}
          onOpen={(row) => openRow(row.slice(1, 1 + keyCount), idIndex >= 0 ? String(row[idIndex]) : null)}
        />
      )}
    </section>
  );
}
