/** The pack's exceptions by its dimensions, down to the rows: the drill-down, read from the pack alone. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Explanation, ExplanationCounts } from '../../shared/annotations';
import type { AuditOverview } from '../../shared/audit';
import type { DrillFilter, DrillResult } from '../../shared/compare';
import type { ColumnFilter } from '../../shared/filters';
import type { SortSpec } from '../../shared/types';
import { api } from '../api/client';
import { Breadcrumb } from '../drill/Breadcrumb';
import { GroupGrid } from '../drill/GroupGrid';
import { PagedGrid } from '../grid/PagedGrid';
import { count } from '../lib/format';
import { ExplanationBar } from '../notes/ExplanationBar';
import { useWorkbench } from '../store/workbench';

export function AuditDrill({ overview }: { overview: AuditOverview }) {
  const [path, setPath] = useState<DrillFilter[]>([]);
  const [rows, setRows] = useState(false);
  const [picked, setPicked] = useState<Explanation[]>([]);
  const [level, setLevel] = useState<DrillResult | null>(null);
  const [counts, setCounts] = useState<ExplanationCounts | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const dims = overview.dimensions;
  const dimension = rows || path.length >= dims.length ? null : dims[path.length].name;
  const key = JSON.stringify([path, dimension]);

  useEffect(() => {
    let live = true;
    const fail = (e: unknown) => useWorkbench.getState().showError(e);
    if (dimension) api().call('audit.drill', { dimension, filters: path }).then((r) => live && setLevel(r), fail);
    api().call('audit.counts', { filters: path, by: dimension ? { dimension } : undefined }).then((c) => live && setCounts(c), fail);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const unexplained = useMemo(() => (counts && dimension ? new Map(counts.groups.map((g) => [g.value, g.unexplained])) : null), [counts, dimension]);
  const query = useMemo(() => ({ filters: path, explanations: picked.length ? picked : undefined }), [path, picked]);
  const fetchPage = useCallback(
    (offset: number, limit: number, sort: SortSpec[], columnFilters: ColumnFilter[]) => api().call('audit.exceptions', { ...query, offset, limit, sort, columnFilters }),
    [query],
  );
  const view = { order: dims.map((d) => d.name), path, grain: 'month' as const, rows: rows || !dimension, column: null };
  const up = (depth: number) => {
    setPath(path.slice(0, depth));
    setRows(false);
  };
  const into = (value: string | null) => {
    if (!dimension) return;
    const next = [...path, { dimension, value, grain: dims[path.length].grain }];
    setPath(next);
    setRows(next.length >= dims.length);
  };
  const shown = level && level.dimension === dimension && JSON.stringify(level.filters) === JSON.stringify(path) ? level : null;

  return (
    <section className="panel panel-fill" data-testid="audit-drill">
      <header className="panel-head wrap">
        <Breadcrumb drill={view} onUp={up} />
        <div className="spacer" />
        {dimension && (
          <button className="btn btn-small" onClick={() => setRows(true)} data-testid="audit-show-rows">
            Exception rows here →
          </button>
        )}
      </header>
      <div className="panel-subhead">
        <ExplanationBar counts={counts} picked={dimension ? [] : picked} onPick={dimension ? undefined : setPicked} />
        <div className="spacer" />
        {!dimension && total !== null && <span className="muted small" data-testid="audit-total">{count(total)} rows</span>}
      </div>
      {dimension ? (
        shown ? (
          <GroupGrid result={shown} unexplained={unexplained} onDrill={(g) => into(g.value)} />
        ) : (
          <p className="muted">Loading…</p>
        )
      ) : (
        <PagedGrid
          columns={overview.columns}
          fetchPage={fetchPage}
          resetKey={JSON.stringify(query)}
          gridId="audit-exceptions"
          testId="audit-grid"
          pinnedLeft={1 + overview.keyCount}
          onTotal={setTotal}
          onError={(e) => useWorkbench.getState().showError(e)}
        />
      )}
    </section>
  );
}
