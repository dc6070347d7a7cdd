/** Lines a CSV import refused, with file, line number, column and reason: nothing is dropped silently. */
import { useEffect, useState } from 'react';
import type { RejectsPage, Side, SourceInfo, WorkspaceState } from '../../shared/types';
import { api } from '../api/client';
import { basename, count } from '../lib/format';
import { useWorkbench } from '../store/workbench';
import { SideToggle } from './SideToggle';

const PAGE = 200;

function RejectsTable({ side, source }: { side: Side; source: SourceInfo }) {
  const [offset, setOffset] = useState(0);
  const [loaded, setLoaded] = useState<{ offset: number; page: RejectsPage } | null>(null);
  useEffect(() => {
    let live = true;
    api()
      .call('sources.rejects', { side, offset, limit: PAGE })
      .then((page) => live && setLoaded({ offset, page }))
      .catch((e) => useWorkbench.getState().showError(e));
    return () => {
      live = false;
    };
  }, [side, offset]);
  const page = loaded?.offset === offset ? loaded.page : null;
  return (
    <div className="table-wrap">
      <table className="rejects" data-testid="rejects-table">
        <thead>
          <tr>
            <th>File</th>
            <th className="num">Line</th>
            <th>Column</th>
            <th>Problem</th>
            <th>Reason</th>
            <th>Line as written</th>
          </tr>
        </thead>
        <tbody>
          {page?.lines.map((l) => (
            <tr key={`${l.file}:${l.line}`} data-testid="reject-row">
              <td title={l.file}>{basename(l.file)}</td>
              <td className="num" data-testid="reject-line">{l.line}</td>
              <td>{l.columns.join(', ') || '—'}</td>
              <td>{l.errorTypes.map((t) => t.toLowerCase()).join(', ')}</td>
              <td>{l.reason}</td>
              <td className="raw">
                <code>{l.raw}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {source.rejectedLines > PAGE && (
        <div className="pager">
          <button className="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </button>
          <span className="muted">
            {count(offset + 1)}–{count(Math.min(offset + PAGE, source.rejectedLines))} of {count(source.rejectedLines)}
          </span>
          <button className="btn btn-small" disabled={offset + PAGE >= source.rejectedLines} onClick={() => setOffset(offset + PAGE)}>
            Next
          </button>
        </div>
      )}
    </div>
  );
}

export function RejectsView({ ws }: { ws: WorkspaceState }) {
  const side = useWorkbench((s) => s.dataSide);
  const setSide = useWorkbench((s) => s.setDataSide);
  const source = side === 'left' ? ws.left : ws.right;
  return (
    <section className="panel panel-fill">
      <header className="panel-head">
        <SideToggle side={side} onChange={setSide} />
        {source && <span className="muted">{count(source.rejectedLines)} rejected line(s) in {source.label}</span>}
      </header>
      {!source ? (
        <p className="empty">No source on this side yet.</p>
      ) : source.format === 'parquet' ? (
        <p className="empty">Parquet files carry typed columns; nothing can be rejected on import.</p>
      ) : source.rejectedLines === 0 ? (
        <p className="empty">Every line was imported.</p>
      ) : (
        <RejectsTable key={`${side}-${source.importedAt}`} side={side} source={source} />
      )}
    </section>
  );
}
